import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import type { LocalizedText, OpeningWindow } from '@luot/shared/domain';
import { useText } from './text.ts';

/** One row of an editor's list: the whole name, a second line, and whether it is out of service. */
export interface ListEntry {
  readonly key: string;
  readonly primary: string;
  readonly secondary?: string;
  /** Inactive or archived: shown, but greyed. */
  readonly isMuted?: boolean;
  /** The draft has an error in this entry (the list marks it so the manager finds it). */
  readonly hasProblem?: boolean;
}

/** Lower case without Vietnamese marks, so "dat dai" finds "Đất đai". */
const searchable = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/**
 * The list beside an editor's form: search, pick one, and (when the order matters) move it up or down
 * with its arrow buttons, Alt+↑/↓ on the entry, or by dragging. Names wrap; nothing is cut.
 */
export function EntityList(props: {
  /** Names the list for screen readers ("Danh sách dịch vụ"). */
  readonly label: string;
  readonly entries: readonly ListEntry[];
  readonly selectedKey: string | null;
  readonly onSelect: (key: string) => void;
  /** Present when the order matters: move the entry at `from` to `to` (indexes in `entries`). */
  readonly onMove?: (from: number, to: number) => void;
  readonly addLabel: string;
  readonly onAdd: () => void;
}) {
  const { t } = useText();
  const [query, setQuery] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const wanted = searchable(query.trim());
  const shown = props.entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => searchable(`${entry.primary} ${entry.secondary ?? ''}`).includes(wanted));
  const { onMove } = props;
  const move = (from: number, to: number): void => {
    if (!onMove || to < 0 || to >= props.entries.length || from === to) return;
    onMove(from, to);
  };
  return (
    <div className="entity-list">
      <input
        type="search"
        aria-label={t('admin.editor.search', { list: props.label })}
        placeholder={t('admin.editor.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul aria-label={props.label}>
        {shown.map(({ entry, index }) => (
          <li
            key={entry.key}
            className={[
              entry.key === props.selectedKey ? 'selected' : '',
              entry.isMuted ? 'muted-entry' : '',
              dragged === index ? 'dragging' : '',
            ].join(' ')}
            draggable={onMove !== undefined}
            onDragStart={(event) => {
              setDragged(index);
              event.dataTransfer.effectAllowed = 'move';
            }}
            onDragEnd={() => setDragged(null)}
            onDragOver={(event) => {
              if (dragged !== null) event.preventDefault();
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged !== null) move(dragged, index);
              setDragged(null);
            }}
          >
            <button
              type="button"
              className="entity-pick"
              aria-current={entry.key === props.selectedKey}
              onClick={() => props.onSelect(entry.key)}
              onKeyDown={(event) => {
                if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
                event.preventDefault();
                move(index, index + (event.key === 'ArrowUp' ? -1 : 1));
              }}
            >
              <span className="entity-name">
                {entry.primary || t('admin.editor.unnamed')}
                {entry.hasProblem && <span className="problem"> ⚠</span>}
              </span>
              {entry.secondary && <span className="muted small">{entry.secondary}</span>}
            </button>
            {onMove && (
              <span className="entity-arrows">
                <button
                  type="button"
                  aria-label={t('admin.editor.moveUp', { name: entry.primary })}
                  disabled={index === 0 || wanted !== ''}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('admin.editor.moveDown', { name: entry.primary })}
                  disabled={index === props.entries.length - 1 || wanted !== ''}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted small">{t('admin.editor.noMatch')}</p>}
      <button type="button" onClick={props.onAdd}>
        {props.addLabel}
      </button>
    </div>
  );
}

/** `list` with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** An id nobody types: `base-1`, `base-2`, … the first one not taken. */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The messages about one field of the form, beside it (`role=alert` reads them out as they appear). */
export function FieldMessages(props: { readonly id: string; readonly messages: readonly FieldMessage[] }) {
  if (props.messages.length === 0) return null;
  return (
    <ul className="field-messages" id={props.id}>
      {props.messages.map((message) => (
        <li key={message.text} className={message.severity === 'error' ? 'problem' : 'notice'}>
          {message.text}
        </li>
      ))}
    </ul>
  );
}

/** A validation message in the console's language. */
export interface FieldMessage {
  readonly severity: 'error' | 'warning';
  readonly text: string;
}

/** Whether any of these messages blocks the save (warnings do not). */
export const hasErrors = (messages: readonly FieldMessage[]): boolean =>
  messages.some((message) => message.severity === 'error');

/**
 * A labelled form control with its messages beside it; `children` gets the ids to wire up
 * (`aria-describedby`, `aria-invalid`).
 */
export function FormField(props: {
  readonly label: string;
  readonly messages?: readonly FieldMessage[];
  readonly hint?: string;
  readonly className?: string;
  readonly children: (control: {
    readonly id: string;
    readonly 'aria-describedby'?: string;
    readonly 'aria-invalid'?: boolean;
  }) => ReactNode;
}) {
  const id = useId();
  const messages = props.messages ?? [];
  const described = [messages.length > 0 ? `${id}-messages` : '', props.hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`form-field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(hasErrors(messages) ? { 'aria-invalid': true } : {}),
      })}
      {props.hint && (
        <span className="muted small" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <FieldMessages id={`${id}-messages`} messages={messages} />
    </div>
  );
}

/**
 * A name field that shows the whole name, however long: a text area that grows with it, one line of
 * text (Enter does not add a line break).
 */
export function NameInput(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly id?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: boolean;
  readonly maxLength?: number;
}) {
  const { value, onChange, maxLength = 200, ...control } = props;
  return (
    <textarea
      {...control}
      className="name-input"
      rows={Math.max(1, Math.ceil(value.length / 70))}
      maxLength={maxLength}
      value={value}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
      }}
      onChange={(event) => onChange(event.target.value.replace(/[\r\n]+/g, ' '))}
    />
  );
}

/**
 * A name in both languages, each in a NameInput: the Vietnamese one with its messages, the English one
 * that falls back to it when left empty (`showsFallbackHint` says so under the field).
 */
export function LocalizedNameFields(props: {
  readonly value: LocalizedText;
  readonly onChange: (value: LocalizedText) => void;
  readonly messages?: readonly FieldMessage[];
  readonly showsFallbackHint?: boolean;
}) {
  const { t } = useText();
  const { value, onChange } = props;
  return (
    <>
      <FormField label={t('admin.common.nameVi')} messages={props.messages ?? []}>
        {(control) => (
          <NameInput {...control} value={value.vi} onChange={(vi) => onChange({ ...value, vi })} />
        )}
      </FormField>
      <FormField
        label={t('admin.common.nameEn')}
        {...(props.showsFallbackHint === true ? { hint: t('admin.editor.enFallback') } : {})}
      >
        {(control) => (
          <NameInput {...control} value={value.en} onChange={(en) => onChange({ ...value, en })} />
        )}
      </FormField>
    </>
  );
}

const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
const MINUTES = Array.from({ length: 12 }, (_, step) => String(step * 5).padStart(2, '0'));

/**
 * A time of day on the 24-hour clock ("08:47"), as an hour and a minute list: never AM/PM, whatever
 * the browser's language. Minutes go by five; a saved time off that step is kept and listed.
 */
export function TimeOfDayInput(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const { t } = useText();
  const [hour = '08', minute = '00'] = props.value.split(':');
  const minutes = MINUTES.includes(minute) ? MINUTES : [...MINUTES, minute].sort();
  return (
    <span className="time-of-day" role="group" aria-label={props.label}>
      <select
        aria-label={t('admin.editor.hourOf', { label: props.label })}
        value={hour}
        onChange={(e) => props.onChange(`${e.target.value}:${minute}`)}
      >
        {HOURS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <span aria-hidden="true">:</span>
      <select
        aria-label={t('admin.editor.minuteOf', { label: props.label })}
        value={minute}
        onChange={(e) => props.onChange(`${hour}:${e.target.value}`)}
      >
        {minutes.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Monday first, as Vietnamese calendars and office hours read; values are 0 = Sunday … 6 = Saturday. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/**
 * Opening hours as a list of windows, each with its days (checkboxes) and a 24-hour from/to. No typed
 * format to learn. Empty means "whenever the hall (or for the hall: always) is open", said beside it.
 */
export function OpeningHoursEditor(props: {
  readonly label: string;
  readonly windows: readonly OpeningWindow[];
  readonly onChange: (windows: OpeningWindow[]) => void;
  readonly emptyMeaning: string;
  readonly messages?: readonly FieldMessage[];
}) {
  const { t } = useText();
  const messagesId = useId();
  const set = (index: number, patch: Partial<OpeningWindow>): void =>
    props.onChange(props.windows.map((window, i) => (i === index ? { ...window, ...patch } : window)));
  return (
    <fieldset className="opening-hours" aria-describedby={messagesId}>
      <legend>{props.label}</legend>
      {props.windows.length === 0 && <p className="muted small">{props.emptyMeaning}</p>}
      {props.windows.map((window, index) => (
        <div className="opening-window" key={index}>
          <span className="weekdays" role="group" aria-label={t('admin.hours.days', { n: index + 1 })}>
            {WEEK.map((day) => (
              <label key={day} className="inline">
                <input
                  type="checkbox"
                  checked={window.weekdays.includes(day)}
                  onChange={(e) =>
                    set(index, {
                      weekdays: e.target.checked
                        ? [...window.weekdays, day].sort((a, b) => a - b)
                        : window.weekdays.filter((candidate) => candidate !== day),
                    })
                  }
                />
                {t(`admin.week.${day}`)}
              </label>
            ))}
          </span>
          <TimeOfDayInput
            label={t('admin.hours.from', { n: index + 1 })}
            value={window.from}
            onChange={(from) => set(index, { from })}
          />
          <span aria-hidden="true">–</span>
          <TimeOfDayInput
            label={t('admin.hours.to', { n: index + 1 })}
            value={window.to}
            onChange={(to) => set(index, { to })}
          />
          <button
            type="button"
            className="link"
            onClick={() => props.onChange(props.windows.filter((_, i) => i !== index))}
          >
            {t('admin.hours.remove', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          props.onChange([...props.windows, { weekdays: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }])
        }
      >
        {t('admin.hours.add')}
      </button>
      <FieldMessages id={messagesId} messages={props.messages ?? []} />
    </fieldset>
  );
}

/**
 * A short list of bilingual texts (priority groups, low-rating reasons, procedures): one row each
 * with its Vietnamese and English text, up/down, remove; no `|`-separated lines to get right.
 */
export function TextListEditor(props: {
  readonly label: string;
  readonly items: readonly LocalizedText[];
  /**
   * The new list, and for each new row the index it had before (null for an added row), so a caller
   * keeps each row's id with it as rows move.
   */
  readonly onChange: (items: LocalizedText[], sources: (number | null)[]) => void;
  readonly addLabel: string;
  /** Messages per row index. */
  readonly messagesOf?: (index: number) => readonly FieldMessage[];
}) {
  const { t } = useText();
  const same = props.items.map((_, index) => index);
  const set = (index: number, patch: Partial<LocalizedText>): void =>
    props.onChange(
      props.items.map((item, i) => (i === index ? { ...item, ...patch } : item)),
      same,
    );
  const move = (from: number, to: number): void =>
    props.onChange(moved(props.items, from, to), moved(same, from, to));
  return (
    <fieldset className="text-list">
      <legend>{props.label}</legend>
      <ol>
        {props.items.map((item, index) => {
          const name = item.vi || t('admin.editor.unnamed');
          return (
            <li key={index}>
              <LocalizedNameFields
                value={item}
                messages={props.messagesOf?.(index) ?? []}
                onChange={(text) => set(index, text)}
              />
              <span className="entity-arrows">
                <button
                  type="button"
                  aria-label={t('admin.editor.moveUp', { name })}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('admin.editor.moveDown', { name })}
                  disabled={index === props.items.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="link"
                  aria-label={t('admin.editor.removeNamed', { name })}
                  onClick={() =>
                    props.onChange(
                      props.items.filter((_, i) => i !== index),
                      same.filter((i) => i !== index),
                    )
                  }
                >
                  {t('admin.editor.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => props.onChange([...props.items, { vi: '', en: '' }], [...same, null])}
      >
        {props.addLabel}
      </button>
    </fieldset>
  );
}
