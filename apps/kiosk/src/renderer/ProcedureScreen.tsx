import type { ProcedureConfig, ProcedureId, ServiceConfig } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { localizedName, translate } from '@luot/shared/text';
import { ChoiceButton, PagedChoices } from './PagedChoices.tsx';

/** Props of the optional procedure (thủ tục) step. */
export type ProcedureScreenProps = {
  readonly service: ServiceConfig;
  readonly locale: Locale;
  readonly columns: number;
  readonly rows: number;
  readonly page: number;
  readonly onPage: (page: number) => void;
  readonly onChoose: (procedureId: ProcedureId | null) => void;
};

type ProcedureItem =
  { readonly kind: 'procedure'; readonly procedure: ProcedureConfig } | { readonly kind: 'other' };

/**
 * Choose a procedure when the service lists some. "Another procedure, or not sure" is always offered
 * last: a visitor who does not know the name of their procedure still gets a ticket.
 */
export function ProcedureScreen(props: ProcedureScreenProps) {
  const { locale } = props;
  const items: ProcedureItem[] = [
    ...props.service.procedures.map((procedure): ProcedureItem => ({ kind: 'procedure', procedure })),
    { kind: 'other' },
  ];
  return (
    <>
      <h1 className="kiosk-title">
        {translate(locale, 'kiosk.procedures.title')}
        <span className="kiosk-title__context"> · {localizedName(props.service.name, locale)}</span>
      </h1>
      <PagedChoices
        items={items}
        columns={props.columns}
        rows={props.rows}
        page={props.page}
        onPage={props.onPage}
        locale={locale}
        keyOf={(item) => (item.kind === 'other' ? '(other)' : item.procedure.id)}
        render={(item) =>
          item.kind === 'other' ? (
            <ChoiceButton
              testId="procedure-other"
              title={translate(locale, 'kiosk.procedures.other')}
              onChoose={() => props.onChoose(null)}
            />
          ) : (
            <ChoiceButton
              testId={`procedure-${item.procedure.id}`}
              title={localizedName(item.procedure.name, locale)}
              onChoose={() => props.onChoose(item.procedure.id)}
            />
          )
        }
      />
    </>
  );
}
