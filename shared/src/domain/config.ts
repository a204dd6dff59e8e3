import type { ClerkId, CounterId, FieldId, PriorityGroupId, ProcedureId, ServiceId } from './ids.ts';
import { asPriorityGroupId } from './ids.ts';

/** Text shown to people, Vietnamese first. */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/**
 * A weekly opening window in the hall's local time. `weekdays` uses 0 = Sunday … 6 = Saturday;
 * `from`/`to` are `HH:mm`, `to` exclusive.
 */
export interface OpeningWindow {
  readonly weekdays: readonly number[];
  readonly from: string;
  readonly to: string;
}

/** A field (lĩnh vực): how the kiosk groups services. */
export interface FieldConfig {
  readonly id: FieldId;
  readonly name: LocalizedText;
  readonly kioskOrder: number;
  /** Archived: gone from kiosks, terminals and displays, kept for history (reports, audit); can be restored. */
  readonly isArchived?: boolean;
}

/** A procedure (thủ tục) offered under a service, for the kiosk and the ticket. */
export interface ProcedureConfig {
  readonly id: ProcedureId;
  readonly name: LocalizedText;
  /** Archived: gone from kiosks, terminals and displays, kept for history (reports, audit); can be restored. */
  readonly isArchived?: boolean;
}

/** A service: one queue with its own numbering. */
export interface ServiceConfig {
  readonly id: ServiceId;
  readonly fieldId: FieldId;
  readonly name: LocalizedText;
  /** 1–2 capital letters (A–Z or Đ) printed before the number: `A` → `A001`, `Đ` → `Đ001`. */
  readonly prefix: string;
  /** The first sequence of each business day (usually 1). */
  readonly firstNumber: number;
  /** At most this many tickets a business day; null for no limit. */
  readonly dailyQuota: number | null;
  /** Empty means open whenever the hall is. */
  readonly openingHours: readonly OpeningWindow[];
  /** Used for wait estimates until real service times are known. */
  readonly expectedServiceMinutes: number;
  readonly procedures: readonly ProcedureConfig[];
  readonly isActive: boolean;
  readonly kioskOrder: number;
  /** Archived: gone from kiosks, terminals and displays, kept for history (reports, audit); can be restored. */
  readonly isArchived?: boolean;
}

/** A counter (quầy) and the services it serves, in its order of preference. */
export interface CounterConfig {
  readonly id: CounterId;
  readonly number: number;
  readonly name: LocalizedText;
  readonly serviceIds: readonly ServiceId[];
  readonly isActive: boolean;
  /** Archived: gone from kiosks, terminals and displays, kept for history (reports, audit); can be restored. */
  readonly isArchived?: boolean;
}

/** A clerk as the queue sees them (credentials live only on the server). */
export interface ClerkConfig {
  readonly id: ClerkId;
  readonly name: string;
  readonly title: string;
  readonly username: string;
  readonly isActive: boolean;
  /** Archived: gone from kiosks, terminals and displays, kept for history (reports, audit); can be restored. */
  readonly isArchived?: boolean;
  /**
   * The counters this clerk may sign in at. Absent means every counter, now and added later: that is how
   * configurations saved before the list existed read, so they keep working unchanged. An empty list
   * means none, which the configuration rules refuse for a clerk in service (`clerk-without-counter`).
   */
  readonly counterIds?: readonly CounterId[];
}

/** A priority group that is called ahead of the normal queue (within the anti-starvation bound). */
export interface PriorityGroupConfig {
  readonly id: PriorityGroupId;
  readonly name: LocalizedText;
}

/** One level of the satisfaction scale, best first. */
export interface SatisfactionLevel {
  readonly value: number;
  readonly label: LocalizedText;
  /** Counted as "satisfied" in the hall's reports. */
  readonly isSatisfied: boolean;
}

/** Queue rules the hall can tune. */
export interface PolicyConfig {
  /** After this many priority calls in a row, a counter calls a normal visitor who waited longer. */
  readonly priorityBound: number;
  /** How many times a called ticket may be recalled; one more recall marks it a no-show. */
  readonly recallLimit: number;
  /** A no-show may return to the queue within this many minutes. */
  readonly noShowGraceMinutes: number;
}

/** The hall itself. */
export interface HallInfo {
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  /** IANA zone used for business days, opening hours and printed times. */
  readonly timeZone: string;
  /** Local hour (0–23) at which the business day (and its numbering) starts again. */
  readonly rolloverHour: number;
  /** Scrolling notice line on the hall displays. */
  readonly noticeLine: string;
  /** When the hall takes tickets at all; empty or absent means always. A service's own hours apply within these. */
  readonly openingHours?: readonly OpeningWindow[];
}

/** How calls are announced on the hall displays. */
export interface AnnouncementConfig {
  /** Phrase with `{ticket}` and `{counter}`, e.g. "Mời công dân có số thứ tự {ticket} đến quầy số {counter}". */
  readonly template: string;
  /** Read the ticket character by character ("A, không, một, hai") or as a whole number ("A mười hai"). */
  readonly style: 'by-character' | 'whole-number';
  /** How many times each call is said (1–3). */
  readonly repeat: number;
  /** 0–1. */
  readonly volume: number;
  /** Local `HH:mm` window in which calls are shown but not spoken; null for none. */
  readonly quietHours: { readonly from: string; readonly to: string } | null;
  /** Bundled word clips (works everywhere, offline) or the browser's vi-VN voice where one exists. */
  readonly voice: 'clips' | 'browser';
  /** How numbers are read; absent means the northern standard (linh, tư after mươi, nghìn). */
  readonly numberReading?: NumberReadingChoice;
  /**
   * Words and phrases the hall recorded itself (each a clip in its data folder, uploaded in the console),
   * which its template may use besides the bundled vocabulary: "mời ông bà", "để được phục vụ".
   */
  readonly customWords?: readonly string[];
}

