import type { LocalizedText, SatisfactionLevel, Ticket } from '../domain/index.ts';

// The JSON shapes of the manager console's REST API (`/api/admin/…`): declared once here, produced by
// the server's reports and audit queries and read by the admin app.

/** Average, median and 90th percentile (nearest rank) of a set of durations in ms. */
export interface DurationStats {
  readonly count: number;
  readonly averageMs: number | null;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
}

/** Satisfaction of a group: counts per level of the hall's scale and the share of "satisfied" ones. */
export interface SatisfactionStats {
  readonly total: number;
  /** Ratings per level value (`"4"` → 12). */
  readonly byLevel: Readonly<Record<string, number>>;
  /** Ratings at a level marked `isSatisfied`. */
  readonly satisfied: number;
  /** satisfied / total × 100, or null without ratings. */
  readonly percentSatisfied: number | null;
}

/** The figures of one group (a day, an hour, a service, a counter…) or of the whole range. */
export interface ReportRow {
  readonly key: string;
  readonly label: LocalizedText;
  readonly issued: number;
  readonly served: number;
  readonly noShow: number;
  readonly transferred: number;
  readonly cancelled: number;
  /** Still open when the day ended (status `expired`). */
  readonly expired: number;
  /** Still waiting, called or being served (today's open tickets). */
  readonly open: number;
  readonly wait: DurationStats;
  readonly service: DurationStats;
  /** Tickets called within the target wait, among those called at all. */
  readonly withinTarget: number;
  readonly withinTargetPercent: number | null;
  readonly satisfaction: SatisfactionStats;
}

/** The dimensions a report is broken down by. */
export const REPORT_DIMENSIONS = ['day', 'hour', 'field', 'service', 'counter', 'clerk'] as const;
/** One dimension. */
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** A report over a range of business days. */
export interface HallReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly targetWaitMinutes: number;
  readonly generatedAt: number;
  readonly levels: readonly SatisfactionLevel[];
  readonly total: ReportRow;
  readonly by: Readonly<Record<ReportDimension, readonly ReportRow[]>>;
}

/** One line of the audit view: a queue event or a manager action. */
export interface AuditEntry {
  /** `event` rows come from the append-only event log, `admin` rows from manager actions. */
  readonly source: 'event' | 'admin';
  /** The event's version, or the admin action's id. */
  readonly id: number;
  readonly at: number;
  readonly type: string;
  readonly actorRole: string;
  readonly deviceId: string | null;
  readonly clerkId: string | null;
  readonly managerId: number | null;
  readonly ticketId: number | null;
  /** The ticket's number (`A002`; unchanged by transfers), when the entry is about a ticket. */
  readonly ticketNumber?: string | null;
  readonly counterId: string | null;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A ticket found by number, with its whole history, oldest first. */
export interface FoundTicket {
  readonly id: number;
  readonly businessDay: string;
  readonly body: Ticket;
  readonly history: readonly AuditEntry[];
}

/** The signed-in manager, as the console shows it. */
export interface ManagerProfile {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly mustChangePassword: boolean;
}
