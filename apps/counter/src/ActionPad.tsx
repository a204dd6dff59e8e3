import type { HallConfig } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import type { ActionName, TerminalModel } from './terminal-model.ts';
import { ACTION_KEYS, ACTION_NAMES } from './terminal-model.ts';

/** Props of {@link ActionPad}. */
export interface ActionPadProps {
  readonly model: TerminalModel;
  readonly config: HallConfig;
  readonly locale: Locale;
  /** The action in flight, shown as "working" on its button (all buttons are disabled meanwhile). */
  readonly pending: ActionName | null;
  readonly onPress: (action: ActionName) => void;
}

interface ButtonText {
  readonly label: string;
  readonly detail: string | null;
  readonly hint: string | null;
  readonly tone: 'primary' | 'good' | 'danger' | 'plain';
}

function buttonText(
  action: ActionName,
  model: TerminalModel,
  config: HallConfig,
  locale: Locale,
): ButtonText {
  const limit = config.policy.recallLimit;
  switch (action) {
    case 'next': {
      const status = model.current?.status;
      const hint =
        status === 'serving'
          ? translate(locale, 'counter.action.nextCompletes')
          : status === 'called'
            ? translate(locale, 'counter.action.nextBlocked')
            : null;
      return {
        label: translate(locale, 'counter.action.next'),
        detail: translate(locale, 'counter.waiting.count', { count: model.order.length }),
        hint,
        tone: 'primary',
      };
    }
    case 'recall':
      return {
        label: translate(locale, 'counter.action.recall'),
        detail:
          model.current?.status !== 'called'
            ? null
            : model.isRecallAtLimit
              ? translate(locale, 'counter.action.recallMarksNoShow')
              : translate(locale, 'counter.action.recallCount', { count: model.recalls, limit }),
        hint: translate(locale, 'counter.action.recallHint', { limit }),
        tone: model.isRecallAtLimit ? 'danger' : 'plain',
      };
    case 'start':
      return { label: translate(locale, 'counter.action.start'), detail: null, hint: null, tone: 'good' };
    case 'complete':
      return { label: translate(locale, 'counter.action.complete'), detail: null, hint: null, tone: 'good' };
    case 'noShow':
      return { label: translate(locale, 'counter.action.noShow'), detail: null, hint: null, tone: 'danger' };
    case 'transfer':
      return { label: translate(locale, 'counter.action.transfer'), detail: null, hint: null, tone: 'plain' };
    case 'callSpecific':
      return {
        label: translate(locale, 'counter.action.callSpecific'),
        detail: null,
        hint: null,
        tone: 'plain',
      };
    case 'pauseOrResume':
      return model.counter.status === 'open'
        ? { label: translate(locale, 'counter.action.pause'), detail: null, hint: null, tone: 'plain' }
        : { label: translate(locale, 'counter.action.resume'), detail: null, hint: null, tone: 'good' };
  }
}

/**
 * The eight actions as large buttons, each with its key printed on it. Buttons that make no sense now
 * are disabled, never hidden, so the layout never moves under the clerk's hand.
 */
export function ActionPad({ model, config, locale, pending, onPress }: ActionPadProps) {
  return (
    <div className="actions" role="group" aria-label={translate(locale, 'counter.action.group')}>
      {ACTION_NAMES.map((action) => {
        const text = buttonText(action, model, config, locale);
        const key = ACTION_KEYS[action];
        const isPending = pending === action;
        return (
          <button
            key={action}
            type="button"
            className={`action action--${text.tone}${isPending ? ' action--pending' : ''}`}
            data-action={action}
            disabled={!model.availability[action] || pending !== null}
            aria-keyshortcuts={key}
            aria-busy={isPending}
            title={[text.hint, translate(locale, 'counter.action.key', { key })].filter(Boolean).join(' — ')}
            onClick={() => onPress(action)}
          >
            <span className="action__key" aria-hidden="true">
              {key}
            </span>
            <span className="action__label">{text.label}</span>
            <span className="action__detail">
              {isPending ? translate(locale, 'counter.action.working') : (text.detail ?? '\u00a0')}
            </span>
          </button>
        );
      })}
    </div>
  );
}
