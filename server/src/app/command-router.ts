import type { z } from 'zod';
import type { Ack, ClientEventName, ClientToServerEvents, Identity, WireError } from '@luot/shared/contracts';
import {
  callSpecificSchema,
  cancelTicketSchema,
  configUpdateSchema,
  createPairingSchema,
  counterActionSchema,
  issueTicketSchema,
  mayRoleSend,
  pauseCounterSchema,
  printResultSchema,
  printerStatusSchema,
  rateSchema,
  returnTicketSchema,
  revokeDeviceSchema,
  signInSchema,
  signOutSchema,
  snapshotRequestSchema,
  transferTicketSchema,
} from '@luot/shared/contracts';
import type { HallService } from './hall-service.ts';
import { requestFingerprint } from './request-fingerprint.ts';

/** The value an event's ack carries on success. */
export type OutcomeOf<E extends ClientEventName> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

interface Route<S extends z.ZodType, E extends ClientEventName> {
  readonly schema: S;
  readonly run: (
    service: HallService,
    identity: Identity,
    payload: z.output<S>,
  ) => Ack<OutcomeOf<E>> | Promise<Ack<OutcomeOf<E>>>;
}

const route = <E extends ClientEventName, S extends z.ZodType>(
  _event: E,
  schema: S,
  run: Route<S, E>['run'],
): Route<S, E> => ({ schema, run });

/** A command a counter sends about its own current ticket. */
const counterRoute = <E extends ClientEventName>(
  event: E,
  type: 'call-next' | 'recall' | 'start' | 'complete' | 'no-show' | 'open-counter' | 'close-counter',
) =>
  route(event, counterActionSchema, (service, identity, payload) => {
    const counter = service.actingCounter(identity, payload.counterId);
    if (!counter.ok) return counter;
    return service.command(identity, payload.requestId, { type, counterId: counter.value }) as Promise<
      Ack<OutcomeOf<E>>
    >;
  });

/**
 * Every client event: its schema, and how a parsed payload becomes a command for the service. Roles
 * are checked before parsing (EVENT_ROLES), the acting counter is taken from the pairing, never trusted
 * from the payload.
 */
