import { Worker } from 'node:worker_threads';
import { zoneTransitionsOf } from '@luot/shared/domain';
import type { WorkerEntry } from '../worker-files.ts';
import type { AnalysisJob, AnalysisResults } from './analysis-jobs.ts';
import type { WorkerRequest, WorkerResponse } from './report-worker.ts';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The main thread's side of the analysis worker (report-worker.ts): one worker thread, started at the
 * first job and kept for the next ones (a start costs a module load and a database open), jobs answered
 * in order. A worker that dies fails the jobs it had and is started afresh at the next job; the hall's
 * commands never wait for any of it.
 */
export class AnalysisWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private isClosed = false;

  constructor(
    private readonly databaseFile: string,
    private readonly entry: WorkerEntry,
  ) {}

  /** Run a job in the worker. */
  run<J extends AnalysisJob>(job: J): Promise<AnalysisResults[J['kind']]> {
    if (this.isClosed) return Promise.reject(new Error('the analysis worker is closed'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Busy while it has jobs: the server's process stays up for them, and not for an idle worker.
      worker.ref();
      const zoneTransitions = zoneTransitionsOf(job.config.hall.timeZone);
      const request: WorkerRequest = { id, job, ...(zoneTransitions ? { zoneTransitions } : {}) };
      worker.postMessage(request);
    });
  }

  /** Stop the worker (its jobs fail). */
  async close(): Promise<void> {
    this.isClosed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the analysis worker is closed'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const options = { workerData: { databaseFile: this.databaseFile } };
    const worker =
      this.entry.kind === 'file'
        ? new Worker(this.entry.file, options)
        : new Worker(this.entry.code, { ...options, eval: true });
    worker.on('message', (response: WorkerResponse) => {
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if (this.pending.size === 0) worker.unref();
      if (response.ok) pending.resolve(response.value);
      else pending.reject(new Error(response.message));
    });
    const onEnd = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on('error', onEnd);
    worker.on('exit', (code) => onEnd(new Error(`the analysis worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(error);
  }
}
