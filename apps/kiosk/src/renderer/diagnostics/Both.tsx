import type { Bilingual } from './diagnostics-text.ts';

/** Vietnamese, then the English in a lighter second span (one screen serves the technician either way). */
export function Both(props: { readonly text: Bilingual }) {
  return (
    <>
      <span lang="vi">{props.text.vi}</span>
      <span lang="en" className="diagnostics-en">
        {props.text.en}
      </span>
    </>
  );
}
