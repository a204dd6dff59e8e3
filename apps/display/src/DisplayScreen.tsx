import { formatDateVi, formatTimeVi, translate } from '@luot/shared/text';
import type { CSSProperties } from 'react';
import { Bilingual } from './Bilingual.tsx';
import type { CallView, CounterRow, DisplayModel, WaitingCount } from './display-model.ts';
import { PREVIOUS_CALLS_SHOWN } from './display-model.ts';

/** Counters per column: more than this and the table flows into a second (then a third) column. */
const ROWS_PER_COLUMN = 5;

/**
 * The hall display, laid out for a TV seen from ten metres. Sizes are in `--u` (1% of the screen's
 * shorter side), so the same layout scales from 1080p to 4K and turns into a column on a portrait screen.
 * While the link is down the "now serving" parts are greyed and labelled as possibly out of date.
 */
export function DisplayScreen({
  model,
  now,
  isLive,
  isSoundOff,
  onOpenSettings,
}: {
  readonly model: DisplayModel;
  readonly now: number;
  readonly isLive: boolean;
  readonly isSoundOff: boolean;
  readonly onOpenSettings: () => void;
}) {
  return (
    <div className="display" data-live={isLive ? 'true' : 'false'}>
      <header className="display__header">
        <h1 className="display__hall">{model.hallName}</h1>
        {!isLive && (
          <div className="display__offline" role="status">
            <Bilingual id="display.status.offline" />
          </div>
        )}
        {isSoundOff && <Bilingual id="display.sound.off" className="display__sound-off" />}
        <div className="display__clock">
          <span className="display__time">{formatTimeVi(now, model.timeZone)}</span>
          <span className="display__date">{formatDateVi(now, model.timeZone)}</span>
        </div>
      </header>

      <FeaturedCall call={model.latest} isLive={isLive} />

      <div className="display__panels">
        <CountersPanel rows={model.counters} isLive={isLive} />
        <RecentPanel calls={model.previous} />
        <WaitingPanel counts={model.waiting} />
      </div>

      <NoticeLine text={model.noticeLine} />

      <button
        type="button"
        className="display__settings"
        onClick={onOpenSettings}
        aria-label={`${translate('vi', 'display.settings.open')} / ${translate('en', 'display.settings.open')}`}
      >
        ⚙
      </button>
    </div>
  );
}

function Outdated({ isLive }: { readonly isLive: boolean }) {
  if (isLive) return null;
  return <Bilingual id="display.status.outdated" className="outdated" />;
}

function FeaturedCall({ call, isLive }: { readonly call: CallView | null; readonly isLive: boolean }) {
  if (call === null) {
    return (
      <section className="featured featured--empty" aria-live="polite">
        <Bilingual id="display.call.none" className="featured__none" />
      </section>
    );
  }
  return (
    // A new key remounts the section, which replays the flash: every call and every recall flashes.
    <section key={call.key} className="featured featured--fresh" aria-live="assertive">
      <Outdated isLive={isLive} />
      <div className="featured__sentence">
        <div className="featured__part">
          <Bilingual id="display.call.invite" className="featured__label" />
          <span className="featured__ticket" data-testid="featured-ticket">
            {call.ticketNumber}
          </span>
        </div>
        <span className="featured__arrow" aria-hidden="true">
          ➜
        </span>
        <div className="featured__part">
          <Bilingual id="display.call.toCounter" className="featured__label" />
          <span className="featured__counter" data-testid="featured-counter">
            {call.counterNumber}
          </span>
        </div>
      </div>
      <p className="featured__subtitle" lang="en">
        {translate('en', 'display.call.sentence', { ticket: call.ticketNumber, counter: call.counterNumber })}
      </p>
    </section>
  );
}

function CountersPanel({ rows, isLive }: { readonly rows: readonly CounterRow[]; readonly isLive: boolean }) {
  const columns = Math.min(3, Math.ceil(rows.length / ROWS_PER_COLUMN));
  const style = {
    '--rows': Math.max(Math.ceil(rows.length / Math.max(columns, 1)), 3),
    '--columns': Math.max(columns, 1),
  } as CSSProperties;
  return (
    <section className="panel panel--counters">
      <h2 className="panel__title">
        <Bilingual id="display.counters.title" />
        <Outdated isLive={isLive} />
      </h2>
      <ol className="counters" style={style}>
        {rows.map((row) => (
          <li
            key={row.counterId}
            className="counters__row"
            data-status={row.status}
            data-ticket={row.ticketStatus ?? 'none'}
          >
            <span className="counters__number" title={row.name.vi}>
              {row.number}
            </span>
            <span className="counters__ticket" data-testid={`counter-${row.number}`}>
              {row.ticketNumber ??
                (row.status === 'open' ? (
                  '—'
                ) : (
                  <Bilingual id={`counterState.${row.status}`} className="counters__state" />
                ))}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

// The last calls and the waiting counts are greyed while offline; the "may be out of date" labels sit on
// the "now serving" parts (the featured call and the counters), where a stale number would mislead.
function RecentPanel({ calls }: { readonly calls: readonly CallView[] }) {
  const style = { '--count': PREVIOUS_CALLS_SHOWN } as CSSProperties;
  return (
    <section className="panel panel--recent">
      <h2 className="panel__title">
        <Bilingual id="display.recent.title" />
      </h2>
      <ol className="recent" style={style}>
        {calls.map((call) => (
          <li key={call.key} className="recent__row">
            <span className="recent__ticket">{call.ticketNumber}</span>
            <span className="recent__arrow" aria-hidden="true">
              ➜
            </span>
            <span className="recent__counter">{call.counterNumber}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function WaitingPanel({ counts }: { readonly counts: readonly WaitingCount[] }) {
  const style = { '--count': Math.max(counts.length, 5) } as CSSProperties;
  return (
    <section className="panel panel--waiting">
      <h2 className="panel__title">
        <Bilingual id="display.waiting.title" />
      </h2>
      <ul className="waiting" style={style}>
        {counts.map((count) => (
          <li key={count.serviceId} className="waiting__row">
            <span className="waiting__prefix">{count.prefix}</span>
            <span className="waiting__name">
              <span className="waiting__vi">{count.name.vi}</span>
              <span className="waiting__en" lang="en">
                {count.name.en}
              </span>
            </span>
            <span className="waiting__count" data-testid={`waiting-${count.serviceId}`}>
              {count.waiting}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoticeLine({ text }: { readonly text: string }) {
  if (text.trim() === '') return <footer className="notice notice--empty" />;
  // The text runs twice in a row so the loop has no gap; the speed is constant whatever its length.
  const style = { '--notice-seconds': Math.max(20, Math.round(text.length / 6)) } as CSSProperties;
  return (
    <footer className="notice" style={style}>
      <div className="notice__track">
        <span className="notice__text">{text}</span>
        <span className="notice__text" aria-hidden="true">
          {text}
        </span>
      </div>
    </footer>
  );
}
