import { useState } from 'react';
import type { HallConfig, Ticket, TicketId } from '@luot/shared/domain';
import { findService } from '@luot/shared/domain';
import type { Locale, MessageId } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import { Dialog, FormButtons } from './Dialog.tsx';
import { localized } from './text.ts';

/** Reasons a clerk usually gives for calling out of order; one tap fills the (required) reason. */
const QUICK_REASONS = [
  'counter.callSpecific.reasonReturning',
  'counter.callSpecific.reasonRelated',
  'counter.callSpecific.reasonManager',
] as const satisfies readonly MessageId[];

/** Props of {@link CallSpecificDialog}. */
export interface CallSpecificDialogProps {
  /** The waiting tickets this counter may call, in call order. */
  readonly tickets: readonly Ticket[];
  readonly initialTicketId: TicketId | null;
  readonly config: HallConfig;
  readonly locale: Locale;
  readonly onSubmit: (ticketId: TicketId, reason: string) => void;
  readonly onCancel: () => void;
}

/** Call a chosen waiting ticket out of order; the reason is required and recorded with the call. */
export function CallSpecificDialog({
  tickets,
  initialTicketId,
  config,
  locale,
  onSubmit,
  onCancel,
}: CallSpecificDialogProps) {
  const [ticketId, setTicketId] = useState<string>(String(initialTicketId ?? tickets[0]?.id ?? ''));
  const [reason, setReason] = useState('');
  const [isTried, setTried] = useState(false);
  const chosen = tickets.find((ticket) => String(ticket.id) === ticketId);
  const isValid = chosen !== undefined && reason.trim() !== '';

  return (
    <Dialog title={translate(locale, 'counter.callSpecific.title')} onClose={onCancel} isWide>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (chosen && isValid) onSubmit(chosen.id, reason.trim());
        }}
      >
        <label className="field">
          <span className="field__label">{translate(locale, 'counter.callSpecific.ticket')}</span>
          <select name="ticket" value={ticketId} onChange={(event) => setTicketId(event.target.value)}>
            {tickets.map((ticket) => {
              const service = findService(config, ticket.serviceId);
              return (
                <option key={ticket.id} value={String(ticket.id)}>
                  {ticket.number}
                  {ticket.priorityGroupId ? ' ★' : ''}
                  {service ? ` · ${localized(service.name, locale)}` : ''}
                </option>
              );
            })}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{translate(locale, 'counter.callSpecific.reason')}</span>
          <input
            name="reason"
            type="text"
            maxLength={200}
            value={reason}
            data-autofocus
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <div className="chips">
          {QUICK_REASONS.map((id) => (
            <button key={id} type="button" className="chip" onClick={() => setReason(translate('vi', id))}>
              {translate(locale, id)}
            </button>
          ))}
        </div>
        {isTried && !isValid && (
          <p className="form__error" role="alert">
            {translate(locale, 'counter.callSpecific.needReason')}
          </p>
        )}
        <FormButtons
          locale={locale}
          onCancel={onCancel}
          submitLabel={translate(locale, 'counter.callSpecific.submit')}
        />
      </form>
    </Dialog>
  );
}
