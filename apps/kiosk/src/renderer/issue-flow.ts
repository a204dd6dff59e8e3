import type { Ack, CommandOutcome, ErrorCode, IssueOutcome, PrinterState } from '@luot/shared/contracts';
import type {
  HallConfig,
  PriorityGroupId,
  ProcedureId,
  ServiceId,
  Ticket,
  WaitEstimate,
} from '@luot/shared/domain';
import { findService, isInService } from '@luot/shared/domain';
import type { PrintableTicket, TicketLogo } from '@luot/shared/ticket';
import type { BridgePrintFailure, BridgePrinterStatus } from '../bridge.ts';
import { canPrintIn, type PrinterPort } from './printer-port.ts';

/** What the visitor chose. */
export type TicketRequest = {
  readonly serviceId: ServiceId;
  readonly procedureId: ProcedureId | null;
  readonly priorityGroupId: PriorityGroupId | null;
};

/** Why no ticket was issued; each has its own plain-Vietnamese sentence on the refusal screen. */
export type Refusal =
  | { readonly kind: 'printer'; readonly state: PrinterState }
  | { readonly kind: 'offline' }
  | { readonly kind: 'server'; readonly code: ErrorCode };

/** A ticket the server recorded, and whether it came out of the printer. */
export type IssuedTicket = {
  readonly ticket: Ticket;
  readonly wait: WaitEstimate;
  readonly printable: PrintableTicket;
  readonly isPrinted: boolean;
  readonly printFailure: BridgePrintFailure | null;
  /** The printer's state when the print failed (why, for the visitor); null when it printed. */
  readonly printFailureState: PrinterState | null;
  /** True in a browser: show the printed ticket on screen. */
  readonly isScreenPrinted: boolean;
};

/** The outcome of one attempt. */
export type IssueResult =
  | { readonly kind: 'issued'; readonly issued: IssuedTicket }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

/** The hall-server side of the flow (the HallConnection in the app). */
export interface HallPort {
  isOnline(): boolean;
  issue(request: TicketRequest): Promise<Ack<IssueOutcome>>;
  recordPrint(result: {
    ticketId: Ticket['id'];
    isPrinted: boolean;
    failure: string | null;
  }): Promise<Ack<CommandOutcome>>;
}

/** Everything one attempt needs. */
export type IssueContext = {
  readonly hall: HallPort;
  readonly printer: PrinterPort;
  readonly config: HallConfig;
  /** The hall server's origin, for the ticket's QR status link. */
  readonly origin: string;
  /** Every printer status learned on the way goes here (to be reported to the server). */
  readonly onPrinterStatus: (status: BridgePrinterStatus) => void;
  /** The hall's logo for the top of the ticket, when the manager set one. */
  readonly logo?: TicketLogo | null;
};

/**
 * Issue one ticket, in the order that never hands out an unrecorded number and never leaves a visitor
 * without a reason: (1) ask the printer whether it can print, and refuse if not; (2) have the server
 * record the ticket; (3) only then print it; (4) tell the server whether it was printed. A ticket that
 * was recorded but not printed is still the visitor's: the screen shows its number.
 */
export async function issueAndPrint(request: TicketRequest, context: IssueContext): Promise<IssueResult> {
  const { hall, printer, config } = context;
  const status = await printer.printerStatus();
  context.onPrinterStatus(status);
  if (!canPrintIn(status.state))
    return { kind: 'refused', refusal: { kind: 'printer', state: status.state } };
  if (!hall.isOnline()) return { kind: 'refused', refusal: { kind: 'offline' } };

  const ack = await hall.issue(request);
  if (!ack.ok) {
    // The connection gives up with INTERNAL when no answer came before its deadline: say "offline".
    const refusal: Refusal = hall.isOnline() ? { kind: 'server', code: ack.error.code } : { kind: 'offline' };
    return { kind: 'refused', refusal };
  }
  const { ticket, wait, publicCode, statusUrl } = ack.value;
  // The hub's page when the hall ships to one with a public address (reachable on mobile data).
  const printable = printableTicket(
    config,
    ticket,
    wait,
    statusUrl ?? `${context.origin}/t/${publicCode}`,
    context.logo,
  );
  const printed = await printer.print(printable);
  if (!printed.ok || printed.status.state !== status.state) context.onPrinterStatus(printed.status);
  const failure = printed.ok ? null : printed.failure;
  // Not awaited: the visitor's number is on screen now; the connection retries this with one requestId.
  void hall.recordPrint({
    ticketId: ticket.id,
    isPrinted: printed.ok,
    failure:
      failure === null
        ? null
        : `${failure}: ${printed.status.state} (${printed.status.detail})`.slice(0, 200),
  });
  return {
    kind: 'issued',
    issued: {
      ticket,
      wait,
      printable,
      isPrinted: printed.ok,
      printFailure: failure,
      printFailureState: printed.ok ? null : printed.status.state,
      isScreenPrinted: printer.isScreen,
    },
  };
}

/** What the printed ticket says, Vietnamese (a ticket is printed in the hall's language). */
export function printableTicket(
  config: HallConfig,
  ticket: Ticket,
  wait: WaitEstimate,
  statusUrl: string,
  logo: TicketLogo | null = null,
): PrintableTicket {
  const service = findService(config, ticket.serviceId);
  const procedure = service?.procedures.find((candidate) => candidate.id === ticket.procedureId);
  const group = config.priorityGroups.find((candidate) => candidate.id === ticket.priorityGroupId);
  return {
    hallName: config.hall.name,
    number: ticket.number,
    serviceName: service?.name.vi ?? ticket.serviceId,
    procedureName: procedure?.name.vi ?? null,
    priorityLabel: group?.name.vi ?? null,
    issuedAt: ticket.issuedAt,
    timeZone: config.hall.timeZone,
    peopleAhead: wait.peopleAhead,
    peopleAheadMax: wait.peopleAheadMax,
    waitMinutes: wait.minutes === null ? null : { min: wait.minutes.min, max: wait.minutes.max },
    counterNumbers: config.counters
      .filter((counter) => isInService(counter) && counter.serviceIds.includes(ticket.serviceId))
      .map((counter) => counter.number)
      .sort((a, b) => a - b),
    notice: config.hall.noticeLine.trim() === '' ? null : config.hall.noticeLine.trim(),
    statusUrl,
    ...(logo ? { hallLogo: logo } : {}),
  };
}
