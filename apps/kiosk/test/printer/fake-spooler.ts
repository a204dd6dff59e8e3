import {
  JOB_STATUS,
  SpoolerError,
  type Spooler,
  type SpoolerJob,
  type SpoolerPrinterInfo,
} from '../../src/main/printer/spooler.ts';

/** What the fake printer behind the queue does with the next jobs. */
export type JobBehaviour =
  /** Takes the job: it is printing at the first look, gone (printed) at the second. */
  | { readonly kind: 'print' }
  /** Never takes it: the job sits in the queue (a printer that stopped, with nothing reported). */
  | { readonly kind: 'hold' }
  /** The port monitor reports a fault on the job (paper out, offline, error…) at the first look. */
  | { readonly kind: 'fault'; readonly status: number };

type FakeJob = {
  readonly id: number;
  readonly document: string;
  status: number;
  readonly submittedAt: number;
  readonly bytes: Uint8Array;
  looks: number;
};

/**
 * The Windows print spooler at the OS edge, scripted: printers with PRINTER_STATUS bits, a queue per
 * printer whose jobs move as `behaviour` says, and a record of every byte that left the queue for the
 * printer (`printed`), every job deleted (`cancelled`), and every document name submitted.
 */
export class FakeSpooler implements Spooler {
  readonly printers = new Map<string, SpoolerPrinterInfo>();
  readonly queues = new Map<string, FakeJob[]>();
  /** Bytes that reached each printer, job after job. */
  readonly printed = new Map<string, Uint8Array[]>();
  readonly cancelled: number[] = [];
  readonly submitted: { printer: string; document: string; bytes: Uint8Array }[] = [];
  behaviour: JobBehaviour = { kind: 'print' };
  /** Thrown by the next submitRaw (e.g. the spooler service is stopped). */
  failNextSubmit: SpoolerError | null = null;
  defaultPrinter: string | null = null;
  #nextJobId = 7;
  /** The spooler's clock (a job's submission time). */
  now: () => number = Date.now;

  addPrinter(name: string, fields: Partial<Omit<SpoolerPrinterInfo, 'name'>> = {}): this {
    this.printers.set(name, {
      name,
      portName: 'USB001',
      driverName: 'XP-80',
      isDefault: false,
      status: 0,
      attributes: 0,
      jobCount: 0,
      ...fields,
    });
    this.queues.set(name, []);
    this.printed.set(name, []);
    return this;
  }

  setPrinter(name: string, fields: Partial<Omit<SpoolerPrinterInfo, 'name'>>): void {
    const printer = this.printers.get(name);
    if (!printer) throw new Error(`no fake printer ${name}`);
    this.printers.set(name, { ...printer, ...fields });
  }

  /** A job someone else left in the queue (another program, or a kiosk that crashed). */
  addStuckJob(
    printerName: string,
    document: string,
    ageMs: number,
    status: number = JOB_STATUS.PRINTING,
  ): number {
    const id = this.#nextJobId++;
    this.#queue(printerName).push({
      id,
      document,
      status,
      submittedAt: this.now() - ageMs,
      bytes: new Uint8Array(),
      looks: 0,
    });
    return id;
  }

  listPrinters(): Promise<SpoolerPrinterInfo[]> {
    return Promise.resolve([...this.printers.keys()].map((name) => this.#info(name)));
  }

  printer(name: string): Promise<SpoolerPrinterInfo | null> {
    return Promise.resolve(this.printers.has(name) ? this.#info(name) : null);
  }

  jobs(printerName: string): Promise<SpoolerJob[]> {
    return Promise.resolve(
      this.#queue(printerName).map(({ id, document, status, submittedAt }) => ({
        id,
        document,
        status,
        submittedAt,
      })),
    );
  }

  job(printerName: string, jobId: number): Promise<SpoolerJob | null> {
    const queue = this.#queue(printerName);
    const job = queue.find((candidate) => candidate.id === jobId);
    if (!job) return Promise.resolve(null);
    job.looks += 1;
    if (job.document.startsWith('Luot ticket')) this.#advance(printerName, job);
    const current = queue.find((candidate) => candidate.id === jobId);
    return Promise.resolve(
      current
        ? {
            id: current.id,
            document: current.document,
            status: current.status,
            submittedAt: current.submittedAt,
          }
        : null,
    );
  }

  submitRaw(printerName: string, documentName: string, bytes: Uint8Array): Promise<number> {
    if (this.failNextSubmit) {
      const error = this.failNextSubmit;
      this.failNextSubmit = null;
      return Promise.reject(error);
    }
    if (!this.printers.has(printerName)) return Promise.reject(new SpoolerError('OpenPrinterW failed', 1801));
    const id = this.#nextJobId++;
    this.submitted.push({ printer: printerName, document: documentName, bytes: bytes.slice() });
    this.#queue(printerName).push({
      id,
      document: documentName,
      status: JOB_STATUS.SPOOLING,
      submittedAt: this.now(),
      bytes: bytes.slice(),
      looks: 0,
    });
    return Promise.resolve(id);
  }

  /** A job the driver made from a picture (driver mode): appears in the queue like any other. */
  addDriverJob(printerName: string, documentName: string): number {
    const id = this.#nextJobId++;
    this.#queue(printerName).push({
      id,
      document: documentName,
      status: JOB_STATUS.SPOOLING,
      submittedAt: this.now(),
      bytes: new Uint8Array(),
      looks: 0,
    });
    return id;
  }

  cancel(printerName: string, jobId: number): Promise<void> {
    const queue = this.#queue(printerName);
    const index = queue.findIndex((job) => job.id === jobId);
    if (index >= 0) {
      queue.splice(index, 1);
      this.cancelled.push(jobId);
    }
    return Promise.resolve();
  }

  #advance(printerName: string, job: FakeJob): void {
    switch (this.behaviour.kind) {
      case 'print':
        if (job.looks === 1) job.status = JOB_STATUS.PRINTING;
        else {
          this.#queue(printerName).splice(this.#queue(printerName).indexOf(job), 1);
          this.printed.get(printerName)!.push(job.bytes);
        }
        return;
      case 'hold':
        job.status = JOB_STATUS.PRINTING;
        return;
      case 'fault':
        job.status = JOB_STATUS.PRINTING | this.behaviour.status;
        return;
    }
  }

  #info(name: string): SpoolerPrinterInfo {
    const printer = this.printers.get(name)!;
    return { ...printer, isDefault: name === this.defaultPrinter, jobCount: this.#queue(name).length };
  }

  #queue(printerName: string): FakeJob[] {
    const queue = this.queues.get(printerName);
    if (!queue) throw new SpoolerError(`OpenPrinterW("${printerName}") failed`, 1801);
    return queue;
  }
}
