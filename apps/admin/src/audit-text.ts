import type { HallConfig, LocalizedText } from '@luot/shared/domain';
import type { MessageId, TranslateParamsArgs } from '@luot/shared/text';
import { isMessageId } from '@luot/shared/text';
import type { AuditEntry } from './api.ts';

type Translate = <Id extends MessageId>(id: Id, ...params: TranslateParamsArgs<Id>) => string;

/** One line saying what an audit entry did, in the console's language ("Gọi số A012 tại quầy 3"). */
export function describeEvent(
  entry: AuditEntry,
  config: HallConfig,
  t: Translate,
  name: (text: LocalizedText) => string,
): string {
  const body = entry.body;
  const id = `admin.event.${entry.type}`;
  const title = isMessageId(id) ? t(id as 'admin.event.unknown') : entry.type;
  const counter =
    entry.counterId === null
      ? undefined
      : config.counters.find((candidate) => candidate.id === entry.counterId);
  const details: string[] = [];
  if (typeof body['number'] === 'string') details.push(body['number']);
  if (counter) details.push(t('admin.monitor.counterNumber', { number: counter.number }));
  if (typeof body['toServiceId'] === 'string') {
    const service = config.services.find((candidate) => candidate.id === body['toServiceId']);
    details.push(`→ ${service ? name(service.name) : body['toServiceId']}`);
  }
  if (typeof body['rating'] === 'number') {
    const level = config.satisfaction.levels.find((candidate) => candidate.value === body['rating']);
    details.push(level ? name(level.label) : String(body['rating']));
  }
  if (typeof body['toCounterId'] === 'string') {
    const target = config.counters.find((candidate) => candidate.id === body['toCounterId']);
    details.push(
      `→ ${target ? t('admin.monitor.counterNumber', { number: target.number }) : body['toCounterId']}`,
    );
  }
  if (typeof body['reason'] === 'string' && body['reason']) details.push(`“${body['reason']}”`);
  // The note a clerk wrote when transferring: it travels with the ticket and stays in its history.
  if (typeof body['note'] === 'string' && body['note']) details.push(`“${body['note']}”`);
  if (Array.isArray(body['changes'])) details.push((body['changes'] as unknown[]).map(String).join(', '));
  if (typeof body['kind'] === 'string' && typeof body['name'] === 'string')
    details.push(`${body['kind']}: ${body['name']}`);
  return details.length === 0 ? title : `${title} — ${details.join(' · ')}`;
}
