/**
 * The configuration rules: what makes a hall configuration safe to publish, beyond its JSON shape.
 *
 * Usage (the console and the server run the same function, so they refuse the same things with the
 * same words):
 *
 * ```ts
 * const issues = configIssues(draft);                   // every problem, in configuration order
 * const blocking = issues.filter(isBlockingIssue);      // severity 'error': the server refuses these
 * const beside = issuesAt(issues, { entity: 'service', id: service.id, field: 'prefix' });
 * beside.map((issue) => issue.message.vi);              // the sentence to show beside that input
 * ```
 *
 * - `severity`: `'error'` blocks saving (the server answers `CONFIG_INVALID` with these same issues in
 *   `error.configIssues`); `'warning'` is shown and may be saved anyway (a service no counter serves yet).
 * - `path`: the entity (`'service'`, `'counter'`, …), its id (null for the hall-wide sections; for a
 *   procedure also `parentId`, its service) and the field (`'name.vi'`, `'prefix'`,
 *   `'openingHours.0.from'`, …). {@link configIssueKey} turns it into one string for a map key.
 * - `code`: one of {@link CONFIG_ISSUE_CODES}, stable for tests and for a console that wants its own icon.
 * - `message`: Vietnamese and English sentences from the catalogue (`config.issue.*`) naming the entity
 *   by its name (or its place in the list when it has none), never by an internal id.
 *
 * The zod schema (contracts/config-schema.ts) only guards the shape and the sizes; every rule a
 * manager can break by typing lives here.
 */
import { parseTicketNumber, checkCallTemplate } from '../text/announcement.ts';
import { translate, type Locale, type MessageId, type MessageParams } from '../text/catalog.ts';
import { normalizeSpokenPhrase } from '../text/voice-clips.ts';
import {
  isArchived,
  isInService,
  type HallConfig,
  type LocalizedText,
  type OpeningWindow,
} from './config.ts';
import { isKnownTimeZone } from './zone-offsets.ts';

/** What a configuration problem is about: one kind of entity of the configuration. */
export type ConfigEntity =
  | 'hall'
  | 'field'
  | 'service'
  | 'procedure'
  | 'counter'
  | 'clerk'
  | 'priorityGroup'
  | 'satisfactionLevel'
  | 'lowRatingReason'
  | 'policy'
  | 'announcement'
  | 'terminals';

/** Where a problem is: the entity, its id, and the field (dotted, e.g. `name.vi`, `openingHours.0.to`). */
export interface ConfigIssuePath {
  readonly entity: ConfigEntity;
  /** The entity's id (a satisfaction level: its value; a low-rating reason: its index); null for sections. */
  readonly id: string | null;
  /** For a procedure: the id of the service it belongs to. */
  readonly parentId?: string;
  readonly field: string;
}

/** Every rule, by code. */
export const CONFIG_ISSUE_CODES = [
  'name-required',
  'username-required',
  'duplicate-id',
  'duplicate-prefix',
  'duplicate-counter-number',
  'duplicate-username',
  'duplicate-satisfaction-value',
  'duplicate-recorded-word',
  'prefix-format',
  'prefix-unspeakable',
  'unknown-field',
  'unknown-service',
  'time-format',
  'window-order',
  'window-no-weekday',
  'quota-negative',
  'quota-zero',
  'out-of-range',
  'counter-without-service',
  'service-without-counter',
  'unknown-counter',
  'clerk-without-counter',
  'clerk-counter-archived',
  'template-unknown-words',
  'template-placeholders',
  'recorded-word-empty',
  'no-satisfied-level',
  'unknown-time-zone',
  'removed-not-archived',
] as const;
/** A rule's code. */
export type ConfigIssueCode = (typeof CONFIG_ISSUE_CODES)[number];

/** `'error'` blocks saving; `'warning'` is shown but may be saved. */
export type ConfigIssueSeverity = 'error' | 'warning';

/** One problem of a configuration. */
export interface ConfigIssue {
  readonly severity: ConfigIssueSeverity;
  readonly code: ConfigIssueCode;
  readonly path: ConfigIssuePath;
  readonly message: LocalizedText;
}

/** One string for a path (`service/dat-dai/prefix`, `procedure/dat-dai/cap-so/name.vi`), for map keys. */
export const configIssueKey = (path: ConfigIssuePath): string =>
  [path.entity, path.parentId, path.id ?? '-', path.field].filter((part) => part !== undefined).join('/');