/** The regional choices of Vietnamese number reading a hall makes for its announcements. */
export interface NumberReadingChoice {
  /** 105 "một trăm linh năm" or "… lẻ năm". */
  readonly zeroTens: 'linh' | 'lẻ';
  /** 24 "hai mươi tư" or "hai mươi bốn". */
  readonly four: 'tư' | 'bốn';
  /** 2 000 "hai nghìn" or "hai ngàn". */
  readonly thousand: 'nghìn' | 'ngàn';
}

/** Timings of the terminals at the counters. */
export interface TerminalConfig {
  /** A clerk terminal with no input for this long signs its clerk out. */
  readonly idleSignOutMinutes: number;
  /** The feedback tablet returns to idle this long after a rating or a completed ticket. */
  readonly feedbackIdleSeconds: number;
}

/** Announcement defaults: the phrase Vietnamese halls use, read by character, said twice. */
export const DEFAULT_ANNOUNCEMENT: AnnouncementConfig = {
  template: 'Mời công dân có số thứ tự {ticket} đến quầy số {counter}',
  style: 'by-character',
  repeat: 2,
  volume: 1,
  quietHours: null,
  voice: 'clips',
};

/** Terminal defaults. */
export const DEFAULT_TERMINALS: TerminalConfig = { idleSignOutMinutes: 30, feedbackIdleSeconds: 20 };

/** Everything the manager configures; an input of every domain decision. */
export interface HallConfig {
  readonly hall: HallInfo;
  readonly fields: readonly FieldConfig[];
  readonly services: readonly ServiceConfig[];
  readonly counters: readonly CounterConfig[];
  readonly clerks: readonly ClerkConfig[];
  readonly priorityGroups: readonly PriorityGroupConfig[];
  readonly policy: PolicyConfig;
  readonly satisfaction: {
    readonly levels: readonly SatisfactionLevel[];
    readonly lowRatingReasons: readonly LocalizedText[];
  };
  readonly announcement: AnnouncementConfig;
  readonly terminals: TerminalConfig;
}

/** The default policy: K = 3, two recalls, a 15-minute grace for no-shows. */
export const DEFAULT_POLICY: PolicyConfig = { priorityBound: 3, recallLimit: 2, noShowGraceMinutes: 15 };

/** The four-level scale Vietnamese one-stop centres report on. */
export const DEFAULT_SATISFACTION_LEVELS: readonly SatisfactionLevel[] = [
  { value: 4, label: { vi: 'Rất hài lòng', en: 'Very satisfied' }, isSatisfied: true },
  { value: 3, label: { vi: 'Hài lòng', en: 'Satisfied' }, isSatisfied: true },
  { value: 2, label: { vi: 'Bình thường', en: 'Neutral' }, isSatisfied: false },
  { value: 1, label: { vi: 'Không hài lòng', en: 'Dissatisfied' }, isSatisfied: false },
];

/**
 * The priority groups Vietnamese halls commonly serve first (the glossary's defaults); a hall changes
 * them in its configuration.
 */
export const DEFAULT_PRIORITY_GROUPS: readonly PriorityGroupConfig[] = [
  { id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi (từ 60 tuổi)', en: 'Older people (60 and over)' } },
  { id: 'nguoi-khuyet-tat', name: { vi: 'Người khuyết tật', en: 'People with disabilities' } },
  { id: 'phu-nu-mang-thai', name: { vi: 'Phụ nữ mang thai', en: 'Pregnant women' } },
  {
    id: 'nguoi-co-cong',
    name: { vi: 'Người có công với cách mạng', en: 'People with meritorious service to the revolution' },
  },
  { id: 'tre-em', name: { vi: 'Người đi cùng trẻ em dưới 6 tuổi', en: 'With a child under 6' } },
].map((group) => ({ id: asPriorityGroupId(group.id), name: group.name }));

/** Whether a field, service, procedure, counter or clerk is archived (absent means not). */
export const isArchived = (entity: { readonly isArchived?: boolean }): boolean => entity.isArchived === true;

/**
 * Whether an entity is in service: active and not archived. Archived entities stay in the configuration
 * so reports and the audit can still name them, but no device offers them.
 */
export const isInService = (entity: { readonly isActive: boolean; readonly isArchived?: boolean }): boolean =>
  entity.isActive && !isArchived(entity);

/** Look up a service; undefined when it is not configured. */
export const findService = (config: HallConfig, id: ServiceId): ServiceConfig | undefined =>
  config.services.find((service) => service.id === id);

/** Look up a counter; undefined when it is not configured. */
export const findCounter = (config: HallConfig, id: CounterId): CounterConfig | undefined =>
  config.counters.find((counter) => counter.id === id);

/** Look up a clerk; undefined when it is not configured. */
export const findClerk = (config: HallConfig, id: ClerkId): ClerkConfig | undefined =>
  config.clerks.find((clerk) => clerk.id === id);

/**
 * Whether a clerk may sign in at a counter: the counter is on the clerk's list, or the clerk has no
 * list (every counter). The one rule the server enforces at sign-in and the console explains.
 */
export const isClerkAllowedAt = (clerk: ClerkConfig, counterId: CounterId): boolean =>
  clerk.counterIds === undefined || clerk.counterIds.includes(counterId);
