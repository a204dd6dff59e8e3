import { useState } from 'react';
import type { Locale, MessageId } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { Dialog, FormButtons } from './Dialog.tsx';

/** The usual reasons a counter pauses; the Vietnamese text is what the server records and managers read. */
export const PAUSE_REASONS = [
  'counter.pause.break',
  'counter.pause.meeting',
  'counter.pause.paperwork',
  'counter.pause.technical',
] as const satisfies readonly MessageId[];

/** Props of {@link PauseDialog}. */
export interface PauseDialogProps {
  readonly locale: Locale;
  readonly onSubmit: (reason: string) => void;
  readonly onCancel: () => void;
}

/** Pause the counter with a reason from the list, or another reason typed in. */
export function PauseDialog({ locale, onSubmit, onCancel }: PauseDialogProps) {
  const [choice, setChoice] = useState<(typeof PAUSE_REASONS)[number] | 'other'>(PAUSE_REASONS[0]);
  const [other, setOther] = useState('');
  const reason = choice === 'other' ? other.trim() : translate('vi', choice);
  const isOther = choice === 'other';

  return (
    <Dialog title={translate(locale, 'counter.pause.title')} onClose={onCancel}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason !== '') onSubmit(reason);
        }}
      >
        <fieldset className="choices">
          <legend className="field__label">{translate(locale, 'counter.pause.reason')}</legend>
          {PAUSE_REASONS.map((id) => (
            <label key={id} className="choice">
              <input
                type="radio"
                name="reason"
                value={id}
                checked={choice === id}
                onChange={() => setChoice(id)}
              />
              {translate(locale, id)}
            </label>
          ))}
          <label className="choice">
            <input
              type="radio"
              name="reason"
              value="other"
              checked={isOther}
              onChange={() => setChoice('other')}
            />
            {translate(locale, 'counter.pause.other')}
          </label>
          {isOther && (
            <input
              className="choices__other"
              name="other"
              type="text"
              maxLength={200}
              value={other}
              aria-label={translate(locale, 'counter.pause.other')}
              onChange={(event) => setOther(event.target.value)}
            />
          )}
        </fieldset>
        <FormButtons
          locale={locale}
          onCancel={onCancel}
          submitLabel={translate(locale, 'counter.pause.submit')}
          isSubmitDisabled={reason === ''}
        />
      </form>
    </Dialog>
  );
}
