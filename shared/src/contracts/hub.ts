import { z } from 'zod';
import type { CatalogueBody, CatalogueChange, HallConfig, VersionedEvent } from '../domain/index.ts';
import { ROLES, SIGN_OUT_REASONS, asDeviceId } from '../domain/index.ts';
import { hallConfigSchema } from './config-schema.ts';
import type { ReportRow } from './reports.ts';
import {
  clerkIdSchema,
  counterIdSchema,
  priorityGroupIdSchema,
  procedureIdSchema,
  serviceIdSchema,
  ticketIdSchema,
} from './schemas.ts';

// The hall ↔ province hub contract (docs/HUB.md): what a hall ships, what the hub answers, and the
// read-only API the province's tools use. Declared once here; the hall's shipper and the hub both use it.

/** A hall ships at most this many events in one request (a bounded batch, ≈ 0.5 MB of JSON). */
export const MAX_SHIP_BATCH = 500;

const deviceIdSchema = z.string().min(1).max(128).transform(asDeviceId).nullable();
const freeText = z.string().max(2_000);
const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const actorSchema = z.strictObject({
  role: z.enum(ROLES),
  deviceId: deviceIdSchema,
  clerkId: clerkIdSchema.nullable(),
});

const base = {
  version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  at: z.number().int().nonnegative().max(8.64e15),
  by: actorSchema,
};

/**
 * One event of a hall's log as shipped: the same shape the hall stores and broadcasts (PROTOCOL.md §7),
 * checked field by field, because the hub folds it with `evolve`.
 */
export const versionedEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('day.started'),
    businessDay: dayText,
    expiredTicketIds: z.array(ticketIdSchema).max(100_000),
  }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.issued'),
    ticketId: ticketIdSchema,
    number: z.string().min(1).max(16),
    sequence: z.number().int().positive(),
    serviceId: serviceIdSchema,
    businessDay: dayText,
    priorityGroupId: priorityGroupIdSchema.nullable(),
    procedureId: procedureIdSchema.nullable(),
    kioskId: deviceIdSchema,
  }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.called'),
    ticketId: ticketIdSchema,
    counterId: counterIdSchema,
    clerkId: clerkIdSchema.nullable(),
    isOutOfOrder: z.boolean(),
    reason: freeText.nullable(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.recalled'),
    ticketId: ticketIdSchema,
    counterId: counterIdSchema,
  }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.started'),
    ticketId: ticketIdSchema,
    counterId: counterIdSchema,
  }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.completed'),
    ticketId: ticketIdSchema,
    counterId: counterIdSchema,
    serviceMs: z.number().int().nonnegative(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.no-show'),
    ticketId: ticketIdSchema,
    counterId: counterIdSchema,
    isAutomatic: z.boolean(),
  }),
  z.strictObject({ ...base, type: z.literal('ticket.returned'), ticketId: ticketIdSchema }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.transferred'),
    ticketId: ticketIdSchema,
    fromServiceId: serviceIdSchema,
    toServiceId: serviceIdSchema,
    fromCounterId: counterIdSchema.nullable(),
    toCounterId: counterIdSchema.nullable(),
    note: freeText.nullable(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.cancelled'),
    ticketId: ticketIdSchema,
    reason: freeText,
  }),
  z.strictObject({
    ...base,
    type: z.literal('ticket.print-recorded'),
    ticketId: ticketIdSchema,
    printState: z.enum(['printed', 'failed']),
    failure: freeText.nullable(),
  }),
  z.strictObject({ ...base, type: z.literal('counter.opened'), counterId: counterIdSchema }),
  z.strictObject({
    ...base,
    type: z.literal('counter.paused'),
    counterId: counterIdSchema,
    reason: freeText,
  }),
  z.strictObject({ ...base, type: z.literal('counter.closed'), counterId: counterIdSchema }),
  z.strictObject({
    ...base,
    type: z.literal('clerk.signed-in'),
    counterId: counterIdSchema,
    clerkId: clerkIdSchema,
  }),
  z.strictObject({
    ...base,
    type: z.literal('clerk.signed-out'),
    counterId: counterIdSchema,
    clerkId: clerkIdSchema,
    reason: z.enum(SIGN_OUT_REASONS),
  }),
  z.strictObject({ ...base, type: z.literal('hall.configured'), changes: z.array(freeText).max(10_000) }),
  z.strictObject({
    ...base,
    type: z.literal('feedback.rated'),
    ticketId: ticketIdSchema,
    counterId: counterIdSchema,
    clerkId: clerkIdSchema.nullable(),
    rating: z.number().int(),
    reasons: z.array(freeText).max(50),
  }),
]);

// Every event the schema accepts is a domain event, and the schema knows every type of the union.
type ParsedEvent = z.output<typeof versionedEventSchema>;
const _everyTypeCovered: VersionedEvent['type'] extends ParsedEvent['type'] ? true : never = true;
void _everyTypeCovered;
/** A parsed event, typed as the domain's. */
export const asVersionedEvent = (event: ParsedEvent): VersionedEvent => event;

/** A ticket's status-page code, shipped beside its `ticket.issued` (never inside an event). */
export const shippedCodeSchema = z.strictObject({
  ticketId: ticketIdSchema,
  code: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});

/**
 * `POST /api/v1/ingest` (hall key): events in version order from the hub's acknowledged version,
 * the status codes of the tickets they issue, the hall's newest version (so the hub knows how far
 * behind it is) and, when it changed, the hall's configuration (names, fields, satisfaction scale).
 */
