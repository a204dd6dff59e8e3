import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ConnectionStatus } from '@luot/client';
import type {
  FieldId,
  HallConfig,
  PriorityGroupId,
  ProcedureId,
  QueueState,
  ServiceId,
} from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';
import type { TicketLogo } from '@luot/shared/ticket';
import type { BridgePrinterStatus } from '../bridge.ts';
import { kioskCatalogue, type FieldChoice, type ServiceChoice } from './catalogue.ts';
import { FieldScreen } from './FieldScreen.tsx';
import { IssuingScreen } from './IssuingScreen.tsx';
import {
  issueAndPrint,
  type HallPort,
  type IssuedTicket,
  type Refusal,
  type TicketRequest,
} from './issue-flow.ts';
import { PriorityScreen } from './PriorityScreen.tsx';
import { canPrintIn, type PrinterPort } from './printer-port.ts';
import { ProcedureScreen } from './ProcedureScreen.tsx';
import { printerText } from './reason-text.ts';
import { RefusalScreen } from './RefusalScreen.tsx';
import { ResultScreen } from './ResultScreen.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { ServiceScreen } from './ServiceScreen.tsx';
import { gridShape, useOrientation } from './use-orientation.ts';
import { WelcomeScreen, type KioskUnavailable } from './WelcomeScreen.tsx';

/** Where the visitor is in the flow. */
type Step =
  | { readonly kind: 'welcome' }
  | { readonly kind: 'fields'; readonly page: number }
  | { readonly kind: 'services'; readonly fieldId: FieldId; readonly page: number }
  | { readonly kind: 'procedures'; readonly serviceId: ServiceId; readonly page: number }
  | {
      readonly kind: 'priority';
      readonly serviceId: ServiceId;
      readonly procedureId: ProcedureId | null;
      readonly confirming: PriorityGroupId | null;
    }
  | { readonly kind: 'issuing' }
  | { readonly kind: 'result'; readonly issued: IssuedTicket }
  | { readonly kind: 'refused'; readonly refusal: Refusal; readonly request: TicketRequest };

/** Timings of the flow; tests shorten them. */
export type FlowTimings = {
  /** Touches in this window after a screen appears are ignored: a double tap never hits the next screen. */
  readonly tapGuardMs: number;
  /** A visitor who walks away mid-flow: back to the welcome screen after this long without a touch. */
  readonly idleMs: number;
  /** How long the result stays up (seconds), and longer when the number could not be printed. */
  readonly resultSeconds: number;
  readonly printFailedSeconds: number;
  readonly refusalSeconds: number;
};

/** The defaults: a calm pace for elderly visitors. */
export const DEFAULT_TIMINGS: FlowTimings = {
  tapGuardMs: 350,
  idleMs: 60_000,
  resultSeconds: 20,
  printFailedSeconds: 60,
  refusalSeconds: 30,
};

/** Props of the visitor's flow. */
export type KioskFlowProps = {
  readonly config: HallConfig;
  readonly state: QueueState;
  readonly status: ConnectionStatus;
  /** Server time (the kiosk PC's clock may be off). */
  readonly now: number;
  readonly hall: HallPort;
  readonly printer: PrinterPort;
  /** The last printer status seen (null before the first read). */
  readonly printerStatus: BridgePrinterStatus | null;
  readonly onPrinterStatus: (status: BridgePrinterStatus) => void;
  readonly origin: string;
  /** The hall's logo for printed tickets (null when none). */
  readonly logo?: TicketLogo | null;
  readonly timings?: Partial<FlowTimings>;
};

const RETRYABLE: ReadonlySet<string> = new Set(['INTERNAL', 'RATE_LIMITED', 'PRINTER_UNAVAILABLE']);

/**
 * The visitor's touch flow: welcome → field → service → (procedure) → (ticket type) → the number.
 * Each step is one screen of large buttons; "back" and "start over" are always at the bottom. A ticket
 * is asked for once per visit however many times the last button is touched.
 */
