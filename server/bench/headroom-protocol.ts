import { z } from 'zod';

/**
 * What the headroom bench (headroom.ts) and its worker processes (headroom-worker.ts) say over IPC. Times
 * are on the machine's monotonic clock in ms (`monotonicMs` in bench-support.ts), comparable across
 * the processes of one machine. Both sides parse with these schemas.
 */

/** Parent → worker. */
export const toWorkerSchema = z.discriminatedUnion('type', [
  /** Open one display socket per token, a few at a time. */
  z.strictObject({ type: z.literal('connect'), url: z.string(), tokens: z.array(z.string()).min(1) }),
  /** Clock check: the worker answers with the time it received this. */
  z.strictObject({ type: z.literal('ping'), sentAt: z.number() }),
  /** Report what is left, close the sockets, exit. */
  z.strictObject({ type: z.literal('finish') }),
]);
/** A message to a worker. */
export type ToWorker = z.output<typeof toWorkerSchema>;

/** Worker → parent. */
export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('connected'), sockets: z.number().int(), ms: z.number() }),
  /** `cpuMs`: this process's CPU time so far (user + system). */
  z.strictObject({ type: z.literal('pong'), sentAt: z.number(), receivedAt: z.number(), cpuMs: z.number() }),
  /**
   * Calls every socket of this worker has received: `[version, time the last of them received it]`.
   * Sent in batches, a few times a second.
   */
  z.strictObject({ type: z.literal('arrivals'), calls: z.array(z.tuple([z.number().int(), z.number()])) }),
  z.strictObject({
    type: z.literal('finished'),
    /** Calls that some of this worker's sockets never received. */
    incomplete: z.number().int(),
    /** Sockets that disconnected during the run. */
    disconnects: z.number().int(),
    /** This process's event-loop delay beyond the histogram's resolution, ms. */
    loopDelayMs: z.strictObject({ p50: z.number(), p99: z.number(), max: z.number() }),
    cpuMs: z.number(),
  }),
]);
/** A message from a worker. */
export type FromWorker = z.output<typeof fromWorkerSchema>;