export const ingestRequestSchema = z.strictObject({
  events: z.array(versionedEventSchema).max(MAX_SHIP_BATCH),
  codes: z.array(shippedCodeSchema).max(MAX_SHIP_BATCH),
  headVersion: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  config: hallConfigSchema.optional(),
});
/** What a hall sends in one shipping request (the schema's input, with the domain's own types). */
export interface IngestRequest {
  readonly events: readonly VersionedEvent[];
  readonly codes: readonly { readonly ticketId: number; readonly code: string }[];
  readonly headVersion: number;
  readonly config?: HallConfig;
}

/** The hub's answer to a shipping request or a link check. */
export interface IngestAnswer {
  /** The highest hall version the hub holds with no gap below: ship from the next one. */
  readonly acknowledged: number;
  /** Whether the hub wants the hall's configuration (it has none, or an older one). */
  readonly needsConfig: boolean;
  /** The hub's public address for ticket status pages (`<publicUrl>/t/<code>`), or null. */
  readonly publicUrl: string | null;
}

/** `POST /api/v1/enrol`: a one-time code from the hub becomes this hall's own key. */
export const enrolRequestSchema = z.strictObject({ code: z.string().min(6).max(64) });

/** One hall in `GET /api/v1/halls` (the read-only API of the province's tools). */
export interface HubHallSummary {
  readonly hallId: string;
  readonly name: string;
  readonly connected: boolean;
  /** The highest hall version the hub holds with no gap below. */
  readonly shippedVersion: number;
  /** Epoch ms of the newest event the hub holds, or null. */
  readonly lastEventAt: number | null;
  readonly today: {
    readonly issued: number;
    readonly called: number;
    readonly served: number;
    readonly noShow: number;
    readonly waiting: number;
  };
}

/** The hall side of the link, for the manager console (and /health). */
export interface HubLinkStatus {
  /** False when the hall has no hub configured (nothing is shipped, nothing changes). */
  readonly isEnabled: boolean;
  readonly hubUrl: string | null;
  /** The last request reached the hub and was accepted. */
  readonly isConnected: boolean;
  readonly acknowledgedVersion: number;
  readonly hallVersion: number;
  /** hallVersion − acknowledgedVersion. */
  readonly eventsBehind: number;
  readonly lastSuccessAt: number | null;
  readonly lastAttemptAt: number | null;
  /** A short reason for the last failure (HTTP status or network error), or null. */
  readonly lastError: string | null;
  /** The hub's public address for status pages, when it has one. */
  readonly publicUrl: string | null;
}

/** The dimensions of a report across halls. */
export const PROVINCE_DIMENSIONS = ['hall', 'day', 'field', 'service'] as const;
/** One dimension of a province report. */
export type ProvinceDimension = (typeof PROVINCE_DIMENSIONS)[number];

/**
 * A report across halls for a range of business days: the hall's own row shape (ReportRow), computed
 * with the hall's own report code, per hall, day, field and service. Each hall's row equals that hall's
 * own report total for the same days; the province total is the halls added up.
 */
export interface ProvinceReport {
  readonly from: string;
  readonly to: string;
  readonly targetWaitMinutes: number;
  readonly generatedAt: number;
  readonly total: ReportRow;
  readonly by: Readonly<Record<ProvinceDimension, readonly ReportRow[]>>;
}

/** What the province sees of a hall's business day now, folded from its events (no question to the hall). */
export interface LiveFigures {
  readonly businessDay: string;
  readonly issued: number;
  /** Tickets of the day called at least once. */
  readonly called: number;
  readonly served: number;
  readonly noShow: number;
  readonly waiting: number;
  readonly countersOpen: number;
  /** Counters with a visitor in hand. */
  readonly countersServing: number;
  /** Queue time of the longest-waiting visitor, or null when nobody waits. */
  readonly oldestWaitingQueuedAt: number | null;
}

/** An alert on a hall in the province console. */
export type HallAlert =
  | { readonly kind: 'offline'; readonly sinceMs: number | null }
  | { readonly kind: 'wait'; readonly waitMinutes: number; readonly targetMinutes: number }
  | { readonly kind: 'satisfaction'; readonly percent: number; readonly threshold: number };

/** One hall on the province console's board (`GET /api/v1/console/halls`). */
export interface HallBoardRow {
  readonly hallId: string;
  readonly name: string;
  readonly connected: boolean;
  readonly lastContactAt: number | null;
  readonly shippedVersion: number;
  readonly eventsBehind: number;
  readonly lastEventAt: number | null;
  readonly isKeyRevoked: boolean;
  readonly isEnrolled: boolean;
  readonly live: LiveFigures | null;
  readonly satisfactionToday: {
    readonly total: number;
    readonly satisfied: number;
    readonly percent: number | null;
  };
  readonly alerts: readonly HallAlert[];
}

/** The province's service catalogue as the hub keeps it (a version each time it is saved). */
export interface ProvinceCatalogue {
  readonly version: number;
  readonly body: CatalogueBody;
  readonly createdAt: number;
}

/** A province catalogue's body on the wire: fields and services exactly as in a hall's configuration. */
export const catalogueBodySchema = z.strictObject({
  fields: hallConfigSchema.shape.fields,
  services: hallConfigSchema.shape.services,
});

/** The hub's answer to `GET /api/v1/catalogue` (a hall's key): the newest catalogue, or null. */
export const provinceCatalogueSchema = z
  .strictObject({ version: z.number().int().positive(), body: catalogueBodySchema, createdAt: z.number() })
  .nullable();

/** What the hall manager's console shows of the province catalogue: its version and what taking it changes. */
export interface CatalogueOffer {
  readonly version: number;
  readonly createdAt: number;
  readonly changes: readonly CatalogueChange[];
}

/** `POST /api/admin/hub-catalogue/accept`: take this version of the province catalogue. */
export const acceptCatalogueSchema = z.strictObject({
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  version: z.number().int().positive(),
});
