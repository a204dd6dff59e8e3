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

type ReadingLabel = `admin.voice.${
  | 'zeroTens'
  | 'zeroTensLinh'
  | 'zeroTensLe'
  | 'four'
  | 'fourTu'
  | 'fourBon'
  | 'thousand'
  | 'thousandNghin'
  | 'thousandNgan'}`;

/** Each regional choice of number reading: its label and its two readings, the northern one first. */
const READING_CHOICES: readonly {
  readonly key: keyof NumberReadingChoice;
  readonly label: ReadingLabel;
  readonly options: readonly (readonly [NumberReadingChoice[keyof NumberReadingChoice], ReadingLabel])[];
}[] = [
  {
    key: 'zeroTens',
    label: 'admin.voice.zeroTens',
    options: [
      ['linh', 'admin.voice.zeroTensLinh'],
      ['lẻ', 'admin.voice.zeroTensLe'],
    ],
  },
  {
    key: 'four',
    label: 'admin.voice.four',
    options: [
      ['tư', 'admin.voice.fourTu'],
      ['bốn', 'admin.voice.fourBon'],
    ],
  },
  {
    key: 'thousand',
    label: 'admin.voice.thousand',
    options: [
      ['nghìn', 'admin.voice.thousandNghin'],
      ['ngàn', 'admin.voice.thousandNgan'],
    ],
  },
];

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
        {READING_CHOICES.map(({ key, label, options }) => (
          <label key={key}>
            {t(label)}
            <select
              value={reading[key]}
              onChange={(e) => {
                const chosen = options.find(([value]) => value === e.target.value);
                if (chosen) setReading({ [key]: chosen[0] });
              }}
            >
              {options.map(([value, optionLabel]) => (
                <option key={value} value={value}>
                  {t(optionLabel)}
                </option>
              ))}
            </select>
          </label>
        ))}
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
