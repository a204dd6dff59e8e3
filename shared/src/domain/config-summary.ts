/**
 * What saving a configuration will change, for the console's "before you save" dialog: the entities
 * added, changed (which fields), archived and restored, the hall-wide sections changed, and — what a
 * manager really wants to know — what the devices in the hall will show differently.
 *
 * ```ts
 * const summary = summarizeConfigChange(saved, draft);
 * if (summary.isEmpty) return;                                   // nothing to save
 * summary.added.map((item) => item.name.vi);                     // "Đất đai"
 * summary.changed.map((item) => item.fields.map((f) => f.label.vi)); // ["tên", "ký hiệu"]
 * summary.devices.map((line) => line.message.vi);                // "Máy lấy số có thêm dịch vụ “Đất đai”."
 * ```
 *
 * Pure and deterministic: the same two configurations always give the same summary, in configuration order.
 */
import { translate, type Locale, type MessageId, type MessageParams } from '../text/catalog.ts';
import { isArchived, type HallConfig, type LocalizedText } from './config.ts';

/** The kinds of entity a summary lists. */
export type SummaryEntity = 'field' | 'service' | 'counter' | 'clerk' | 'priorityGroup';

/** The hall-wide sections a summary lists when they change. */
export type SummarySection = 'hall' | 'policy' | 'satisfaction' | 'announcement' | 'terminals';

/** One entity in a summary, named as the manager knows it. */
export interface SummaryItem {
  readonly entity: SummaryEntity;
  readonly id: string;
  readonly name: LocalizedText;
}

/** A changed field: its key in the configuration and its label in both languages. */
export interface SummaryField {
  readonly key: string;
  readonly label: LocalizedText;
}

/** An entity whose fields changed. */
export interface ChangedItem extends SummaryItem {
  readonly fields: readonly SummaryField[];
}

/** Which devices a line is about. */
export type SummaryDevice = 'kiosk' | 'counter' | 'display' | 'feedback';

/** One thing the devices will show or do differently once saved. */
export interface DeviceLine {
  readonly devices: readonly SummaryDevice[];
  readonly message: LocalizedText;
}

/** The structured change summary. */
export interface ConfigChangeSummary {
  readonly added: readonly SummaryItem[];
  readonly changed: readonly ChangedItem[];
  readonly archived: readonly SummaryItem[];
  /** Taken back out of the archive. */
  readonly restored: readonly SummaryItem[];
  /** Removed outright: the rules refuse this for services, counters and clerks (archive them). */
  readonly removed: readonly SummaryItem[];
  readonly sections: readonly {
    readonly section: SummarySection;
    readonly fields: readonly SummaryField[];
  }[];
  readonly devices: readonly DeviceLine[];
  readonly isEmpty: boolean;
}

