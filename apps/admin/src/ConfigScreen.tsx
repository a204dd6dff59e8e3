import { useEffect, useState } from 'react';
import { newRequestId } from '@luot/client';
import type { HallConfig } from '@luot/shared/domain';
import { checkCallTemplate, translateErrorCode } from '@luot/shared/text';
import type { AdminApi } from './api.ts';
import { CountersEditor } from './CountersEditor.tsx';
import { HallEditor } from './HallEditor.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';
import { ServicesEditor } from './ServicesEditor.tsx';
import { useText } from './text.ts';

const SECTIONS = ['hall', 'services', 'counters', 'policy'] as const;
type Section = (typeof SECTIONS)[number];

/** Props every section editor gets: the draft and a way to change it. */
export interface EditorProps {
  readonly draft: HallConfig;
  readonly onChange: (next: HallConfig) => void;
  readonly api: AdminApi;
}

/**
 * Configuration: the manager edits a draft of the whole hall configuration and saves it in one go;
 * the server validates it whole, records a `hall.configured` event, and every device resyncs.
 */
export function ConfigScreen(props: { api: AdminApi; config: HallConfig }) {
  const { t, locale } = useText();
  const [section, setSection] = useState<Section>('hall');
  const [draft, setDraft] = useState<HallConfig>(props.config);
  const [isDirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'problem'; text: string } | null>(null);
  // A configuration saved elsewhere replaces an untouched draft.
  useEffect(() => {
    if (!isDirty) setDraft(props.config);
  }, [props.config, isDirty]);

  const change = (next: HallConfig): void => {
    setDraft(next);
    setDirty(true);
    setMessage(null);
  };
  const save = async (): Promise<void> => {
    // A call phrase the displays cannot say is refused here before the server refuses it (same rule).
    const speakable = checkCallTemplate(draft.announcement.template, draft.announcement.customWords);
    if (!speakable.ok) {
      const reason =
        speakable.unknownWords.length > 0
          ? t('admin.voice.templateMissing', { words: speakable.unknownWords.join(', ') })
          : t('admin.voice.templatePlaceholders');
      setMessage({ kind: 'problem', text: t('admin.voice.refused', { reason }) });
      return;
    }
    const result = await props.api.saveConfig(newRequestId(), draft);
    if (result.ok) {
      setDirty(false);
      setMessage({ kind: 'ok', text: t('admin.config.saved') });
    } else {
      // A refused configuration names each problem in the console's language (config-rules.ts).
      const details =
        result.error.code === 'CONFIG_INVALID'
          ? (result.error.configIssues ?? [])
              .filter((issue) => issue.severity === 'error')
              .map((issue) => issue.message[locale])
              .join(' ')
          : result.error.code === 'INVALID_STATE' || result.error.code === 'VALIDATION_FAILED'
            ? result.error.message
            : '';
      setMessage({
        kind: 'problem',
        text: `${translateErrorCode(locale, result.error.code)} ${details}`.trim(),
      });
    }
  };

  return (
    <div className="config">
      <nav className="subtabs">
        {SECTIONS.map((name) => (
          <button
            key={name}
            className={name === section ? 'tab active' : 'tab'}
            onClick={() => setSection(name)}
          >
            {t(`admin.config.${name}`)}
          </button>
        ))}
        <span className="spacer" />
        {isDirty && <span className="notice">{t('admin.config.unsaved')}</span>}
        <button
          className="link"
          disabled={!isDirty}
          onClick={() => {
            setDraft(props.config);
            setDirty(false);
          }}
        >
          {t('admin.config.discard')}
        </button>
        <button className="primary" disabled={!isDirty} onClick={() => void save()}>
          {t('admin.config.save')}
        </button>
      </nav>
      {message && (
        <p className={message.kind === 'ok' ? 'success' : 'problem'} role="status">
          {message.text}
        </p>
      )}
      {section === 'hall' ? (
        <HallEditor draft={draft} onChange={change} api={props.api} />
      ) : section === 'services' ? (
        <ServicesEditor draft={draft} onChange={change} api={props.api} />
      ) : section === 'counters' ? (
        <CountersEditor draft={draft} onChange={change} api={props.api} />
      ) : (
        <PolicyEditor draft={draft} onChange={change} api={props.api} />
      )}
    </div>
  );
}
