import { useState } from 'react';
import type { FieldConfig, ServiceConfig } from '@luot/shared/domain';
import { asFieldId, asProcedureId, asServiceId } from '@luot/shared/domain';
import type { ParsedCatalog } from './catalog-csv.ts';
import { CATALOG_COLUMNS, mergeCatalog, parseCatalog, slugOf } from './catalog-csv.ts';
import type { EditorProps } from './ConfigScreen.tsx';
import { formatOpeningHours, parseOpeningHours } from './opening-hours.ts';
import { useText } from './text.ts';

/** Fields (lĩnh vực) and services with their procedures, and the CSV catalogue import. */
export function ServicesEditor({ draft, onChange }: EditorProps) {
  const { t } = useText();
  const [imported, setImported] = useState<ParsedCatalog | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const setField = (index: number, patch: Partial<FieldConfig>): void =>
    onChange({
      ...draft,
      fields: draft.fields.map((field, i) => (i === index ? { ...field, ...patch } : field)),
    });
  const setService = (id: string, patch: Partial<ServiceConfig>): void =>
    onChange({
      ...draft,
      services: draft.services.map((service) => (service.id === id ? { ...service, ...patch } : service)),
    });

  const addField = (): void => {
    const id = asFieldId(`linh-vuc-${draft.fields.length + 1}`);
    onChange({
      ...draft,
      fields: [
        ...draft.fields,
        { id, name: { vi: 'Lĩnh vực mới', en: '' }, kioskOrder: draft.fields.length + 1 },
      ],
    });
  };
  const addService = (): void => {
    const field = draft.fields[0];
    if (!field) return;
    const used = new Set(draft.services.map((service) => service.prefix));
    const prefix = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((letter) => !used.has(letter)) ?? 'Z';
    const id = asServiceId(`dich-vu-${draft.services.length + 1}`);
    onChange({
      ...draft,
      services: [
        ...draft.services,
        {
          id,
          fieldId: field.id,
          name: { vi: 'Dịch vụ mới', en: '' },
          prefix,
          firstNumber: 1,
          dailyQuota: null,
          openingHours: [],
          expectedServiceMinutes: 10,
          procedures: [],
          isActive: true,
          kioskOrder: draft.services.length + 1,
        },
      ],
    });
  };

  return (
    <div className="stack">
      <section className="panel">
        <h2>{t('admin.services.import')}</h2>
        <p className="muted small">
          {t('admin.services.importHint')} <code>{CATALOG_COLUMNS.join(',')}</code>
        </p>
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label={t('admin.services.importFile')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void file.text().then((text) => setImported(parseCatalog(text)));
          }}
        />
        {imported && (
          <div className="import-result">
            <p>
              {t('admin.services.importSummary', {
                fields: imported.fields.length,
                services: imported.services.length,
                procedures: imported.procedureCount,
                errors: imported.errors.length,
              })}
            </p>
            {imported.errors.length > 0 && (
              <ul className="problem small">
                {imported.errors.slice(0, 20).map((error) => (
                  <li key={error.line}>
                    {t('admin.services.importLine', { line: error.line, message: error.message })}
                  </li>
                ))}
              </ul>
            )}
            <button
              className="primary"
              disabled={imported.services.length === 0}
              onClick={() => {
                onChange(mergeCatalog(draft, imported));
                setImported(null);
              }}
            >
              {t('admin.services.importApply')}
            </button>
          </div>
        )}
      </section>

      <section className="panel">
        <h2>{t('admin.services.fields')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('admin.common.id')}</th>
              <th>{t('admin.common.nameVi')}</th>
              <th>{t('admin.common.nameEn')}</th>
              <th className="num">{t('admin.common.kioskOrder')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.fields.map((field, index) => (
              <tr key={index}>
                <td>
                  <code>{field.id}</code>
                </td>
                <td>
                  <input
                    aria-label={`${t('admin.common.nameVi')} — ${field.id}`}
                    value={field.name.vi}
                    onChange={(e) => setField(index, { name: { ...field.name, vi: e.target.value } })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('admin.common.nameEn')} — ${field.id}`}
                    value={field.name.en}
                    onChange={(e) => setField(index, { name: { ...field.name, en: e.target.value } })}
                  />
                </td>
                <td className="num">
                  <input
                    aria-label={`${t('admin.common.kioskOrder')} — ${field.id}`}
                    className="short"
                    type="number"
                    value={field.kioskOrder}
                    onChange={(e) => setField(index, { kioskOrder: Number(e.target.value) || 0 })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={addField}>{t('admin.services.addField')}</button>
      </section>

      <section className="panel">
        <h2>{t('admin.services.services')}</h2>
        <table className="dense">
          <thead>
            <tr>
              <th>{t('admin.services.prefix')}</th>
              <th>{t('admin.common.nameVi')}</th>
              <th>{t('admin.common.nameEn')}</th>
              <th>{t('admin.services.field')}</th>
              <th className="num">{t('admin.services.firstNumber')}</th>
              <th className="num">{t('admin.services.quota')}</th>
              <th className="num">{t('admin.services.expected')}</th>
              <th>{t('admin.services.hours')}</th>
              <th className="num">{t('admin.common.kioskOrder')}</th>
              <th>{t('admin.common.active')}</th>
              <th>{t('admin.services.procedures')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.services.map((service) => (
              <ServiceRow
                key={service.id}
                service={service}
                fields={draft.fields}
                isOpen={open === service.id}
                onToggle={() => setOpen(open === service.id ? null : service.id)}
                onChange={(patch) => setService(service.id, patch)}
              />
            ))}
          </tbody>
        </table>
        <button onClick={addService} disabled={draft.fields.length === 0}>
          {t('admin.services.addService')}
        </button>
      </section>
    </div>
  );
}

function ServiceRow(props: {
  service: ServiceConfig;
  fields: readonly FieldConfig[];
  isOpen: boolean;
  onToggle: () => void;
  onChange: (patch: Partial<ServiceConfig>) => void;
}) {
  const { t, name } = useText();
  const { service, onChange } = props;
  const [hours, setHours] = useState(() => formatOpeningHours(service.openingHours));
  const hoursParsed = parseOpeningHours(hours);
  return (
    <>
      <tr>
        <td>
          <input
            aria-label={`${t('admin.services.prefix')} — ${service.id}`}
            className="short"
            value={service.prefix}
            maxLength={2}
            onChange={(e) => onChange({ prefix: e.target.value.toUpperCase().replace(/[^A-Z]/g, '') })}
          />
        </td>
        <td>
          <input
            aria-label={`${t('admin.common.nameVi')} — ${service.id}`}
            value={service.name.vi}
            onChange={(e) => onChange({ name: { ...service.name, vi: e.target.value } })}
          />
        </td>
        <td>
          <input
            aria-label={`${t('admin.common.nameEn')} — ${service.id}`}
            value={service.name.en}
            onChange={(e) => onChange({ name: { ...service.name, en: e.target.value } })}
          />
        </td>
        <td>
          <select
            aria-label={`${t('admin.services.field')} — ${service.id}`}
            value={service.fieldId}
            onChange={(e) => onChange({ fieldId: asFieldId(e.target.value) })}
          >
            {props.fields.map((field) => (
              <option key={field.id} value={field.id}>
                {name(field.name)}
              </option>
            ))}
          </select>
        </td>
        <td className="num">
          <input
            aria-label={`${t('admin.services.firstNumber')} — ${service.id}`}
            className="short"
            type="number"
            min={0}
            value={service.firstNumber}
            onChange={(e) => onChange({ firstNumber: Number(e.target.value) || 0 })}
          />
        </td>
        <td className="num">
          <input
            aria-label={`${t('admin.services.quota')} — ${service.id}`}
            className="short"
            type="number"
            min={1}
            placeholder="∞"
            value={service.dailyQuota ?? ''}
            onChange={(e) =>
              onChange({
                dailyQuota: e.target.value === '' ? null : Math.max(1, Number(e.target.value) || 1),
              })
            }
          />
        </td>
        <td className="num">
          <input
            aria-label={`${t('admin.services.expected')} — ${service.id}`}
            className="short"
            type="number"
            min={0.5}
            step={0.5}
            value={service.expectedServiceMinutes}
            onChange={(e) =>
              onChange({ expectedServiceMinutes: Math.max(0.5, Number(e.target.value) || 0.5) })
            }
          />
        </td>
        <td>
          <input
            aria-label={`${t('admin.services.hours')} — ${service.id}`}
            className={hoursParsed === null ? 'invalid' : ''}
            placeholder="1-5 07:30-11:30; 1-5 13:30-17:00"
            value={hours}
            onChange={(e) => {
              setHours(e.target.value);
              const parsed = parseOpeningHours(e.target.value);
              if (parsed) onChange({ openingHours: parsed });
            }}
          />
        </td>
        <td className="num">
          <input
            aria-label={`${t('admin.common.kioskOrder')} — ${service.id}`}
            className="short"
            type="number"
            value={service.kioskOrder}
            onChange={(e) => onChange({ kioskOrder: Number(e.target.value) || 0 })}
          />
        </td>
        <td>
          <input
            type="checkbox"
            checked={service.isActive}
            onChange={(e) => onChange({ isActive: e.target.checked })}
            aria-label={t('admin.common.active')}
          />
        </td>
        <td>
          <button className="link" onClick={props.onToggle}>
            {t('admin.services.procedureCount', { count: service.procedures.length })}
          </button>
        </td>
      </tr>
      {props.isOpen && (
        <tr className="detail">
          <td colSpan={11}>
            <label>
              {t('admin.services.proceduresHint')}
              <textarea
                rows={Math.min(12, service.procedures.length + 2)}
                defaultValue={service.procedures.map((p) => `${p.name.vi} | ${p.name.en}`).join('\n')}
                onBlur={(e) =>
                  onChange({
                    procedures: e.target.value
                      .split('\n')
                      .map((line) => line.split('|').map((part) => part.trim()))
                      .filter(([vi]) => vi)
                      .map(([vi, en], index) => ({
                        id: asProcedureId(
                          service.procedures[index]?.id ?? `${slugOf(service.id)}-${index + 1}`,
                        ),
                        name: { vi: vi ?? '', en: en ?? '' },
                      })),
                  })
                }
              />
            </label>
          </td>
        </tr>
      )}
    </>
  );
}