/** True for an issue that stops a save. */
export const isBlockingIssue = (issue: ConfigIssue): boolean => issue.severity === 'error';

/**
 * The issues at one place: an entity (every field of it when `field` is left out) or one field
 * (`name` also matches `name.vi`; `openingHours` matches `openingHours.0.from`).
 */
export function issuesAt(
  issues: readonly ConfigIssue[],
  where: { readonly entity: ConfigEntity; readonly id: string | null; readonly field?: string },
): ConfigIssue[] {
  return issues.filter(
    ({ path }) =>
      path.entity === where.entity &&
      path.id === where.id &&
      (where.field === undefined || path.field === where.field || path.field.startsWith(`${where.field}.`)),
  );
}

/** How a message names things in one language: built per locale so a sentence never mixes them. */
type Words = (locale: Locale) => string;

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const PREFIX = /^[A-ZĐ]{1,2}$/u;

/**
 * Every problem of a configuration: errors first by configuration order, then warnings. Empty when the
 * configuration is good to publish. Pure; cheap enough to run on every keystroke of a large hall.
 *
 * With `published` (the configuration the hall runs now), it also checks the change: a service,
 * counter or clerk once published is never removed, only archived, so reports and the audit can
 * always name it (`removed-not-archived`).
 */
export function configIssues(config: HallConfig, published?: HallConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const add = <Id extends MessageId>(
    severity: ConfigIssueSeverity,
    code: ConfigIssueCode,
    path: ConfigIssuePath,
    id: Id,
    params: (locale: Locale) => MessageParams<Id>,
  ): void => {
    const text = (locale: Locale): string =>
      (translate as (locale: Locale, id: MessageId, params: unknown) => string)(locale, id, params(locale));
    issues.push({ severity, code, path, message: { vi: text('vi'), en: text('en') } });
  };
  const label =
    (entity: ConfigEntity): Words =>
    (locale) =>
      translate(locale, `config.entity.${entity}`);
  /** "Dịch vụ “Đất đai”", or "Dịch vụ thứ 3" while it has no name yet. */
  const named =
    (entity: ConfigEntity, name: LocalizedText | string, position: number): Words =>
    (locale) => {
      const text = typeof name === 'string' ? name.trim() : localized(name, locale);
      return text === ''
        ? translate(locale, 'config.unnamed', { entity: label(entity)(locale), position })
        : translate(locale, entity === 'clerk' ? 'config.namedPerson' : 'config.named', {
            entity: label(entity)(locale),
            name: text,
          });
    };
  const requireName = (path: ConfigIssuePath, value: string, what: Words): void => {
    if (value.trim() === '')
      add('error', 'name-required', path, 'config.issue.name-required', (l) => ({ what: what(l) }));
  };
  const duplicates = <Item>(
    items: readonly Item[],
    keyOf: (item: Item) => string | number,
    report: (item: Item, first: Item) => void,
  ): void => {
    const seen = new Map<string | number, Item>();
    for (const item of items) {
      const key = keyOf(item);
      const first = seen.get(key);
      if (first !== undefined) report(item, first);
      else seen.set(key, item);
    }
  };
  const range = (
    path: ConfigIssuePath,
    what: Words,
    fieldLabel: MessageId & `config.field.${string}`,
    value: number,
    min: number,
    max: number,
    wholeNumber: boolean,
  ): void => {
    if (value >= min && value <= max && (!wholeNumber || Number.isInteger(value))) return;
    add(
      'error',
      'out-of-range',
      path,
      wholeNumber ? 'config.issue.out-of-range-whole' : 'config.issue.out-of-range',
      (l) => ({ what: what(l), field: translate(l, fieldLabel), min, max }),
    );
  };
  const hours = (
    windows: readonly OpeningWindow[],
    entity: ConfigEntity,
    id: string | null,
    what: Words,
  ): void => {
    windows.forEach((window, index) => {
      const at = (field: string): ConfigIssuePath => ({
        entity,
        id,
        field: `openingHours.${index}.${field}`,
      });
      const fromOk = clock(window.from, at('from'), what);
      const toOk = clock(window.to, at('to'), what);
      if (fromOk && toOk && window.from >= window.to)
        add('error', 'window-order', at('to'), 'config.issue.window-order', (l) => ({
          what: what(l),
          from: window.from,
          to: window.to,
        }));
      if (window.weekdays.length === 0)
        add('warning', 'window-no-weekday', at('weekdays'), 'config.issue.window-no-weekday', (l) => ({
          what: what(l),
          from: window.from,
          to: window.to,
        }));
    });
  };
  const clock = (value: string, path: ConfigIssuePath, what: Words): boolean => {
    if (HH_MM.test(value)) return true;
    add('error', 'time-format', path, 'config.issue.time-format', (l) => ({ what: what(l), value }));
    return false;
  };

  // The hall.
  const hall = label('hall');
  requireName({ entity: 'hall', id: null, field: 'name' }, config.hall.name, hall);
  range(
    { entity: 'hall', id: null, field: 'rolloverHour' },
    hall,
    'config.field.rolloverHour',
    config.hall.rolloverHour,
    0,
    23,
    true,
  );
  if (!isKnownTimeZone(config.hall.timeZone)) {
    add(
      'error',
      'unknown-time-zone',
      { entity: 'hall', id: null, field: 'timeZone' },
      'config.issue.unknown-time-zone',
      () => ({
        value: config.hall.timeZone,
      }),
    );
  }
  hours(config.hall.openingHours ?? [], 'hall', null, hall);

  // Fields.
  const fieldIds = new Set<string>(config.fields.map((field) => field.id));
  config.fields.forEach((field, index) => {
    const path: ConfigIssuePath = { entity: 'field', id: field.id, field: 'name.vi' };
    requireName(path, field.name.vi, named('field', field.name, index + 1));
  });
  duplicateIds('field', config.fields);

  // Services and their procedures.
  const serviceWords = new Map<string, Words>();
  config.services.forEach((service, index) => {
    const what = named('service', service.name, index + 1);
    serviceWords.set(service.id, what);
    const at = (field: string): ConfigIssuePath => ({ entity: 'service', id: service.id, field });
    requireName(at('name.vi'), service.name.vi, what);
    if (!fieldIds.has(service.fieldId))
      add('error', 'unknown-field', at('fieldId'), 'config.issue.unknown-field', (l) => ({ what: what(l) }));
    if (!PREFIX.test(service.prefix))
      add('error', 'prefix-format', at('prefix'), 'config.issue.prefix-format', (l) => ({
        what: what(l),
        value: service.prefix,
      }));
    else if (!isSpeakablePrefix(service.prefix))
      add('error', 'prefix-unspeakable', at('prefix'), 'config.issue.prefix-unspeakable', (l) => ({
        what: what(l),
        value: service.prefix,
      }));
    range(at('firstNumber'), what, 'config.field.firstNumber', service.firstNumber, 0, 100_000, true);
    if (service.dailyQuota !== null) {
      if (service.dailyQuota < 0)
        add('error', 'quota-negative', at('dailyQuota'), 'config.issue.quota-negative', (l) => ({
          what: what(l),
        }));
      else if (!Number.isInteger(service.dailyQuota) || service.dailyQuota > 100_000)
        range(at('dailyQuota'), what, 'config.field.dailyQuota', service.dailyQuota, 0, 100_000, true);
      else if (service.dailyQuota === 0 && isInService(service))
        add('warning', 'quota-zero', at('dailyQuota'), 'config.issue.quota-zero', (l) => ({ what: what(l) }));
    }
    range(
      at('expectedServiceMinutes'),
      what,
      'config.field.expectedServiceMinutes',
      service.expectedServiceMinutes,
      0.5,
      480,
      false,
    );
    hours(service.openingHours, 'service', service.id, what);
    service.procedures.forEach((procedure, position) => {
      const path: ConfigIssuePath = {
        entity: 'procedure',
        id: procedure.id,
        parentId: service.id,
        field: 'name.vi',
      };
      requireName(path, procedure.name.vi, named('procedure', procedure.name, position + 1));
    });
    duplicates(
      service.procedures,
      (procedure) => procedure.id,
      (procedure) =>
        add(
          'error',
          'duplicate-id',
          { entity: 'procedure', id: procedure.id, parentId: service.id, field: 'id' },
          'config.issue.duplicate-id',
          (l) => ({ what: what(l), value: procedure.id }),
        ),
    );
  });
  duplicateIds('service', config.services);
  const activeServices = config.services.filter(isInService);
  duplicates(
    activeServices.filter((service) => PREFIX.test(service.prefix)),
    (service) => service.prefix,
    (service, first) =>
      add(
        'error',
        'duplicate-prefix',
        { entity: 'service', id: service.id, field: 'prefix' },
        'config.issue.duplicate-prefix',
        (l) => ({
          what: serviceWords.get(service.id)!(l),
          value: service.prefix,
          other: serviceWords.get(first.id)!(l),
        }),
      ),
  );

  // Counters.
  const serviceIds = new Set<string>(config.services.map((service) => service.id));
  const counterWords = new Map<string, Words>();
  config.counters.forEach((counter, index) => {
    const what = named('counter', counter.name, index + 1);
    counterWords.set(counter.id, what);
    const at = (field: string): ConfigIssuePath => ({ entity: 'counter', id: counter.id, field });
    requireName(at('name.vi'), counter.name.vi, what);
    range(at('number'), what, 'config.field.counterNumber', counter.number, 1, 9_999, true);
    for (const serviceId of counter.serviceIds) {
      if (!serviceIds.has(serviceId))
        add('error', 'unknown-service', at('serviceIds'), 'config.issue.unknown-service', (l) => ({
          what: what(l),
          value: serviceId,
        }));
    }
    if (isInService(counter) && counter.serviceIds.length === 0)
      add(
        'error',
        'counter-without-service',
        at('serviceIds'),
        'config.issue.counter-without-service',
        (l) => ({
          what: what(l),
        }),
      );
  });
  duplicateIds('counter', config.counters);
  duplicates(
    config.counters,
    (counter) => counter.number,
    (counter, first) =>
      add(
        'error',
        'duplicate-counter-number',
        { entity: 'counter', id: counter.id, field: 'number' },
        'config.issue.duplicate-counter-number',
        (l) => ({
          what: counterWords.get(counter.id)!(l),
          value: counter.number,
          other: counterWords.get(first.id)!(l),
        }),
      ),
  );

  // Clerks.
  const clerkWords = new Map<string, Words>();
  const countersById = new Map(config.counters.map((counter) => [counter.id as string, counter]));
  config.clerks.forEach((clerk, index) => {
    const what = named('clerk', clerk.name, index + 1);
    clerkWords.set(clerk.id, what);
    requireName({ entity: 'clerk', id: clerk.id, field: 'name' }, clerk.name, what);
    if (clerk.username.trim() === '')
      add(
        'error',
        'username-required',
        { entity: 'clerk', id: clerk.id, field: 'username' },
        'config.issue.username-required',
        (l) => ({
          what: what(l),
        }),
      );
    // The counters the clerk may work at (absent: every counter). An empty list is an error, not a
    // warning: a clerk in service who can sign in nowhere is a mistake (to stop a clerk signing in, the
    // manager makes them inactive or archives them, which says so). An archived counter on the list is
    // a warning: it is harmless until the counter is restored, when it is what the manager meant.
    if (clerk.counterIds === undefined) return;
    const at: ConfigIssuePath = { entity: 'clerk', id: clerk.id, field: 'counterIds' };
    for (const counterId of clerk.counterIds) {
      const counter = countersById.get(counterId);
      if (counter === undefined)
        add('error', 'unknown-counter', at, 'config.issue.unknown-counter', (l) => ({
          what: what(l),
          value: counterId,
        }));
      else if (isArchived(counter))
        add('warning', 'clerk-counter-archived', at, 'config.issue.clerk-counter-archived', (l) => ({
          what: what(l),
          counter: counterWords.get(counterId)!(l),
        }));
    }
    if (isInService(clerk) && clerk.counterIds.length === 0)
      add('error', 'clerk-without-counter', at, 'config.issue.clerk-without-counter', (l) => ({
        what: what(l),
      }));
  });
  duplicateIds('clerk', config.clerks);
  duplicates(
    config.clerks.filter((clerk) => clerk.username.trim() !== ''),
    (clerk) => clerk.username.trim().toLowerCase(),
    (clerk, first) =>
      add(
        'error',
        'duplicate-username',
        { entity: 'clerk', id: clerk.id, field: 'username' },
        'config.issue.duplicate-username',
        (l) => ({
          what: clerkWords.get(clerk.id)!(l),
          value: clerk.username,
          other: clerkWords.get(first.id)!(l),
        }),
      ),
  );

  // Priority groups.
  config.priorityGroups.forEach((group, index) => {
    const path: ConfigIssuePath = { entity: 'priorityGroup', id: group.id, field: 'name.vi' };
    requireName(path, group.name.vi, named('priorityGroup', group.name, index + 1));
  });
  duplicateIds('priorityGroup', config.priorityGroups);

  // Policy and terminals.
  const policy = label('policy');
  const policyAt = (field: string): ConfigIssuePath => ({ entity: 'policy', id: null, field });
  range(
    policyAt('priorityBound'),
    policy,
    'config.field.priorityBound',
    config.policy.priorityBound,
    1,
    100,
    true,
  );
  range(policyAt('recallLimit'), policy, 'config.field.recallLimit', config.policy.recallLimit, 0, 10, true);
  range(
    policyAt('noShowGraceMinutes'),
    policy,
    'config.field.noShowGraceMinutes',
    config.policy.noShowGraceMinutes,
    0,
    24 * 60,
    true,
  );
  const terminals = label('terminals');
  const terminalsAt = (field: string): ConfigIssuePath => ({ entity: 'terminals', id: null, field });
  range(
    terminalsAt('idleSignOutMinutes'),
    terminals,
    'config.field.idleSignOutMinutes',
    config.terminals.idleSignOutMinutes,
    1,
    24 * 60,
    true,
  );
  range(
    terminalsAt('feedbackIdleSeconds'),
    terminals,
    'config.field.feedbackIdleSeconds',
    config.terminals.feedbackIdleSeconds,
    5,
    600,
    true,
  );

  // Satisfaction scale.
  config.satisfaction.levels.forEach((level, index) => {
    const path: ConfigIssuePath = { entity: 'satisfactionLevel', id: String(level.value), field: 'label.vi' };
    requireName(path, level.label.vi, named('satisfactionLevel', level.label, index + 1));
  });
  duplicates(
    config.satisfaction.levels,
    (level) => level.value,
    (level) =>
      add(
        'error',
        'duplicate-satisfaction-value',
        { entity: 'satisfactionLevel', id: String(level.value), field: 'value' },
        'config.issue.duplicate-satisfaction-value',
        () => ({ value: level.value }),
      ),
  );
  if (!config.satisfaction.levels.some((level) => level.isSatisfied))
    add(
      'error',
      'no-satisfied-level',
      { entity: 'satisfactionLevel', id: null, field: 'isSatisfied' },
      'config.issue.no-satisfied-level',
      () => ({}),
    );
  config.satisfaction.lowRatingReasons.forEach((reason, index) => {
    const path: ConfigIssuePath = { entity: 'lowRatingReason', id: String(index), field: 'vi' };
    requireName(path, reason.vi, named('lowRatingReason', reason, index + 1));
  });

  // Announcements: the displays must be able to say every call.
  const announcement = label('announcement');
  const announcementAt = (field: string): ConfigIssuePath => ({ entity: 'announcement', id: null, field });
  const { template, customWords = [], quietHours } = config.announcement;
  const check = checkCallTemplate(template, customWords);
  if (!check.ok) {
    if (check.unknownWords.length > 0)
      add(
        'error',
        'template-unknown-words',
        announcementAt('template'),
        'config.issue.template-unknown-words',
        () => ({
          words: check.unknownWords.join(', '),
        }),
      );
    if (check.missingPlaceholders.length > 0 || check.unknownPlaceholders.length > 0)
      add(
        'error',
        'template-placeholders',
        announcementAt('template'),
        'config.issue.template-placeholders',
        () => ({}),
      );
  }
  const recorded = new Set<string>();
  customWords.forEach((word, index) => {
    const normalized = normalizeSpokenPhrase(word);
    if (normalized === '')
      add(
        'error',
        'recorded-word-empty',
        announcementAt(`customWords.${index}`),
        'config.issue.recorded-word-empty',
        () => ({}),
      );
    else if (recorded.has(normalized))
      add(
        'error',
        'duplicate-recorded-word',
        announcementAt(`customWords.${index}`),
        'config.issue.duplicate-recorded-word',
        () => ({
          value: normalized,
        }),
      );
    recorded.add(normalized);
  });
  if (quietHours !== null) {
    clock(quietHours.from, announcementAt('quietHours.from'), announcement);
    clock(quietHours.to, announcementAt('quietHours.to'), announcement);
  }

  // Archive, never delete: history (reports, audit) keeps naming what the hall once had.
  if (published !== undefined) {
    const removedFrom = <Item extends { readonly id: string }>(
      entity: ConfigEntity,
      before: readonly Item[],
      after: readonly Item[],
      nameOf: (item: Item, position: number) => Words,
    ): void => {
      const kept = new Set(after.map((item) => item.id));
      before.forEach((item, index) => {
        if (!kept.has(item.id))
          add(
            'error',
            'removed-not-archived',
            { entity, id: item.id, field: 'id' },
            'config.issue.removed-not-archived',
            (l) => ({
              what: nameOf(item, index + 1)(l),
            }),
          );
      });
    };
    removedFrom('service', published.services, config.services, (item, at) =>
      named('service', item.name, at),
    );
    removedFrom('counter', published.counters, config.counters, (item, at) =>
      named('counter', item.name, at),
    );
    removedFrom('clerk', published.clerks, config.clerks, (item, at) => named('clerk', item.name, at));
  }

  // Warnings: savable, but the manager should know.
  const served = new Set<string>(
    config.counters.filter(isInService).flatMap((counter) => counter.serviceIds),
  );
  for (const service of activeServices) {
    if (!served.has(service.id))
      add(
        'warning',
        'service-without-counter',
        { entity: 'service', id: service.id, field: 'counters' },
        'config.issue.service-without-counter',
        (l) => ({ what: serviceWords.get(service.id)!(l) }),
      );
  }

  return [...issues.filter(isBlockingIssue), ...issues.filter((issue) => !isBlockingIssue(issue))];

  function duplicateIds(entity: ConfigEntity, items: readonly { readonly id: string }[]): void {
    duplicates(
      items,
      (item) => item.id,
      (item) =>
        add(
          'error',
          'duplicate-id',
          { entity, id: item.id, field: 'id' },
          'config.issue.duplicate-id',
          (l) => ({
            what: label(entity)(l),
            value: item.id,
          }),
        ),
    );
  }
}

