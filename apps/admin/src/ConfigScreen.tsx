import { useEffect, useMemo, useState } from 'react';
import { newRequestId } from '@luot/client';
import type { ConfigChangeSummary, ConfigEntity, ConfigIssue, HallConfig } from '@luot/shared/domain';
import { configIssues, isBlockingIssue, issuesAt, summarizeConfigChange } from '@luot/shared/domain';
import { translateErrorCode } from '@luot/shared/text';
import type { AdminApi } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { CountersEditor } from './CountersEditor.tsx';
import type { FieldMessage } from './editor-parts.tsx';
import { HallEditor } from './HallEditor.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';
import { ServicesEditor } from './ServicesEditor.tsx';
import { useText } from './text.ts';

const SECTIONS = ['hall', 'services', 'counters', 'policy'] as const;
type Section = (typeof SECTIONS)[number];

/** The tab where the manager fixes a problem about each kind of entity. */
const SECTION_OF: Readonly<Record<ConfigEntity, Section>> = {
  hall: 'hall',
  field: 'services',
  service: 'services',
  procedure: 'services',
  counter: 'counters',
  clerk: 'counters',
  priorityGroup: 'policy',
  satisfactionLevel: 'policy',
  lowRatingReason: 'policy',
  policy: 'policy',
  announcement: 'policy',
  terminals: 'policy',
};

/** The messages beside one place of a form, in the console's language. */
export type MessagesAt = (where: {
  readonly entity: ConfigEntity;
  readonly id: string | null;
  readonly field?: string;
}) => FieldMessage[];

/** Props every section editor gets: the draft, a way to change it, and the rules' messages per field. */
export interface EditorProps {
  readonly draft: HallConfig;
  /** The configuration the hall runs now (what "Bỏ thay đổi" goes back to). */
  readonly saved: HallConfig;
  readonly onChange: (next: HallConfig) => void;
  readonly api: AdminApi;
  /** The configuration rules' messages for a field (empty when it is fine). */
  readonly messagesAt: MessagesAt;
}

type Dialog = { readonly kind: 'save'; readonly summary: ConfigChangeSummary } | { readonly kind: 'discard' };

/**
 * Configuration: the manager edits a draft of the whole hall configuration and saves it in one go.
 * The same rules the server applies (shared `configIssues`) run on every change, each message beside
 * its field; nothing with an error can be saved. Saving first shows what will change (shared
 * `summarizeConfigChange`: added, changed, archived, and what the devices will show) and asks;
 * "Bỏ thay đổi" asks, then restores the saved configuration. The server validates it whole again,
 * records a `hall.configured` event, and every device resyncs.
 */
