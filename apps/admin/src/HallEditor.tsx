import { useEffect, useState } from 'react';
import { translateErrorCode } from '@luot/shared/text';
import type { EditorProps } from './ConfigScreen.tsx';
import { FormField, OpeningHoursEditor } from './editor-parts.tsx';
import { useText } from './text.ts';

/** Hall name, address, phone, time zone, rollover hour, display notice line, and the ticket logo. */
export function HallEditor({ draft, onChange, api, messagesAt }: EditorProps) {
  const { t, locale } = useText();
  const hall = draft.hall;
  const set = (patch: Partial<typeof hall>): void => onChange({ ...draft, hall: { ...hall, ...patch } });
  const [logoVersion, setLogoVersion] = useState(() => Date.now());
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const logoUrl = useHallLogo(logoVersion);
  const at = (field: string) => messagesAt({ entity: 'hall', id: null, field });

  const uploadLogo = (file: File): void => {
    if (file.type !== 'image/png') {
      setLogoProblem(t('admin.hall.logoPngOnly'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result !== 'string') return;
      void api.saveLogo(reader.result).then((result) => {
        setLogoProblem(result.ok ? null : translateErrorCode(locale, result.error.code));
        setLogoVersion(Date.now());
      });
    };
    reader.readAsDataURL(file);
  };

  return (
    <section className="panel form-grid">
      <FormField label={t('admin.hall.name')} messages={at('name')}>
        {(control) => (
          <input {...control} value={hall.name} onChange={(e) => set({ name: e.target.value })} />
        )}
      </FormField>
      <label>
        {t('admin.hall.address')}
        <input value={hall.address} onChange={(e) => set({ address: e.target.value })} />
      </label>
      <label>
        {t('admin.hall.phone')}
        <input value={hall.phone} onChange={(e) => set({ phone: e.target.value })} />
      </label>
      <FormField label={t('admin.hall.timeZone')} messages={at('timeZone')}>
        {(control) => (
          <input {...control} value={hall.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />
        )}
      </FormField>
      <label>
        {t('admin.hall.rolloverHour')}
        <input
          type="number"
          min={0}
          max={23}
          value={hall.rolloverHour}
          onChange={(e) => set({ rolloverHour: Math.min(23, Math.max(0, Number(e.target.value) || 0)) })}
        />
      </label>
      <label className="wide">
        {t('admin.hall.noticeLine')}
        <textarea rows={2} value={hall.noticeLine} onChange={(e) => set({ noticeLine: e.target.value })} />
      </label>
      <div className="wide logo">
        <span>{t('admin.hall.logo')}</span>
        {logoUrl !== null && <img src={logoUrl} alt={t('admin.hall.logo')} height={64} />}
        <input
          type="file"
          accept="image/png"
          aria-label={t('admin.hall.logoUpload')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) uploadLogo(file);
          }}
        />
        <span className="muted small">{t('admin.hall.logoHint')}</span>
        {logoProblem && <span className="problem">{logoProblem}</span>}
      </div>
      <div className="wide">
        <OpeningHoursEditor
          label={t('admin.hall.openingHours')}
          windows={hall.openingHours ?? []}
          emptyMeaning={t('admin.hall.hoursEmpty')}
          messages={at('openingHours')}
          onChange={(openingHours) => set({ openingHours })}
        />
      </div>
    </section>
  );
}

/**
 * The hall's logo as an object URL, or null when it has none (the server answers 204 then: asking for it
 * through an <img> would log a failed load in the console on every visit).
 */
function useHallLogo(version: number): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    let objectUrl: string | null = null;
    void fetch('/api/hall/logo', { cache: 'no-store' })
      .then(async (response) => (response.status === 200 ? response.blob() : null))
      .catch(() => null)
      .then((blob) => {
        if (!isCurrent) return;
        objectUrl = blob === null ? null : URL.createObjectURL(blob);
        setUrl(objectUrl);
      });
    return () => {
      isCurrent = false;
      if (objectUrl !== null) URL.revokeObjectURL(objectUrl);
    };
  }, [version]);
  return url;
}
