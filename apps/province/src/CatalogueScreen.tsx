import { useEffect, useState } from 'react';
import type { HallBoardRow, ProvinceCatalogue } from '@luot/shared/contracts';
import type { HubApi } from './api.ts';
import { formatWhen, useWords } from './text.ts';

/**
 * The province's service catalogue (fields, services, procedures): shown as tables, started from a
 * hall's own, edited as JSON and saved as a new version; halls take it in their own console.
 */
export function CatalogueScreen(props: { api: HubApi }) {
  const { w, locale, name } = useWords();
  const [catalogue, setCatalogue] = useState<ProvinceCatalogue | null | undefined>(undefined);
  const [halls, setHalls] = useState<HallBoardRow[]>([]);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);

  const load = async (): Promise<void> => {
    const result = await props.api.catalogue();
    if (result.ok) {
      setCatalogue(result.value);
      setDraft(result.value ? JSON.stringify(result.value.body, null, 2) : '');
    }
  };
  useEffect(() => {
    void load();
    void props.api.halls().then((result) => result.ok && setHalls(result.value));
    // Loaded once when the screen opens.
  }, [props.api]);

  const save = async (): Promise<void> => {
    let body: ProvinceCatalogue['body'];
    try {
      body = JSON.parse(draft) as ProvinceCatalogue['body'];
    } catch (error) {
      return setMessage({
        isError: true,
        text: `${w('invalid')}: ${error instanceof Error ? error.message : ''}`,
      });
    }
    const result = await props.api.saveCatalogue(body);
    if (!result.ok) return setMessage({ isError: true, text: `${w('invalid')}: ${result.error.message}` });
    setMessage({ isError: false, text: `${w('saved')} ${result.value.version}` });
    await load();
  };

  return (
    <section aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">{w('tabCatalogue')}</h2>
      <p>{w('catalogueIntro')}</p>
      {catalogue === undefined ? (
        <p>{w('loading')}</p>
      ) : catalogue === null ? (
        <p>{w('noCatalogue')}</p>
      ) : (
        <>
          <p className="muted">
            {w('catalogueVersion')} {catalogue.version} — {formatWhen(locale, catalogue.createdAt)}
          </p>
          <div className="table-wrap">
            <table aria-label={w('services')}>
              <thead>
                <tr>
                  <th scope="col">{w('fields')}</th>
                  <th scope="col">{w('services')}</th>
                  <th scope="col">{w('procedures')}</th>
                </tr>
              </thead>
              <tbody>
                {catalogue.body.services.map((service) => (
                  <tr key={service.id}>
                    <td>
                      {name(
                        catalogue.body.fields.find((field) => field.id === service.fieldId)?.name ?? {
                          vi: service.fieldId,
                          en: service.fieldId,
                        },
                      )}
                    </td>
                    <th scope="row">
                      {name(service.name)} <span className="muted">({service.prefix})</span>
                    </th>
                    <td>{service.procedures.map((procedure) => name(procedure.name)).join('; ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="card">
        <label className="inline">
          {w('takeFromHall')}
          <select
            defaultValue=""
            onChange={(event) => {
              const hallId = event.target.value;
              if (hallId)
                void props.api.hallCatalogue(hallId).then((result) => {
                  if (result.ok) setDraft(JSON.stringify(result.value, null, 2));
                });
            }}
          >
            <option value="">—</option>
            {halls.map((hall) => (
              <option key={hall.hallId} value={hall.hallId}>
                {hall.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          {w('editJson')}
          <textarea
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            rows={16}
            spellCheck={false}
            lang="en"
          />
        </label>
        {message && (
          <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error' : 'ok-text'}>
            {message.text}
          </p>
        )}
        <button type="button" onClick={() => void save()} disabled={draft.trim() === ''}>
          {w('save')}
        </button>
      </div>
    </section>
  );
}
