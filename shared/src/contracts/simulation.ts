import { z } from 'zod';
import { counterIdSchema, serviceIdSchema } from './schemas.ts';

// `POST /api/admin/simulations`: the policy simulator's request (shared/src/simulation, docs/ADMIN.md).

/** The longest range one simulation replays, in business days (a day of 450 tickets takes ~1 s). */
export const MAX_SIMULATION_DAYS = 31;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A candidate setup: what the manager wants to try on past days. */
export const candidateSetupSchema = z.strictObject({
  priorityBound: z.number().int().min(1).max(50),
  counters: z
    .array(
      z.strictObject({
        counterId: counterIdSchema,
        serviceIds: z.array(serviceIdSchema).min(1).max(100),
      }),
    )
    .min(1)
    .max(200),
  /** Counters open in each local hour 0–23, or null for "as they really were". */
  openPerHour: z.array(z.number().int().min(0).max(200)).length(24).nullable(),
  /** Expected minutes per service id (measured times scaled to it). */
  serviceMinutes: z.record(z.string().max(64), z.number().min(0.5).max(480)),
  serviceTimes: z.enum(['recorded', 'sampled']),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});

/** The whole request. */
export const simulationRequestSchema = z
  .strictObject({
    from: day,
    to: day,
    targetWaitMinutes: z.number().int().min(1).max(480),
    setup: candidateSetupSchema,
  })
  .refine((request) => request.from <= request.to, { message: 'from must not be after to', path: ['from'] })
  .refine(
    (request) =>
      Math.round(
        (Date.parse(`${request.to}T00:00:00Z`) - Date.parse(`${request.from}T00:00:00Z`)) / 86_400_000,
      ) < MAX_SIMULATION_DAYS,
    { message: `at most ${MAX_SIMULATION_DAYS} days`, path: ['to'] },
  );

/** A validated simulation request. */
export type SimulationRequest = z.infer<typeof simulationRequestSchema>;
