import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ClerkConfig, CounterConfig, CounterId, ServiceId } from '@luot/shared/domain';
import { asClerkId, asCounterId, isArchived } from '@luot/shared/domain';
import { ArchiveButton } from './ArchiveButton.tsx';
import type { EditorProps } from './ConfigScreen.tsx';
import {
  EntityList,
  FieldMessages,
  FormField,
  LocalizedNameFields,
  NameInput,
  freshId,
  hasErrors,
  moved,
} from './editor-parts.tsx';
import { PinResetDialog } from './PinResetDialog.tsx';
import { useText } from './text.ts';

/**
 * Counters and clerks, each as a list (search) beside the form of the one picked. A counter's services
 * are ticked from the hall's services and put in its order of preference; a clerk's PIN is reset
 * after a question. Nothing is deleted: a counter or clerk is archived.
 */
export function CountersEditor({ draft, saved, onChange, api, messagesAt }: EditorProps) {
  const { t, name } = useText();
  const [counterKey, setCounterKey] = useState<string | null>(draft.counters[0]?.id ?? null);
  const [clerkKey, setClerkKey] = useState<string | null>(draft.clerks[0]?.id ?? null);
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
  const counter = draft.counters.find((candidate) => candidate.id === counterKey) ?? null;
  const clerk = draft.clerks.find((candidate) => candidate.id === clerkKey) ?? null;
  // A PIN can only be set for a clerk the server already knows (saved).
  const isSaved = (id: string): boolean => saved.clerks.some((candidate) => candidate.id === id);

  const addCounter = (): void => {
    const number = Math.max(0, ...draft.counters.map((candidate) => candidate.number)) + 1;
    const id = asCounterId(
      freshId(
        'quay',
        draft.counters.map((candidate) => candidate.id),
      ),
    );
    onChange({
      ...draft,
      counters: [
        ...draft.counters,
        {
          id,
          number,
          name: { vi: `Quầy ${number}`, en: `Counter ${number}` },
          serviceIds: [],
          isActive: true,
        },
      ],
    });
    setCounterKey(id);
  };
  const addClerk = (): void => {
    const id = asClerkId(
      freshId(
        'can-bo',
        draft.clerks.map((candidate) => candidate.id),
      ),
    );
    onChange({
      ...draft,
      clerks: [...draft.clerks, { id, name: '', title: '', username: '', isActive: true }],
    });
    setClerkKey(id);
  };

  return (
    <div className="stack">
      <section className="panel">
        <h2>{t('admin.counters.title')}</h2>
        <div className="editor-split">
          <EntityList
            label={t('admin.counters.list')}
            entries={draft.counters.map((candidate) => ({
              key: candidate.id,
              primary: `${t('admin.monitor.counterNumber', { number: candidate.number })} — ${name(candidate.name)}`,
              secondary: candidate.serviceIds
                .map((id) => draft.services.find((service) => service.id === id)?.prefix ?? '')
                .join(' '),
              isMuted: isArchived(candidate) || !candidate.isActive,
              hasProblem: hasErrors(messagesAt({ entity: 'counter', id: candidate.id })),
            }))}
            selectedKey={counterKey}
            onSelect={setCounterKey}
            addLabel={t('admin.counters.add')}
            onAdd={addCounter}
          />
          {counter && (
            <div className="entity-form" aria-label={t('admin.counters.form')} role="group">
              <FormField
                label={t('admin.counters.number')}
                messages={messagesAt({ entity: 'counter', id: counter.id, field: 'number' })}
              >
                {(control) => (
                  <input
                    {...control}
                    className="short"
                    type="number"
                    min={1}
                    value={counter.number}
                    onChange={(e) => setCounter(counter.id, { number: Number(e.target.value) || 0 })}
                  />
                )}
              </FormField>
              <LocalizedNameFields
                value={counter.name}
                messages={messagesAt({ entity: 'counter', id: counter.id, field: 'name.vi' })}
                showsFallbackHint
                onChange={(name) => setCounter(counter.id, { name })}
              />
              <ServicePicker
                chosen={counter.serviceIds}
                draft={draft}
                messages={messagesAt({ entity: 'counter', id: counter.id, field: 'serviceIds' })}
                onChange={(serviceIds) => setCounter(counter.id, { serviceIds })}
              />
              <label className="inline">
                <input
                  type="checkbox"
                  checked={counter.isActive}
                  onChange={(e) => setCounter(counter.id, { isActive: e.target.checked })}
                />
                {t('admin.common.active')}
              </label>
              <ArchiveButton
                entityName={`${t('admin.monitor.counterNumber', { number: counter.number })} — ${name(counter.name)}`}
                isArchived={isArchived(counter)}
                onChange={(archived) => setCounter(counter.id, { isArchived: archived })}
              />
            </div>
          )}
        </div>
      </section>

      <section className="panel">
        <h2>{t('admin.clerks.title')}</h2>
        <div className="editor-split">
          <EntityList
            label={t('admin.clerks.list')}
            entries={draft.clerks.map((candidate) => ({
              key: candidate.id,
              primary: candidate.name,
              secondary: [candidate.title, candidate.username].filter(Boolean).join(' · '),
              isMuted: isArchived(candidate) || !candidate.isActive,
              hasProblem: hasErrors(messagesAt({ entity: 'clerk', id: candidate.id })),
            }))}
            selectedKey={clerkKey}
            onSelect={setClerkKey}
            addLabel={t('admin.clerks.add')}
            onAdd={addClerk}
          />
          {clerk && (
            <div className="entity-form" aria-label={t('admin.clerks.form')} role="group">
              <FormField
                label={t('admin.clerks.name')}
                messages={messagesAt({ entity: 'clerk', id: clerk.id, field: 'name' })}
              >
                {(control) => (
                  <NameInput
                    {...control}
                    value={clerk.name}
                    onChange={(value) => setClerk(clerk.id, { name: value })}
                  />
                )}
              </FormField>
              <FormField label={t('admin.clerks.titleColumn')}>
                {(control) => (
                  <NameInput
                    {...control}
                    value={clerk.title}
                    onChange={(value) => setClerk(clerk.id, { title: value })}
                  />
                )}
              </FormField>
              <FormField
                label={t('admin.clerks.username')}
                messages={messagesAt({ entity: 'clerk', id: clerk.id, field: 'username' })}
              >
                {(control) => (
                  <input
                    {...control}
                    autoComplete="off"
                    value={clerk.username}
                    onChange={(e) => setClerk(clerk.id, { username: e.target.value.trim() })}
                  />
                )}
              </FormField>
              <CounterPicker
                chosen={clerk.counterIds}
                draft={draft}
                messages={messagesAt({ entity: 'clerk', id: clerk.id, field: 'counterIds' })}
                onChange={(counterIds) => setClerk(clerk.id, { counterIds })}
              />
              <label className="inline">
                <input
                  type="checkbox"
                  checked={clerk.isActive}
                  onChange={(e) => setClerk(clerk.id, { isActive: e.target.checked })}
                />
                {t('admin.common.active')}
              </label>
              <div className="row">
                <button type="button" disabled={!isSaved(clerk.id)} onClick={() => setResettingPinOf(clerk)}>
                  {t('admin.clerks.resetPin')}
                </button>
                <ArchiveButton
                  entityName={clerk.name}
                  isArchived={isArchived(clerk)}
                  onChange={(archived) => setClerk(clerk.id, { isArchived: archived })}
                />
              </div>
              {!isSaved(clerk.id) && <p className="muted small">{t('admin.clerks.pinHint')}</p>}
            </div>
          )}
        </div>
        {resettingPinOf && (
          <PinResetDialog clerk={resettingPinOf} api={api} onClose={() => setResettingPinOf(null)} />
        )}
      </section>
    </div>
  );
}

