import type { MessageId, TranslateParamsArgs } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

/** A message in Vietnamese, with its English line below (smaller): every text a citizen reads on the TV. */
export function Bilingual<Id extends MessageId>({
  id,
  params,
  className,
}: {
  readonly id: Id;
  readonly params?: TranslateParamsArgs<Id>[0];
  readonly className?: string;
}) {
  const args = [params] as TranslateParamsArgs<Id>;
  return (
    <span className={className === undefined ? 'both' : `both ${className}`}>
      <span className="both__vi" lang="vi">
        {translate('vi', id, ...args)}
      </span>
      <span className="both__en" lang="en">
        {translate('en', id, ...args)}
      </span>
    </span>
  );
}
