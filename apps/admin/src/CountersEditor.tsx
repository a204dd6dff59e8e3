import { useState } from 'react';
import type { ClerkConfig, CounterConfig } from '@luot/shared/domain';
import { asClerkId, asCounterId } from '@luot/shared/domain';
import type { EditorProps } from './ConfigScreen.tsx';
import { PinResetDialog } from './PinResetDialog.tsx';
import { useText } from './text.ts';

/** Counters with the ordered services each serves; clerks with their PIN reset. */
export function CountersEditor({ draft, onChange, api }: EditorProps) {
  const { t } = useText();
  // The clerk whose PIN is being reset (the dialog is open), or null.
  const [resettingPinOf, setResettingPinOf] = useState<ClerkConfig | null>(null);
  const setCounter = (id: string, patch: Partial<CounterConfig>): void =>
    onChange({
      ...draft,
      counters: draft.counters.map((counter) => (counter.id === id ? { ...counter, ...patch } : counter)),
    });
  const setClerk = (id: string, patch: Partial<ClerkConfig>): void =>
    onChange({
      ...draft,
      clerks: draft.clerks.map((clerk) => (clerk.id === id ? { ...clerk, ...patch } : clerk)),
    });
  const byPrefix = new Map(draft.services.map((service) => [service.prefix, service.id]));
  const prefixOf = new Map(draft.services.map((service) => [service.id as string, service.prefix]));

  return (
    <div className="stack">
      <section className="panel">
        <h2>{t('admin.counters.title')}</h2>
        <p className="muted small">{t('admin.counters.servicesHint')}</p>
        <table>
          <thead>
            <tr>
              <th className="num">{t('admin.counters.number')}</th>
              <th>{t('admin.common.nameVi')}</th>
              <th>{t('admin.common.nameEn')}</th>
              <th>{t('admin.counters.services')}</th>
              <th>{t('admin.common.active')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.counters.map((counter) => (
              <tr key={counter.id}>
                <td className="num">
                  <input
                    aria-label={`${t('admin.counters.number')} — ${counter.id}`}
                    className="short"
                    type="number"
                    min={1}
                    value={counter.number}
                    onChange={(e) =>
                      setCounter(counter.id, { number: Math.max(1, Number(e.target.value) || 1) })
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('admin.common.nameVi')} — ${counter.id}`}
                    value={counter.name.vi}
                    onChange={(e) =>
                      setCounter(counter.id, { name: { ...counter.name, vi: e.target.value } })
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('admin.common.nameEn')} — ${counter.id}`}
                    value={counter.name.en}
                    onChange={(e) =>
                      setCounter(counter.id, { name: { ...counter.name, en: e.target.value } })
                    }
                  />
                </td>
                <td>
                  <input
                    defaultValue={counter.serviceIds.map((id) => prefixOf.get(id) ?? id).join(', ')}
                    aria-label={t('admin.counters.services')}
                    onBlur={(e) =>
                      setCounter(counter.id, {
                        serviceIds: e.target.value
                          .split(/[,\s]+/)
                          .map((prefix) => byPrefix.get(prefix.trim().toUpperCase()))
                          .filter((id) => id !== undefined),
                      })
                    }
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={counter.isActive}
                    onChange={(e) => setCounter(counter.id, { isActive: e.target.checked })}
                    aria-label={t('admin.common.active')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          onClick={() => {
            const number = Math.max(0, ...draft.counters.map((counter) => counter.number)) + 1;
            onChange({
              ...draft,
              counters: [
                ...draft.counters,
                {
                  id: asCounterId(`q${number}`),
                  number,
                  name: { vi: `Quầy ${number}`, en: `Counter ${number}` },
                  serviceIds: [],
                  isActive: true,
                },
              ],
            });
          }}
        >
          {t('admin.counters.add')}
        </button>
      </section>

      <section className="panel">
        <h2>{t('admin.clerks.title')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('admin.clerks.name')}</th>
              <th>{t('admin.clerks.titleColumn')}</th>
              <th>{t('admin.clerks.username')}</th>
              <th>{t('admin.common.active')}</th>
              <th>{t('admin.clerks.pin')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.clerks.map((clerk) => (
              <tr key={clerk.id}>
                <td>
                  <input
                    aria-label={`${t('admin.clerks.name')} — ${clerk.username}`}
                    value={clerk.name}
                    onChange={(e) => setClerk(clerk.id, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('admin.clerks.titleColumn')} — ${clerk.username}`}
                    value={clerk.title}
                    onChange={(e) => setClerk(clerk.id, { title: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('admin.clerks.username')} — ${clerk.id}`}
                    value={clerk.username}
                    onChange={(e) => setClerk(clerk.id, { username: e.target.value.trim() })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={clerk.isActive}
                    onChange={(e) => setClerk(clerk.id, { isActive: e.target.checked })}
                    aria-label={t('admin.common.active')}
                  />
                </td>
                <td>
                  <button onClick={() => setResettingPinOf(clerk)}>{t('admin.clerks.resetPin')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          onClick={() => {
            const n = draft.clerks.length + 1;
            onChange({
              ...draft,
              clerks: [
                ...draft.clerks,
                {
                  id: asClerkId(`cb-moi-${n}`),
                  name: 'Cán bộ mới',
                  title: '',
                  username: `canbo-moi-${n}`,
                  isActive: true,
                },
              ],
            });
          }}
        >
          {t('admin.clerks.add')}
        </button>
        <p className="muted small">{t('admin.clerks.pinHint')}</p>
        {resettingPinOf && (
          <PinResetDialog clerk={resettingPinOf} api={api} onClose={() => setResettingPinOf(null)} />
        )}
      </section>
    </div>
  );
}
