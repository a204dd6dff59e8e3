import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ProvinceReport, ReportRow } from '@luot/shared/contracts';
import type { HubApi, PeriodQuery } from './api.ts';
import { Bars } from './Bars.tsx';
import type { Locale, WordId } from './text.ts';
import { formatCount, formatDay, formatMinutes, formatPercent, todayInVietnam, useWords } from './text.ts';

/** The no-show rate: no-shows among the tickets that were called. */
export const noShowRate = (row: ReportRow): number | null =>
  row.wait.count === 0 ? null : (row.noShow / row.wait.count) * 100;

/** What the halls can be ranked by, best first. */
export const RANKINGS = {
  satisfaction: {
    word: 'satisfaction',
    value: (row: ReportRow) => row.satisfaction.percentSatisfied,
    isHigherBetter: true,
  },
  withinTarget: {
    word: 'withinTarget',
    value: (row: ReportRow) => row.withinTargetPercent,
    isHigherBetter: true,
  },
  waitP90: { word: 'waitP90', value: (row: ReportRow) => row.wait.p90Ms, isHigherBetter: false },
  served: { word: 'served', value: (row: ReportRow) => row.served, isHigherBetter: true },
  noShowRate: { word: 'noShowRate', value: noShowRate, isHigherBetter: false },
} as const satisfies Record<
  string,
  { word: WordId; value: (row: ReportRow) => number | null; isHigherBetter: boolean }
>;
/** A ranking's name. */
export type Ranking = keyof typeof RANKINGS;

/** Halls in rank order for a measure (halls without a value last). */
export function rankHalls(rows: readonly ReportRow[], ranking: Ranking): ReportRow[] {
  const { value, isHigherBetter } = RANKINGS[ranking];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return isHigherBetter ? y - x : x - y;
  });
}

const firstOfMonth = (day: string): string => `${day.slice(0, 8)}01`;

