import { useState } from 'react';
import type { NumberReadingChoice } from '@luot/shared/domain';
import {
  PHRASE_WORDS,
  checkCallTemplate,
  normalizeSpokenPhrase,
  translateErrorCode,
} from '@luot/shared/text';
import type { EditorProps } from './ConfigScreen.tsx';
import { useText } from './text.ts';

const NORTHERN: NumberReadingChoice = { zeroTens: 'linh', four: 'tư', thousand: 'nghìn' };

/**
 * The voice of the announcements: how numbers are read (linh/lẻ, tư/bốn, nghìn/ngàn), whether the call
 * phrase can be said (every word has a clip), the words available to it, and the hall's own recordings
 * with a short recording guide. A phrase the displays cannot say is shown here before the server refuses
 * it (both use the shared `checkCallTemplate`).
 */
export function AnnouncementVoice({ draft, onChange, api }: EditorProps) {
  const { t, locale } = useText();
  const { announcement } = draft;
  const reading = announcement.numberReading ?? NORTHERN;
  const customWords = announcement.customWords ?? [];
  const check = checkCallTemplate(announcement.template, customWords);
  const [phrase, setPhrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{
    readonly kind: 'success' | 'problem';
    readonly text: string;
  } | null>(null);
  const setReading = (patch: Partial<NumberReadingChoice>): void =>
    onChange({ ...draft, announcement: { ...announcement, numberReading: { ...reading, ...patch } } });
  const setWords = (words: readonly string[]): void =>
    onChange({ ...draft, announcement: { ...announcement, customWords: words } });

  const upload = (): void => {
    if (file === null || normalizeSpokenPhrase(phrase) === '') return;
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result !== 'string') return;
      // Browsers name WAV differently (audio/wav, audio/x-wav, audio/wave): the server checks the bytes.
      const dataUrl = reader.result.replace(/^data:[^;]*;/, 'data:audio/wav;');
      void api.saveVoiceClip(phrase, dataUrl).then((result) => {
        if (!result.ok) {
          setMessage({
            kind: 'problem',
            text: `${translateErrorCode(locale, result.error.code)} ${result.error.message}`,
          });
          return;
        }
        const saved = result.value.phrase;
        if (!customWords.some((word) => normalizeSpokenPhrase(word) === saved))
          setWords([...customWords, saved]);
        setMessage({ kind: 'success', text: t('admin.voice.uploaded', { phrase: saved }) });
        setPhrase('');
        setFile(null);
      });
    };
    reader.readAsDataURL(file);
  };

  return (
    <div className="wide voice" data-testid="announcement-voice">
      <p className={check.ok ? 'success' : 'problem'} role="status" data-testid="template-check">
        {check.ok
          ? t('admin.voice.templateOk')
          : check.unknownWords.length > 0
            ? t('admin.voice.templateMissing', { words: check.unknownWords.join(', ') })
            : t('admin.voice.templatePlaceholders')}
      </p>
      <fieldset className="voice__reading">
        <legend>{t('admin.voice.numberReading')}</legend>
        <label>
          {t('admin.voice.zeroTens')}
          <select
            value={reading.zeroTens}
            onChange={(e) => setReading({ zeroTens: e.target.value === 'lẻ' ? 'lẻ' : 'linh' })}
          >
            <option value="linh">{t('admin.voice.zeroTensLinh')}</option>
            <option value="lẻ">{t('admin.voice.zeroTensLe')}</option>
          </select>
        </label>
        <label>
          {t('admin.voice.four')}
          <select
            value={reading.four}
            onChange={(e) => setReading({ four: e.target.value === 'bốn' ? 'bốn' : 'tư' })}
          >
            <option value="tư">{t('admin.voice.fourTu')}</option>
            <option value="bốn">{t('admin.voice.fourBon')}</option>
          </select>
        </label>
        <label>
          {t('admin.voice.thousand')}
          <select
            value={reading.thousand}
            onChange={(e) => setReading({ thousand: e.target.value === 'ngàn' ? 'ngàn' : 'nghìn' })}
          >
            <option value="nghìn">{t('admin.voice.thousandNghin')}</option>
            <option value="ngàn">{t('admin.voice.thousandNgan')}</option>
          </select>
        </label>
      </fieldset>
      <div className="voice__words">
        <h3>{t('admin.voice.available')}</h3>
        <p className="voice__chips" data-testid="available-words">
          {PHRASE_WORDS.map((word) => (
            <span key={word} className="pill">
              {word}
            </span>
          ))}
        </p>
        <h3>{t('admin.voice.hallWords')}</h3>
        {customWords.length === 0 ? (
          <p className="muted">{t('admin.voice.noHallWords')}</p>
        ) : (
          <ul className="voice__own" data-testid="hall-words">
            {customWords.map((word) => (
              <li key={word}>
                <span className="pill">{word}</span>
                <button
                  type="button"
                  className="link"
                  onClick={() => setWords(customWords.filter((candidate) => candidate !== word))}
                >
                  {t('admin.voice.remove', { phrase: word })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="voice__upload">
          <label>
            {t('admin.voice.phrase')}
            <input value={phrase} maxLength={60} onChange={(e) => setPhrase(e.target.value)} />
          </label>
          <label>
            {t('admin.voice.file')}
            <input
              type="file"
              accept="audio/wav,audio/x-wav,.wav"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <button
            type="button"
            disabled={file === null || normalizeSpokenPhrase(phrase) === ''}
            onClick={upload}
          >
            {t('admin.voice.upload')}
          </button>
        </div>
        {message && (
          <p className={message.kind} role="status">
            {message.text}
          </p>
        )}
        <p className="muted small">{t('admin.voice.guide')}</p>
      </div>
    </div>
  );
}
