/**
 * The audit log in sentences: "Cán bộ Nguyễn Văn An chuyển số A002 từ Quầy 1 sang dịch vụ Trả kết quả,
 * Quầy 5 — ghi chú: …". People, counters and services are named as the hall knows them; identifiers
 * (versions, device and clerk ids, raw bodies) belong in the screen's detail row, never in the sentence.
 * Shared so that any console that shows a hall's log (the hall's, a province's) says the same thing.
 */
import type { AuditEntry } from '../contracts/reports.ts';
import type { HallConfig, LocalizedText } from '../domain/config.ts';
import { isMessageId, translate, type Locale, type MessageId, type MessageParams } from './catalog.ts';

/** Names the server knows for ids that are not in the configuration (devices, managers, clerks). */
export type AuditNames = Readonly<Record<string, string>>;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/** One audit entry as a sentence in one language. */
export function auditSentence(
  entry: AuditEntry,
  config: HallConfig,
  names: AuditNames,
  locale: Locale,
): string {
  const say = <Id extends MessageId>(id: Id, params: MessageParams<Id>): string =>
    (translate as (locale: Locale, id: MessageId, params: unknown) => string)(locale, id, params);
  const local = (name: LocalizedText): string =>
    name[locale].trim() !== '' ? name[locale].trim() : name.vi.trim();
  const body = entry.body;

  const counterName = (id: unknown): string => {
    const counter = config.counters.find((candidate) => candidate.id === id);
    return counter ? local(counter.name) : say('audit.counterNumberless', { id: String(id) });
  };
  const serviceName = (id: unknown): string => {
    const service = config.services.find((candidate) => candidate.id === id);
    return service ? local(service.name) : String(id);
  };
  const clerkName = (id: unknown): string =>
    config.clerks.find((candidate) => candidate.id === id)?.name ?? names[String(id)] ?? String(id);

  /** Who did it: the clerk at a terminal, the named device, the manager, or the system. */
  const actor = (): string => {
    if (entry.source === 'admin') {
      const manager = names[`mgr_${entry.managerId ?? ''}`];
      return manager ? say('audit.actor.manager', { name: manager }) : say('audit.actor.someManager', {});
    }
    if (entry.clerkId) return say('audit.actor.clerk', { name: clerkName(entry.clerkId) });
    const device = entry.deviceId ? names[entry.deviceId] : undefined;
    switch (entry.actorRole) {
      case 'kiosk':
        return device ? say('audit.actor.kiosk', { name: device }) : say('audit.actor.someKiosk', {});
      case 'manager':
        return device ? say('audit.actor.manager', { name: device }) : say('audit.actor.someManager', {});
      case 'counter':
      case 'feedback':
      case 'display':
        return device ? say('audit.actor.device', { name: device }) : say('audit.actor.system', {});
      default:
        return say('audit.actor.system', {});
    }
  };
  const number =
    entry.ticketNumber ?? text(body['number']) ?? (entry.ticketId === null ? '' : `#${entry.ticketId}`);
  const counter = entry.counterId ?? body['counterId'];
  const who = actor();

  switch (entry.type) {
    case 'day.started':
      return say('audit.day.started', { day: text(body['businessDay']) ?? '' });
    case 'ticket.issued': {
      const priority = config.priorityGroups.find((group) => group.id === body['priorityGroupId']);
      const base = say('audit.ticket.issued', { who, number, service: serviceName(body['serviceId']) });
      return priority ? `${base} ${say('audit.priority', { group: local(priority.name) })}` : base;
    }
    case 'ticket.called': {
      const base = say('audit.ticket.called', { who, number, counter: counterName(counter) });
      const reason = text(body['reason']);
      return body['isOutOfOrder'] === true
        ? `${base} ${reason ? say('audit.outOfOrderBecause', { reason }) : say('audit.outOfOrder', {})}`
        : base;
    }
    case 'ticket.recalled':
      return say('audit.ticket.recalled', { who, number, counter: counterName(counter) });
    case 'ticket.started':
      return say('audit.ticket.started', { who, number, counter: counterName(counter) });
    case 'ticket.completed': {
      const minutes =
        typeof body['serviceMs'] === 'number' ? Math.max(1, Math.round(body['serviceMs'] / 60_000)) : null;
      const base = say('audit.ticket.completed', { who, number, counter: counterName(counter) });
      if (minutes === null) return base;
      // Under a minute is said as such, not rounded up to "1 phút".
      return (body['serviceMs'] as number) < 60_000
        ? `${base} ${say('audit.underAMinute', {})}`
        : `${base} ${say('audit.minutes', { minutes })}`;
    }
    case 'ticket.no-show':
      return body['isAutomatic'] === true
        ? say('audit.ticket.no-show-automatic', { number, counter: counterName(counter) })
        : say('audit.ticket.no-show', { who, number, counter: counterName(counter) });
    case 'ticket.returned':
      return say('audit.ticket.returned', { who, number });
    case 'ticket.transferred': {
      const from = body['fromCounterId']
        ? say('audit.fromCounter', { counter: counterName(body['fromCounterId']) })
        : '';
      const targets: string[] = [];
      if (body['toServiceId'] !== body['fromServiceId'] || !body['toCounterId'])
        targets.push(say('audit.toService', { service: serviceName(body['toServiceId']) }));
      if (body['toCounterId']) targets.push(counterName(body['toCounterId']));
      const note = text(body['note']);
      const sentence = say('audit.ticket.transferred', { who, number, from, to: targets.join(', ') })
        .replace(/\s+/g, ' ')
        .trim();
      return note ? `${sentence} ${say('audit.note', { note })}` : sentence;
    }
    case 'ticket.cancelled': {
      const reason = text(body['reason']);
      const base = say('audit.ticket.cancelled', { who, number });
      return reason ? `${base} ${say('audit.reason', { reason })}` : base;
    }
    case 'ticket.print-recorded': {
      const failure = text(body['failure']);
      return body['printState'] === 'printed'
        ? say('audit.ticket.printed', { who, number })
        : say('audit.ticket.print-failed', {
            who,
            number,
            failure: failure ?? text(body['printState']) ?? '',
          });
    }
    case 'counter.opened':
      return say('audit.counter.opened', { who, counter: counterName(counter) });
    case 'counter.paused': {
      const reason = text(body['reason']);
      const base = say('audit.counter.paused', { who, counter: counterName(counter) });
      return reason ? `${base} ${say('audit.reason', { reason })}` : base;
    }
    case 'counter.closed':
      return say('audit.counter.closed', { who, counter: counterName(counter) });
    case 'clerk.signed-in':
      return say('audit.clerk.signed-in', {
        clerk: clerkName(body['clerkId']),
        counter: counterName(counter),
      });
    case 'clerk.signed-out': {
      const reasonId = `audit.signOutReason.${String(body['reason'])}`;
      const base = say('audit.clerk.signed-out', {
        clerk: clerkName(body['clerkId']),
        counter: counterName(counter),
      });
      return isSignOutReasonId(reasonId) ? `${base} ${say(reasonId, {})}` : base;
    }
    case 'hall.configured': {
      const changes = Array.isArray(body['changes']) ? body['changes'].map(String) : [];
      const parts = changes.map((change) => configChange(change, config, locale));
      return parts.length === 0
        ? say('audit.hall.configured', { who })
        : `${say('audit.hall.configured', { who })}: ${parts.join('; ')}`;
    }
    case 'feedback.rated': {
      const level = config.satisfaction.levels.find((candidate) => candidate.value === body['rating']);
      const reasons = Array.isArray(body['reasons'])
        ? body['reasons'].map(String).filter((r) => r !== '')
        : [];
      const base = say('audit.feedback.rated', {
        number,
        counter: counterName(counter),
        level: level ? local(level.label) : String(body['rating']),
      });
      return reasons.length === 0 ? base : `${base} ${say('audit.reasons', { reasons: reasons.join(', ') })}`;
    }
    case 'manager.signed-in':
      return say('audit.manager.signed-in', { who });
    case 'manager.signed-out':
      return say('audit.manager.signed-out', { who });
    case 'manager.sign-in-refused':
      return say('audit.manager.sign-in-refused', { name: text(body['username']) ?? who });
    case 'manager.password-changed':
      return say('audit.manager.password-changed', { who });
    case 'clerk.pin-reset':
      return say('audit.clerk.pin-reset', { who, clerk: clerkName(body['clerkId']) });
    case 'hall.logo-changed':
      return body['isRemoved'] === true
        ? say('audit.hall.logo-removed', { who })
        : say('audit.hall.logo-changed', { who });
    case 'hall.voice-clip-saved':
      return say('audit.hall.voice-clip-saved', { who, phrase: text(body['phrase']) ?? '' });
    case 'device.pairing-created': {
      const kindId = `admin.deviceKind.${String(body['kind'])}`;
      const kind = isDeviceKindId(kindId) ? translate(locale, kindId) : (text(body['kind']) ?? '');
      return say('audit.device.pairing-created', { who, kind, name: text(body['name']) ?? '' });
    }
    case 'device.revoked':
      return say('audit.device.revoked', {
        who,
        name:
          text(body['name']) ?? (typeof body['deviceId'] === 'string' ? (names[body['deviceId']] ?? '') : ''),
      });
    default: {
      const title = `admin.event.${entry.type}`;
      return `${who}: ${isEventTitleId(title) ? translate(locale, title) : translate(locale, 'admin.event.unknown')}`;
    }
  }
}

