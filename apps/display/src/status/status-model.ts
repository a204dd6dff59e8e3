import * as z from 'zod/mini';
import type { PublicTicketStatus } from '@luot/shared/contracts';
import { TICKET_STATUSES } from '@luot/shared/domain';
import type { Locale } from '@luot/shared/text';
import { translate } from '@luot/shared/text';

// The public ticket-status page's logic, without the DOM: parsing the server's answer, the page's
// connection state, and the words to show. `zod/mini` keeps the page light for old phones.

const localizedSchema = z.strictObject({ vi: z.string(), en: z.string() });

/** What `GET /api/tickets/<code>` tells a visitor about their own ticket (and only counts of others). */
export const publicTicketSchema = z.strictObject({
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  service: z.nullable(localizedSchema),
  counter: z.nullable(z.strictObject({ number: z.number(), name: localizedSchema })),
  peopleAhead: z.nullable(z.number()),
  peopleAheadMax: z.nullable(z.number()),
  waitMinutes: z.nullable(z.strictObject({ min: z.number(), max: z.number() })),
  transfer: z.nullable(
    z.strictObject({ toService: z.nullable(localizedSchema), toCounter: z.nullable(z.number()) }),
  ),
  issuedAt: z.number(),
  calledAt: z.nullable(z.number()),
  hallName: z.string(),
  version: z.number(),
  /** From the province hub only: when its copy of the hall was last complete (the page shows it). */
  asOf: z.optional(z.nullable(z.number())),
});

/** A visitor's ticket as the page shows it. */
export type PublicTicket = z.infer<typeof publicTicketSchema>;

// The page parses exactly what the server's `describePublicTicket` sends: this stops the build if the two drift.
const _schemaMatchesServer: [PublicTicket] extends [PublicTicketStatus]
  ? [PublicTicketStatus] extends [PublicTicket]
    ? true
    : never
  : never = true;

const answerSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: publicTicketSchema }),
  z.strictObject({ ok: z.literal(false), error: z.strictObject({ code: z.string(), message: z.string() }) }),
]);

/** One poll's result. */
export type PollResult =
  | { readonly kind: 'ticket'; readonly ticket: PublicTicket; readonly at: number }
  | { readonly kind: 'not-found' }
  /** The server could not be reached or answered nonsense: keep what we had. */
  | { readonly kind: 'unreachable' };

/** The code in the address: `/t/<code>` (served by the hall server) or `?code=` (the dev server). */
export function codeFromLocation(pathname: string, search: string): string | null {
  const fromPath = /\/t\/([A-Za-z0-9_-]{8,64})\/?$/.exec(pathname)?.[1];
  const code = fromPath ?? new URLSearchParams(search).get('code');
  return code !== null && /^[A-Za-z0-9_-]{8,64}$/.test(code) ? code : null;
}

