import { STATUS_REQUEST } from './escpos.ts';
import type { PrinterTransport } from './transport.ts';

/** What the kiosk needs to know before printing; only `ok` and `paper_low` may print. */
export type PrinterState = 'ok' | 'paper_low' | 'paper_out' | 'cover_open' | 'offline' | 'no_answer';

/** A parsed status: the state that decides, and a technical English detail for logs and the manager. */
export type PrinterStatus = { readonly state: PrinterState; readonly detail: string };

/** One answer byte per `DLE EOT n` request, or null when the printer said nothing. */
export type StatusAnswers = {
  /** `DLE EOT 1`: printer status. */
  readonly printer: number | null;
  /** `DLE EOT 2`: offline cause. */
  readonly offlineCause: number | null;
  /** `DLE EOT 4`: roll paper sensor. */
  readonly paperSensor: number | null;
};

/** Whether a job may be sent in this state (near end still prints: the roll has metres left). */
export function canPrint(status: PrinterStatus): boolean {
  return status.state === 'ok' || status.state === 'paper_low';
}

// Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear; anything else is not an answer to
// our request (line noise, an automatic status message, another protocol).
const isStatusByte = (value: number): boolean => (value & 0b1001_0011) === 0b0001_0010;
const bit = (value: number | null, position: number): boolean =>
  value !== null && (value & (1 << position)) !== 0;
// Epson sets both bits of a sensor pair together; some clones set only one, so either counts.
const pair = (value: number | null, low: number): boolean => bit(value, low) || bit(value, low + 1);

/**
 * Decide the printer state from its real-time status bytes (Epson ESC/POS `DLE EOT` n = 1, 2, 4).
 * Paper out wins over cover open (both stop the printer; loading paper is what the clerk must do), then
 * cover open, then any other offline cause, then paper near end. Missing answers to the second and
 * third request are tolerated: some printers only answer n = 1.
 */
export function parseStatus(answers: StatusAnswers): PrinterStatus {
  const { printer } = answers;
  if (printer === null) return { state: 'no_answer', detail: 'no answer to DLE EOT 1' };
  if (!isStatusByte(printer))
    return { state: 'no_answer', detail: `unrecognised answer 0x${hex(printer)} to DLE EOT 1` };
  const cause =
    answers.offlineCause !== null && isStatusByte(answers.offlineCause) ? answers.offlineCause : null;
  const paper =
    answers.paperSensor !== null && isStatusByte(answers.paperSensor) ? answers.paperSensor : null;

  const findings: string[] = [];
  const isPaperOut = pair(paper, 5) || bit(cause, 5);
  const isCoverOpen = bit(cause, 2);
  const isOffline = bit(printer, 3) || bit(printer, 5);
  const isPaperLow = pair(paper, 2);
  if (isPaperOut) findings.push('paper end');
  if (isCoverOpen) findings.push('cover open');
  if (bit(cause, 6)) findings.push('error');
  if (bit(cause, 3)) findings.push('feeding by feed button');
  if (isOffline) findings.push('printer offline');
  if (bit(printer, 5)) findings.push('waiting for online recovery');
  if (isPaperLow) findings.push('paper near end');
  const detail = findings.length > 0 ? findings.join('; ') : 'ready';

  if (isPaperOut) return { state: 'paper_out', detail };
  if (isCoverOpen) return { state: 'cover_open', detail };
  if (isOffline || bit(cause, 6)) return { state: 'offline', detail };
  if (isPaperLow) return { state: 'paper_low', detail };
  return { state: 'ok', detail };
}

/**
 * Ask the printer for its status, each request with its own timeout. When the first request gets no
 * answer the other two are not sent: a silent printer costs one timeout, not three.
 */
export async function readStatus(transport: PrinterTransport, timeoutMs: number): Promise<PrinterStatus> {
  const ask = async (request: Uint8Array): Promise<number | null> =>
    (await transport.query(request, timeoutMs))?.[0] ?? null;
  const printer = await ask(STATUS_REQUEST.printer);
  if (printer === null) return parseStatus({ printer, offlineCause: null, paperSensor: null });
  const offlineCause = await ask(STATUS_REQUEST.offlineCause);
  const paperSensor = await ask(STATUS_REQUEST.paperSensor);
  return parseStatus({ printer, offlineCause, paperSensor });
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/** A state a simulated printer (file printer, test fake) can be told to report. */
export type SimulatedState = Exclude<PrinterState, 'no_answer'> | 'silent';

/**
 * The byte a real Epson-compatible printer in `state` answers to a `DLE EOT n` request, or null for
 * silence; for the file printer (development) and the test fake, so both speak the real protocol.
 */
export function simulatedStatusAnswer(state: SimulatedState, request: Uint8Array): Uint8Array | null {
  if (state === 'silent' || request[0] !== 0x10 || request[1] !== 0x04) return null;
  const base = 0b0001_0010;
  const isStopped = state === 'paper_out' || state === 'cover_open' || state === 'offline';
  const n = request[2];
  if (n === 1) return Uint8Array.of(base | (isStopped ? 1 << 3 : 0));
  if (n === 2) {
    const cover = state === 'cover_open' ? 1 << 2 : 0;
    const paperEnd = state === 'paper_out' ? 1 << 5 : 0;
    const error = state === 'offline' ? 1 << 6 : 0;
    return Uint8Array.of(base | cover | paperEnd | error);
  }
  if (n === 4) {
    const nearEnd = state === 'paper_low' ? 0b0000_1100 : 0;
    const end = state === 'paper_out' ? 0b0110_0000 : 0;
    return Uint8Array.of(base | nearEnd | end);
  }
  return null;
}
