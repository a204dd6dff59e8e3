import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrinterState } from '@luot/shared/contracts';
import type { BridgePrinterStatus } from '../../src/bridge.ts';
import { startPrinterReporter } from '../../src/renderer/printer-reporter.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setUp() {
  let state: PrinterState = 'ok';
  let isOnline = true;
  const reported: string[] = [];
  const seen: string[] = [];
  const reporter = startPrinterReporter({
    read: () => Promise.resolve({ state, detail: state }),
    report: (status: BridgePrinterStatus) => {
      reported.push(status.state);
      return Promise.resolve(true);
    },
    isOnline: () => isOnline,
    onStatus: (status) => seen.push(status.state),
    pollMs: 10_000,
    heartbeatMs: 60_000,
    now: () => Date.now(),
  });
  return {
    reporter,
    reported,
    seen,
    setState: (next: PrinterState) => (state = next),
    setOnline: (next: boolean) => (isOnline = next),
  };
}

describe('startPrinterReporter', () => {
  it('reports at once, on every change, and once a minute without one', async () => {
    const { reporter, reported, setState } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(reported).toEqual(['ok']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(reported).toEqual(['ok']);
    setState('paper_low');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reported).toEqual(['ok', 'paper_low']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reported).toEqual(['ok', 'paper_low', 'paper_low']);
    reporter.stop();
  });

  it('reports a status the issue flow learned without waiting for the next poll', async () => {
    const { reporter, reported } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    reporter.note({ state: 'paper_out', detail: 'paper end' });
    await vi.advanceTimersByTimeAsync(0);
    expect(reported).toEqual(['ok', 'paper_out']);
    reporter.stop();
  });

  it('sends nothing while offline, then the latest status once back', async () => {
    const { reporter, reported, seen, setOnline, setState } = setUp();
    setOnline(false);
    await vi.advanceTimersByTimeAsync(0);
    setState('cover_open');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reported).toEqual([]);
    expect(seen).toEqual(['ok', 'cover_open']);
    setOnline(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reported).toEqual(['cover_open']);
    reporter.stop();
    setState('ok');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reported).toEqual(['cover_open']);
  });
});
