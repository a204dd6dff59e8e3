import { useEffect, useRef, useState } from 'react';
import type { HallView } from '@luot/client';
import type { CounterId, HallConfig, QueueState, TicketId } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate, translateBoth } from '@luot/shared/text';
import { ActionPad } from './ActionPad.tsx';
import { CallSpecificDialog } from './CallSpecificDialog.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { OfflineBanner } from './ConnectionBadge.tsx';
import { CurrentTicketCard } from './CurrentTicketCard.tsx';
import { DayPanel } from './DayPanel.tsx';
import { PauseDialog } from './PauseDialog.tsx';
import { TerminalHeader } from './TerminalHeader.tsx';
import { TransferDialog } from './TransferDialog.tsx';
import { WaitingPanel } from './WaitingPanel.tsx';
import type { Flash } from './session-notice.ts';
import type { TerminalCommand } from './terminal-actions.ts';
import type { ActionName, TerminalModel } from './terminal-model.ts';
import { actionForKey, deriveTerminal, unavailableReason } from './terminal-model.ts';

/** Props of {@link CounterScreen}: a view of the hall and callbacks, so it renders without a socket. */
export interface CounterScreenProps {
  readonly view: HallView & { readonly state: QueueState; readonly config: HallConfig };
  readonly counterId: CounterId;
  /** Server-corrected time, ticking. */
  readonly now: number;
  readonly locale: Locale;
  /** The command in flight: every button is disabled until the screen shows its result. */
  readonly pending: TerminalCommand['type'] | 'signOut' | null;
  readonly flash: Flash | null;
  readonly onCommand: (command: TerminalCommand) => void;
  readonly onSignOut: () => void;
  readonly onToggleLocale: () => void;
  readonly onDismissFlash: () => void;
  /** Say why a pressed shortcut did nothing (the counter is paused, nobody waits…). */
  readonly onExplain: (flash: Flash) => void;
}

type OpenDialog =
  | { readonly kind: 'confirm-no-show' }
  | { readonly kind: 'confirm-recall' }
  | { readonly kind: 'confirm-sign-out' }
  | { readonly kind: 'transfer' }
  | { readonly kind: 'call-specific'; readonly ticketId: TicketId | null }
  | { readonly kind: 'pause' };

const PENDING_ACTION: Readonly<Record<TerminalCommand['type'], ActionName>> = {
  next: 'next',
  recall: 'recall',
  start: 'start',
  complete: 'complete',
  noShow: 'noShow',
  transfer: 'transfer',
  callSpecific: 'callSpecific',
  pause: 'pauseOrResume',
  resume: 'pauseOrResume',
};

/** Keys typed into a field are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * The clerk's main screen: header, the current ticket, the eight actions (mouse or keys 1–8), the waiting
 * list in call order and the day at a glance. Destructive actions confirm; while offline or while an
 * action is in flight every action is disabled.
 */
