import type { ReactNode } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { paginate } from './catalogue.ts';

/** Props of a paged grid of large buttons. */
export type PagedChoicesProps<T> = {
  readonly items: readonly T[];
  readonly columns: number;
  readonly rows: number;
  readonly page: number;
  readonly onPage: (page: number) => void;
  readonly locale: Locale;
  readonly keyOf: (item: T) => string;
  readonly render: (item: T) => ReactNode;
};

/**
 * A grid of large buttons, one page at a time: a hall with 42 fields shows four pages of twelve with
 * big "previous / next" buttons and the page number, instead of a long list to scroll with a finger.
 *
 * Nothing on a button is ever cut: rows take the height their buttons need, and when a page's buttons
 * (long names, a reason, English) need more height than the screen has, the page holds one row fewer
 * until they fit. A page with few buttons spreads them over at least half the rows, so they are larger
 * rather than leaving the screen empty.
 */
export function PagedChoices<T>(props: PagedChoicesProps<T>) {
  const fullPage = props.columns * props.rows;
  const [rowsPerPage, setRowsPerPage] = useState(props.rows);
  const grid = useRef<HTMLDivElement>(null);
  // A new list, language or shape starts again from the full page (the list by content: screens rebuild it).
  const signature = props.items.map(props.keyOf).join('\n');
  useLayoutEffect(() => setRowsPerPage(props.rows), [signature, props.locale, props.columns, props.rows]);
  useLayoutEffect(() => {
    const element = grid.current;
    if (element && element.scrollHeight > element.clientHeight + 1 && rowsPerPage > 1) {
      setRowsPerPage(rowsPerPage - 1);
    }
  });
  const pageSize = Math.min(fullPage, props.columns * rowsPerPage);
  const pages = paginate(props.items, pageSize);
  const page = Math.min(Math.max(props.page, 0), pages.length - 1);
  const items = pages[page] ?? [];
  const rowsShown = Math.max(Math.ceil(items.length / props.columns), Math.ceil(rowsPerPage / 2));
  const { locale } = props;
  return (
    <div className="kiosk-choices">
      <div
        ref={grid}
        className="kiosk-choices__grid"
        data-rows={rowsPerPage}
        style={{
          gridTemplateColumns: `repeat(${props.columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${rowsShown}, minmax(min-content, 1fr))`,
        }}
      >
        {items.map((item) => (
          <div className="kiosk-choices__cell" key={props.keyOf(item)}>
            {props.render(item)}
          </div>
        ))}
      </div>
      {pages.length > 1 ? (
        <div className="kiosk-pager" data-testid="pager">
          <button
            type="button"
            className="kiosk-pager__button"
            data-testid="page-previous"
            disabled={page === 0}
            onClick={() => props.onPage(page - 1)}
          >
            <span aria-hidden="true">‹</span> {translate(locale, 'kiosk.nav.previous')}
          </button>
          <span className="kiosk-pager__label" data-testid="page-label">
            {translate(locale, 'kiosk.nav.page', { page: page + 1, pages: pages.length })}
          </span>
          <button
            type="button"
            className="kiosk-pager__button"
            data-testid="page-next"
            disabled={page === pages.length - 1}
            onClick={() => props.onPage(page + 1)}
          >
            {translate(locale, 'kiosk.nav.next')} <span aria-hidden="true">›</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Props of one large choice button. */
export type ChoiceButtonProps = {
  readonly title: string;
  readonly subtitle?: string | null;
  /** Why it cannot be chosen; shown on the button, which is then disabled. */
  readonly reason?: string | null;
  readonly testId: string;
  readonly onChoose: () => void;
};

/** One large touch button: a name in big type, a smaller second line, and the reason when disabled. */
export function ChoiceButton(props: ChoiceButtonProps) {
  const isDisabled = Boolean(props.reason);
  // Long names step down to a smaller (never small) size before the page gives up a row.
  const length = props.title.length;
  const size = length > 70 ? 'long' : length > 40 ? 'medium' : 'short';
  return (
    <button
      type="button"
      className={`kiosk-choice kiosk-choice--${size}${isDisabled ? ' kiosk-choice--disabled' : ''}`}
      data-testid={props.testId}
      disabled={isDisabled}
      onClick={props.onChoose}
    >
      <span className="kiosk-choice__title">{props.title}</span>
      {props.subtitle ? <span className="kiosk-choice__subtitle">{props.subtitle}</span> : null}
      {props.reason ? <span className="kiosk-choice__reason">{props.reason}</span> : null}
    </button>
  );
}
