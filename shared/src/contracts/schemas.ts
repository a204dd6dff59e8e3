import { z } from 'zod';
import {
  asClerkId,
  asCounterId,
  asDeviceId,
  asPriorityGroupId,
  asProcedureId,
  asServiceId,
  asTicketId,
} from '../domain/ids.ts';
import { DEVICE_KINDS } from './messages.ts';

// Identifiers are short slugs: letters, digits, dash and underscore. Anything else is refused at the edge.
const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** A service id on the wire. */
export const serviceIdSchema = slug.transform(asServiceId);
/** A counter id on the wire. */
export const counterIdSchema = slug.transform(asCounterId);
/** A clerk id on the wire. */
export const clerkIdSchema = slug.transform(asClerkId);
/** A priority group id on the wire. */
export const priorityGroupIdSchema = slug.transform(asPriorityGroupId);
/** A procedure id on the wire. */
export const procedureIdSchema = slug.transform(asProcedureId);
/** A ticket id on the wire: a positive safe integer. */
export const ticketIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).transform(asTicketId);

/**
 * Client-made id of one attempt at a command. Repeating it (a retry after a network drop) returns the
 * first result and changes nothing. Any unique string of 8–64 safe characters, e.g. a UUID.
 */
export const requestIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/**
 * Free text as people type it (names, reasons, notes). Lone UTF-16 surrogates are refused: SQLite stores
 * them as U+FFFD, so what was acknowledged would read back differently after a restart. So are control
 * characters other than tab and line breaks (NUL and friends cut strings short in logs, CSV and printers).
 */
export const textSchema = (): z.ZodString =>
  z
    .string()
    .refine((text) => !/\p{Surrogate}/u.test(text), 'text with a broken character (lone surrogate)')
    .refine((text) => !hasControlCharacter(text), 'control character in text');

/** C0 controls and DEL, except tab (9), line feed (10) and carriage return (13). */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

const reason = textSchema().trim().min(1).max(200);
const note = textSchema().trim().max(500);

/** `ticket:issue` — a kiosk (or manager) takes a ticket for a visitor. */
export const issueTicketSchema = z.strictObject({
  requestId: requestIdSchema,
  serviceId: serviceIdSchema,
  procedureId: procedureIdSchema.nullish().transform((value) => value ?? null),
  priorityGroupId: priorityGroupIdSchema.nullish().transform((value) => value ?? null),
});

/** Commands a counter sends about its own current ticket (the counter comes from its pairing). */
export const counterActionSchema = z.strictObject({
  requestId: requestIdSchema,
  /** Only a manager names the counter; a counter terminal may omit it or name its own. */
  counterId: counterIdSchema.optional(),
});

/** `ticket:call` — call a chosen waiting ticket out of order, with a reason that is recorded. */
export const callSpecificSchema = z.strictObject({
  requestId: requestIdSchema,
  counterId: counterIdSchema.optional(),
  ticketId: ticketIdSchema,
  reason,
});

/** `ticket:return` — a no-show comes back within the grace period. */
export const returnTicketSchema = z.strictObject({ requestId: requestIdSchema, ticketId: ticketIdSchema });

/** `ticket:transfer` — move a ticket, keeping its number and queue time, to a service and/or counter. */
export const transferTicketSchema = z
  .strictObject({
    requestId: requestIdSchema,
    ticketId: ticketIdSchema,
    toServiceId: serviceIdSchema.nullish().transform((value) => value ?? null),
    toCounterId: counterIdSchema.nullish().transform((value) => value ?? null),
    note: note.nullish().transform((value) => (value ? value : null)),
  })
  .refine((value) => value.toServiceId !== null || value.toCounterId !== null, {
    message: 'name a service or a counter to transfer to',
    path: ['toServiceId'],
  });

/** `ticket:cancel` — a manager removes a waiting ticket. */
export const cancelTicketSchema = z.strictObject({
  requestId: requestIdSchema,
  ticketId: ticketIdSchema,
  reason,
});

/** `ticket:print-result` — the kiosk reports whether the ticket came out of the printer. */
export const printResultSchema = z.strictObject({
  requestId: requestIdSchema,
  ticketId: ticketIdSchema,
  isPrinted: z.boolean(),
  failure: textSchema()
    .max(200)
    .nullish()
    .transform((value) => value ?? null),
});

