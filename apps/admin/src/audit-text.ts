import type { HallConfig } from '@luot/shared/domain';
import type { AuditNames, Locale } from '@luot/shared/text';
import { auditSentence } from '@luot/shared/text';
import type { AuditEntry } from './api.ts';

/**
 * One audit entry as a sentence in the console's language ("Cán bộ Nguyễn Văn An chuyển số A002 từ
 * Quầy 1 sang dịch vụ Trả kết quả, Quầy 5 — ghi chú: …"); the sentences live in shared/src/text so a
 * province console words a hall's log the same way.
 */
export function describeEvent(
  entry: AuditEntry,
  config: HallConfig,
  locale: Locale,
  names: AuditNames = {},
): string {
  return auditSentence(entry, config, names, locale);
}

/** The identifiers of an entry, for the detail row only (never in the sentence). */
export function entryIdentifiers(entry: AuditEntry): [string, string][] {
  const rows: [string, string][] = [
    ['type', entry.type],
    [entry.source === 'event' ? 'version' : 'action', String(entry.id)],
  ];
  if (entry.deviceId) rows.push(['deviceId', entry.deviceId]);
  if (entry.clerkId) rows.push(['clerkId', entry.clerkId]);
  if (entry.managerId !== null) rows.push(['managerId', String(entry.managerId)]);
  if (entry.ticketId !== null) rows.push(['ticketId', String(entry.ticketId)]);
  if (entry.counterId) rows.push(['counterId', entry.counterId]);
  rows.push(['body', JSON.stringify(entry.body)]);
  return rows;
}
