import type { PrinterState } from '@luot/shared/contracts';
import type { PrintFailure } from '../../src/main/printer/print-queue.ts';
import type { DeviceFault, JobStep } from './fake-usb-printer.ts';

/** The four ways a kiosk printer fails, as the visitor and the manager must be told. */
export type FaultKind = 'paper_out' | 'cover_open' | 'offline' | 'no_answer';

/** The four moments of one print job a fault can strike. */
export type FaultStep = 'status' | 'raster' | 'cut' | 'after';

/** One cell of the matrix: the fault at the device, and what the print path must make of it. */
export type FaultCell = {
  readonly kind: FaultKind;
  readonly step: FaultStep;
  /** What the fake device does. */
  readonly fault: DeviceFault;
  /** Where in the job; null for `status`: the fault is there when the job's first status check runs. */
  readonly at: JobStep | null;
  /** The job's outcome. */
  readonly failure: PrintFailure;
  /** The printer state the job reports (and the kiosk shows, and the manager sees). */
  readonly state: PrinterState;
  /** Whether any byte of the ticket reached the printer (then it must never be sent again). */
  readonly isSent: boolean;
  /** Whether the printer took the job's cut command before failing. */
  readonly isCutTaken: boolean;
};

const MID_JOB_BAND = 5;

/**
 * Failure kind × print step. "Offline" is the device unplugged (before, mid-job, after) and, at the cut,
 * a transfer error while the device stays (a cutter jam: it then reports an error, i.e. offline).
 */
export const FAULT_MATRIX: readonly FaultCell[] = (
  [
    ['paper_out', 'paper_out', 'paper_out'],
    ['cover_open', 'cover_open', 'cover_open'],
    ['offline', 'unplugged', 'offline'],
    ['no_answer', 'silent', 'no_answer'],
  ] as const
).flatMap(([kind, fault, state]): FaultCell[] => {
  const stops = fault === 'paper_out' || fault === 'cover_open';
  return [
    { kind, step: 'status', fault, at: null, failure: 'refused', state, isSent: false, isCutTaken: false },
    {
      kind,
      step: 'raster',
      fault,
      at: { step: 'raster', band: MID_JOB_BAND },
      failure: fault === 'unplugged' ? 'write_failed' : 'write_timeout',
      state,
      isSent: true,
      isCutTaken: false,
    },
    {
      kind,
      step: 'cut',
      fault: fault === 'unplugged' ? 'write_error' : fault,
      at: { step: 'cut' },
      // A stopped printer still has room for the 4 bytes of the cut; a silent one takes nothing more.
      failure: stops ? 'unconfirmed' : fault === 'silent' ? 'write_timeout' : 'write_failed',
      state,
      isSent: true,
      isCutTaken: stops,
    },
    {
      kind,
      step: 'after',
      fault,
      at: { step: 'after' },
      failure: 'unconfirmed',
      state,
      isSent: true,
      isCutTaken: true,
    },
  ];
});

/** A readable name for a cell in test titles. */
export const cellName = (cell: FaultCell): string => `${cell.kind} at ${cell.step}`;
