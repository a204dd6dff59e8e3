import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { ZoneTransitions } from '@luot/shared/domain';
import { useZoneTransitions } from '@luot/shared/domain';
import type { AnalysisJob } from './analysis-jobs.ts';
import { runAnalysisJob } from './analysis-jobs.ts';
import { PAGE_CACHE_KIB } from '../db/open.ts';
import { lowerThisThreadPriority } from './thread-priority.ts';

// The analysis worker thread: its own read-only connection to the hall database, so a year's report
// or a simulated day reads and computes here while the main thread keeps answering the hall. WAL lets
// it read committed data beside the server's writer; it never writes (SQLite refuses it: read-only).
// Built into server/dist/report-worker.mjs for the compiled server (scripts/build-server.ts).

/** What the main thread sends: a job with its id. */
export interface WorkerRequest {
  readonly id: number;
  readonly job: AnalysisJob;
  /**
   * The hall zone's offsets as the main thread holds them (server/src/zone-tables.ts): the report's
   * hours and days are read from them, so this thread builds no Intl object either (ICU's data is the
   * process's, not the thread's: ≈ 5 MB of RSS for as long as the server runs).
   */
  readonly zoneTransitions?: ZoneTransitions;
}

/** What the worker answers for a job id. */
export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

const port = parentPort;
if (port === null) throw new Error('report-worker runs only as a worker thread');
// The hall's main thread gets a core before this one whenever both want it.
lowerThisThreadPriority();
const { databaseFile } = workerData as { databaseFile: string };
const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);

port.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    if (request.zoneTransitions) useZoneTransitions(request.zoneTransitions);
    const value = runAnalysisJob(db, request.job);
    // A file's bytes move to the main thread rather than being copied.
    if ('file' in value && value.file && value.file.bytes.buffer instanceof ArrayBuffer)
      transfer.push(value.file.bytes.buffer);
    response = { id: request.id, ok: true, value };
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response, transfer);
});
