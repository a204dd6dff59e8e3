import { z } from 'zod';
import type { HallConfig } from '../domain/config.ts';
import {
  clerkIdSchema,
  counterIdSchema,
  priorityGroupIdSchema,
  procedureIdSchema,
  requestIdSchema,
  serviceIdSchema,
  textSchema,
} from './schemas.ts';
import { asFieldId } from '../domain/ids.ts';

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
// The shape and the sizes only: what a manager can get wrong by typing (an empty name, a prefix, a time,
// a number out of range) is a rule of domain/config-rules.ts, so the console and the server's refusal
// (CONFIG_INVALID with `configIssues`) say it in the same words, beside the field.
const name = textSchema().trim().max(200);
const localized = z.strictObject({ vi: name, en: textSchema().trim().max(200) });
const clock = z.string().max(8);
/** Archived entities stay for history but no device offers them; absent means not archived. */
const archivedFlag = z.boolean().optional();
/** A number a rule checks the range of; the schema only keeps it finite and of sane size. */
const amount = z.number().min(-1_000_000).max(1_000_000);

const openingWindow = z.strictObject({
  weekdays: z.array(z.number().int().min(0).max(6)).max(7),
  from: clock,
  to: clock,
});

/** A whole hall configuration as the manager console sends it (`config:update`). */
export const hallConfigSchema = z.strictObject({
  hall: z.strictObject({
    name,
    address: textSchema().max(300),
    phone: textSchema().max(50),
    timeZone: z.string().min(1).max(64),
    rolloverHour: amount,
    noticeLine: textSchema().max(1_000),
    openingHours: z.array(openingWindow).max(14).optional(),
  }),
  fields: z
    .array(
      z.strictObject({
        id: slug.transform(asFieldId),
        name: localized,
        kioskOrder: z.number().int(),
        isArchived: archivedFlag,
      }),
    )
    .max(200),
  services: z
    .array(
      z.strictObject({
        id: serviceIdSchema,
        fieldId: slug.transform(asFieldId),
        name: localized,
        // Đ too: Vietnamese halls name queues in Vietnamese ("Đ" for đất đai), and the announcer says "đê".
        // 1–2 capital letters (A–Z or Đ, which the announcer says "đê"): a rule of config-rules.ts.
        prefix: textSchema().max(4),
        firstNumber: amount,
        dailyQuota: amount.nullable(),
        openingHours: z.array(openingWindow).max(14),
        expectedServiceMinutes: amount,
        procedures: z
          .array(z.strictObject({ id: procedureIdSchema, name: localized, isArchived: archivedFlag }))
          .max(500),
        isActive: z.boolean(),
        kioskOrder: z.number().int(),
        isArchived: archivedFlag,
      }),
    )
    .max(1_000),
  counters: z
    .array(
      z.strictObject({
        id: counterIdSchema,
        number: amount,
        name: localized,
        serviceIds: z.array(serviceIdSchema).max(200),
        isActive: z.boolean(),
        isArchived: archivedFlag,
      }),
    )
    .max(500),
  clerks: z
    .array(
      z.strictObject({
        id: clerkIdSchema,
        name,
        title: textSchema().max(200),
        username: textSchema().trim().max(64),
        isActive: z.boolean(),
        isArchived: archivedFlag,
        // Absent: every counter (configurations from before the list); a rule refuses an empty one.
        counterIds: z.array(counterIdSchema).max(500).optional(),
      }),
    )
    .max(2_000),
  priorityGroups: z.array(z.strictObject({ id: priorityGroupIdSchema, name: localized })).max(20),
  policy: z.strictObject({
    priorityBound: amount,
    recallLimit: amount,
    noShowGraceMinutes: amount,
  }),
  satisfaction: z.strictObject({
    levels: z
      .array(
        z.strictObject({
          value: z.number().int().min(1).max(10),
          label: localized,
          isSatisfied: z.boolean(),
        }),
      )
      .min(3)
      .max(5),
    lowRatingReasons: z.array(localized).max(20),
  }),
  announcement: z.strictObject({
    template: textSchema().max(300),
    style: z.enum(['by-character', 'whole-number']),
    repeat: z.number().int().min(1).max(3),
    volume: z.number().min(0).max(1),
    quietHours: z.strictObject({ from: clock, to: clock }).nullable(),
    voice: z.enum(['clips', 'browser']),
    numberReading: z
      .strictObject({
        zeroTens: z.enum(['linh', 'lẻ']),
        four: z.enum(['tư', 'bốn']),
        thousand: z.enum(['nghìn', 'ngàn']),
      })
      .optional(),
    customWords: z
      .array(
        textSchema()
          .trim()
          .min(1)
          .max(60)
          .regex(/^[\p{L}\s]+$/u, 'letters and spaces only'),
      )
      .max(100)
      .optional(),
  }),
  terminals: z.strictObject({
    idleSignOutMinutes: amount,
    feedbackIdleSeconds: amount,
  }),
});

/** A parsed configuration is a HallConfig: this fails to compile if the schema and the type drift apart. */
export const asHallConfig = (parsed: z.output<typeof hallConfigSchema>): HallConfig => parsed;

/** `config:update` — a manager replaces the hall configuration (validated as a whole). */
export const configUpdateSchema = z.strictObject({
  requestId: requestIdSchema,
  config: hallConfigSchema,
});

/** The `config:update` payload: clients send the domain's (readonly) HallConfig as it is. */
export interface ConfigUpdatePayload {
  readonly requestId: string;
  readonly config: HallConfig;
}
