import { useState } from 'react';
import type { CounterId, HallConfig, ServiceId, Ticket } from '@luot/shared/domain';
import { findService } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { Dialog, FormButtons } from './Dialog.tsx';
import { localized } from './text.ts';

/** What the clerk chose in the transfer dialog. */
export interface TransferChoice {
  readonly toServiceId: ServiceId | null;
  readonly toCounterId: CounterId | null;
  readonly note: string;
}

/** Props of {@link TransferDialog}. */
export interface TransferDialogProps {
  readonly ticket: Ticket;
  readonly config: HallConfig;
  readonly ownCounterId: CounterId;
  readonly locale: Locale;
  readonly onSubmit: (choice: TransferChoice) => void;
  readonly onCancel: () => void;
}

/**
 * Move the current ticket, with its number and original queue time, to another service and/or a chosen
 * counter, with an optional note for the next clerk.
 */
export function TransferDialog({
  ticket,
  config,
  ownCounterId,
  locale,
  onSubmit,
  onCancel,
}: TransferDialogProps) {
  const [serviceId, setServiceId] = useState('');
  const [counterId, setCounterId] = useState('');
  const [note, setNote] = useState('');
  const [isTried, setTried] = useState(false);
  const services = config.services.filter((service) => service.isActive && service.id !== ticket.serviceId);
  const counters = config.counters.filter((counter) => counter.isActive && counter.id !== ownCounterId);
  const chosenService = services.find((service) => service.id === serviceId);
  const chosenCounter = counters.find((counter) => counter.id === counterId);
  const isValid = chosenService !== undefined || chosenCounter !== undefined;
  const currentService = findService(config, ticket.serviceId);

  return (
    <Dialog
      title={translate(locale, 'counter.transfer.title', { ticket: ticket.number })}
      onClose={onCancel}
      isWide
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!isValid) return;
          onSubmit({ toServiceId: chosenService?.id ?? null, toCounterId: chosenCounter?.id ?? null, note });
        }}
      >
        <label className="field">
          <span className="field__label">{translate(locale, 'counter.transfer.toService')}</span>
          <select name="service" value={serviceId} onChange={(event) => setServiceId(event.target.value)}>
            <option value="">
              {translate(locale, 'counter.transfer.keepService')}
              {currentService
                ? ` (${currentService.prefix} · ${localized(currentService.name, locale)})`
                : ''}
            </option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.prefix} · {localized(service.name, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{translate(locale, 'counter.transfer.toCounter')}</span>
          <select name="counter" value={counterId} onChange={(event) => setCounterId(event.target.value)}>
            <option value="">{translate(locale, 'counter.transfer.anyCounter')}</option>
            {counters.map((counter) => (
              <option key={counter.id} value={counter.id}>
                {localized(counter.name, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{translate(locale, 'counter.transfer.note')}</span>
          <textarea
            name="note"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        {isTried && !isValid && (
          <p className="form__error" role="alert">
            {translate(locale, 'counter.transfer.needTarget')}
          </p>
        )}
        <FormButtons
          locale={locale}
          onCancel={onCancel}
          submitLabel={translate(locale, 'counter.transfer.submit')}
        />
      </form>
    </Dialog>
  );
}
