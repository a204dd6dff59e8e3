import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import type { DayStats } from './terminal-model.ts';
import { formatDuration } from './text.ts';

/** The day at a glance for this counter: served, no-shows, average service time. */
export function DayPanel({ day, locale }: { readonly day: DayStats; readonly locale: Locale }) {
  return (
    <section className="panel day" aria-labelledby="day-title">
      <h2 id="day-title" className="panel-title">
        {translate(locale, 'counter.day.title')}
      </h2>
      <dl className="day__stats">
        <div className="stat">
          <dt>{translate(locale, 'counter.day.served')}</dt>
          <dd data-testid="day-served">{day.served}</dd>
        </div>
        <div className="stat">
          <dt>{translate(locale, 'counter.day.noShows')}</dt>
          <dd data-testid="day-no-shows">{day.noShows}</dd>
        </div>
        <div className="stat">
          <dt>{translate(locale, 'counter.day.average')}</dt>
          <dd data-testid="day-average">
            {day.averageServiceMs === null ? '—' : formatDuration(locale, day.averageServiceMs)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
