import type { Locale } from '@luot/shared/text';
import { localizedName, translate } from '@luot/shared/text';
import type { FieldChoice, ServiceChoice } from './catalogue.ts';
import { ChoiceButton, PagedChoices } from './PagedChoices.tsx';
import { unavailableText } from './reason-text.ts';

/** Props of the service step. */
export type ServiceScreenProps = {
  readonly field: FieldChoice;
  readonly locale: Locale;
  readonly columns: number;
  readonly rows: number;
  readonly page: number;
  readonly onPage: (page: number) => void;
  readonly onChoose: (service: ServiceChoice) => void;
};

/** Choose a service of the field; closed, suspended and sold-out services are disabled with the reason. */
export function ServiceScreen(props: ServiceScreenProps) {
  const { locale } = props;
  return (
    <>
      <h1 className="kiosk-title">
        {translate(locale, 'kiosk.services.title')}
        <span className="kiosk-title__context"> · {localizedName(props.field.field.name, locale)}</span>
      </h1>
      <PagedChoices
        items={props.field.services}
        columns={props.columns}
        rows={props.rows}
        page={props.page}
        onPage={props.onPage}
        locale={locale}
        keyOf={(choice) => choice.service.id}
        render={(choice) => (
          <ChoiceButton
            testId={`service-${choice.service.id}`}
            title={localizedName(choice.service.name, locale)}
            subtitle={translate(locale, 'kiosk.services.waiting', { count: choice.waiting })}
            reason={choice.unavailable ? unavailableText(locale, choice.unavailable) : null}
            onChoose={() => props.onChoose(choice)}
          />
        )}
      />
    </>
  );
}
