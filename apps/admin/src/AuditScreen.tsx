import { useEffect, useState } from 'react';
import type { HallConfig } from '@luot/shared/domain';
import { ROLES } from '@luot/shared/domain';
import { isMessageId, translate } from '@luot/shared/text';
import type { AdminApi, AuditEntry } from './api.ts';
import { describeEvent, entryIdentifiers } from './audit-text.ts';
import { formatDateTime, useText } from './text.ts';

/** The append-only event log and manager actions: who did what and when, filtered. */
export function AuditScreen(props: { api: AdminApi; config: HallConfig }) {
  const { t, locale } = useText();
  const [types, setTypes] = useState<string[]>([]);
  const [type, setType] = useState('');
  const [role, setRole] = useState('');
  const [counter, setCounter] = useState('');
  const [day, setDay] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [isMore, setMore] = useState(false);
  const PAGE = 100;

  const filter = (before?: number): Record<string, string> => {
    const range = day ? dayRange(day) : null;
    return {
      limit: String(PAGE),
      ...(type ? { type } : {}),
      ...(role ? { role } : {}),
      ...(counter ? { counter } : {}),
      ...(range ? { from: String(range.from), to: String(range.to) } : {}),
      ...(before !== undefined ? { before: String(before) } : {}),
    };
  };
  const load = async (before?: number): Promise<void> => {
    const result = await props.api.audit(filter(before));
    if (!result.ok) return;
    setEntries((previous) =>
      before === undefined ? result.value.entries : [...previous, ...result.value.entries],
    );
    setNames(result.value.names);
    setMore(result.value.entries.length === PAGE);
  };
  useEffect(() => {
    void props.api.auditTypes().then((result) => result.ok && setTypes(result.value));
  }, [props.api]);
  useEffect(() => {
    void load();
  }, [type, role, counter, day]);

  /** A type's Vietnamese (or English) title from the catalogue, never the raw `clerk.signed-in`. */
  const eventTitle = (type: string): string => {
    const id = `admin.event.${type}`;
    return isMessageId(id) ? translate(locale, id as 'admin.event.unknown') : t('admin.event.unknown');
  };
  const who = (entry: AuditEntry): string => {
    if (entry.source === 'admin') return names[`mgr_${entry.managerId ?? ''}`] ?? t('admin.audit.manager');
    const device = entry.deviceId ? (names[entry.deviceId] ?? entry.deviceId) : t('admin.audit.system');
    const clerk = entry.clerkId ? names[entry.clerkId] : undefined;
    return clerk ? `${clerk} (${device})` : device;
  };

  return (
    <div className="stack">
      <section className="panel row">
        <select aria-label={t('admin.audit.type')} value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t('admin.audit.allTypes')}</option>
          {types.map((candidate) => (
            <option key={candidate} value={candidate}>
              {eventTitle(candidate)}
            </option>
          ))}
        </select>
        <select aria-label={t('admin.audit.role')} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('admin.audit.allRoles')}</option>
          {ROLES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`admin.role.${candidate}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('admin.audit.counter')}
          value={counter}
          onChange={(e) => setCounter(e.target.value)}
        >
          <option value="">{t('admin.audit.allCounters')}</option>
          {props.config.counters.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {t('admin.monitor.counterNumber', { number: candidate.number })}
            </option>
          ))}
        </select>
        <input
          type="date"
          aria-label={t('admin.audit.day')}
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
      </section>
      <section className="panel">
        <table className="dense">
          <thead>
            <tr>
              <th>{t('admin.audit.when')}</th>
              <th>{t('admin.audit.who')}</th>
              <th>{t('admin.audit.role')}</th>
              <th>{t('admin.audit.what')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={`${entry.source}-${entry.id}`}>
                <td className="nowrap">{formatDateTime(entry.at, props.config.hall.timeZone)}</td>
                <td>{who(entry)}</td>
                <td>{t(`admin.role.${roleOf(entry.actorRole)}`)}</td>
                <td className="audit-what">
                  <p className="audit-sentence">{describeEvent(entry, props.config, locale, names)}</p>
                  {/* Identifiers only here, folded away: the sentence names people and places. */}
                  <details className="audit-details">
                    <summary>{t('admin.audit.details')}</summary>
                    <dl>
                      {entryIdentifiers(entry).map(([key, value]) => (
                        <div key={key}>
                          <dt>{key}</dt>
                          <dd>{value}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 && <p className="muted">{t('admin.audit.none')}</p>}
        {isMore && <button onClick={() => void load(entries.at(-1)?.at)}>{t('admin.audit.more')}</button>}
      </section>
    </div>
  );
}

function roleOf(role: string): (typeof ROLES)[number] {
  return ROLES.find((candidate) => candidate === role) ?? 'system';
}

/** A local calendar day in the browser's zone (the hall's PCs run in the hall's zone) as [from, to). */
function dayRange(day: string): { from: number; to: number } {
  const start = new Date(`${day}T00:00:00`).getTime();
  return { from: start, to: start + 24 * 60 * 60_000 };
}