export function KioskFlow(props: KioskFlowProps) {
  const timings = { ...DEFAULT_TIMINGS, ...props.timings };
  const { config, state } = props;
  const [history, setHistory] = useState<readonly Step[]>([{ kind: 'welcome' }]);
  const [locale, setLocale] = useState<Locale>('vi');
  const [isReady, setIsReady] = useState(true);
  /** How many times the guard started (a new screen or dialog), so tests can tell screens apart. */
  const [guardCount, setGuardCount] = useState(0);
  const [activity, setActivity] = useState(0);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const enteredAt = useRef(0);
  const isIssuing = useRef(false);
  const step = history[history.length - 1] ?? { kind: 'welcome' };
  const orientation = useOrientation();
  const { columns, rows } = gridShape(orientation);

  const minute = Math.floor(props.now / 60_000);
  const catalogue = useMemo(
    () => kioskCatalogue(config, state, minute * 60_000),
    // Opening hours have minute resolution: recompute on a new minute, not every clock tick.
    [config, state, minute],
  );

  // Every new screen starts with a short guard against the second half of a double tap.
  const startGuard = useCallback(() => {
    enteredAt.current = performance.now();
    setGuardCount((count) => count + 1);
    setIsReady(timings.tapGuardMs <= 0);
  }, [timings.tapGuardMs]);
  const enter = useCallback(
    (next: readonly Step[]) => {
      startGuard();
      setHistory(next);
    },
    [startGuard],
  );
  useEffect(() => {
    if (isReady) return;
    const timer = setTimeout(() => setIsReady(true), timings.tapGuardMs);
    return () => clearTimeout(timer);
  }, [isReady, guardCount, timings.tapGuardMs]);
  const guarded =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A): void => {
      if (performance.now() - enteredAt.current < timings.tapGuardMs) return;
      action(...args);
    };

  const go = (next: Step): void => enter([...history, next]);
  const replace = (next: Step): void => setHistory([...history.slice(0, -1), next]);
  const back = (): void => enter(history.length > 1 ? history.slice(0, -1) : history);
  const home = useCallback((): void => {
    setLocale('vi');
    enter([{ kind: 'welcome' }]);
  }, [enter]);

  const issue = (request: TicketRequest): void => {
    if (isIssuing.current) return;
    isIssuing.current = true;
    enter([{ kind: 'welcome' }, { kind: 'issuing' }]);
    void issueAndPrint(request, {
      hall: props.hall,
      printer: props.printer,
      config,
      origin: props.origin,
      onPrinterStatus: props.onPrinterStatus,
      logo: props.logo ?? null,
    })
      .catch((): { kind: 'refused'; refusal: Refusal } => ({
        kind: 'refused',
        refusal: { kind: 'server', code: 'INTERNAL' },
      }))
      .then((result) => {
        isIssuing.current = false;
        enter([
          { kind: 'welcome' },
          result.kind === 'issued'
            ? { kind: 'result', issued: result.issued }
            : { kind: 'refused', refusal: result.refusal, request },
        ]);
      });
  };

  const afterProcedure = (serviceId: ServiceId, procedureId: ProcedureId | null): void => {
    if (config.priorityGroups.length === 0) issue({ serviceId, procedureId, priorityGroupId: null });
    else go({ kind: 'priority', serviceId, procedureId, confirming: null });
  };
  const chooseService = (choice: ServiceChoice): void => {
    if (choice.unavailable) return;
    if (choice.service.procedures.length > 0)
      go({ kind: 'procedures', serviceId: choice.service.id, page: 0 });
    else afterProcedure(choice.service.id, null);
  };
  const chooseField = (choice: FieldChoice): void => {
    const single = choice.services.length === 1 ? choice.services[0] : undefined;
    if (single) chooseService(single);
    else go({ kind: 'services', fieldId: choice.field.id, page: 0 });
  };
  const start = (): void => {
    const only = catalogue.length === 1 ? catalogue[0] : undefined;
    if (only && only.services.length > 1) go({ kind: 'services', fieldId: only.field.id, page: 0 });
    else go({ kind: 'fields', page: 0 });
  };

  // Result and refusal screens count down and go home by themselves.
  const countdownFrom =
    step.kind === 'result'
      ? step.issued.isPrinted
        ? timings.resultSeconds
        : timings.printFailedSeconds
      : step.kind === 'refused'
        ? timings.refusalSeconds
        : 0;
  useEffect(() => {
    if (countdownFrom === 0) return;
    const endsAt = Date.now() + countdownFrom * 1_000;
    setSecondsLeft(countdownFrom);
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1_000));
      setSecondsLeft(left);
      if (left === 0) {
        clearInterval(timer);
        home();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [step, countdownFrom, home]);

  // A visitor who walks away mid-choice: back to the start, in Vietnamese, after a minute.
  const isChoosing =
    step.kind === 'fields' ||
    step.kind === 'services' ||
    step.kind === 'procedures' ||
    step.kind === 'priority';
  useEffect(() => {
    if (!isChoosing) return;
    const timer = setTimeout(home, timings.idleMs);
    return () => clearTimeout(timer);
  }, [isChoosing, step, activity, home, timings.idleMs]);

  const hallName = config.hall.name;
  const timeZone = config.hall.timeZone;
  const isOnline = props.status === 'online';
  const banner = isOnline ? null : translate(locale, 'kiosk.unavailable.offline');
  const frame = {
    hallName,
    now: props.now,
    timeZone,
    locale,
    onLocale: setLocale,
    banner,
    onBack: guarded(back),
    onHome: guarded(home),
  };

  let screen;
  switch (step.kind) {
    case 'welcome': {
      const unavailable: KioskUnavailable = !isOnline
        ? { message: translate(locale, 'kiosk.unavailable.offline') }
        : props.printerStatus && !canPrintIn(props.printerStatus.state)
          ? {
              message: `${printerText(locale, props.printerStatus.state)} ${translate(locale, 'kiosk.unavailable.staff')}`,
            }
          : catalogue.every((field) => field.unavailable !== null)
            ? { message: translate(locale, 'kiosk.reason.noService') }
            : null;
      screen = (
        <WelcomeScreen
          hallName={hallName}
          now={props.now}
          timeZone={timeZone}
          locale={locale}
          onLocale={setLocale}
          unavailable={unavailable}
          isScreenPrinter={props.printer.isScreen}
          onStart={guarded(start)}
        />
      );
      break;
    }
    case 'fields':
      screen = (
        <ScreenFrame name="fields" {...frame}>
          <FieldScreen
            fields={catalogue}
            locale={locale}
            columns={columns}
            rows={rows}
            page={step.page}
            onPage={(page) => replace({ ...step, page })}
            onChoose={guarded(chooseField)}
          />
        </ScreenFrame>
      );
      break;
    case 'services': {
      const field = catalogue.find((choice) => choice.field.id === step.fieldId);
      screen = (
        <ScreenFrame name="services" {...frame}>
          {field ? (
            <ServiceScreen
              field={field}
              locale={locale}
              columns={columns}
              rows={rows}
              page={step.page}
              onPage={(page) => replace({ ...step, page })}
              onChoose={guarded(chooseService)}
            />
          ) : null}
        </ScreenFrame>
      );
      break;
    }
    case 'procedures': {
      const service = config.services.find((candidate) => candidate.id === step.serviceId);
      screen = (
        <ScreenFrame name="procedures" {...frame}>
          {service ? (
            <ProcedureScreen
              service={service}
              locale={locale}
              columns={columns}
              rows={rows}
              page={step.page}
              onPage={(page) => replace({ ...step, page })}
              onChoose={guarded((procedureId: ProcedureId | null) =>
                afterProcedure(step.serviceId, procedureId),
              )}
            />
          ) : null}
        </ScreenFrame>
      );
      break;
    }
    case 'priority':
      screen = (
        <ScreenFrame name="priority" {...frame}>
          <PriorityScreen
            groups={config.priorityGroups}
            locale={locale}
            confirming={step.confirming}
            onRegular={guarded(() =>
              issue({ serviceId: step.serviceId, procedureId: step.procedureId, priorityGroupId: null }),
            )}
            onPick={guarded((groupId: PriorityGroupId) => {
              // The dialog's buttons appear where a double tap's second half would land.
              startGuard();
              replace({ ...step, confirming: groupId });
            })}
            onConfirm={guarded((groupId: PriorityGroupId) =>
              issue({ serviceId: step.serviceId, procedureId: step.procedureId, priorityGroupId: groupId }),
            )}
            onCancel={guarded(() => {
              // "No" sits over "Lấy số thường": guard it too, so a double tap takes no regular ticket.
              startGuard();
              replace({ ...step, confirming: null });
            })}
          />
        </ScreenFrame>
      );
      break;
    case 'issuing':
      screen = <IssuingScreen locale={locale} />;
      break;
    case 'result':
      screen = (
        <ResultScreen
          issued={step.issued}
          config={config}
          locale={locale}
          secondsLeft={secondsLeft > 0 ? secondsLeft : countdownFrom}
          onDone={guarded(home)}
        />
      );
      break;
    case 'refused': {
      const isRetryable =
        step.refusal.kind === 'offline' ||
        (step.refusal.kind === 'server' && RETRYABLE.has(step.refusal.code));
      const request = step.request;
      screen = (
        <RefusalScreen
          refusal={step.refusal}
          locale={locale}
          secondsLeft={secondsLeft > 0 ? secondsLeft : countdownFrom}
          onRetry={isRetryable ? guarded(() => issue(request)) : null}
          onDone={guarded(home)}
        />
      );
      break;
    }
  }
  return (
    <div
      className={`kiosk kiosk--${orientation}`}
      data-step={step.kind}
      // False for a moment after a screen appears (the double-tap guard); tests wait for "true".
      data-ready={isReady ? 'true' : 'false'}
      data-guard={guardCount}
      onPointerDown={() => setActivity((count) => count + 1)}
    >
      {screen}
    </div>
  );
}
