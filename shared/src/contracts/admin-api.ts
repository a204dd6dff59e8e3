import { z } from 'zod';
import { DEVICE_KINDS } from './messages.ts';
import { REPORT_DIMENSIONS } from './reports.ts';
import { counterIdSchema, textSchema } from './schemas.ts';

// The request shapes of the manager console's REST API (`/api/admin/…`): the server validates every
// body and query with these, and the console can check its input with the same rules.

/** A ticket logo is small: at most this many bytes of PNG. */
export const MAX_LOGO_BYTES = 64 * 1024;
/** The longest range one report covers, in business days. */
export const MAX_REPORT_DAYS = 400;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `POST /api/admin/login`. */
export const loginRequestSchema = z.strictObject({
  username: textSchema().trim().min(1).max(64),
  password: textSchema().min(1).max(200),
});

/** `POST /api/admin/first-manager`: the hall's first manager, from the server PC only (issue 15). */
export const firstManagerRequestSchema = z.strictObject({
  username: textSchema().trim().min(1).max(64),
  displayName: textSchema().trim().max(200).optional(),
  password: textSchema().min(1).max(200),
});

/** `POST /api/admin/password`. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: textSchema().min(1).max(200),
  newPassword: textSchema().min(1).max(200),
});

/** `POST /api/admin/clerks/:clerkId/pin`. */
export const clerkPinRequestSchema = z.strictObject({
  pin: z.string().regex(/^[0-9]{4,8}$/, '4 to 8 digits'),
});

/** `PUT /api/admin/logo`: a PNG data URL, or null to remove the logo. */
export const logoRequestSchema = z.strictObject({
  dataUrl: z
    .string()
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG data URL')
    .nullable(),
});

/** A hall's recorded word or phrase is short: at most this many bytes of WAV (about 3 s at 22 050 Hz). */
export const MAX_VOICE_CLIP_BYTES = 160 * 1024;

/**
 * `PUT /api/admin/voice-clips`: a clip the hall recorded for a word or phrase of its call template (or to
 * replace a bundled one), as a WAV data URL: mono, 16-bit PCM.
 */
export const voiceClipRequestSchema = z.strictObject({
  phrase: textSchema()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[\p{L}\s,]+$/u, 'letters and spaces only'),
  dataUrl: z
    .string()
    .max(Math.ceil((MAX_VOICE_CLIP_BYTES * 4) / 3) + 40)
    .regex(/^data:audio\/(?:wav|x-wav|wave|vnd\.wave);base64,[A-Za-z0-9+/]+=*$/, 'a WAV data URL'),
});

/** `POST /api/admin/devices/pair`. */
export const consolePairingSchema = z.strictObject({
  kind: z.enum(DEVICE_KINDS),
  name: textSchema().trim().min(1).max(80),
  counterId: counterIdSchema.nullish().transform((value) => value ?? null),
});

/** `GET /api/admin/reports?from&to[&target][&format][&dimensions]`. */
export const reportQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    target: z.coerce.number().int().min(1).max(480).default(30),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    dimensions: z
      .string()
      .optional()
      .transform((value) => (value ? value.split(',') : [...REPORT_DIMENSIONS]))
      .pipe(z.array(z.enum(REPORT_DIMENSIONS))),
  })
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['from'] })
  .refine((query) => daysBetween(query.from, query.to) < MAX_REPORT_DAYS, {
    message: `at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });

/** `GET /api/admin/tickets?number[&day]`: `A12` is searched as `A012`. */
export const ticketSearchSchema = z.strictObject({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-ZĐ]{1,2}[0-9]{1,6}$/u, 'a ticket number such as A012')
    .transform((number) => {
      const match = /^([A-ZĐ]{1,2})([0-9]+)$/u.exec(number);
      return match ? `${match[1]}${String(Number(match[2])).padStart(3, '0')}` : number;
    }),
  day: day.optional(),
});

/** `GET /api/admin/audit`: filters, every one optional, paging backwards with `before`. */
export const auditQuerySchema = z.strictObject({
  type: z.string().max(64).optional(),
  role: z.string().max(20).optional(),
  counter: z.string().max(64).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  before: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A path parameter naming a clerk or a device. */
export const idParamSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