/**
 * The counters a clerk may sign in at: "every counter" (no list, also counters added later), or a
 * checkbox per counter. Unticking "every counter" starts from every counter in use ticked, so nothing
 * changes until the manager unticks one. An archived counter shows only while it is on the list.
 */
function CounterPicker(props: {
  readonly chosen: readonly CounterId[] | undefined;
  readonly draft: EditorProps['draft'];
  readonly messages: ReturnType<EditorProps['messagesAt']>;
  readonly onChange: (counterIds: CounterId[] | undefined) => void;
}) {
  const { t, name } = useText();
  const messagesId = useId();
  const { chosen, draft } = props;
  const inUse = draft.counters.filter((counter) => !isArchived(counter));
  const shown = draft.counters.filter((counter) => !isArchived(counter) || chosen?.includes(counter.id));
  const labelOf = (counter: CounterConfig): string => {
    const label = `${t('admin.monitor.counterNumber', { number: counter.number })} — ${name(counter.name)}`;
    return isArchived(counter) ? t('admin.clerks.archivedCounter', { counter: label }) : label;
  };
  return (
    <fieldset
      className="service-picker counter-picker"
      {...(props.messages.length > 0 ? { 'aria-describedby': messagesId } : {})}
    >
      <legend>{t('admin.clerks.counters')}</legend>
      <p className="muted small">{t('admin.clerks.countersHint')}</p>
      <ul>
        <CheckRow
          label={t('admin.clerks.everyCounter')}
          isChecked={chosen === undefined}
          onToggle={(isChecked) => props.onChange(isChecked ? undefined : inUse.map((counter) => counter.id))}
        />
        {chosen !== undefined &&
          shown.map((counter) => (
            <CheckRow
              key={counter.id}
              label={labelOf(counter)}
              isChecked={chosen.includes(counter.id)}
              onToggle={(isChecked) =>
                props.onChange(
                  isChecked
                    ? // Kept in the hall's counter order, whatever order they were ticked in.
                      draft.counters
                        .map((candidate) => candidate.id)
                        .filter((id) => id === counter.id || chosen.includes(id))
                    : chosen.filter((id) => id !== counter.id),
                )
              }
            />
          ))}
      </ul>
      <FieldMessages id={messagesId} messages={props.messages} />
    </fieldset>
  );
}

