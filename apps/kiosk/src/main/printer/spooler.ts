import type { PrinterStatus } from './status.ts';

/**
 * The Windows print spooler, as the kiosk uses it: the printers Windows knows (each with its vendor
 * driver still installed), their queues, and a way to hand a job to one. The real one is winspool.drv
 * through koffi (`winspool.ts`); tests put a fake here (`test/printer/fake-spooler.ts`). Every method
 * may reject with a {@link SpoolerError} carrying Windows' error code.
 */
export interface Spooler {
  /** The printers installed on this PC (local and connected), for the kiosk's settings. */
  listPrinters(): Promise<SpoolerPrinterInfo[]>;
  /** One printer by its Windows name, or null when there is none by that name. */
  printer(name: string): Promise<SpoolerPrinterInfo | null>;
  /** The jobs in a printer's queue, oldest first. */
  jobs(printerName: string): Promise<SpoolerJob[]>;
  /** One job, or null once it has left the queue (printed, or deleted). */
  job(printerName: string, jobId: number): Promise<SpoolerJob | null>;
  /**
   * Send bytes to the printer as they are (datatype RAW: the driver does not touch them), as one
   * document; resolves with the job's id once the spooler has all the bytes.
   */
  submitRaw(printerName: string, documentName: string, bytes: Uint8Array): Promise<number>;
  /** Delete a job from the queue (so an abandoned ticket never comes out later). */
  cancel(printerName: string, jobId: number): Promise<void>;
}

/** What the spooler says about a printer (PRINTER_INFO_2). */
export type SpoolerPrinterInfo = {
  readonly name: string;
  readonly portName: string;
  readonly driverName: string;
  readonly isDefault: boolean;
  /** PRINTER_STATUS_* bits. */
  readonly status: number;
  /** PRINTER_ATTRIBUTE_* bits. */
  readonly attributes: number;
  /** Jobs in the queue. */
  readonly jobCount: number;
};

/** One job in a printer's queue (JOB_INFO_1). */
export type SpoolerJob = {
  readonly id: number;
  readonly document: string;
  /** JOB_STATUS_* bits. */
  readonly status: number;
  /** When it was submitted (ms since the epoch, from the spooler's UTC SYSTEMTIME). */
  readonly submittedAt: number;
};

/** A spooler call failed; `code` is Windows' error (GetLastError), e.g. 1801 for an unknown printer. */
export class SpoolerError extends Error {
  override readonly name = 'SpoolerError';
  constructor(
    message: string,
    readonly code: number | null = null,
  ) {
    super(
      code === null
        ? message
        : `${message} (Windows error ${code}${WINDOWS_ERRORS[code] ? `: ${WINDOWS_ERRORS[code]}` : ''})`,
    );
  }
}

/** The Windows errors a kiosk meets, in words a technician can act on. */
const WINDOWS_ERRORS: Readonly<Record<number, string>> = {
  5: 'access denied',
  1722: 'the print spooler service is not running',
  1801: 'no printer by that name',
  1804: 'the driver does not accept this data type',
  1905: 'the printer was deleted',
  3003: 'the spooler cannot reach the printer port',
};

/** PRINTER_STATUS_* (winspool.h). */
export const PRINTER_STATUS = {
  PAUSED: 0x1,
  ERROR: 0x2,
  PENDING_DELETION: 0x4,
  PAPER_JAM: 0x8,
  PAPER_OUT: 0x10,
  MANUAL_FEED: 0x20,
  PAPER_PROBLEM: 0x40,
  OFFLINE: 0x80,
  IO_ACTIVE: 0x100,
  BUSY: 0x200,
  PRINTING: 0x400,
  OUTPUT_BIN_FULL: 0x800,
  NOT_AVAILABLE: 0x1000,
  WAITING: 0x2000,
  PROCESSING: 0x4000,
  INITIALIZING: 0x8000,
  WARMING_UP: 0x10000,
  TONER_LOW: 0x20000,
  NO_TONER: 0x40000,
  PAGE_PUNT: 0x80000,
  USER_INTERVENTION: 0x100000,
  OUT_OF_MEMORY: 0x200000,
  DOOR_OPEN: 0x400000,
  SERVER_UNKNOWN: 0x800000,
  POWER_SAVE: 0x1000000,
  SERVER_OFFLINE: 0x2000000,
  DRIVER_UPDATE_NEEDED: 0x4000000,
} as const;

/** PRINTER_ATTRIBUTE_WORK_OFFLINE: "Use printer offline" is ticked in Windows. */
export const PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x400;

/** JOB_STATUS_* (winspool.h). */
export const JOB_STATUS = {
  PAUSED: 0x1,
  ERROR: 0x2,
  DELETING: 0x4,
  SPOOLING: 0x8,
  PRINTING: 0x10,
  OFFLINE: 0x20,
  PAPEROUT: 0x40,
  PRINTED: 0x80,
  DELETED: 0x100,
  BLOCKED_DEVQ: 0x200,
  USER_INTERVENTION: 0x400,
  RESTART: 0x800,
  COMPLETE: 0x1000,
  RETAINED: 0x2000,
} as const;

