import { useEffect, useRef, useState } from 'react';
import type { HallConnection } from '@luot/client';
import { useHallView, useNow } from '@luot/client/react';
import type { LocalizedText, TicketId } from '@luot/shared/domain';
import { findCounter } from '@luot/shared/domain';
import { translateBoth, translateErrorCode } from '@luot/shared/text';
import { FeedbackScreen } from './FeedbackScreen.tsx';
import { PairingScreen } from './PairingScreen.tsx';
import { useDeviceLink } from './device-link.ts';
import type { FeedbackMemory } from './feedback-model.ts';
import { FRESH_MEMORY, feedbackPhase, ratingScale } from './feedback-model.ts';

/** How long a refusal stays on the tablet. */
const ERROR_MS = 6_000;

/** The feedback tablet page: pairing (as a 'feedback' device), then the citizen-facing screen. */
export function FeedbackApp() {
  const link = useDeviceLink('counter-feedback', 'feedback');
  if (!link.connection) {
    return (
      <PairingScreen
        hint="counter.pairing.feedbackHint"
        device="counter.pairing.deviceFeedback"
        problem={link.problem}
        isPairing={link.isPairing}
        onPair={link.pair}
      />
    );
  }
  return <ConnectedFeedback connection={link.connection} />;
}

function ConnectedFeedback({ connection }: { readonly connection: HallConnection }) {
  const view = useHallView(connection);
  const now = useNow(500, view.clockOffsetMs);
  const [memory, setMemory] = useState<FeedbackMemory>(FRESH_MEMORY);
  const [lowRating, setLowRating] = useState<{ readonly ticketId: TicketId; readonly rating: number } | null>(
    null,
  );
  const [selectedReasons, setSelectedReasons] = useState<readonly number[]>([]);
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<LocalizedText | null>(null);
  const isBusy = useRef(false);

  useEffect(() => {
    if (error === null) return undefined;
    const timer = setTimeout(() => setError(null), ERROR_MS);
    return () => clearTimeout(timer);
  }, [error]);

  const { state, config, identity } = view;
  const counterId = identity?.counterId ?? null;
  const counter = config && counterId ? findCounter(config, counterId) : undefined;
  if (!state || !config || !counterId || !counter) {
    return (
      <main className="pairing">
        <p className="pairing__card" role="status">
          {translateBoth('counter.connection.connecting').vi}
        </p>
      </main>
    );
  }

  const phase = feedbackPhase(state, config, counterId, now, memory);
  const askedTicketId = phase.kind === 'asking' ? phase.ticket.id : null;
  // A reasons step left open for a ticket that is no longer asked about is dropped.
  const activeLowRating = lowRating !== null && lowRating.ticketId === askedTicketId ? lowRating : null;
  const touch = (): void =>
    setMemory((previous) => ({ ...previous, lastInteractionAt: Date.now() + view.clockOffsetMs }));

  const send = (ticketId: TicketId, rating: number, reasons: readonly string[]): void => {
    if (isBusy.current) return;
    isBusy.current = true;
    setSending(true);
    void connection
      .send('feedback:rate', { ticketId, rating, reasons: [...reasons] })
      .then((ack) => {
        const at = Date.now() + connection.current.clockOffsetMs;
        // ALREADY_RATED means the rating is stored (a retry after a blip, or a second tap): thank all the same.
        if (ack.ok || ack.error.code === 'ALREADY_RATED') {
          setMemory((previous) => ({ ...previous, rated: { ticketId, at } }));
        } else {
          setError({
            vi: translateErrorCode('vi', ack.error.code),
            en: translateErrorCode('en', ack.error.code),
          });
          setMemory((previous) => ({ ...previous, dismissed: new Set([...previous.dismissed, ticketId]) }));
        }
        setLowRating(null);
        setSelectedReasons([]);
      })
      .finally(() => {
        isBusy.current = false;
        setSending(false);
      });
  };

  const { lowest } = ratingScale(config);
  const reasons = config.satisfaction.lowRatingReasons;

  return (
    <div className="tablet-shell" onPointerDown={touch}>
      <FeedbackScreen
        config={config}
        counter={counter}
        status={view.status}
        phase={phase}
        lowRating={activeLowRating?.rating ?? null}
        selectedReasons={selectedReasons}
        isSending={isSending}
        error={error}
        onRate={(rating) => {
          if (askedTicketId === null) return;
          if (rating === lowest && reasons.length > 0) {
            setLowRating({ ticketId: askedTicketId, rating });
            setSelectedReasons([]);
          } else {
            send(askedTicketId, rating, []);
          }
        }}
        onToggleReason={(index) =>
          setSelectedReasons((previous) =>
            previous.includes(index) ? previous.filter((other) => other !== index) : [...previous, index],
          )
        }
        onSubmitReasons={() => {
          if (!activeLowRating) return;
          // Reasons are stored in the hall's language, as configured, for the manager's reports.
          const chosen = selectedReasons.flatMap((index) => {
            const reason = reasons[index];
            return reason ? [reason.vi] : [];
          });
          send(activeLowRating.ticketId, activeLowRating.rating, chosen);
        }}
        onBack={() => {
          setLowRating(null);
          setSelectedReasons([]);
        }}
      />
    </div>
  );
}