/**
 * A counter's services: tick the ones it serves; the ticked ones are listed first, in the order the
 * counter calls them, with buttons to move one up or down.
 */
function ServicePicker(props: {
  readonly chosen: readonly ServiceId[];
  readonly draft: EditorProps['draft'];
  readonly messages: ReturnType<EditorProps['messagesAt']>;
  readonly onChange: (serviceIds: ServiceId[]) => void;
}) {
  const { t, name } = useText();
  const byId = new Map(props.draft.services.map((service) => [service.id as string, service]));
  const others = props.draft.services.filter(
    (service) => !props.chosen.includes(service.id) && !isArchived(service),
  );
  const rows = [
    ...props.chosen.map((id) => ({ id, isChosen: true })),
    ...others.map((s) => ({ id: s.id, isChosen: false })),
  ];
  return (
    <fieldset className="service-picker">
      <legend>{t('admin.counters.services')}</legend>
      <p className="muted small">{t('admin.counters.servicesHint')}</p>
      <ul>
        {rows.map(({ id, isChosen }, index) => {
          const service = byId.get(id);
          const label = service ? `${service.prefix} — ${name(service.name)}` : id;
          return (
            <CheckRow
              key={id}
              label={label}
              isChecked={isChosen}
              onToggle={(isChecked) =>
                props.onChange(
                  isChecked ? [...props.chosen, id] : props.chosen.filter((candidate) => candidate !== id),
                )
              }
            >
              {isChosen && (
                <span className="entity-arrows">
                  <button
                    type="button"
                    aria-label={t('admin.editor.moveUp', { name: label })}
                    disabled={index === 0}
                    onClick={() => props.onChange(moved(props.chosen, index, index - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('admin.editor.moveDown', { name: label })}
                    disabled={index === props.chosen.length - 1}
                    onClick={() => props.onChange(moved(props.chosen, index, index + 1))}
                  >
                    ↓
                  </button>
                </span>
              )}
            </CheckRow>
          );
        })}
      </ul>
      {props.messages.map((message) => (
        <p key={message.text} className={message.severity === 'error' ? 'problem' : 'notice'}>
          {message.text}
        </p>
      ))}
    </fieldset>
  );
}

/** One row of a checkbox list: the whole row ticks the box (a large target); `children` sit at its end. */
function CheckRow(props: {
  readonly label: string;
  readonly isChecked: boolean;
  readonly onToggle: (isChecked: boolean) => void;
  readonly children?: ReactNode;
}) {
  return (
    <li className={props.isChecked ? 'chosen' : ''}>
      <label className="inline">
        <input type="checkbox" checked={props.isChecked} onChange={(e) => props.onToggle(e.target.checked)} />
        <span className="entity-name">{props.label}</span>
      </label>
      {props.children}
    </li>
  );
}
