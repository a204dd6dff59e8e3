import { describe, expect, it } from 'vitest';
import { STATUS_REQUEST } from '../../src/main/printer/escpos.ts';
import {
  canPrint,
  parseStatus,
  readStatus,
  simulatedStatusAnswer,
  type PrinterState,
  type SimulatedState,
  type StatusAnswers,
} from '../../src/main/printer/status.ts';
import { FakePrinterDevice } from './fake-printer-device.ts';

// Bytes as Epson documents them for DLE EOT 1 / 2 / 4: bits 1 and 4 always set, 0 and 7 always clear.
const READY = 0x12;
const answers = (
  printer: number | null,
  offlineCause: number | null = null,
  paperSensor: number | null = null,
): StatusAnswers => ({
  printer,
  offlineCause,
  paperSensor,
});

describe('parseStatus', () => {
  it.each<[string, StatusAnswers, PrinterState, RegExp]>([
    ['no answer at all', answers(null), 'no_answer', /no answer/],
    ['a byte that is no status answer', answers(0x00, READY, READY), 'no_answer', /unrecognised answer 0x00/],
    ['everything ready', answers(READY, READY, READY), 'ok', /^ready$/],
    ['only DLE EOT 1 answered (cheap printers)', answers(READY), 'ok', /^ready$/],
    ['roll near its end (both sensor bits)', answers(READY, READY, 0x1e), 'paper_low', /paper near end/],
    ['roll near its end (one bit, some clones)', answers(READY, READY, 0x16), 'paper_low', /paper near end/],
    [
      'roll at its end, printer online a moment longer',
      answers(READY, READY, 0x72),
      'paper_out',
      /paper end/,
    ],
    ['offline: printing stopped at paper end', answers(0x1a, 0x32, 0x7e), 'paper_out', /paper end/],
    ['offline: cover open', answers(0x1a, 0x16, READY), 'cover_open', /cover open/],
    [
      'cover open and paper out: loading paper comes first',
      answers(0x1a, 0x36, 0x72),
      'paper_out',
      /paper end; cover open/,
    ],
    ['offline: an error occurred (cutter jam)', answers(0x1a, 0x52, READY), 'offline', /error/],
    ['offline, causes not answered', answers(0x1a), 'offline', /printer offline/],
    ['waiting for online recovery', answers(0x32, READY, READY), 'offline', /waiting for online recovery/],
    ['garbage in a cause byte is ignored, not trusted', answers(READY, 0xff, 0xff), 'ok', /^ready$/],
  ])('%s → %s', (_case, input, state, detail) => {
    const status = parseStatus(input);
    expect(status.state).toBe(state);
    expect(status.detail).toMatch(detail);
  });

  it('lets ok and paper_low print, and refuses every other state', () => {
    const states: PrinterState[] = ['ok', 'paper_low', 'paper_out', 'cover_open', 'offline', 'no_answer'];
    const printable = states.filter((state) => canPrint({ state, detail: '' }));
    expect(printable).toEqual(['ok', 'paper_low']);
  });
});

describe('simulatedStatusAnswer', () => {
  it.each<SimulatedState>(['ok', 'paper_low', 'paper_out', 'cover_open', 'offline'])(
    'speaks the bytes a real printer that is %s sends, which parse back to the same state',
    (state) => {
      const ask = (request: Uint8Array): number | null => simulatedStatusAnswer(state, request)?.[0] ?? null;
      const parsed = parseStatus({
        printer: ask(STATUS_REQUEST.printer),
        offlineCause: ask(STATUS_REQUEST.offlineCause),
        paperSensor: ask(STATUS_REQUEST.paperSensor),
      });
      expect(parsed.state).toBe(state);
    },
  );

  it('says nothing when silent or asked something other than DLE EOT', () => {
    expect(simulatedStatusAnswer('silent', STATUS_REQUEST.printer)).toBeNull();
    expect(simulatedStatusAnswer('ok', Uint8Array.of(0x1b, 0x40))).toBeNull();
  });
});

describe('readStatus', () => {
  it('asks DLE EOT 1, 2 and 4, in that order', async () => {
    const device = new FakePrinterDevice();
    device.state = 'paper_low';
    expect(await readStatus(device, 200)).toEqual({ state: 'paper_low', detail: 'paper near end' });
    expect(device.wire.map((event) => (event.kind === 'query' ? [...event.request] : event.kind))).toEqual([
      [0x10, 0x04, 1],
      [0x10, 0x04, 2],
      [0x10, 0x04, 4],
    ]);
  });

  it('stops after one unanswered request: a silent printer costs one timeout, not three', async () => {
    const device = new FakePrinterDevice();
    device.state = 'silent';
    const start = performance.now();
    expect((await readStatus(device, 100)).state).toBe('no_answer');
    expect(performance.now() - start).toBeLessThan(250);
    expect(device.wire).toHaveLength(1);
  });
});