export function ConfigScreen(props: { api: AdminApi; config: HallConfig }) {
  const { t, locale } = useText();
  const [section, setSection] = useState<Section>('hall');
  const [draft, setDraft] = useState<HallConfig>(props.config);
  const [isDirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'problem'; text: string } | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [isSaving, setSaving] = useState(false);
  // Issues the server found that the console did not (another console saved in between, say).
  const [serverIssues, setServerIssues] = useState<readonly ConfigIssue[]>([]);
  // A configuration saved elsewhere replaces an untouched draft.
  useEffect(() => {
    if (!isDirty) setDraft(props.config);
  }, [props.config, isDirty]);

  const issues = useMemo(
    () => [...configIssues(draft, props.config), ...serverIssues],
    [draft, props.config, serverIssues],
  );
  const errors = issues.filter(isBlockingIssue);
  const warnings = issues.filter((issue) => !isBlockingIssue(issue));
  const messagesAt: MessagesAt = (where) =>
    issuesAt(issues, where).map((issue) => ({ severity: issue.severity, text: issue.message[locale] }));

  const change = (next: HallConfig): void => {
    setDraft(next);
    setDirty(true);
    setMessage(null);
    setServerIssues([]);
  };
  const askToSave = (): void => {
    if (errors.length > 0) {
      setMessage({ kind: 'problem', text: t('admin.config.fixFirst', { count: errors.length }) });
      return;
    }
    setDialog({ kind: 'save', summary: summarizeConfigChange(props.config, draft) });
  };
  const save = async (): Promise<void> => {
    setSaving(true);
    const result = await props.api.saveConfig(newRequestId(), draft);
    setSaving(false);
    setDialog(null);
    if (result.ok) {
      setDirty(false);
      setMessage({ kind: 'ok', text: t('admin.config.saved') });
      return;
    }
    // A refused configuration names each problem, which then shows beside its field too.
    if (result.error.code === 'CONFIG_INVALID') setServerIssues(result.error.configIssues ?? []);
    const details =
      result.error.code === 'CONFIG_INVALID'
        ? (result.error.configIssues ?? [])
            .filter(isBlockingIssue)
            .map((issue) => issue.message[locale])
            .join(' ')
        : result.error.code === 'INVALID_STATE' || result.error.code === 'VALIDATION_FAILED'
          ? result.error.message
          : '';
    setMessage({
      kind: 'problem',
      text: `${translateErrorCode(locale, result.error.code)} ${details}`.trim(),
    });
  };

  const editorProps: EditorProps = {
    draft,
    saved: props.config,
    onChange: change,
    api: props.api,
    messagesAt,
  };
  return (
    <div className="config">
      <nav className="subtabs">
        {SECTIONS.map((name) => {
          const count = issues.filter(
            (issue) => isBlockingIssue(issue) && SECTION_OF[issue.path.entity] === name,
          ).length;
          return (
            <button
              key={name}
              className={name === section ? 'tab active' : 'tab'}
              aria-current={name === section}
              onClick={() => setSection(name)}
            >
              {t(`admin.config.${name}`)}
              {count > 0 && (
                <span className="badge" aria-label={t('admin.config.errorsCount', { count })}>
                  {count}
                </span>
              )}
            </button>
          );
        })}
        <span className="spacer" />
        {isDirty && <span className="notice">{t('admin.config.unsaved')}</span>}
        <button className="link" disabled={!isDirty} onClick={() => setDialog({ kind: 'discard' })}>
          {t('admin.config.discard')}
        </button>
        <button className="primary" disabled={!isDirty} onClick={askToSave}>
          {t('admin.config.save')}
        </button>
      </nav>
      {message && (
        <p className={message.kind === 'ok' ? 'success' : 'problem'} role="status">
          {message.text}
        </p>
      )}
      {issues.length > 0 && (
        <section className="panel config-issues" aria-labelledby="config-issues-title">
          <h2 id="config-issues-title">
            {t('admin.config.issuesTitle', { errors: errors.length, warnings: warnings.length })}
          </h2>
          <ul>
            {issues.map((issue, index) => (
              <li key={index} className={isBlockingIssue(issue) ? 'problem' : 'notice'}>
                <button
                  type="button"
                  className="link"
                  onClick={() => setSection(SECTION_OF[issue.path.entity])}
                >
                  {t('admin.config.goTo', { section: t(`admin.config.${SECTION_OF[issue.path.entity]}`) })}
                </button>{' '}
                {issue.message[locale]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {section === 'hall' ? (
        <HallEditor {...editorProps} />
      ) : section === 'services' ? (
        <ServicesEditor {...editorProps} />
      ) : section === 'counters' ? (
        <CountersEditor {...editorProps} />
      ) : (
        <PolicyEditor {...editorProps} />
      )}
      {dialog?.kind === 'save' && (
        <ConfirmDialog
          title={t('admin.config.summaryTitle')}
          confirmLabel={t('admin.config.confirmSave')}
          isBusy={isSaving}
          onConfirm={() => void save()}
          onCancel={() => setDialog(null)}
        >
          <ChangeSummary summary={dialog.summary} warnings={warnings} />
        </ConfirmDialog>
      )}
      {dialog?.kind === 'discard' && (
        <ConfirmDialog
          title={t('admin.config.discardTitle')}
          confirmLabel={t('admin.config.discard')}
          isDestructive
          onConfirm={() => {
            setDraft(props.config);
            setDirty(false);
            setServerIssues([]);
            setMessage(null);
            setDialog(null);
          }}
          onCancel={() => setDialog(null)}
        >
          <p>{t('admin.config.discardBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** The before-save summary: what is added, changed, archived, and what the hall's devices will see. */
export function ChangeSummary(props: {
  readonly summary: ConfigChangeSummary;
  readonly warnings: readonly ConfigIssue[];
}) {
  const { t, locale, name } = useText();
  const { summary } = props;
  const entity = (kind: string): string =>
    kind === 'field' ||
    kind === 'service' ||
    kind === 'counter' ||
    kind === 'clerk' ||
    kind === 'priorityGroup'
      ? t(`config.entity.${kind}`)
      : kind;
  const list = (
    title: string,
    items: readonly { entity: string; id: string; name: { vi: string; en: string } }[],
  ) =>
    items.length > 0 && (
      <div className="summary-group">
        <h3>{title}</h3>
        <ul>
          {items.map((item) => (
            <li key={`${item.entity}/${item.id}`}>
              {entity(item.entity)} “{name(item.name)}”
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="change-summary" data-testid="change-summary">
      {summary.isEmpty && <p>{t('admin.config.summaryEmpty')}</p>}
      {list(t('admin.config.summaryAdded'), summary.added)}
      {summary.changed.length > 0 && (
        <div className="summary-group">
          <h3>{t('admin.config.summaryChanged')}</h3>
          <ul>
            {summary.changed.map((item) => (
              <li key={`${item.entity}/${item.id}`}>
                {entity(item.entity)} “{name(item.name)}”:{' '}
                {item.fields.map((field) => field.label[locale]).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {list(t('admin.config.summaryArchived'), summary.archived)}
      {list(t('admin.config.summaryRestored'), summary.restored)}
      {summary.sections.length > 0 && (
        <div className="summary-group">
          <h3>{t('admin.config.summarySections')}</h3>
          <ul>
            {summary.sections.map((section) => (
              <li key={section.section}>
                {section.section === 'satisfaction'
                  ? t('config.entity.satisfactionLevel')
                  : t(`config.entity.${section.section}`)}
                : {section.fields.map((field) => field.label[locale]).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {summary.devices.length > 0 && (
        <div className="summary-group">
          <h3>{t('admin.config.summaryDevices')}</h3>
          <ul>
            {summary.devices.map((line, index) => (
              <li key={index}>{line.message[locale]}</li>
            ))}
          </ul>
        </div>
      )}
      {props.warnings.length > 0 && (
        <div className="summary-group">
          <h3>{t('admin.config.summaryWarnings')}</h3>
          <ul>
            {props.warnings.map((issue, index) => (
              <li key={index} className="notice">
                {issue.message[locale]}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