export function CounterScreen(props: CounterScreenProps) {
  const {
    view,
    counterId,
    now,
    locale,
    pending,
    flash,
    onCommand,
    onToggleLocale,
    onDismissFlash,
    onExplain,
  } = props;
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const isOnline = view.status === 'online';
  const model = deriveTerminal(view.state, view.config, counterId, now, {
    isOnline,
    isBusy: pending !== null,
  });

  // The key handler reads the latest render through a ref, so it is attached once.
  const press = useRef<(action: ActionName) => void>(() => undefined);
  const isDialogOpen = useRef(false);
  isDialogOpen.current = dialog !== null;
  press.current = (action) => {
    if (!model) return;
    if (!model.availability[action]) {
      const reason = unavailableReason(model, action, { isOnline, isBusy: pending !== null });
      if (reason !== null) onExplain({ kind: 'error', text: translateBoth(reason) });
      return;
    }
    switch (action) {
      case 'next':
        return onCommand({ type: 'next' });
      case 'recall':
        return model.isRecallAtLimit ? setDialog({ kind: 'confirm-recall' }) : onCommand({ type: 'recall' });
      case 'start':
        return onCommand({ type: 'start' });
      case 'complete':
        return onCommand({ type: 'complete' });
      case 'noShow':
        return setDialog({ kind: 'confirm-no-show' });
      case 'transfer':
        return setDialog({ kind: 'transfer' });
      case 'callSpecific':
        return setDialog({ kind: 'call-specific', ticketId: null });
      case 'pauseOrResume':
        return model.counter.status === 'open' ? setDialog({ kind: 'pause' }) : onCommand({ type: 'resume' });
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isDialogOpen.current || isTyping(event.target)) return;
      const action = actionForKey(event.key);
      if (!action) return;
      event.preventDefault();
      press.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A dialog about a ticket that is gone (transferred elsewhere, completed by a manager) closes itself.
  const current = model?.current;
  useEffect(() => {
    if ((dialog?.kind === 'transfer' || dialog?.kind === 'confirm-no-show') && !current) setDialog(null);
  }, [dialog, current]);

  if (!model) return null;
  const run = (command: TerminalCommand): void => {
    setDialog(null);
    onCommand(command);
  };

  return (
    <div className="terminal">
      <TerminalHeader
        counter={model.counterConfig}
        counterStatus={model.counter.status}
        clerk={model.clerk}
        status={view.status}
        locale={locale}
        onToggleLocale={onToggleLocale}
        signOut={{
          isEnabled: isOnline && pending === null && model.current === undefined,
          onPress: () => setDialog({ kind: 'confirm-sign-out' }),
        }}
      />
      {!isOnline && <OfflineBanner locale={locale} />}
      <main className="terminal__main">
        <div className="terminal__work">
          <CurrentTicketCard model={model} config={view.config} now={now} locale={locale} />
          {/* A reserved line: a message appears without moving the buttons under the clerk's hand. */}
          <div className="flash-slot">
            {flash && <FlashMessage flash={flash} locale={locale} onDismiss={onDismissFlash} />}
          </div>
          <ActionPad
            model={model}
            config={view.config}
            locale={locale}
            pending={pending === null || pending === 'signOut' ? null : PENDING_ACTION[pending]}
            onPress={(action) => press.current(action)}
          />
        </div>
        <aside className="terminal__side">
          <DayPanel day={model.day} locale={locale} />
          <WaitingPanel
            model={model}
            config={view.config}
            counterId={counterId}
            now={now}
            locale={locale}
            onCallTicket={
              model.availability.callSpecific
                ? (ticket) => setDialog({ kind: 'call-specific', ticketId: ticket.id })
                : null
            }
          />
        </aside>
      </main>
      {dialog && renderDialog(dialog, model, props, run, () => setDialog(null))}
    </div>
  );
}

function renderDialog(
  dialog: OpenDialog,
  model: TerminalModel,
  { view, counterId, locale, onSignOut }: CounterScreenProps,
  run: (command: TerminalCommand) => void,
  close: () => void,
) {
  const ticket = model.current;
  switch (dialog.kind) {
    case 'confirm-no-show':
      return ticket ? (
        <ConfirmDialog
          title={translate(locale, 'counter.action.noShow')}
          message={translate(locale, 'counter.confirm.noShow', { ticket: ticket.number })}
          locale={locale}
          onConfirm={() => run({ type: 'noShow' })}
          onCancel={close}
        />
      ) : null;
    case 'confirm-recall':
      return ticket ? (
        <ConfirmDialog
          title={translate(locale, 'counter.action.recall')}
          message={translate(locale, 'counter.confirm.recallLimit', {
            ticket: ticket.number,
            limit: view.config.policy.recallLimit,
          })}
          locale={locale}
          onConfirm={() => run({ type: 'recall' })}
          onCancel={close}
        />
      ) : null;
    case 'confirm-sign-out':
      return (
        <ConfirmDialog
          title={translate(locale, 'counter.header.signOut')}
          message={translate(locale, 'counter.confirm.signOut')}
          locale={locale}
          onConfirm={() => {
            close();
            onSignOut();
          }}
          onCancel={close}
        />
      );
    case 'transfer':
      return ticket ? (
        <TransferDialog
          ticket={ticket}
          state={view.state}
          config={view.config}
          ownCounterId={counterId}
          locale={locale}
          onSubmit={(choice) => run({ type: 'transfer', ticketId: ticket.id, ...choice })}
          onCancel={close}
        />
      ) : null;
    case 'call-specific':
      return (
        <CallSpecificDialog
          tickets={model.order}
          initialTicketId={dialog.ticketId}
          config={view.config}
          locale={locale}
          onSubmit={(ticketId, reason) => run({ type: 'callSpecific', ticketId, reason })}
          onCancel={close}
        />
      );
    case 'pause':
      return (
        <PauseDialog locale={locale} onSubmit={(reason) => run({ type: 'pause', reason })} onCancel={close} />
      );
  }
}

/** What the last action did, or why it was refused, in the clerk's language. */
function FlashMessage({
  flash,
  locale,
  onDismiss,
}: {
  readonly flash: Flash;
  readonly locale: Locale;
  readonly onDismiss: () => void;
}) {
  return (
    <div
      className={`flash flash--${flash.kind}`}
      role={flash.kind === 'error' ? 'alert' : 'status'}
      data-testid="flash"
    >
      <span>{flash.text[locale]}</span>
      <button
        type="button"
        className="flash__close"
        onClick={onDismiss}
        aria-label={translate(locale, 'counter.message.dismiss')}
      >
        ×
      </button>
    </div>
  );
}
