import { z } from 'zod';
import { asCounterId, asDeviceId } from '@luot/shared/domain';

/**
 * What the hall child (hall-child.ts) and its parent (a test or a benchmark) tell each other: the
 * device tokens it registered, written to a file in its data folder, and its statistics over IPC.
 * Both sides parse with these schemas, so a change on one side fails loudly on the other.
 */

/** The file in the data folder that holds the tokens of the devices the child registered. */
export const DEVICE_FILE = 'test-devices.json';

const device = z.strictObject({
  deviceId: z.string().min(1).transform(asDeviceId),
  token: z.string().min(1),
});

/** Devices registered on the hall's first start; counters come with the username of their clerk. */
export const deviceFileSchema = z.strictObject({
  kiosks: z.array(device),
  displays: z.array(device),
  counters: z.array(
    z.strictObject({
      deviceId: z.string().min(1).transform(asDeviceId),
      token: z.string().min(1),
      counterId: z.string().min(1).transform(asCounterId),
      username: z.string().min(1),
    }),
  ),
});

/** The devices of a child hall. */
export type DeviceFile = z.output<typeof deviceFileSchema>;
/** The same, as written to disk. */
export type DeviceFileInput = z.input<typeof deviceFileSchema>;

/**
 * Requests a parent sends over IPC. `stop` closes the server and exits cleanly (a CPU profile is written).
 * `lap-stats` answers like `stats` but with the event-loop delay since the previous lap (a second
 * histogram, so per-minute figures do not disturb the whole run's); `gc-stats` runs a full garbage
 * collection first when the child was started with `--expose-gc` (heap used without garbage).
 * `advance-clock` moves the hall's clock forward by `ms` and runs the business-day check at once, so a
 * long run can live through many days (a night passes in a moment); it answers with the stats after.
 * `command-timings` answers where each command committed since the previous such request spent its
 * time (`timings`, see CommandTiming in hall-service.ts), the garbage collections (`gcPauses`) and WAL
 * checkpoints (`checkpoints`) meanwhile, and starts new lists.
 */
export const childRequestSchema = z.union([
  z.strictObject({
    id: z.number().int(),
    type: z.enum(['stats', 'reset-stats', 'stop', 'lap-stats', 'gc-stats', 'command-timings']),
  }),
  z.strictObject({
    id: z.number().int(),
    type: z.literal('advance-clock'),
    ms: z.number().int().positive(),
  }),
]);

/** A request to the child. */
export type ChildRequest = z.output<typeof childRequestSchema>;

/** The server's own figures: memory, CPU time and event-loop delay since the last reset. */
export const serverStatsSchema = z.strictObject({
  rssBytes: z.number(),
  heapUsedBytes: z.number(),
  heapTotalBytes: z.number(),
  externalBytes: z.number(),
  cpuUserMs: z.number(),
  cpuSystemMs: z.number(),
  loopDelayMs: z.strictObject({ p50: z.number(), p99: z.number(), max: z.number(), mean: z.number() }),
  version: z.number().int(),
});

/** Statistics of the child server. */
export type ServerStats = z.output<typeof serverStatsSchema>;

/** Where one committed command's time went (CommandTiming in server/src/app/hall-service.ts). */
export const commandTimingSchema = z.strictObject({
  command: z.string(),
  batch: z.number().int(),
  decideMs: z.number(),
  queuedMs: z.number(),
  commitMs: z.number(),
  totalMs: z.number(),
  broadcastMs: z.number(),
});

/** A command's timing as the child reports it. */
export type CommandTimingRecord = z.output<typeof commandTimingSchema>;

/**
 * One garbage collection that paused the child's main thread (a `gc` performance entry): when it
 * started as wall-clock milliseconds (`performance.timeOrigin` + start, comparable with the parent's
 * own), how long it lasted and V8's kind (minor = young generation, major = mark-compact).
 */
export const gcPauseSchema = z.strictObject({
  atEpochMs: z.number(),
  ms: z.number(),
  kind: z.enum(['minor', 'major', 'incremental', 'weakcb', 'other']),
});

/** A garbage collection as the child reports it. */
export type GcPause = z.output<typeof gcPauseSchema>;

/** One WAL checkpoint of the hall (CheckpointReport in server/src/db/checkpointer.ts), when and how long. */
export const checkpointRecordSchema = z.strictObject({
  atEpochMs: z.number(),
  ms: z.number(),
  reason: z.enum(['idle', 'commits']),
  frames: z.number().int(),
});

/** A checkpoint as the child reports it. */
export type CheckpointRecord = z.output<typeof checkpointRecordSchema>;

/** The answer to a request, matched by id. */
export const childReplySchema = z.strictObject({
  id: z.number().int(),
  stats: serverStatsSchema.nullable(),
  timings: z.array(commandTimingSchema).optional(),
  gcPauses: z.array(gcPauseSchema).optional(),
  checkpoints: z.array(checkpointRecordSchema).optional(),
});

/** A reply from the child. */
export type ChildReply = z.output<typeof childReplySchema>;

/** The line the child prints on stdout once it listens. */
export const READY_LINE = /^READY (\d+)$/;
