import { useState } from 'react';
import type { FieldConfig, ServiceConfig } from '@luot/shared/domain';
import { asFieldId, asProcedureId, asServiceId, isArchived } from '@luot/shared/domain';
import { ArchiveButton } from './ArchiveButton.tsx';
import type { ParsedCatalog } from './catalog-csv.ts';
import { CATALOG_COLUMNS, mergeCatalog, parseCatalog } from './catalog-csv.ts';
import type { EditorProps } from './ConfigScreen.tsx';
import {
  EntityList,
  FormField,
  LocalizedNameFields,
  OpeningHoursEditor,
  TextListEditor,
  freshId,
  hasErrors,
  moved,
} from './editor-parts.tsx';
import { useText } from './text.ts';

/**
 * Fields (lĩnh vực) and services with their procedures, each as a list (search, order by arrows or
 * drag: the kiosk's order) beside the form of the one picked; and the CSV catalogue import. Ids are
 * made by the console, never typed.
 */
export function ServicesEditor({ draft, onChange, messagesAt }: EditorProps) {
  const { t, name } = useText();
  const [imported, setImported] = useState<ParsedCatalog | null>(null);
  const fields = [...draft.fields].sort((a, b) => a.kioskOrder - b.kioskOrder);
  const services = [...draft.services].sort((a, b) => a.kioskOrder - b.kioskOrder);
  const [fieldKey, setFieldKey] = useState<string | null>(fields[0]?.id ?? null);
  const [serviceKey, setServiceKey] = useState<string | null>(services[0]?.id ?? null);
  const field = draft.fields.find((candidate) => candidate.id === fieldKey) ?? null;
  const service = draft.services.find((candidate) => candidate.id === serviceKey) ?? null;

  const setField = (id: string, patch: Partial<FieldConfig>): void =>
    onChange({
      ...draft,
      fields: draft.fields.map((candidate) => (candidate.id === id ? { ...candidate, ...patch } : candidate)),
    });
  const setService = (id: string, patch: Partial<ServiceConfig>): void =>
    onChange({
      ...draft,
      services: draft.services.map((candidate) =>
        candidate.id === id ? { ...candidate, ...patch } : candidate,
      ),
    });
  // The kiosk shows them by kioskOrder: moving one renumbers the list 1, 2, 3…
  const reorderFields = (from: number, to: number): void => {
    const order = new Map(moved(fields, from, to).map((candidate, index) => [candidate.id, index + 1]));
    onChange({
      ...draft,
      fields: draft.fields.map((candidate) => ({ ...candidate, kioskOrder: order.get(candidate.id) ?? 0 })),
    });
  };
  const reorderServices = (from: number, to: number): void => {
    const order = new Map(moved(services, from, to).map((candidate, index) => [candidate.id, index + 1]));
    onChange({
      ...draft,
      services: draft.services.map((candidate) => ({
        ...candidate,
        kioskOrder: order.get(candidate.id) ?? 0,
      })),
    });
  };

  // A new field or service starts without a name: the rules ask for one before anything is saved
  // (a placeholder name never reaches a kiosk).
  const addField = (): void => {
    const id = asFieldId(
      freshId(
        'linh-vuc',
        draft.fields.map((candidate) => candidate.id),
      ),
    );
    onChange({
      ...draft,
      fields: [...draft.fields, { id, name: { vi: '', en: '' }, kioskOrder: draft.fields.length + 1 }],
    });
    setFieldKey(id);
  };
  const addService = (): void => {
    const firstField = fields[0];
    if (!firstField) return;
    const used = new Set(draft.services.map((candidate) => candidate.prefix));
    const prefix = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((letter) => !used.has(letter)) ?? 'Z';
    const id = asServiceId(
      freshId(
        'dich-vu',
        draft.services.map((candidate) => candidate.id),
      ),
    );
    onChange({
      ...draft,
      services: [
        ...draft.services,
        {
          id,
          fieldId: firstField.id,
          name: { vi: '', en: '' },
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
    setServiceKey(id);
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
        <div className="editor-split">
          <EntityList
            label={t('admin.services.fieldList')}
            entries={fields.map((candidate) => ({
              key: candidate.id,
              primary: name(candidate.name),
              hasProblem: hasErrors(messagesAt({ entity: 'field', id: candidate.id })),
            }))}
            selectedKey={fieldKey}
            onSelect={setFieldKey}
            onMove={reorderFields}
            addLabel={t('admin.services.addField')}
            onAdd={addField}
          />
          {field && (
            <div className="entity-form" role="group" aria-label={t('admin.services.fieldForm')}>
              <LocalizedNameFields
                value={field.name}
                messages={messagesAt({ entity: 'field', id: field.id, field: 'name.vi' })}
                showsFallbackHint
                onChange={(name) => setField(field.id, { name })}
              />
            </div>
          )}
        </div>
      </section>

      <section className="panel">
        <h2>{t('admin.services.services')}</h2>
        <div className="editor-split">
          <EntityList
            label={t('admin.services.serviceList')}
            entries={services.map((candidate) => ({
              key: candidate.id,
              primary: `${candidate.prefix} — ${name(candidate.name)}`,
              secondary: name(
                draft.fields.find((f) => f.id === candidate.fieldId)?.name ?? { vi: '', en: '' },
              ),
              isMuted: isArchived(candidate) || !candidate.isActive,
              hasProblem: hasErrors(messagesAt({ entity: 'service', id: candidate.id })),
            }))}
            selectedKey={serviceKey}
            onSelect={setServiceKey}
            onMove={reorderServices}
            addLabel={t('admin.services.addService')}
            onAdd={addService}
          />
          {service && (
            <ServiceForm
              key={service.id}
              service={service}
              fields={fields}
              messagesAt={messagesAt}
              onChange={(patch) => setService(service.id, patch)}
            />
          )}
        </div>
      </section>
    </div>
  );
}

function ServiceForm(props: {
  readonly service: ServiceConfig;
  readonly fields: readonly FieldConfig[];
  readonly messagesAt: EditorProps['messagesAt'];
  readonly onChange: (patch: Partial<ServiceConfig>) => void;
}) {
  const { t, name } = useText();
  const { service, onChange, messagesAt } = props;
  const at = (field: string) => messagesAt({ entity: 'service', id: service.id, field });
  return (
    <div className="entity-form" role="group" aria-label={t('admin.services.serviceForm')}>
      <LocalizedNameFields
        value={service.name}
        messages={at('name.vi')}
        showsFallbackHint
        onChange={(name) => onChange({ name })}
      />
      <div className="form-row">
        <FormField label={t('admin.services.field')} messages={at('fieldId')}>
          {(control) => (
            <select
              {...control}
              value={service.fieldId}
              onChange={(e) => onChange({ fieldId: asFieldId(e.target.value) })}
            >
              {props.fields.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {name(candidate.name) || t('admin.editor.unnamed')}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t('admin.services.prefix')}
          messages={at('prefix')}
          hint={t('admin.services.prefixHint')}
        >
          {(control) => (
            <input
              {...control}
              className="short"
              value={service.prefix}
              maxLength={2}
              onChange={(e) => onChange({ prefix: e.target.value.toUpperCase().replace(/[^A-ZĐ]/gu, '') })}
            />
          )}
        </FormField>
        <FormField label={t('admin.services.firstNumber')} messages={at('firstNumber')}>
          {(control) => (
            <input
              {...control}
              className="short"
              type="number"
              min={0}
              value={service.firstNumber}
              onChange={(e) => onChange({ firstNumber: Number(e.target.value) || 0 })}
            />
          )}
        </FormField>
        <FormField label={t('admin.services.expected')} messages={at('expectedServiceMinutes')}>
          {(control) => (
            <input
              {...control}
              className="short"
              type="number"
              min={0.5}
              step={0.5}
              value={service.expectedServiceMinutes}
              onChange={(e) => onChange({ expectedServiceMinutes: Number(e.target.value) || 0 })}
            />
          )}
        </FormField>
      </div>
      <fieldset className="quota">
        <legend>{t('admin.services.quota')}</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={service.dailyQuota !== null}
            onChange={(e) => onChange({ dailyQuota: e.target.checked ? 100 : null })}
          />
          {t('admin.services.quotaOn')}
        </label>
        {service.dailyQuota !== null && (
          <FormField label={t('admin.services.quotaNumber')} messages={at('dailyQuota')}>
            {(control) => (
              <input
                {...control}
                className="short"
                type="number"
                min={0}
                value={service.dailyQuota ?? ''}
                onChange={(e) => onChange({ dailyQuota: Number(e.target.value) })}
              />
            )}
          </FormField>
        )}
      </fieldset>
      <OpeningHoursEditor
        label={t('admin.services.hours')}
        windows={service.openingHours}
        emptyMeaning={t('admin.services.hoursEmpty')}
        messages={at('openingHours')}
        onChange={(openingHours) => onChange({ openingHours })}
      />
      <TextListEditor
        label={t('admin.services.procedures')}
        addLabel={t('admin.services.addProcedure')}
        items={service.procedures.map((procedure) => procedure.name)}
        messagesOf={(index) =>
          messagesAt({ entity: 'procedure', id: service.procedures[index]?.id ?? null, field: 'name.vi' })
        }
        onChange={(names, sources) => {
          // Each procedure keeps its id as it moves (tickets store it); a new one gets a fresh id.
          const taken = service.procedures.map((procedure) => procedure.id as string);
          onChange({
            procedures: names.map((text, index) => {
              const source = sources[index];
              const known = source === null || source === undefined ? undefined : service.procedures[source];
              if (known) return { ...known, name: text };
              const id = freshId(`${service.id}-thu-tuc`, taken);
              taken.push(id);
              return { id: asProcedureId(id), name: text };
            }),
          });
        }}
      />
      {at('counters').map((message) => (
        <p key={message.text} className="notice">
          {message.text}
        </p>
      ))}
      <div className="row">
        <label className="inline">
          <input
            type="checkbox"
            checked={service.isActive}
            onChange={(e) => onChange({ isActive: e.target.checked })}
          />
          {t('admin.common.active')}
        </label>
        <ArchiveButton
          entityName={name(service.name)}
          isArchived={isArchived(service)}
          onChange={(archived) => onChange({ isArchived: archived })}
        />
      </div>
    </div>
  );
}
