import type { PriorityGroupConfig, PriorityGroupId } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { localizedName, translate } from '@luot/shared/text';

/** Props of the ticket-type step (regular or a priority group). */
export type PriorityScreenProps = {
  readonly groups: readonly PriorityGroupConfig[];
  readonly locale: Locale;
  /** The group awaiting confirmation, if a priority button was touched. */
  readonly confirming: PriorityGroupId | null;
  readonly onRegular: () => void;
  readonly onPick: (groupId: PriorityGroupId) => void;
  readonly onConfirm: (groupId: PriorityGroupId) => void;
  readonly onCancel: () => void;
};

/**
 * The last step: a regular ticket is the one big green button; the priority groups are listed beside it
 * under their own heading, easy to find, and a priority ticket takes a second, deliberate touch on a
 * confirmation that names the group, so it is hard to take one by accident.
 */
export function PriorityScreen(props: PriorityScreenProps) {
  const { locale } = props;
  const confirming = props.groups.find((group) => group.id === props.confirming);
  return (
    <>
      <h1 className="kiosk-title">{translate(locale, 'kiosk.priority.title')}</h1>
      <div className="kiosk-priority">
        <button
          type="button"
          className="kiosk-priority__regular"
          data-testid="regular"
          onClick={props.onRegular}
        >
          <span className="kiosk-priority__regular-label">{translate(locale, 'kiosk.priority.regular')}</span>
          <span className="kiosk-priority__regular-hint">
            {translate(locale, 'kiosk.priority.regularHint')}
          </span>
        </button>
        <section className="kiosk-priority__groups" aria-labelledby="priority-heading">
          <h2 id="priority-heading" className="kiosk-priority__heading">
            <span className="kiosk-priority__badge" aria-hidden="true">
              ★
            </span>
            {translate(locale, 'kiosk.priority.heading')}
          </h2>
          {props.groups.map((group) => (
            <button
              key={group.id}
              type="button"
              className="kiosk-priority__group"
              data-testid={`priority-${group.id}`}
              onClick={() => props.onPick(group.id)}
            >
              {localizedName(group.name, locale)}
            </button>
          ))}
        </section>
      </div>
      {confirming ? (
        <div
          className="kiosk-dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="confirm-title"
          data-testid="confirm"
        >
          <div className="kiosk-dialog__box">
            <h2 id="confirm-title" className="kiosk-dialog__title">
              {translate(locale, 'kiosk.priority.confirmTitle')}
            </h2>
            <p className="kiosk-dialog__question">
              {translate(locale, 'kiosk.priority.confirmQuestion', {
                group: localizedName(confirming.name, locale),
              })}
            </p>
            <p className="kiosk-dialog__note">{translate(locale, 'kiosk.priority.confirmNote')}</p>
            <div className="kiosk-dialog__actions">
              <button
                type="button"
                className="kiosk-dialog__no"
                data-testid="confirm-no"
                onClick={props.onCancel}
              >
                {translate(locale, 'kiosk.priority.confirmNo')}
              </button>
              <button
                type="button"
                className="kiosk-dialog__yes"
                data-testid="confirm-yes"
                onClick={() => props.onConfirm(confirming.id)}
              >
                {translate(locale, 'kiosk.priority.confirmYes')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