const ROUTES: { readonly [E in ClientEventName]: Route<z.ZodType, E> } = {
  'ticket:issue': route('ticket:issue', issueTicketSchema, (service, identity, p) =>
    service.issue(identity, p.requestId, {
      type: 'issue',
      serviceId: p.serviceId,
      procedureId: p.procedureId,
      priorityGroupId: p.priorityGroupId,
    }),
  ),
  'ticket:call-next': counterRoute('ticket:call-next', 'call-next'),
  'ticket:recall': counterRoute('ticket:recall', 'recall'),
  'ticket:start': counterRoute('ticket:start', 'start'),
  'ticket:complete': counterRoute('ticket:complete', 'complete'),
  'ticket:no-show': counterRoute('ticket:no-show', 'no-show'),
  'counter:open': counterRoute('counter:open', 'open-counter'),
  'counter:close': counterRoute('counter:close', 'close-counter'),
  'ticket:call': route('ticket:call', callSpecificSchema, (service, identity, p) => {
    const counter = service.actingCounter(identity, p.counterId);
    if (!counter.ok) return counter;
    return service.command(identity, p.requestId, {
      type: 'call-specific',
      counterId: counter.value,
      ticketId: p.ticketId,
      reason: p.reason,
    });
  }),
  'counter:pause': route('counter:pause', pauseCounterSchema, (service, identity, p) => {
    const counter = service.actingCounter(identity, p.counterId);
    if (!counter.ok) return counter;
    return service.command(identity, p.requestId, {
      type: 'pause-counter',
      counterId: counter.value,
      reason: p.reason,
    });
  }),
  'ticket:return': route('ticket:return', returnTicketSchema, (service, identity, p) => {
    let counterId = null;
    if (identity.role === 'counter') {
      const counter = service.actingCounter(identity, undefined);
      if (!counter.ok) return counter;
      counterId = counter.value;
    }
    return service.command(identity, p.requestId, { type: 'return', ticketId: p.ticketId, counterId });
  }),
  'ticket:transfer': route('ticket:transfer', transferTicketSchema, (service, identity, p) => {
    let fromCounterId = null;
    if (identity.role === 'counter') {
      const counter = service.actingCounter(identity, undefined);
      if (!counter.ok) return counter;
      fromCounterId = counter.value;
    }
    return service.command(identity, p.requestId, {
      type: 'transfer',
      ticketId: p.ticketId,
      fromCounterId,
      toServiceId: p.toServiceId,
      toCounterId: p.toCounterId,
      note: p.note,
    });
  }),
  'ticket:cancel': route('ticket:cancel', cancelTicketSchema, (service, identity, p) =>
    service.command(identity, p.requestId, { type: 'cancel', ticketId: p.ticketId, reason: p.reason }),
  ),
  'ticket:print-result': route('ticket:print-result', printResultSchema, (service, identity, p) =>
    service.command(identity, p.requestId, {
      type: 'record-print',
      ticketId: p.ticketId,
      isPrinted: p.isPrinted,
      failure: p.failure,
    }),
  ),
  'clerk:sign-in': route('clerk:sign-in', signInSchema, (service, identity, p) =>
    service.signIn(identity, p.requestId, p.username, p.pin, p.newPin),
  ),
  'clerk:sign-out': route('clerk:sign-out', signOutSchema, (service, identity, p) =>
    service.signOut(identity, p.requestId, p.reason),
  ),
  'feedback:rate': route('feedback:rate', rateSchema, (service, identity, p) => {
    const counter = service.actingCounter(identity, undefined);
    if (!counter.ok) return counter;
    return service.command(identity, p.requestId, {
      type: 'rate',
      ticketId: p.ticketId,
      counterId: counter.value,
      rating: p.rating,
      reasons: p.reasons,
    });
  }),
  'printer:status': route('printer:status', printerStatusSchema, (service, identity, p) => {
    service.recordPrinterStatus(identity, p.state, p.detail);
    return { ok: true, value: { recorded: true } };
  }),
  'sync:snapshot': route('sync:snapshot', snapshotRequestSchema, (service, identity) => ({
    ok: true,
    value: service.snapshot(identity),
  })),
  'config:update': route('config:update', configUpdateSchema, (service, identity, p) =>
    service.command(identity, p.requestId, { type: 'configure', config: p.config }),
  ),
  'device:create-pairing': route('device:create-pairing', createPairingSchema, (service, identity, p) =>
    service.createPairing(identity, p.kind, p.name, p.counterId),
  ),
  'device:revoke': route('device:revoke', revokeDeviceSchema, (service, identity, p) =>
    service.revokeDevice(identity, p.deviceId)
      ? { ok: true, value: { revoked: true } }
      : { ok: false, error: { code: 'NOT_FOUND', message: 'no active device with that id' } },
  ),
  'device:list': route('device:list', snapshotRequestSchema, (service) => ({
    ok: true,
    value: service.deviceStatuses(),
  })),
};

/** Whether a string names a client event. */
export const isClientEvent = (name: string): name is ClientEventName => Object.hasOwn(ROUTES, name);

function validationError(error: z.ZodError): WireError {
  return {
    code: 'VALIDATION_FAILED',
    message: 'the payload does not match the protocol',
    issues: error.issues
      .slice(0, 10)
      .map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}

/**
 * Handle one client event: authorise by role, parse the payload, then run the command once per
 * (device, requestId): a repeat gets the first answer, success or refusal, also after a restart; a
 * requestId reused for another event or payload gets REQUEST_ID_REUSED. Never throws: unexpected errors
 * become INTERNAL.
 */
export async function handleClientEvent<E extends ClientEventName>(
  service: HallService,
  identity: Identity,
  event: E,
  payload: unknown,
): Promise<Ack<OutcomeOf<E>>> {
  if (!mayRoleSend(identity.role, event)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: `a ${identity.role} may not send ${event}` } };
  }
  const current = ROUTES[event] as Route<z.ZodType, E>;
  const parsed = current.schema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const requestId = (parsed.data as { requestId?: string }).requestId;
  if (requestId === undefined) return await current.run(service, identity, parsed.data);
  return await service.answerOnce(identity, requestId, requestFingerprint(event, parsed.data), () =>
    current.run(service, identity, parsed.data),
  );
}
