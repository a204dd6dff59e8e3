import type { Locale } from '@luot/shared/text';
import { localizedName, translate } from '@luot/shared/text';
import type { FieldChoice } from './catalogue.ts';
import { ChoiceButton, PagedChoices } from './PagedChoices.tsx';
import { unavailableText } from './reason-text.ts';

/** Props of the field (lĩnh vực) step. */
export type FieldScreenProps = {
  readonly fields: readonly FieldChoice[];
  readonly locale: Locale;
  readonly columns: number;
  readonly rows: number;
  readonly page: number;
  readonly onPage: (page: number) => void;
  readonly onChoose: (field: FieldChoice) => void;
};

/**
 * Choose a field. A field with one service names that service under it (and goes straight on); a field
 * with several says how many. A field where nothing can be taken now is disabled with the reason.
 */
export function FieldScreen(props: FieldScreenProps) {
  const { locale } = props;
  return (
    <>
      <h1 className="kiosk-title">{translate(locale, 'kiosk.fields.title')}</h1>
      <PagedChoices
        items={props.fields}
        columns={props.columns}
        rows={props.rows}
        page={props.page}
        onPage={props.onPage}
        locale={locale}
        keyOf={(choice) => choice.field.id}
        render={(choice) => {
          const single = choice.services.length === 1 ? choice.services[0] : undefined;
          const subtitle = single
            ? localizedName(single.service.name, locale)
            : translate(locale, 'kiosk.fields.serviceCount', { count: choice.services.length });
          return (
            <ChoiceButton
              testId={`field-${choice.field.id}`}
              title={localizedName(choice.field.name, locale)}
              subtitle={subtitle}
              reason={choice.unavailable ? unavailableText(locale, choice.unavailable) : null}
              onChoose={() => props.onChoose(choice)}
            />
          );
        }}
      />
    </>
  );
}
