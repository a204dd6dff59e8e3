import type { Database } from 'better-sqlite3';
import type { HallReport, ReportDimension } from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';
import type { CandidateSetup, RecordedDay, SimulationComparison } from '@luot/shared/simulation';
import { localTimeAt, recordDay, runSimulation } from '@luot/shared/simulation';
import { AdminStore } from '../db/admin-store.ts';
import { SimulationStore } from '../db/simulation-store.ts';
import { reportCsv, reportXlsx } from './export.ts';
import { computeReport } from './report.ts';

// The work the manager console asks of the analysis worker (server/src/reports/report-worker.ts): jobs
// that read a long stretch of the hall's history and would hold the event loop for hundreds of
// milliseconds if run beside the hall's commands. Plain data in, plain data out (structured clone).

/** A report over business days, and optionally its file (CSV or XLSX). */
export interface ReportJob {
  readonly kind: 'report';
  readonly from: string;
  readonly to: string;
  readonly targetWaitMinutes: number;
  /** The hall's configuration as the server holds it now (names and order of groups). */
  readonly config: HallConfig;
  readonly now: number;
  readonly format: 'json' | 'csv' | 'xlsx';
  readonly dimensions: readonly ReportDimension[];
}

/** A report file to download (bytes as a plain array, transferable between threads). */
export interface ReportFileBytes {
  readonly contentType: string;
  readonly extension: 'csv' | 'xlsx';
  readonly bytes: Uint8Array;
}

/** What a report job answers. */
export interface ReportJobResult {
  readonly report: HallReport;
  readonly file: ReportFileBytes | null;
}

/** Every job the worker runs. */
export type AnalysisJob = ReportJob | SimulationJob;

/** The answer of a job of a kind. */
export interface AnalysisResults {
  report: ReportJobResult;
  simulate: SimulationComparison;
}

/** A report file of a computed report. */
export function reportFileBytes(
  report: HallReport,
  format: 'csv' | 'xlsx',
  dimensions: readonly ReportDimension[],
): ReportFileBytes {
  if (format === 'csv')
    return {
      contentType: 'text/csv; charset=utf-8',
      extension: 'csv',
      bytes: new TextEncoder().encode(reportCsv(report, dimensions)),
    };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    bytes: reportXlsx(report, dimensions),
  };
}

/** Run a report job on a connection to the hall database (the worker's own, read-only). */
export function runReportJob(db: Database, job: ReportJob): ReportJobResult {
  const store = new AdminStore(db);
  const report = computeReport({
    from: job.from,
    to: job.to,
    config: job.config,
    tickets: store.ticketFacts(job.from, job.to),
    ratings: store.ratingFacts(job.from, job.to),
    targetWaitMinutes: job.targetWaitMinutes,
    now: job.now,
  });
  return { report, file: job.format === 'json' ? null : reportFileBytes(report, job.format, job.dimensions) };
}

/** Run any job. */
export function runAnalysisJob(db: Database, job: AnalysisJob): AnalysisResults[AnalysisJob['kind']] {
  switch (job.kind) {
    case 'report':
      return runReportJob(db, job);
    case 'simulate':
      return runSimulationJob(db, job);
  }
}
/** A policy simulation over past business days (shared/src/simulation). */
export interface SimulationJob {
  readonly kind: 'simulate';
  readonly from: string;
  readonly to: string;
  readonly targetWaitMinutes: number;
  readonly config: HallConfig;
  readonly setup: CandidateSetup;
}

const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The business days `from`…`to` that had tickets, each as it really went, folded from the event log
 * (from the rollover hour of the day to that of the next). The real setup is the configuration given.
 */
export function recordedDays(db: Database, config: HallConfig, from: string, to: string): RecordedDay[] {
  const store = new SimulationStore(db);
  const { timeZone, rolloverHour } = config.hall;
  const counterServices = Object.fromEntries(
    config.counters.filter((counter) => counter.isActive).map((counter) => [counter.id, counter.serviceIds]),
  );
  return store.daysWithTickets(from, to).map((businessDay) =>
    recordDay({
      businessDay,
      events: store.eventsBetween(
        localTimeAt(businessDay, rolloverHour * 60, timeZone),
        localTimeAt(nextDay(businessDay), rolloverHour * 60, timeZone),
      ),
      counterServices,
      priorityBound: config.policy.priorityBound,
    }),
  );
}

/** Run a simulation job on a connection to the hall database. */
export function runSimulationJob(db: Database, job: SimulationJob): SimulationComparison {
  return runSimulation({
    config: job.config,
    days: recordedDays(db, job.config, job.from, job.to),
    setup: job.setup,
    targetWaitMinutes: job.targetWaitMinutes,
  });
}
