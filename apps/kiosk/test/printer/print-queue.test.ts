import { describe, expect, it } from 'vitest';
import { PrintQueue } from '../../src/main/printer/print-queue.ts';
import type { SimulatedState } from '../../src/main/printer/status.ts';
import type { PrinterTransport } from '../../src/main/printer/transport.ts';
import { FakePrinterDevice, type WireEvent } from './fake-printer-device.ts';

const job = (marker: number): Uint8Array => Uint8Array.of(0x1b, 0x40, marker, marker, marker);
const writes = (wire: readonly WireEvent[]): WireEvent[] => wire.filter((event) => event.kind === 'write');
// Short timeouts keep the suite fast; the defaults (800 ms per status request) are for real printers.
const options = { statusTimeoutMs: 100, writeTimeoutMs: 200 };

const deviceIn = (state: SimulatedState): FakePrinterDevice => {
  const device = new FakePrinterDevice();
  device.state = state;
  return device;
};

describe('PrintQueue', () => {
  it('reads the status, sends the job, and reads the status again, when the printer is ready', async () => {
    const device = deviceIn('ok');
    const result = await new PrintQueue(device, options).print(job(1));
    expect(result).toEqual({ ok: true, status: { state: 'ok', detail: 'ready' } });
    expect(device.wire.map((event) => event.kind)).toEqual([
      ...['query', 'query', 'query', 'write', 'write'],
      ...['query', 'query', 'query'],
    ]);
    expect(device.acceptedBytes()).toEqual(job(1));
  });

  it('still prints when the roll is near its end, and says so', async () => {
    const device = deviceIn('paper_low');
    const result = await new PrintQueue(device, options).print(job(1));
    expect(result).toEqual({ ok: true, status: { state: 'paper_low', detail: 'paper near end' } });
    expect(device.acceptedBytes()).toEqual(job(1));
  });

  it.each<[SimulatedState, string]>([
    ['paper_out', 'paper_out'],
    ['cover_open', 'cover_open'],
    ['offline', 'offline'],
    ['silent', 'no_answer'],
  ])(
    'refuses when the printer is %s, returns that status and sends no ticket byte',
    async (state, expected) => {
      const device = deviceIn(state);
      const result = await new PrintQueue(device, options).print(job(1));
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ failure: 'refused', status: { state: expected } });
      expect(writes(device.wire)).toEqual([]);
      expect(device.accepted).toEqual([]);
    },
  );

  it('refuses when the printer is stalled on everything, without waiting past the status timeout', async () => {
    const device = deviceIn('ok');
    device.stall('everything');
    const start = performance.now();
    const result = await new PrintQueue(device, options).print(job(1));
    expect(result).toMatchObject({ ok: false, failure: 'refused', status: { state: 'no_answer' } });
    expect(performance.now() - start).toBeLessThan(400);
    expect(writes(device.wire)).toEqual([]);
  });

  it('prints to a write-only printer when told to print without status', async () => {
    const device = deviceIn('silent');
    const result = await new PrintQueue(device, { ...options, printWhenSilent: true }).print(job(1));
    expect(result).toEqual({ ok: true, status: { state: 'no_answer', detail: 'no answer to DLE EOT 1' } });
    expect(device.acceptedBytes()).toEqual(job(1));
  });

  it('times out a write the printer stops taking, then prints the next job once it recovers', async () => {
    const device = deviceIn('ok');
    device.stall('writes'); // status still answers: the buffer is full, the printer is not dead
    const queue = new PrintQueue(device, options);
    const start = performance.now();
    const stalled = await queue.print(job(1));
    expect(stalled).toMatchObject({ ok: false, failure: 'write_timeout', status: { state: 'offline' } });
    expect(performance.now() - start).toBeLessThan(200 + 3 * 100 + 300);
    device.resume();
    expect(await queue.print(job(2))).toMatchObject({ ok: true });
    expect(device.acceptedBytes()).toEqual(job(2));
  });

  it('times out a write even when the transport ignores its own timeout', async () => {
    // A transport that breaks its contract: status answers, writes never settle.
    const device = deviceIn('ok');
    const broken: PrinterTransport = {
      description: 'broken transport',
      query: (request, timeoutMs) => device.query(request, timeoutMs),
      write: () => new Promise<void>(() => undefined),
      close: () => device.close(),
    };
    const start = performance.now();
    const result = await new PrintQueue(broken, { statusTimeoutMs: 100, writeTimeoutMs: 50 }).print(job(1));
    expect(result).toMatchObject({ ok: false, failure: 'write_timeout' });
    expect(performance.now() - start).toBeLessThan(50 + 1000 + 300);
  });

  it('reports a transport that cannot reach the printer as offline, and sends nothing', async () => {
    const device = deviceIn('ok');
    await device.close(); // every call now rejects, as an unplugged USB printer's would
    const result = await new PrintQueue(device, options).print(job(1));
    expect(result).toMatchObject({ ok: false, failure: 'refused', status: { state: 'offline' } });
    expect(device.accepted).toEqual([]);
  });

  it('runs concurrent jobs one at a time, in the order they came, never interleaving bytes', async () => {
    const device = deviceIn('ok');
    device.writeDelayMs = 30; // each write takes a while, so the jobs would overlap if not queued
    const queue = new PrintQueue(device, options);
    const results = await Promise.all([queue.print(job(1)), queue.print(job(2)), queue.print(job(3))]);
    expect(results.every((result) => result.ok)).toBe(true);
    const kinds = device.wire.map((event) =>
      event.kind === 'write' ? `${event.phase}:${event.bytes[2]}` : 'q',
    );
    const wireOf = (marker: number): string[] => [
      ...['q', 'q', 'q'],
      ...[`start:${marker}`, `end:${marker}`],
      ...['q', 'q', 'q'],
    ];
    expect(kinds).toEqual([...wireOf(1), ...wireOf(2), ...wireOf(3)]);
    expect(device.acceptedBytes()).toEqual(Uint8Array.from([...job(1), ...job(2), ...job(3)]));
  });

  it('prints again once paper is loaded, and reads the status between jobs, never during one', async () => {
    const device = deviceIn('paper_out');
    device.writeDelayMs = 30;
    const queue = new PrintQueue(device, options);
    expect(await queue.print(job(1))).toMatchObject({
      ok: false,
      failure: 'refused',
      status: { state: 'paper_out' },
    });
    device.state = 'ok'; // the clerk loaded a roll
    const printed = queue.print(job(2));
    const status = queue.status(); // asked while job 2 is being written
    expect(await printed).toMatchObject({ ok: true });
    expect(await status).toEqual({ state: 'ok', detail: 'ready' });
    const lastWriteEnd = device.wire.findLastIndex(
      (event) => event.kind === 'write' && event.phase === 'end',
    );
    // The job's own check after printing, then the status asked for meanwhile.
    expect(device.wire.slice(lastWriteEnd + 1).map((event) => event.kind)).toEqual([
      ...['query', 'query', 'query'],
      ...['query', 'query', 'query'],
    ]);
    expect(device.acceptedBytes()).toEqual(job(2));
  });
});
