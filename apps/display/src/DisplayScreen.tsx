import { formatDateVi, formatTimeVi, translate } from '@luot/shared/text';
import type { CSSProperties } from 'react';
import { useEffect, useState } from 'react';
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

      <FeaturedCall call={model.latest} hasEarlierCalls={model.previous.length > 0} isLive={isLive} />

      <main className="display__panels">
        <CountersPanel rows={model.counters} closed={model.closedCounters} isLive={isLive} />
        <RecentPanel calls={model.previous} />
        <WaitingPanel counts={model.waiting} />
      </main>

      <footer className="display__footer">
        <NoticeLine text={model.noticeLine} />
        {/* Beside the notice, never over it: the ticker runs in its own cell. */}
        <button
          type="button"
          className="display__settings"
          onClick={onOpenSettings}
          aria-label={`${translate('vi', 'display.settings.open')} / ${translate('en', 'display.settings.open')}`}
        >
          <span aria-hidden="true">⚙</span>
        </button>
      </footer>
    </div>
  );
}

function Outdated({ isLive }: { readonly isLive: boolean }) {
  if (isLive) return null;
  return <Bilingual id="display.status.outdated" className="outdated" />;
}

/**
 * Which call flashed last and when it was made. A call flashes when it is newer than the last one that
 * flashed (a new call or a recall); when the featured call ends and an older live call takes the banner,
 * it is shown calmly: a fallback is not news.
 */
function useFlashingCall(call: CallView | null): string | null {
  const [flashed, setFlashed] = useState<{ readonly key: string; readonly at: number } | null>(null);
  useEffect(() => {
    if (call !== null && (flashed === null || call.calledAt > flashed.at)) {
      setFlashed({ key: call.key, at: call.calledAt });
    }
  }, [call, flashed]);
  return flashed?.key ?? null;
}

function FeaturedCall({
  call,
  hasEarlierCalls,
  isLive,
}: {
  readonly call: CallView | null;
  /** Calls ended earlier today are listed: the empty banner then asks to wait, it does not say "none yet". */
  readonly hasEarlierCalls: boolean;
  readonly isLive: boolean;
}) {
  const flashingKey = useFlashingCall(call);
  if (call === null) {
    return (
      <section className="featured featured--empty" aria-live="polite" data-testid="featured-empty">
        <Bilingual
          id={hasEarlierCalls ? 'display.call.waitNext' : 'display.call.none'}
          className="featured__none"
        />
      </section>
    );
  }
  const isFresh = call.key === flashingKey;
  return (
    // A new key remounts the section, which replays the flash: every new call and every recall flashes.
    <section
      key={flashingKey ?? 'calm'}
      className={isFresh ? 'featured featured--fresh' : 'featured'}
      aria-live="assertive"
      data-testid="featured"
      data-fresh={isFresh ? 'true' : 'false'}
    >
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

function CountersPanel({
  rows,
  closed,
  isLive,
}: {
  readonly rows: readonly CounterRow[];
  readonly closed: readonly number[];
  readonly isLive: boolean;
}) {
  const columns = Math.min(3, Math.ceil(rows.length / ROWS_PER_COLUMN));
  const style = {
    '--rows': Math.max(Math.ceil(rows.length / Math.max(columns, 1)), 3),
    '--columns': Math.max(columns, 1),
  } as CSSProperties;
  return (
    <section className="panel panel--counters" aria-labelledby="counters-title">
      <h2 className="panel__title" id="counters-title">
        <Bilingual id="display.counters.title" />
        <Outdated isLive={isLive} />
      </h2>
      {rows.length === 0 ? (
        <Bilingual id="display.counters.none" className="counters__none" />
      ) : (
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
      )}
      {closed.length > 0 && (
        <p className="counters__closed" data-testid="closed-counters">
          <Bilingual id="display.counters.closed" params={{ numbers: closed.join(', ') }} />
        </p>
      )}
    </section>
  );
}

// The last calls and the waiting counts are greyed while offline; the "may be out of date" labels sit on
// the "now serving" parts (the featured call and the counters), where a stale number would mislead.
function RecentPanel({ calls }: { readonly calls: readonly CallView[] }) {
  const style = { '--count': PREVIOUS_CALLS_SHOWN } as CSSProperties;
  return (
    <section className="panel panel--recent" aria-labelledby="recent-title">
      <h2 className="panel__title" id="recent-title">
        <Bilingual id="display.recent.title" />
      </h2>
      <ol className="recent" style={style}>
        {calls.map((call) => (
          <li key={call.key} className="recent__row" data-outcome={call.outcome} data-testid="recent-call">
            <span className="recent__ticket">{call.ticketNumber}</span>
            <span className="recent__arrow" aria-hidden="true">
              ➜
            </span>
            <span className="recent__counter">{call.counterNumber}</span>
            <RecentOutcome call={call} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A call that ended without service says how: absent, or sent on (to which counter, if one). */
function RecentOutcome({ call }: { readonly call: CallView }) {
  if (call.outcome === 'no-show') return <Bilingual id="display.recent.noShow" className="recent__outcome" />;
  if (call.outcome !== 'transferred') return null;
  return call.transferredToCounter === null ? (
    <Bilingual id="display.recent.transferred" className="recent__outcome" />
  ) : (
    <Bilingual
      id="display.recent.transferredTo"
      params={{ counter: call.transferredToCounter }}
      className="recent__outcome"
    />
  );
}

/** Past this many characters a service name is a procedure's full title: shown smaller, Vietnamese only. */
const LONG_NAME_CHARS = 70;
const isLongName = (name: string): boolean => name.length > LONG_NAME_CHARS;

function WaitingPanel({ counts }: { readonly counts: readonly WaitingCount[] }) {
  const style = { '--count': Math.max(counts.length, 5) } as CSSProperties;
  return (
    <section className="panel panel--waiting" aria-labelledby="waiting-title">
      <h2 className="panel__title" id="waiting-title">
        <Bilingual id="display.waiting.title" />
      </h2>
      <ul className="waiting" style={style}>
        {counts.map((count) => (
          <li
            key={count.serviceId}
            className={isLongName(count.name.vi) ? 'waiting__row waiting__row--long' : 'waiting__row'}
          >
            <span className="waiting__prefix">{count.prefix}</span>
            <span className="waiting__name">
              <span className="waiting__vi">{count.name.vi}</span>
              {!isLongName(count.name.vi) && (
                <span className="waiting__en" lang="en">
                  {count.name.en}
                </span>
              )}
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
  if (text.trim() === '') return <div className="notice notice--empty" />;
  // The text runs twice in a row so the loop has no gap; the speed is constant whatever its length.
  const style = { '--notice-seconds': Math.max(20, Math.round(text.length / 6)) } as CSSProperties;
  return (
    // A ticker: its text runs past the edges on purpose (the page checks skip `data-allow-overflow`).
    <div className="notice" style={style} data-allow-overflow="ticker">
      <div className="notice__track">
        <span className="notice__text">{text}</span>
        <span className="notice__text" aria-hidden="true">
          {text}
        </span>
      </div>
    </div>
  );
}