/** `counter:pause` — with a reason from the hall's list (or free text). */
export const pauseCounterSchema = z.strictObject({
  requestId: requestIdSchema,
  counterId: counterIdSchema.optional(),
  reason,
});

/** `clerk:sign-in` on a paired counter terminal. */
export const signInSchema = z.strictObject({
  requestId: requestIdSchema,
  username: textSchema().trim().min(1).max(64),
  pin: z.string().regex(/^[0-9]{4,8}$/, '4 to 8 digits'),
  /**
   * The clerk's own new PIN, replacing `pin` as the sign-in goes through: required when the manager set
   * `pin` (the answer is `PIN_CHANGE_REQUIRED` until then), allowed at any sign-in. Weak PINs: `WEAK_PIN`.
   */
  newPin: z
    .string()
    .regex(/^[0-9]{4,8}$/, '4 to 8 digits')
    .optional(),
});

/** `clerk:sign-out`. */
export const signOutSchema = z.strictObject({
  requestId: requestIdSchema,
  reason: z.enum(['sign-out', 'idle']).default('sign-out'),
});

/** `feedback:rate` — the citizen rates the ticket just completed at this tablet's counter. */
export const rateSchema = z.strictObject({
  requestId: requestIdSchema,
  ticketId: ticketIdSchema,
  rating: z.number().int().min(1).max(10),
  reasons: z.array(textSchema().trim().min(1).max(200)).max(10).default([]),
});

/** What the kiosk's printer reports (from DLE EOT status queries). */
export const PRINTER_STATES = ['ok', 'paper_low', 'paper_out', 'cover_open', 'offline', 'no_answer'] as const;
/** A printer state. */
export type PrinterState = (typeof PRINTER_STATES)[number];

/** `printer:status` — the kiosk reports its printer's health. */
export const printerStatusSchema = z.strictObject({
  requestId: requestIdSchema,
  state: z.enum(PRINTER_STATES),
  detail: textSchema()
    .max(200)
    .nullish()
    .transform((value) => value ?? null),
});

/** `device:create-pairing` — a manager makes a one-time code for a new device. */
export const createPairingSchema = z.strictObject({
  requestId: requestIdSchema,
  kind: z.enum(DEVICE_KINDS),
  name: textSchema().trim().min(1).max(80),
  counterId: counterIdSchema.nullish().transform((value) => value ?? null),
});

/** `device:revoke` — a manager cuts a device off. */
export const revokeDeviceSchema = z.strictObject({
  requestId: requestIdSchema,
  deviceId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .transform(asDeviceId),
});

/** `sync:snapshot` — ask for a fresh snapshot (after a version gap). */
export const snapshotRequestSchema = z.strictObject({});

/** The Socket.IO handshake `auth` object. */
export const handshakeSchema = z.strictObject({
  token: z.string().min(16).max(200),
  protocolVersion: z.number().int(),
});

/** `POST /api/pair` — exchange a one-time pairing code for a device token. */
export const pairRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[0-9]{6}$/, 'six digits'),
  name: textSchema().trim().min(1).max(80).optional(),
});

/** Inferred payload types, for clients. */
export type IssueTicketPayload = z.input<typeof issueTicketSchema>;
export type CounterActionPayload = z.input<typeof counterActionSchema>;
export type CallSpecificPayload = z.input<typeof callSpecificSchema>;
export type ReturnTicketPayload = z.input<typeof returnTicketSchema>;
export type TransferTicketPayload = z.input<typeof transferTicketSchema>;
export type CancelTicketPayload = z.input<typeof cancelTicketSchema>;
export type PrintResultPayload = z.input<typeof printResultSchema>;
export type PauseCounterPayload = z.input<typeof pauseCounterSchema>;
export type SignInPayload = z.input<typeof signInSchema>;
export type SignOutPayload = z.input<typeof signOutSchema>;
export type RatePayload = z.input<typeof rateSchema>;
export type PrinterStatusPayload = z.input<typeof printerStatusSchema>;
export type CreatePairingPayload = z.input<typeof createPairingSchema>;
export type RevokeDevicePayload = z.input<typeof revokeDeviceSchema>;
export type Handshake = z.infer<typeof handshakeSchema>;
export type PairRequest = z.infer<typeof pairRequestSchema>;
