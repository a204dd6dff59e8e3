import { useState } from 'react';
import type { CounterId, HallConfig, QueueState, ServiceId, Ticket } from '@luot/shared/domain';
import { findService, isInService, transferCounterOptions } from '@luot/shared/domain';
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
  readonly state: QueueState;
  readonly config: HallConfig;
  readonly ownCounterId: CounterId;
  readonly locale: Locale;
  readonly onSubmit: (choice: TransferChoice) => void;
  readonly onCancel: () => void;
}

const ANY_COUNTER = '';

/**
 * Move the current ticket, with its number and original queue time, to another service and/or a chosen
 * counter, with a note that travels with the ticket to the next clerk. Every counter is listed with its
 * state and its services; one that is closed or does not serve the ticket's service cannot be chosen
 * (the server refuses it too), and a paused counter is chosen with a warning.
 */
export function TransferDialog({
  ticket,
  state,
  config,
  ownCounterId,
  locale,
  onSubmit,
  onCancel,
}: TransferDialogProps) {
  const [serviceId, setServiceId] = useState('');
  const [counterId, setCounterId] = useState<string>(ANY_COUNTER);
  const [note, setNote] = useState('');
  const [isTried, setTried] = useState(false);
  const services = config.services.filter(
    (service) => isInService(service) && service.id !== ticket.serviceId,
  );
  const chosenService = services.find((service) => service.id === serviceId);
  const targetServiceId = chosenService?.id ?? ticket.serviceId;
  const options = transferCounterOptions(state, config, targetServiceId, ownCounterId);
  const chosenCounter = options.find((option) => option.counter.id === counterId && option.refusal === null);
  const servingAnywhere = config.counters.some(
    (counter) => isInService(counter) && counter.serviceIds.includes(targetServiceId),
  );
  const isOpenSomewhere = options.some((option) => option.servesService && option.status === 'open');
  const isValid = (chosenService !== undefined || chosenCounter !== undefined) && servingAnywhere;
  const currentService = findService(config, ticket.serviceId);
  const prefixesOf = (ids: readonly ServiceId[]): string =>
    ids.map((id) => findService(config, id)?.prefix ?? id).join(', ');

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
          onSubmit({
            toServiceId: chosenService?.id ?? null,
            toCounterId: chosenCounter?.counter.id ?? null,
            note,
          });
        }}
      >
        <label className="field">
          <span className="field__label">{translate(locale, 'counter.transfer.toService')}</span>
          <select
            name="service"
            value={serviceId}
            onChange={(event) => {
              setServiceId(event.target.value);
              setCounterId(ANY_COUNTER); // the counters allowed depend on the service
            }}
          >
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
        <fieldset className="choices transfer-counters">
          <legend className="field__label">{translate(locale, 'counter.transfer.toCounter')}</legend>
          <label className="choice transfer-counter">
            <input
              type="radio"
              name="counter"
              value={ANY_COUNTER}
              checked={counterId === ANY_COUNTER}
              disabled={!servingAnywhere}
              onChange={() => setCounterId(ANY_COUNTER)}
            />
            <span className="transfer-counter__text">
              <span className="transfer-counter__name">
                {translate(locale, 'counter.transfer.anyCounter')}
              </span>
              {!servingAnywhere ? (
                <span className="transfer-counter__refusal">
                  {translate(locale, 'counter.transfer.refusedNoCounter')}
                </span>
              ) : (
                !isOpenSomewhere && (
                  <span className="transfer-counter__warning">
                    {translate(locale, 'counter.transfer.warnNoneOpen')}
                  </span>
                )
              )}
            </span>
          </label>
          {options.map((option) => (
            <label
              key={option.counter.id}
              className="choice transfer-counter"
              data-counter={option.counter.id}
              data-refusal={option.refusal ?? 'none'}
            >
              <input
                type="radio"
                name="counter"
                value={option.counter.id}
                checked={counterId === option.counter.id}
                disabled={option.refusal !== null}
                onChange={() => setCounterId(option.counter.id)}
              />
              <span className="transfer-counter__text">
                <span className="transfer-counter__name">
                  {localized(option.counter.name, locale)}
                  <span className={`counter-state counter-state--${option.status}`}>
                    {' · '}
                    {translate(
                      locale,
                      option.refusal === 'closed'
                        ? 'counter.transfer.refusedClosed'
                        : `counterState.${option.status}`,
                    )}
                  </span>
                </span>
                <span className="transfer-counter__services">
                  {translate(locale, 'counter.transfer.services', {
                    services: prefixesOf(option.counter.serviceIds),
                  })}
                </span>
                {option.refusal === 'not-serving' && (
                  <span className="transfer-counter__refusal">
                    {translate(locale, 'counter.transfer.refusedNotServing')}
                  </span>
                )}
                {option.refusal === null && option.isPaused && (
                  <span className="transfer-counter__warning">
                    {translate(locale, 'counter.transfer.warnPaused')}
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
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
            {translate(
              locale,
              servingAnywhere ? 'counter.transfer.needTarget' : 'counter.transfer.refusedNoCounter',
            )}
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