/** A name in one language; an empty English name falls back to the Vietnamese one. */
function localized(text: LocalizedText, locale: Locale): string {
  const name = text[locale].trim();
  return name !== '' ? name : text.vi.trim();
}

/** Whether the announcer can say a ticket with this prefix (every letter has a Vietnamese name). */
function isSpeakablePrefix(prefix: string): boolean {
  try {
    parseTicketNumber(`${prefix}1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * The blocking problems as English sentences, for logs and for callers that only need a yes/no.
 * @deprecated for screens: use {@link configIssues}, which also has the Vietnamese and where each one is.
 */
export function configProblems(config: HallConfig): string[] {
  return configIssues(config)
    .filter(isBlockingIssue)
    .map((issue) => issue.message.en);
}

type Identified = { readonly id: string; readonly isArchived?: boolean };

function listChanges(section: string, before: readonly Identified[], after: readonly Identified[]): string[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const changes: string[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (previous === undefined) changes.push(`${section} ${item.id} added`);
    else {
      const wasArchived = previous.isArchived === true;
      const isArchived = item.isArchived === true;
      if (!wasArchived && isArchived) changes.push(`${section} ${item.id} archived`);
      else if (wasArchived && !isArchived) changes.push(`${section} ${item.id} restored`);
      const { isArchived: _before, ...restBefore } = previous;
      const { isArchived: _after, ...restAfter } = item;
      if (JSON.stringify(restBefore) !== JSON.stringify(restAfter))
        changes.push(`${section} ${item.id} changed`);
    }
    old.delete(item.id);
  }
  for (const id of old.keys()) changes.push(`${section} ${id} removed`);
  return changes;
}

/**
 * What changed between two configurations, for the `hall.configured` event and its audit sentence:
 * `<section> <id> added | changed | archived | restored | removed`, and `<section> changed`.
 */
export function describeConfigChanges(before: HallConfig, after: HallConfig): string[] {
  const sectionChanged = (section: keyof HallConfig): string[] =>
    JSON.stringify(before[section]) === JSON.stringify(after[section]) ? [] : [`${section} changed`];
  return [
    ...sectionChanged('hall'),
    ...listChanges('field', before.fields, after.fields),
    ...listChanges('service', before.services, after.services),
    ...listChanges('counter', before.counters, after.counters),
    ...listChanges('clerk', before.clerks, after.clerks),
    ...listChanges('priority group', before.priorityGroups, after.priorityGroups),
    ...sectionChanged('policy'),
    ...sectionChanged('satisfaction'),
    ...sectionChanged('announcement'),
    ...sectionChanged('terminals'),
  ];
}