/** Job bits that mean the job cannot go on by itself. */
const JOB_FAULTS =
  JOB_STATUS.ERROR |
  JOB_STATUS.OFFLINE |
  JOB_STATUS.PAPEROUT |
  JOB_STATUS.BLOCKED_DEVQ |
  JOB_STATUS.USER_INTERVENTION |
  JOB_STATUS.PAUSED;

/** Whether a job is done: printed (and kept), complete, or gone. */
export function isJobFinished(job: SpoolerJob): boolean {
  return (job.status & (JOB_STATUS.PRINTED | JOB_STATUS.COMPLETE)) !== 0;
}

/** Whether a job is stuck on a fault the spooler reports (paper out, offline, error, paused…). */
export function isJobFaulted(job: SpoolerJob): boolean {
  return (job.status & JOB_FAULTS) !== 0 || (job.status & (JOB_STATUS.DELETING | JOB_STATUS.DELETED)) !== 0;
}

/** The state a faulted job's bits say, and their names for the detail. */
export function jobFault(job: SpoolerJob): PrinterStatus {
  const names = bitNames(job.status, JOB_STATUS);
  const detail = `job ${job.id} "${job.document}": ${names.join(', ') || 'no status'}`;
  if ((job.status & JOB_STATUS.PAPEROUT) !== 0) return { state: 'paper_out', detail };
  return { state: 'offline', detail };
}

const PRINTER_FAULTS: readonly (readonly [number, PrinterStatus['state']])[] = [
  [PRINTER_STATUS.PAPER_OUT, 'paper_out'],
  [PRINTER_STATUS.DOOR_OPEN, 'cover_open'],
  [
    PRINTER_STATUS.OFFLINE |
      PRINTER_STATUS.NOT_AVAILABLE |
      PRINTER_STATUS.ERROR |
      PRINTER_STATUS.PAUSED |
      PRINTER_STATUS.PENDING_DELETION |
      PRINTER_STATUS.PAPER_JAM |
      PRINTER_STATUS.PAPER_PROBLEM |
      PRINTER_STATUS.USER_INTERVENTION |
      PRINTER_STATUS.OUT_OF_MEMORY |
      PRINTER_STATUS.SERVER_OFFLINE |
      PRINTER_STATUS.SERVER_UNKNOWN |
      PRINTER_STATUS.DRIVER_UPDATE_NEEDED |
      PRINTER_STATUS.MANUAL_FEED |
      PRINTER_STATUS.OUTPUT_BIN_FULL,
    'offline',
  ],
];

/**
 * Our printer state from what the spooler knows. A spooler knows much less than the printer's own
 * `DLE EOT` answers (docs/PRINTING.md, "Windows printers"): it reports what the driver's port monitor
 * tells it, mostly only while a job is being sent. So: paper out and cover open only when the driver
 * reports them; offline for an unplugged or switched-off printer (Windows marks it so), a paused queue,
 * "Use printer offline", an error; and jobs stuck in the queue — a job with a fault, or any job older
 * than `stuckAfterMs` — count as offline too, because a new ticket would wait behind them. Paper near
 * end is never known.
 */
export function spoolerStatus(
  printer: SpoolerPrinterInfo,
  jobs: readonly SpoolerJob[],
  now: number,
  stuckAfterMs: number,
): PrinterStatus {
  const findings = bitNames(printer.status, PRINTER_STATUS).filter(
    (name) => name !== 'PRINTING' && name !== 'IO_ACTIVE',
  );
  if ((printer.attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE) !== 0) findings.push('USE_PRINTER_OFFLINE');
  const faulted = jobs.find(isJobFaulted);
  const stale = jobs.filter((job) => now - job.submittedAt > stuckAfterMs);
  if (faulted) findings.push(jobFault(faulted).detail);
  if (stale.length > 0) {
    const oldest = Math.round((now - Math.min(...stale.map((job) => job.submittedAt))) / 1000);
    findings.push(`${stale.length} job(s) stuck in the Windows queue, oldest ${oldest} s`);
  }
  const detail = `windows printer "${printer.name}" on ${printer.portName}: ${findings.join('; ') || 'ready'}`;
  for (const [bits, state] of PRINTER_FAULTS) {
    if ((printer.status & bits) !== 0) return { state, detail };
  }
  if ((printer.attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE) !== 0) return { state: 'offline', detail };
  if (faulted) return { state: jobFault(faulted).state, detail };
  if (stale.length > 0) return { state: 'offline', detail };
  return { state: 'ok', detail };
}

function bitNames(value: number, table: Readonly<Record<string, number>>): string[] {
  return Object.entries(table)
    .filter(([, bit]) => (value & bit) !== 0)
    .map(([name]) => name);
}
