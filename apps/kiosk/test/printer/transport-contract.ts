import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATUS_REQUEST } from '../../src/main/printer/escpos.ts';
import { readStatus, type SimulatedState } from '../../src/main/printer/status.ts';
import {
  PrinterTimeoutError,
  TransportClosedError,
  type PrinterTransport,
} from '../../src/main/printer/transport.ts';

/** One transport wired to a device the test controls. Controls a kind of device cannot have are null. */
export type TransportHarness = {
  readonly transport: PrinterTransport;
  /** Print bytes the device has taken, once at least `length` have arrived. */
  received(length: number): Promise<Uint8Array>;
  setState(state: SimulatedState): void;
  /** Make the device answer status requests this many ms late. */
  readonly setAnswerDelay: ((delayMs: number) => void) | null;
  /** Make the device stop taking bytes, and take them again. */
  readonly stall: { start(): void; stop(): void } | null;
  dispose(): Promise<void>;
};

// Big enough to fill any socket buffer on this machine (4 MiB already stalls on loopback).
const STALL_PAYLOAD_BYTES = 8 * 1024 * 1024;

const pattern = (length: number, seed: number): Uint8Array =>
  Uint8Array.from({ length }, (_, index) => ((index * 31 + seed) % 251) | 0x20); // never DLE (0x10)

/**
 * The promises every {@link PrinterTransport} keeps (see its JSDoc). Each implementation runs this
 * suite against a device the test controls. A file can neither answer late nor stall: for it those two
 * cases check the opposite promise (answers at once, takes a big write in time) instead.
 */
export function describeTransportContract(
  name: string,
  createHarness: () => Promise<TransportHarness>,
): void {
  describe(`PrinterTransport contract: ${name}`, () => {
    let harness: TransportHarness;
    beforeEach(async () => {
      harness = await createHarness();
    });
    afterEach(async () => {
      await harness.transport.close();
      await harness.dispose();
    });

    it('delivers every written byte, in order, across writes', async () => {
      const chunks = [pattern(3, 1), pattern(100_000, 2), new Uint8Array(0), pattern(17, 3)];
      for (const chunk of chunks) await harness.transport.write(chunk, 2000);
      const expected = Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));
      expect(Buffer.from(await harness.received(expected.length)).equals(Buffer.from(expected))).toBe(true);
    });

    it.each<[SimulatedState, string]>([
      ['ok', 'ok'],
      ['paper_low', 'paper_low'],
      ['paper_out', 'paper_out'],
      ['cover_open', 'cover_open'],
      ['offline', 'offline'],
    ])('carries the status of a printer that is %s', async (state, expected) => {
      harness.setState(state);
      expect((await readStatus(harness.transport, 1000)).state).toBe(expected);
    });

    it('resolves null, after about the timeout, when the device stays silent', async () => {
      harness.setState('silent');
      const start = performance.now();
      expect(await harness.transport.query(STATUS_REQUEST.printer, 150)).toBeNull();
      const elapsed = performance.now() - start;
      expect(elapsed).toBeGreaterThanOrEqual(140);
      expect(elapsed).toBeLessThan(600);
    });

    it('never takes a late answer to an earlier request for the answer to the next one', async () => {
      const { setAnswerDelay } = harness;
      if (!setAnswerDelay) {
        // This kind answers at once or never, so nothing can arrive late: check the "at once".
        const start = performance.now();
        expect(await harness.transport.query(STATUS_REQUEST.printer, 1000)).toEqual(Uint8Array.of(0x12));
        expect(performance.now() - start).toBeLessThan(100);
        return;
      }
      harness.setState('paper_out');
      setAnswerDelay(200);
      expect(await harness.transport.query(STATUS_REQUEST.printer, 80)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 250)); // the stale "offline" byte has arrived
      harness.setState('ok');
      setAnswerDelay(0);
      expect(await harness.transport.query(STATUS_REQUEST.printer, 1000)).toEqual(Uint8Array.of(0x12));
    });

    it('rejects a write to a stalled device with PrinterTimeoutError in time, then recovers', async () => {
      const { stall } = harness;
      if (!stall) {
        // This kind never stops taking bytes (a file): a big write completes well within its timeout.
        await harness.transport.write(new Uint8Array(STALL_PAYLOAD_BYTES / 8), 2000);
        expect((await harness.received(STALL_PAYLOAD_BYTES / 8)).length).toBe(STALL_PAYLOAD_BYTES / 8);
        return;
      }
      await harness.transport.write(pattern(10, 4), 2000); // connected and flowing first
      stall.start();
      const start = performance.now();
      await expect(harness.transport.write(new Uint8Array(STALL_PAYLOAD_BYTES), 200)).rejects.toBeInstanceOf(
        PrinterTimeoutError,
      );
      expect(performance.now() - start).toBeLessThan(1000);
      stall.stop();
      const after = pattern(64, 5);
      await harness.transport.write(after, 2000);
      // The device may still hold part of the abandoned job; what matters is that the new bytes came last.
      const endsWithAfter = async (): Promise<boolean> =>
        Buffer.from((await harness.received(0)).slice(-after.length)).equals(Buffer.from(after));
      const deadline = Date.now() + 3000;
      while (!(await endsWithAfter()) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await endsWithAfter()).toBe(true);
    });

    it('settles a pending query when closed, then refuses every call', async () => {
      harness.setState('silent');
      const start = performance.now();
      const pending = harness.transport.query(STATUS_REQUEST.printer, 5000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await harness.transport.close();
      expect(await pending).toBeNull();
      expect(performance.now() - start).toBeLessThan(1000);
      await harness.transport.close(); // idempotent
      await expect(harness.transport.write(pattern(4, 6), 500)).rejects.toBeInstanceOf(TransportClosedError);
      await expect(harness.transport.query(STATUS_REQUEST.printer, 500)).rejects.toBeInstanceOf(
        TransportClosedError,
      );
    });
  });
}