interface Entity {
  readonly id: string;
  readonly isArchived?: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const both = <Id extends MessageId>(id: Id, params: (locale: Locale) => MessageParams<Id>): LocalizedText => {
  const text = (locale: Locale): string =>
    (translate as (locale: Locale, id: MessageId, params: unknown) => string)(locale, id, params(locale));
  return { vi: text('vi'), en: text('en') };
};

/** A name in one language; an empty English name falls back to the Vietnamese one. */
const inLocale = (name: LocalizedText, locale: Locale): string =>
  name[locale].trim() !== '' ? name[locale].trim() : name.vi.trim();

const fieldLabel = (key: string): LocalizedText => {
  const id = `config.changeField.${key}`;
  return isChangeFieldId(id) ? both(id, () => ({})) : { vi: key, en: key };
};

function isChangeFieldId(id: string): id is MessageId & `config.changeField.${string}` {
  return id.startsWith('config.changeField.') && Object.hasOwn(changeFieldIds, id);
}

/** The fields a summary knows, in the order a form shows them; each has a `config.changeField.*` label. */
const FIELD_ORDER = [
  'name',
  'title',
  'username',
  'fieldId',
  'prefix',
  'firstNumber',
  'dailyQuota',
  'openingHours',
  'expectedServiceMinutes',
  'procedures',
  'isActive',
  'kioskOrder',
  'number',
  'serviceIds',
  'counterIds',
  'address',
  'phone',
  'timeZone',
  'rolloverHour',
  'noticeLine',
  'priorityBound',
  'recallLimit',
  'noShowGraceMinutes',
  'levels',
  'lowRatingReasons',
  'template',
  'style',
  'repeat',
  'volume',
  'quietHours',
  'voice',
  'numberReading',
  'customWords',
  'idleSignOutMinutes',
  'feedbackIdleSeconds',
] as const;

/** The field labels the catalogue has; any other key is shown as it is. */
const changeFieldIds: Readonly<Record<string, true>> = Object.fromEntries(
  FIELD_ORDER.map((key) => [`config.changeField.${key}`, true]),
);

const fieldRank = (key: string): number => {
  const rank = (FIELD_ORDER as readonly string[]).indexOf(key);
  return rank === -1 ? FIELD_ORDER.length : rank;
};

/** The keys whose values differ (archiving is reported on its own, not as a changed field). */
function changedKeys(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('isArchived');
  keys.delete('id');
  return [...keys]
    .filter((key) => !same((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]))
    .sort((a, b) => fieldRank(a) - fieldRank(b));
}

/** What saving `after` over `before` changes; see the file's comment. */
export function summarizeConfigChange(before: HallConfig, after: HallConfig): ConfigChangeSummary {
  const added: SummaryItem[] = [];
  const changed: ChangedItem[] = [];
  const archived: SummaryItem[] = [];
  const restored: SummaryItem[] = [];
  const removed: SummaryItem[] = [];

  const compare = <Item extends Entity>(
    entity: SummaryEntity,
    olds: readonly Item[],
    news: readonly Item[],
    nameOf: (item: Item) => LocalizedText,
  ): void => {
    const previous = new Map(olds.map((item) => [item.id, item]));
    for (const item of news) {
      const old = previous.get(item.id);
      const summary = { entity, id: item.id, name: nameOf(item) };
      previous.delete(item.id);
      if (old === undefined) {
        added.push(summary);
        continue;
      }
      if (isArchived(item) && !isArchived(old)) archived.push(summary);
      if (!isArchived(item) && isArchived(old)) restored.push(summary);
      const keys = changedKeys(old, item);
      if (keys.length > 0)
        changed.push({ ...summary, fields: keys.map((key) => ({ key, label: fieldLabel(key) })) });
    }
    for (const old of previous.values()) removed.push({ entity, id: old.id, name: nameOf(old) });
  };
  compare('field', before.fields, after.fields, (field) => field.name);
  compare('service', before.services, after.services, (service) => service.name);
  compare('counter', before.counters, after.counters, (counter) => counter.name);
  compare('clerk', before.clerks, after.clerks, (clerk) => ({ vi: clerk.name, en: clerk.name }));
  compare('priorityGroup', before.priorityGroups, after.priorityGroups, (group) => group.name);

  const sections: { section: SummarySection; fields: SummaryField[] }[] = [];
  for (const section of ['hall', 'policy', 'satisfaction', 'announcement', 'terminals'] as const) {
    const keys = changedKeys(before[section], after[section]);
    if (keys.length > 0)
      sections.push({ section, fields: keys.map((key) => ({ key, label: fieldLabel(key) })) });
  }

  const devices = deviceLines(before, after);
  return {
    added,
    changed,
    archived,
    restored,
    removed,
    sections,
    devices,
    isEmpty:
      added.length + changed.length + archived.length + restored.length + removed.length + sections.length ===
      0,
  };
}

/** What each kind of device will show differently: the kiosk's services, each counter's, the clerks… */
function deviceLines(before: HallConfig, after: HallConfig): DeviceLine[] {
  const lines: DeviceLine[] = [];
  const line = <Id extends MessageId>(
    devices: readonly SummaryDevice[],
    id: Id,
    params: (locale: Locale) => MessageParams<Id>,
  ): void => {
    lines.push({ devices, message: both(id, params) });
  };

  // The kiosk offers the active services that are not archived, in fields that are not archived.
  const offered = (config: HallConfig) => {
    const fields = new Set(config.fields.filter((field) => !isArchived(field)).map((field) => field.id));
    return new Map(
      config.services
        .filter((service) => service.isActive && !isArchived(service) && fields.has(service.fieldId))
        .map((service) => [service.id, service]),
    );
  };
  const offeredBefore = offered(before);
  const offeredAfter = offered(after);
  for (const service of offeredAfter.values()) {
    const old = offeredBefore.get(service.id);
    const name = (l: Locale) => inLocale(service.name, l);
    if (old === undefined) {
      line(['kiosk'], 'config.summary.kioskAdds', (l) => ({ service: name(l) }));
      continue;
    }
    if (!same(old.name, service.name))
      line(['kiosk', 'counter', 'display'], 'config.summary.serviceRenamed', (l) => ({
        before: inLocale(old.name, l),
        service: name(l),
      }));
    if (old.prefix !== service.prefix)
      line(['kiosk', 'display'], 'config.summary.prefixChanged', (l) => ({
        service: name(l),
        before: old.prefix,
        after: service.prefix,
      }));
    if (!same(old.openingHours, service.openingHours))
      line(['kiosk'], 'config.summary.hoursChanged', (l) => ({ service: name(l) }));
    if (old.dailyQuota !== service.dailyQuota)
      line(['kiosk'], 'config.summary.quotaChanged', (l) => ({
        service: name(l),
        quota: service.dailyQuota ?? translate(l, 'config.summary.noQuota'),
      }));
    if (!same(old.procedures, service.procedures))
      line(['kiosk'], 'config.summary.proceduresChanged', (l) => ({ service: name(l) }));
  }
  for (const service of offeredBefore.values()) {
    if (!offeredAfter.has(service.id))
      line(['kiosk'], 'config.summary.kioskRemoves', (l) => ({ service: inLocale(service.name, l) }));
  }

  // Counters: a working counter is active and not archived; each serves its list of services.
  const serviceName = (config: HallConfig, id: string, l: Locale): string => {
    const service = config.services.find((candidate) => candidate.id === id);
    return service ? inLocale(service.name, l) : id;
  };
  const working = (config: HallConfig) =>
    new Map(
      config.counters.filter((counter) => counter.isActive && !isArchived(counter)).map((c) => [c.id, c]),
    );
  const countersBefore = working(before);
  const countersAfter = working(after);
  for (const counter of countersAfter.values()) {
    const old = countersBefore.get(counter.id);
    const name = (l: Locale) => inLocale(counter.name, l);
    if (old === undefined) {
      line(['counter', 'display'], 'config.summary.counterOpens', (l) => ({
        counter: name(l),
        services: counter.serviceIds.map((id) => `“${serviceName(after, id, l)}”`).join(', '),
      }));
      continue;
    }
    for (const id of counter.serviceIds)
      if (!old.serviceIds.includes(id))
        line(['counter'], 'config.summary.counterServes', (l) => ({
          counter: name(l),
          service: serviceName(after, id, l),
        }));
    for (const id of old.serviceIds)
      if (!counter.serviceIds.includes(id))
        line(['counter'], 'config.summary.counterStopsServing', (l) => ({
          counter: name(l),
          service: serviceName(before, id, l),
        }));
    if (old.number !== counter.number || !same(old.name, counter.name))
      line(['counter', 'display'], 'config.summary.counterRenamed', (l) => ({
        before: inLocale(old.name, l),
        counter: name(l),
        number: counter.number,
      }));
  }
  for (const counter of countersBefore.values()) {
    if (!countersAfter.has(counter.id))
      line(['counter', 'display'], 'config.summary.counterCloses', (l) => ({
        counter: inLocale(counter.name, l),
      }));
  }

  // Clerks who may sign in: active and not archived.
  const signing = (config: HallConfig) =>
    new Map(config.clerks.filter((clerk) => clerk.isActive && !isArchived(clerk)).map((c) => [c.id, c]));
  const clerksBefore = signing(before);
  const clerksAfter = signing(after);
  for (const clerk of clerksAfter.values())
    if (!clerksBefore.has(clerk.id))
      line(['counter'], 'config.summary.clerkMaySignIn', () => ({ clerk: clerk.name }));
  for (const clerk of clerksBefore.values())
    if (!clerksAfter.has(clerk.id))
      line(['counter'], 'config.summary.clerkMayNotSignIn', () => ({ clerk: clerk.name }));
  // Where a clerk who could and still can sign in may do so (no list: every counter).
  const counterName = (id: string, l: Locale): string => {
    const counter = after.counters.find((candidate) => candidate.id === id);
    return counter ? inLocale(counter.name, l) : id;
  };
  for (const clerk of clerksAfter.values()) {
    const old = clerksBefore.get(clerk.id);
    if (old === undefined || same(old.counterIds, clerk.counterIds)) continue;
    if (clerk.counterIds === undefined)
      line(['counter'], 'config.summary.clerkEveryCounter', () => ({ clerk: clerk.name }));
    else {
      const counterIds = clerk.counterIds;
      line(['counter'], 'config.summary.clerkCounters', (l) => ({
        clerk: clerk.name,
        counters:
          counterIds.length === 0
            ? translate(l, 'config.summary.noCounter')
            : counterIds.map((id) => `“${counterName(id, l)}”`).join(', '),
      }));
    }
  }

  // Hall-wide settings.
  const { noticeLine: noticeBefore, ...hallBefore } = before.hall;
  const { noticeLine: noticeAfter, ...hallAfter } = after.hall;
  if (!same(hallBefore, hallAfter)) line(['kiosk', 'display'], 'config.summary.hallChanged', () => ({}));
  if (noticeBefore !== noticeAfter) line(['display'], 'config.summary.noticeChanged', () => ({}));
  if (!same(before.announcement, after.announcement))
    line(['display'], 'config.summary.announcementChanged', () => ({}));
  if (!same(before.policy, after.policy)) line(['counter'], 'config.summary.policyChanged', () => ({}));
  if (!same(before.satisfaction, after.satisfaction))
    line(['feedback'], 'config.summary.satisfactionChanged', () => ({}));
  if (!same(before.terminals, after.terminals))
    line(['counter', 'feedback'], 'config.summary.terminalsChanged', () => ({}));
  if (!same(before.priorityGroups, after.priorityGroups))
    line(['kiosk'], 'config.summary.priorityGroupsChanged', () => ({}));
  return lines;
}