/** Reports across halls for any period, with the hall's own formulas; ranking, charts, CSV/XLSX. */
export function ReportsScreen(props: { api: HubApi }) {
  const { w, locale, name } = useWords();
  const today = todayInVietnam();
  const [period, setPeriod] = useState<PeriodQuery>({ from: firstOfMonth(today), to: today, target: 30 });
  const [report, setReport] = useState<ProvinceReport | null>(null);
  const [ranking, setRanking] = useState<Ranking>('satisfaction');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const show = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    setBusy(true);
    const result = await props.api.report(period);
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      setError(null);
    } else setError(result.error.code === 'INTERNAL' ? w('unreachable') : result.error.message);
  };
  const download = async (kind: 'csv' | 'xlsx'): Promise<void> => {
    const result = await props.api.download(kind, period);
    if (!result.ok) return setError(result.error.message);
    const url = URL.createObjectURL(result.value);
    const link = document.createElement('a');
    link.href = url;
    link.download = `bao-cao-tinh-${period.from}-${period.to}.${kind}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{w('tabReports')}</h2>
      <form className="card period" onSubmit={(event) => void show(event)}>
        <label>
          {w('from')}
          <input
            type="date"
            value={period.from}
            max={period.to}
            onChange={(event) => setPeriod({ ...period, from: event.target.value })}
            required
          />
        </label>
        <label>
          {w('to')}
          <input
            type="date"
            value={period.to}
            min={period.from}
            onChange={(event) => setPeriod({ ...period, to: event.target.value })}
            required
          />
        </label>
        <label>
          {w('targetWait')}
          <input
            type="number"
            min={1}
            max={480}
            value={period.target}
            onChange={(event) => setPeriod({ ...period, target: Number(event.target.value) || 30 })}
          />
        </label>
        <button type="submit" disabled={isBusy}>
          {w('show')}
        </button>
        <button type="button" className="secondary" onClick={() => void download('csv')}>
          {w('exportCsv')}
        </button>
        <button type="button" className="secondary" onClick={() => void download('xlsx')}>
          {w('exportXlsx')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && (
        <>
          <Totals row={report.total} locale={locale} target={report.targetWaitMinutes} />
          <p className="muted">{w('formula')}</p>

          <div className="section-head">
            <h3>{w('ranking')}</h3>
            <label className="inline">
              {w('rankBy')}
              <select value={ranking} onChange={(event) => setRanking(event.target.value as Ranking)}>
                {Object.entries(RANKINGS).map(([id, measure]) => (
                  <option key={id} value={id}>
                    {w(measure.word)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <RowsTable rows={rankHalls(report.by.hall, ranking)} isRanked caption={w('ranking')} />

          <div className="charts">
            <Bars
              title={w('satisfactionChart')}
              data={rankHalls(report.by.hall, 'satisfaction').map((row) => ({
                label: name(row.label),
                value: row.satisfaction.percentSatisfied,
                text: formatPercent(locale, row.satisfaction.percentSatisfied),
              }))}
              max={100}
            />
            <Bars
              title={w('byDay')}
              data={report.by.day.map((row) => ({
                label: formatDay(row.key),
                value: row.issued,
                text: formatCount(locale, row.issued),
              }))}
            />
          </div>

          <h3>{w('byField')}</h3>
          <RowsTable rows={report.by.field} caption={w('byField')} />
          <h3>{w('byService')}</h3>
          <RowsTable rows={report.by.service} caption={w('byService')} />
        </>
      )}
    </section>
  );
}

function Totals(props: { row: ReportRow; locale: Locale; target: number }) {
  const { w } = useWords();
  const { row, locale } = props;
  const figures: [WordId, string][] = [
    ['issued', formatCount(locale, row.issued)],
    ['served', formatCount(locale, row.served)],
    ['noShowRate', formatPercent(locale, noShowRate(row))],
    ['waitMedian', formatMinutes(locale, row.wait.medianMs)],
    ['waitP90', formatMinutes(locale, row.wait.p90Ms)],
    ['serviceTime', formatMinutes(locale, row.service.averageMs)],
    ['withinTarget', formatPercent(locale, row.withinTargetPercent)],
    ['satisfaction', formatPercent(locale, row.satisfaction.percentSatisfied)],
  ];
  return (
    <dl className="totals" aria-label={w('province')}>
      {figures.map(([word, value]) => (
        <div key={word}>
          <dt>{w(word)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RowsTable(props: { rows: readonly ReportRow[]; caption: string; isRanked?: boolean }) {
  const { w, locale, name } = useWords();
  return (
    <div className="table-wrap">
      <table aria-label={props.caption}>
        <thead>
          <tr>
            {props.isRanked && <th scope="col">#</th>}
            <th scope="col">{props.isRanked ? w('hall') : props.caption}</th>
            <th scope="col">{w('issued')}</th>
            <th scope="col">{w('served')}</th>
            <th scope="col">{w('noShowRate')}</th>
            <th scope="col">{w('waitMedian')}</th>
            <th scope="col">{w('waitP90')}</th>
            <th scope="col">{w('serviceTime')}</th>
            <th scope="col">{w('withinTarget')}</th>
            <th scope="col">{w('ratings')}</th>
            <th scope="col">{w('satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => (
            <tr key={row.key}>
              {props.isRanked && <td className="number">{index + 1}</td>}
              <th scope="row">{name(row.label)}</th>
              <td className="number">{formatCount(locale, row.issued)}</td>
              <td className="number">{formatCount(locale, row.served)}</td>
              <td className="number">{formatPercent(locale, noShowRate(row))}</td>
              <td className="number">{formatMinutes(locale, row.wait.medianMs)}</td>
              <td className="number">{formatMinutes(locale, row.wait.p90Ms)}</td>
              <td className="number">{formatMinutes(locale, row.service.averageMs)}</td>
              <td className="number">{formatPercent(locale, row.withinTargetPercent)}</td>
              <td className="number">{formatCount(locale, row.satisfaction.total)}</td>
              <td className="number">{formatPercent(locale, row.satisfaction.percentSatisfied)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
