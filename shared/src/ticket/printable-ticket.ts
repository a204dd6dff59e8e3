import { z } from 'zod';
import { isKnownTimeZone } from '../domain/zone-offsets.ts';

/**
 * A hall logo as plain grey pixels (one byte per pixel, 0 = black, 255 = white, row by row), so the
 * layout stays free of any image format and the printer side decides how to scale and threshold it.
 */
export const ticketLogoSchema = z
  .strictObject({
    width: z.number().int().positive().max(2048),
    height: z.number().int().positive().max(2048),
    // z.custom rather than z.instanceof, so any Uint8Array (Buffer, a view on a shared buffer) fits the type.
    pixels: z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
      message: 'pixels must be a Uint8Array',
    }),
  })
  .refine((logo) => logo.pixels.length === logo.width * logo.height, {
    message: 'pixels must hold exactly width × height bytes',
    path: ['pixels'],
  });

/** A hall logo as grey pixels; see {@link ticketLogoSchema}. */
export type TicketLogo = z.infer<typeof ticketLogoSchema>;

/**
 * Everything a printed ticket says, as the kiosk receives it after the server issued the ticket.
 * Parse input with this schema at the edge (IPC, HTTP); unknown fields are rejected.
 */
export const printableTicketSchema = z.strictObject({
  /** Hall name printed at the top, e.g. "UBND Phường Bến Nghé". */
  hallName: z.string().trim().min(1).max(200),
  hallLogo: ticketLogoSchema.nullable().optional(),
  /** Display number: prefix of 1–2 letters (A–Z, Đ) and a zero-padded sequence, e.g. "A012", "Đ007". */
  number: z.string().regex(/^[A-ZĐ]{1,2}\d{3,}$/u),
  serviceName: z.string().trim().min(1).max(300),
  procedureName: z.string().trim().min(1).max(400).nullable().optional(),
  /** Label of the visitor's priority group, e.g. "Người cao tuổi"; absent for normal visitors. */
  priorityLabel: z.string().trim().min(1).max(100).nullable().optional(),
  /** When the ticket was issued (epoch ms); printed in the hall's time zone. */
  issuedAt: z.number().int().nonnegative(),
  /** IANA time zone of the hall, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: z.string().min(1).refine(isKnownTimeZone, { message: 'unknown IANA time zone' }),
  peopleAhead: z.number().int().nonnegative(),
  /** When counters with different call orders may call it: the most ahead (printed as "3–5"). */
  peopleAheadMax: z.number().int().nonnegative().optional(),
  /** The numbers of the counters that serve the service, printed so the visitor knows where to look. */
  counterNumbers: z.array(z.number().int().min(1).max(9_999)).max(100).optional(),
  /** The hall's notice line (opening hours, "keep your ticket"…), printed small near the end. */
  notice: z.string().trim().max(1_000).nullable().optional(),
  waitMinutes: z
    .strictObject({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
    .refine((wait) => wait.min <= wait.max, { message: 'min must not exceed max' })
    .nullable(),
  /** Public status page of this ticket, encoded in the QR code, e.g. "http://hall:8080/t/k3x9". */
  statusUrl: z.url({ protocol: /^https?$/ }).max(500),
  /** Closing line; defaults to "Xin cảm ơn!". */
  footer: z.string().trim().min(1).max(200).optional(),
});

/** Everything a printed ticket says; see {@link printableTicketSchema}. */
export type PrintableTicket = z.infer<typeof printableTicketSchema>;