/** "service dat-dai added" → "thêm dịch vụ “Đất đai”" (named from the configuration as it is now). */
function configChange(change: string, config: HallConfig, locale: Locale): string {
  const match =
    /^(field|service|counter|clerk|priority group) (\S+) (added|changed|archived|restored|removed)$/.exec(
      change,
    );
  const local = (name: LocalizedText): string =>
    name[locale].trim() !== '' ? name[locale].trim() : name.vi.trim();
  if (match) {
    const [, section, id, verb] = match as unknown as [string, string, string, string];
    const entity = section === 'priority group' ? 'priorityGroup' : section;
    const name =
      entity === 'field'
        ? config.fields.find((item) => item.id === id)?.name
        : entity === 'service'
          ? config.services.find((item) => item.id === id)?.name
          : entity === 'counter'
            ? config.counters.find((item) => item.id === id)?.name
            : entity === 'priorityGroup'
              ? config.priorityGroups.find((item) => item.id === id)?.name
              : undefined;
    const clerk = entity === 'clerk' ? config.clerks.find((item) => item.id === id)?.name : undefined;
    const label = name ? local(name) : (clerk ?? id);
    const verbId = `audit.change.${verb}`;
    const entityId = `config.entity.${entity}`;
    if (isChangeVerbId(verbId) && isEntityId(entityId))
      return translate(locale, verbId, {
        what: `${translate(locale, entityId).toLocaleLowerCase(locale)} “${label}”`,
      });
  }
  const section = /^(\w+) changed$/.exec(change)?.[1];
  const sectionId = `audit.section.${section ?? ''}`;
  return isSectionId(sectionId) ? translate(locale, sectionId) : change;
}

function isSignOutReasonId(id: string): id is MessageId & `audit.signOutReason.${string}` {
  return id.startsWith('audit.signOutReason.') && isKnown(id);
}
function isDeviceKindId(id: string): id is MessageId & `admin.deviceKind.${string}` {
  return id.startsWith('admin.deviceKind.') && isKnown(id);
}
function isEventTitleId(id: string): id is MessageId & `admin.event.${string}` {
  return id.startsWith('admin.event.') && isKnown(id);
}
function isChangeVerbId(
  id: string,
): id is
  | 'audit.change.added'
  | 'audit.change.changed'
  | 'audit.change.archived'
  | 'audit.change.restored'
  | 'audit.change.removed' {
  return id.startsWith('audit.change.') && isKnown(id);
}
function isEntityId(id: string): id is MessageId & `config.entity.${string}` {
  return id.startsWith('config.entity.') && isKnown(id);
}
function isSectionId(id: string): id is MessageId & `audit.section.${string}` {
  return id.startsWith('audit.section.') && isKnown(id);
}
function isKnown(id: string): boolean {
  return isMessageId(id);
}
