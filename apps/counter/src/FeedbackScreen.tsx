import type { ConnectionStatus } from '@luot/client';
import type { CounterConfig, HallConfig, LocalizedText } from '@luot/shared/domain';
import { translateBoth } from '@luot/shared/text';
import { Face } from './Face.tsx';
import type { FeedbackPhase } from './feedback-model.ts';
import { moodOf, ratingScale } from './feedback-model.ts';

/** Props of {@link FeedbackScreen}: what to show and what a tap does, no socket. */
export interface FeedbackScreenProps {
  readonly config: HallConfig;
  readonly counter: CounterConfig;
  readonly status: ConnectionStatus;
  readonly phase: FeedbackPhase;
  /** Set once the citizen picked the lowest level: the optional reasons come next. */
  readonly lowRating: number | null;
  /** Indexes into `config.satisfaction.lowRatingReasons`. */
  readonly selectedReasons: readonly number[];
  readonly isSending: boolean;
  readonly error: LocalizedText | null;
  readonly onRate: (rating: number) => void;
  readonly onToggleReason: (index: number) => void;
  readonly onSubmitReasons: () => void;
  readonly onBack: () => void;
}

/**
 * Vietnamese large, English under it: citizens read either. The space between them keeps the two
 * apart in a button's accessible name ("Rất hài lòng Very satisfied").
 */
function Both({ text, className }: { readonly text: LocalizedText; readonly className?: string }) {
  return (
    <span className={className}>
      <span lang="vi">{text.vi}</span>{' '}
      <span className="en" lang="en">
        {text.en}
      </span>
    </span>
  );
}

/**
 * The citizen-facing tablet at a counter: the number being served and the clerk, then a rating on the
 * hall's scale (large faces), optional reasons after the lowest rating, and thanks.
 */
export function FeedbackScreen(props: FeedbackScreenProps) {
  const { config, counter, status, phase } = props;
  return (
    <div
      className="tablet"
      data-phase={props.lowRating !== null && phase.kind === 'asking' ? 'reasons' : phase.kind}
    >
      <header className="tablet__header">
        <span className="tablet__counter">
          <span className="header__number">{counter.number}</span>
          <Both text={counter.name} className="tablet__counter-name" />
        </span>
        <span className="tablet__hall">{config.hall.name}</span>
        {status !== 'online' && (
          <span className="connection connection--offline" role="status" aria-label="offline" />
        )}
      </header>
      <main className="tablet__main">{renderPhase(props)}</main>
      {props.error && (
        <div className="tablet__error" role="alert">
          <Both text={props.error} />
        </div>
      )}
    </div>
  );
}

function renderPhase(props: FeedbackScreenProps) {
  const { phase, config } = props;
  switch (phase.kind) {
    case 'idle':
      return (
        <section className="tablet__idle">
          <h1 className="tablet__title">
            <Both text={translateBoth('feedback.idle.title')} />
          </h1>
          <p className="tablet__subtitle">
            <Both text={translateBoth('feedback.idle.subtitle')} />
          </p>
        </section>
      );
    case 'serving':
      return (
        <section className="tablet__serving">
          <h1 className="tablet__label">
            <Both text={translateBoth('feedback.serving.ticket')} />
          </h1>
          <div className="tablet__number" data-testid="feedback-number">
            {phase.ticket.number}
          </div>
          {phase.clerk && (
            <div className="tablet__clerk" data-testid="feedback-clerk">
              <div className="tablet__label">
                <Both text={translateBoth('feedback.serving.clerk')} />
              </div>
              <div className="tablet__clerk-name">{phase.clerk.name}</div>
              <div className="tablet__clerk-title">{phase.clerk.title}</div>
            </div>
          )}
        </section>
      );
    case 'asking':
      return props.lowRating !== null ? renderReasons(props) : renderAsk(props, phase.ticket.number, config);
    case 'thanks':
      return (
        <section className="tablet__thanks" data-testid="feedback-thanks">
          <Face mood={1} size={160} />
          <h1 className="tablet__title">
            <Both text={translateBoth('feedback.thanks.title')} />
          </h1>
          <p className="tablet__subtitle">
            <Both text={translateBoth('feedback.thanks.subtitle')} />
          </p>
        </section>
      );
  }
}

function renderAsk(props: FeedbackScreenProps, number: string, config: HallConfig) {
  const { levels } = ratingScale(config);
  const ticket = translateBoth('feedback.ask.ticket', { ticket: number });
  return (
    <section className="tablet__ask">
      <p className="tablet__ticket">
        <Both text={ticket} />
      </p>
      <h1 className="tablet__question">
        <Both text={translateBoth('feedback.ask.title')} />
      </h1>
      <div className="ratings" style={{ gridTemplateColumns: `repeat(${levels.length}, 1fr)` }}>
        {levels.map((level) => (
          <button
            key={level.value}
            type="button"
            className="rating"
            data-rating={level.value}
            disabled={props.isSending}
            onClick={() => props.onRate(level.value)}
          >
            <Face mood={moodOf(config, level.value)} />
            <Both text={level.label} className="rating__label" />
          </button>
        ))}
      </div>
      {props.isSending && (
        <p className="tablet__sending" role="status">
          <Both text={translateBoth('feedback.sending')} />
        </p>
      )}
    </section>
  );
}

function renderReasons(props: FeedbackScreenProps) {
  const reasons = props.config.satisfaction.lowRatingReasons;
  return (
    <section className="tablet__reasons">
      <h1 className="tablet__question">
        <Both text={translateBoth('feedback.reasons.title')} />
      </h1>
      <div className="reasons">
        {reasons.map((reason, index) => {
          const isOn = props.selectedReasons.includes(index);
          return (
            <button
              key={reason.vi}
              type="button"
              className={isOn ? 'reason reason--on' : 'reason'}
              aria-pressed={isOn}
              disabled={props.isSending}
              onClick={() => props.onToggleReason(index)}
            >
              <span className="reason__box" aria-hidden="true">
                {isOn ? '✓' : ''}
              </span>
              <Both text={reason} />
            </button>
          );
        })}
      </div>
      <div className="tablet__buttons">
        <button
          type="button"
          className="button button--large"
          disabled={props.isSending}
          onClick={props.onBack}
        >
          <Both text={translateBoth('feedback.reasons.back')} />
        </button>
        <button
          type="button"
          className="button button--primary button--large"
          disabled={props.isSending}
          onClick={props.onSubmitReasons}
        >
          <Both
            text={
              props.isSending ? translateBoth('feedback.sending') : translateBoth('feedback.reasons.submit')
            }
          />
        </button>
      </div>
    </section>
  );
}
