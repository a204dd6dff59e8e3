import type { ServiceConfig } from '@luot/shared/domain';
import { useState } from 'react';
import { Bilingual } from './Bilingual.tsx';

/**
 * The display's settings, opened by the small gear button or the S key: which services this display
 * shows (a hall on two floors has a display per floor), a sound test, and unpairing.
 */
export function SettingsPanel({
  services,
  serviceIds,
  isFromAddress,
  onSave,
  onClose,
  onTestSound,
  onUnpair,
}: {
  readonly services: readonly ServiceConfig[];
  readonly serviceIds: readonly string[] | null;
  readonly isFromAddress: boolean;
  readonly onSave: (serviceIds: readonly string[] | null) => void;
  readonly onClose: () => void;
  readonly onTestSound: () => void;
  readonly onUnpair: () => void;
}) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(serviceIds ?? services.map((service) => service.id)),
  );
  const isAll = services.every((service) => chosen.has(service.id));
  const toggle = (id: string): void => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const save = (): void => {
    const ids = services.map((service) => service.id as string).filter((id) => chosen.has(id));
    onSave(isAll || ids.length === 0 ? null : ids);
  };
  return (
    <div className="settings" role="dialog" aria-modal="true" aria-labelledby="settings-title">
      <div className="settings__card">
        <h2 id="settings-title" className="settings__title">
          <Bilingual id="display.settings.title" />
        </h2>
        {isFromAddress && (
          <p className="settings__note">
            <Bilingual id="display.settings.fromUrl" />
          </p>
        )}
        <fieldset className="settings__services">
          <legend>
            <Bilingual id="display.settings.services" />
          </legend>
          <label className="settings__option settings__option--all">
            <input
              type="checkbox"
              checked={isAll}
              onChange={() => setChosen(isAll ? new Set() : new Set(services.map((service) => service.id)))}
            />
            <Bilingual id="display.settings.all" />
          </label>
          {services.map((service) => (
            <label key={service.id} className="settings__option">
              <input
                type="checkbox"
                name="service"
                value={service.id}
                checked={chosen.has(service.id)}
                onChange={() => toggle(service.id)}
              />
              <span className="settings__prefix">{service.prefix}</span>
              <span className="both">
                <span className="both__vi">{service.name.vi}</span>
                <span className="both__en">{service.name.en}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="settings__actions">
          <button type="button" className="settings__secondary" onClick={onTestSound}>
            <Bilingual id="display.settings.testSound" />
          </button>
          <button type="button" className="settings__danger" onClick={onUnpair}>
            <Bilingual id="display.settings.unpair" />
          </button>
          <span className="settings__spacer" />
          <button type="button" className="settings__secondary" onClick={onClose}>
            <Bilingual id="display.settings.close" />
          </button>
          <button type="button" className="settings__primary" onClick={save}>
            <Bilingual id="display.settings.save" />
          </button>
        </div>
      </div>
    </div>
  );
}
