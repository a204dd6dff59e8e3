import { useEffect, useRef, useState } from 'react';
import type { HallConfig } from '@luot/shared/domain';
import { translateErrorCode } from '@luot/shared/text';
import type { AdminApi, HallReport, ReportDimension, ReportRow } from './api.ts';
import { REPORT_DIMENSIONS } from './api.ts';
import { BarChart, LineChart } from './charts.tsx';
import { formatMinutes, formatPercent, localDay, useText } from './text.ts';

/** Reports for a day or a range: figures, charts, tables by dimension, CSV and XLSX exports. */
export function ReportsScreen(props: { api: AdminApi; config: HallConfig }) {
  const { t, name, locale } = useText();
  const today = localDay(Date.now(), props.config.hall.timeZone);
  const [from, setFrom] = useState(() => localDay(Date.now() - 6 * 86_400_000, props.config.hall.timeZone));
  const [to, setTo] = useState(today);
  const [target, setTarget] = useState(30);
  const [dimension, setDimension] = useState<ReportDimension>('service');
  const [report, setReport] = useState<HallReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** The range being computed, while the server works (a year takes a moment); null when idle. */
  const [loading, setLoading] = useState<{ from: string; to: string } | null>(null);
  // Only the latest request may fill the screen: an earlier, slower one must not overwrite it.
  const latest = useRef(0);

  const load = async (): Promise<void> => {
    const request = (latest.current += 1);
    setLoading({ from, to });
    setProblem(null);
    const result = await props.api.report(from, to, target);
    if (request !== latest.current) return;
    setLoading(null);
    if (result.ok) setReport(result.value);
    else setProblem(translateErrorCode(locale, result.error.code));
  };
  useEffect(() => {
    void load();
    // Load once on open; later loads come from the form.
  }, []);

  const total = report?.total;
  const satisfiedLabels =
    report?.levels.filter((level) => level.isSatisfied).map((level) => name(level.label)) ?? [];

  return (
    <div className="stack reports" aria-busy={loading !== null}>
      <form
        className="panel row"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <label className="inline">
          {t('admin.reports.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline">
          {t('admin.reports.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="inline">
          {t('admin.reports.target')}
          <input
            className="short"
            type="number"
            min={1}
            max={480}
            value={target}
            onChange={(e) => setTarget(Number(e.target.value) || 30)}
          />
        </label>
        <button className="primary" type="submit" disabled={loading !== null}>
          {t('admin.reports.show')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => void props.api.download(from, to, target, 'csv')}>
          {t('admin.reports.csv')}
        </button>
        <button type="button" onClick={() => void props.api.download(from, to, target, 'xlsx')}>
          {t('admin.reports.xlsx')}
        </button>
      </form>
      <p className="notice reports-status" role="status" data-testid="report-status">
        {loading &&
          t('admin.reports.loading', {
            from: formatDay(loading.from),
            to: formatDay(loading.to),
          })}
      </p>
      {problem && <p className="problem">{problem}</p>}
      {report && total && (
        <div className={loading ? 'stack stale' : 'stack'}>
          <section className="cards">
            <Card label={t('admin.reports.issued')} value={String(total.issued)} />
            <Card label={t('admin.reports.served')} value={String(total.served)} />
            <Card label={t('admin.reports.noShow')} value={String(total.noShow)} />
            <Card label={t('admin.reports.transferred')} value={String(total.transferred)} />
            <Card label={t('admin.reports.cancelled')} value={String(total.cancelled)} />
            <Card label={t('admin.reports.avgWait')} value={formatMinutes(locale, total.wait.averageMs)} />
            <Card label={t('admin.reports.p90Wait')} value={formatMinutes(locale, total.wait.p90Ms)} />
            <Card
              label={t('admin.reports.avgService')}
              value={formatMinutes(locale, total.service.averageMs)}
            />
            <Card
              label={t('admin.reports.onTime', { minutes: report.targetWaitMinutes })}
              value={formatPercent(locale, total.withinTargetPercent)}
            />
            <Card
              label={t('admin.reports.satisfied')}
              value={formatPercent(locale, total.satisfaction.percentSatisfied)}
              isStrong
            />
          </section>
          <section className="panel formula">
            <h2>{t('admin.reports.formulaTitle')}</h2>
            <p>{t('admin.reports.formula', { levels: satisfiedLabels.join(' + ') })}</p>
            <p>
              <strong>
                = (
                {report.levels
                  .filter((level) => level.isSatisfied)
                  .map((level) => total.satisfaction.byLevel[String(level.value)] ?? 0)
                  .join(' + ')}
                ) / {total.satisfaction.total} × 100 ={' '}
                {formatPercent(locale, total.satisfaction.percentSatisfied)}
              </strong>
            </p>
            <p className="muted small">{t('admin.reports.definitions')}</p>
          </section>
          <section className="charts">
            <BarChart
              title={t('admin.reports.chartArrivals')}
              series={[t('admin.reports.issued')]}
              data={report.by.hour.map((row) => ({ label: row.key, values: [row.issued] }))}
            />
            <BarChart
              title={t('admin.reports.chartWaits')}
              series={[t('admin.reports.avgWait'), t('admin.reports.p90Wait')]}
              unit={t('admin.reports.minutesUnit')}
              data={report.by.service.map((row) => ({
                label: serviceShort(props.config, row),
                values: [(row.wait.averageMs ?? 0) / 60_000, (row.wait.p90Ms ?? 0) / 60_000],
              }))}
            />
            <LineChart
              title={t('admin.reports.chartSatisfaction')}
              isPercent
              points={report.by.day.map((row) => ({
                label: row.key.slice(5),
                value: row.satisfaction.percentSatisfied,
              }))}
            />
            <BarChart
              title={t('admin.reports.chartDistribution')}
              series={[t('admin.reports.ratings')]}
              data={report.levels.map((level) => ({
                label: name(level.label),
                values: [total.satisfaction.byLevel[String(level.value)] ?? 0],
              }))}
            />
          </section>
          <section className="panel">
            <div className="row">
              <h2>{t('admin.reports.table')}</h2>
              <select
                aria-label={t('admin.reports.by')}
                value={dimension}
                onChange={(e) => setDimension(e.target.value as ReportDimension)}
              >
                {REPORT_DIMENSIONS.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {t(`admin.reports.by.${candidate}`)}
                  </option>
                ))}
              </select>
            </div>
            <ReportTable report={report} rows={[...report.by[dimension], report.total]} />
          </section>
        </div>
      )}
    </div>
  );
}

/** `2026-12-07` → `07/12/2026`, the day format of every screen (glossary). */
function formatDay(day: string): string {
  return day.split('-').reverse().join('/');
}

function serviceShort(config: HallConfig, row: ReportRow): string {
  return config.services.find((service) => service.id === row.key)?.prefix ?? row.key;
}

function Card(props: { label: string; value: string; isStrong?: boolean }) {
  return (
    <div className={props.isStrong ? 'card strong' : 'card'}>
      <span>{props.label}</span>
      <strong>{props.value}</strong>
    </div>
  );
}

function ReportTable(props: { report: HallReport; rows: readonly ReportRow[] }) {
  const { t, name, locale } = useText();
  return (
    <div className="table-scroll">
      <table className="dense">
        <thead>
          <tr>
            <th>{t('admin.reports.group')}</th>
            <th className="num">{t('admin.reports.issued')}</th>
            <th className="num">{t('admin.reports.served')}</th>
            <th className="num">{t('admin.reports.noShow')}</th>
            <th className="num">{t('admin.reports.transferred')}</th>
            <th className="num">{t('admin.reports.cancelled')}</th>
            <th className="num">{t('admin.reports.avgWait')}</th>
            <th className="num">{t('admin.reports.medianWait')}</th>
            <th className="num">{t('admin.reports.p90Wait')}</th>
            <th className="num">{t('admin.reports.avgService')}</th>
            <th className="num">{t('admin.reports.p90Service')}</th>
            <th className="num">{t('admin.reports.onTime', { minutes: props.report.targetWaitMinutes })}</th>
            {props.report.levels.map((level) => (
              <th key={level.value} className="num">
                {name(level.label)}
              </th>
            ))}
            <th className="num">{t('admin.reports.satisfied')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} className={row.key === 'total' ? 'total' : ''}>
              <td>{name(row.label)}</td>
              <td className="num">{row.issued}</td>
              <td className="num">{row.served}</td>
              <td className="num">{row.noShow}</td>
              <td className="num">{row.transferred}</td>
              <td className="num">{row.cancelled}</td>
              <td className="num">{formatMinutes(locale, row.wait.averageMs)}</td>
              <td className="num">{formatMinutes(locale, row.wait.medianMs)}</td>
              <td className="num">{formatMinutes(locale, row.wait.p90Ms)}</td>
              <td className="num">{formatMinutes(locale, row.service.averageMs)}</td>
              <td className="num">{formatMinutes(locale, row.service.p90Ms)}</td>
              <td className="num">{formatPercent(locale, row.withinTargetPercent)}</td>
              {props.report.levels.map((level) => (
                <td key={level.value} className="num">
                  {row.satisfaction.byLevel[String(level.value)] ?? 0}
                </td>
              ))}
              <td className="num">{formatPercent(locale, row.satisfaction.percentSatisfied)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
