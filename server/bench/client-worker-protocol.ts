import { z } from 'zod';
import { priorityGroupIdSchema, serviceIdSchema } from '@luot/shared/contracts';

/**
 * What a hall benchmark (headroom.ts, hall-simulation.ts) and its client worker processes (client-worker.ts)
 * say over IPC. A worker hosts some of the bench's devices, each a real socket.io-client socket: displays
 * (it reports when each call reached all of them), kiosks (it issues tickets and times issue → ack) and the
 * bare relay's receivers (it reports when each relay reached all of them). Times are on the machine's
 * monotonic clock in ms (`monotonicMs` in bench-support.ts), comparable across the processes of one
 * machine. Both sides parse with these schemas.
 */

const time = z.number().nonnegative();
/** `[call version or relay seq, time the last of this worker's sockets received it]`. */
const arrival = z.tuple([z.number().int(), time]);

/** Parent → worker. */
export const toWorkerSchema = z.discriminatedUnion('type', [
  /**
   * Open the sockets, a few at a time: a display per token of `displays`, a kiosk per token of `kiosks`
   * (both on the hall at `url`), and `bareReceivers` receivers on the bare relay at `bareUrl`.
   */
  z.strictObject({
    type: z.literal('connect'),
    url: z.string(),
    displays: z.array(z.string()),
    kiosks: z.array(z.string()),
    bareUrl: z.string().optional(),
    bareReceivers: z.number().int().nonnegative(),
  }),
  /**
   * Kiosks: issue `backlog` tickets one after the other (round robin over the kiosks and services), answer
   * `issuing`, then each kiosk issues one every `everyMs` (staggered) until `finish`, with a service and
   * (one time in ten) a priority group drawn from a generator seeded with `seed`.
   */
  z.strictObject({
    type: z.literal('issue'),
    backlog: z.number().int().nonnegative(),
    everyMs: z.number().positive(),
    seed: z.number().int().nonnegative(),
    serviceIds: z.array(serviceIdSchema).min(1),
    priorityGroupIds: z.array(priorityGroupIdSchema).min(1),
  }),
  /** Clock check: the worker answers with the time it received this. */
  z.strictObject({ type: z.literal('ping'), sentAt: time }),
  /** The measured time begins: the event-loop delay histogram starts over. */
  z.strictObject({ type: z.literal('measure') }),
  /** Stop issuing, report what is left, close the sockets, exit. */
  z.strictObject({ type: z.literal('finish') }),
]);
/** A message to a worker. */
export type ToWorker = z.output<typeof toWorkerSchema>;

const loopDelaySchema = z.strictObject({ p50: z.number(), p99: z.number(), max: z.number() });

/** Worker → parent. */
export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('connected'),
    /** Display sockets open (`sockets`, as headroom counts them), kiosks, bare receivers. */
    sockets: z.number().int(),
    kiosks: z.number().int(),
    receivers: z.number().int(),
    ms: z.number(),
  }),
  /** `cpuMs`: this process's CPU time so far (user + system). */
  z.strictObject({ type: z.literal('pong'), sentAt: time, receivedAt: time, cpuMs: z.number() }),
  /**
   * Calls every display of this worker has received, and relays every bare receiver has received. Sent
   * in batches, a few times a second.
   */
  z.strictObject({ type: z.literal('arrivals'), calls: z.array(arrival), relays: z.array(arrival) }),
  /** The backlog is issued (in `ms`); the kiosks' loops have started. */
  z.strictObject({ type: z.literal('issuing'), ms: z.number() }),
  /**
   * Tickets the kiosks issued since the last batch, `[time sent, ms to the ack]`, and the error codes of
   * the refused ones. Sent in batches, a few times a second.
   */
  z.strictObject({
    type: z.literal('issues'),
    issues: z.array(z.tuple([time, z.number().nonnegative()])),
    refused: z.array(z.string()),
  }),
  z.strictObject({
    type: z.literal('finished'),
    /** Calls (and relays) that some of this worker's displays (receivers) never received. */
    incomplete: z.number().int(),
    /** Sockets that disconnected during the run. */
    disconnects: z.number().int(),
    /** This process's event-loop delay beyond the histogram's resolution, ms, since `measure` (or its start). */
    loopDelayMs: loopDelaySchema,
    cpuMs: z.number(),
  }),
]);
/** A message from a worker. */
export type FromWorker = z.output<typeof fromWorkerSchema>;