/** Ask the hall server about a ticket; never throws. */
export async function pollTicket(
  code: string,
  fetcher: typeof fetch,
  now: () => number,
): Promise<PollResult> {
  try {
    const response = await fetcher(`/api/tickets/${encodeURIComponent(code)}`, {
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
    if (response.status === 404) return { kind: 'not-found' };
    const parsed = answerSchema.safeParse(await response.json());
    if (!parsed.success) return { kind: 'unreachable' };
    if (parsed.data.ok) return { kind: 'ticket', ticket: parsed.data.value, at: now() };
    return parsed.data.error.code === 'NOT_FOUND' ? { kind: 'not-found' } : { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  }
}

/** What the page knows: the last ticket data it had, and how the link stands. */
export interface StatusPageState {
  readonly ticket: PublicTicket | null;
  readonly updatedAt: number | null;
  readonly link: 'loading' | 'live' | 'not-found' | 'reconnecting';
}

/** The page before its first answer. */
export const INITIAL_STATUS_STATE: StatusPageState = { ticket: null, updatedAt: null, link: 'loading' };

/**
 * Fold one poll into the page state. An unreachable server keeps the last data on screen (marked as
 * reconnecting): a visitor on flaky Wi-Fi still sees their number and counter.
 */
export function foldPoll(state: StatusPageState, result: PollResult): StatusPageState {
  switch (result.kind) {
    case 'ticket':
      // Through the province hub, the data is as fresh as the hub's copy of the hall, not as the poll.
      return {
        ticket: result.ticket,
        updatedAt: Math.min(result.at, result.ticket.asOf ?? result.at),
        link: 'live',
      };
    case 'not-found':
      return { ticket: null, updatedAt: null, link: 'not-found' };
    case 'unreachable':
      return { ...state, link: 'reconnecting' };
  }
}

/** How the status card looks. */
export type StatusTone = 'waiting' | 'called' | 'serving' | 'finished' | 'problem';

/** The words of the page for one ticket, in one language. */
export interface StatusView {
  readonly hallName: string;
  readonly number: string;
  readonly serviceName: string | null;
  readonly statusLabel: string;
  readonly tone: StatusTone;
  /** Called: "Mời Ông/Bà đến ngay" above the counter line. */
  readonly headline: string | null;
  /** Called or serving: "Quầy số 5" (huge when called). */
  readonly counterLine: string | null;
  /** Waiting: "3", or "3–5" when counters with different orders may call the ticket. */
  readonly peopleAhead: string | null;
  readonly waitText: string | null;
  /** What happened and what to do: after a transfer, when serving, or for a finished ticket. */
  readonly message: string | null;
  /**
   * True while the ticket can still be called: the page updates itself, keeps "listen for the call" and
   * offers to sound and vibrate when the turn comes. False once it is over (done, absent, cancelled, expired).
   */
  readonly isOpen: boolean;
}

function aheadText(ticket: PublicTicket): string | null {
  if (ticket.peopleAhead === null) return null;
  const most = ticket.peopleAheadMax ?? ticket.peopleAhead;
  return most > ticket.peopleAhead ? `${ticket.peopleAhead}–${most}` : String(ticket.peopleAhead);
}

function transferText(ticket: PublicTicket, locale: Locale): string | null {
  const transfer = ticket.transfer;
  if (transfer === null) return null;
  if (transfer.toCounter !== null) {
    return translate(locale, 'status.transferredToCounter', { counter: transfer.toCounter });
  }
  return translate(locale, 'status.transferredToService', {
    service: transfer.toService === null ? '' : transfer.toService[locale] || transfer.toService.vi,
  });
}

/** Describe a ticket for the page. */
export function describeTicket(ticket: PublicTicket, locale: Locale): StatusView {
  const base = {
    hallName: ticket.hallName,
    number: ticket.number,
    serviceName: ticket.service === null ? null : ticket.service[locale] || ticket.service.vi,
    statusLabel: translate(locale, `ticketStatus.${ticket.status}`),
    headline: null,
    counterLine: null,
    peopleAhead: null,
    waitText: null,
    message: null,
    isOpen: false,
  };
  const counter = ticket.counter?.number ?? null;
  switch (ticket.status) {
    case 'waiting':
      return {
        ...base,
        tone: 'waiting',
        isOpen: true,
        peopleAhead: aheadText(ticket),
        waitText:
          ticket.waitMinutes === null
            ? translate(locale, 'status.waitUnknown')
            : translate(locale, 'status.waitRange', ticket.waitMinutes),
        message: transferText(ticket, locale),
      };
    case 'called':
      return {
        ...base,
        tone: 'called',
        isOpen: true,
        headline: translate(locale, 'status.calledHeadline'),
        counterLine: counter === null ? null : translate(locale, 'status.counter', { counter }),
      };
    case 'serving':
      return {
        ...base,
        tone: 'serving',
        isOpen: true,
        counterLine: counter === null ? null : translate(locale, 'status.counter', { counter }),
        message: counter === null ? null : translate(locale, 'status.serving', { counter }),
      };
    case 'done':
      return { ...base, tone: 'finished', message: translate(locale, 'status.done') };
    case 'no_show':
      return { ...base, tone: 'problem', message: translate(locale, 'status.noShow') };
    case 'cancelled':
      return { ...base, tone: 'problem', message: translate(locale, 'status.cancelled') };
    case 'expired':
      return { ...base, tone: 'problem', message: translate(locale, 'status.expired') };
  }
}
