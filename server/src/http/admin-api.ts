import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Ack, WireError } from '@luot/shared/contracts';
import { DEVICE_KINDS, configUpdateSchema, counterIdSchema, textSchema } from '@luot/shared/contracts';
import { asClerkId, asDeviceId } from '@luot/shared/domain';
import type { Clock } from '../app/clock.ts';
import { hashPin } from '../app/credentials.ts';
import type { HallService } from '../app/hall-service.ts';
import type { ManagerAccounts } from '../app/managers.ts';
import { managerDeviceId } from '../app/managers.ts';
import type { AdminStore } from '../db/admin-store.ts';
import type { HallStore } from '../db/hall-store.ts';
import type { Logger } from '../log.ts';
import { readBody } from './http-app.ts';
import { reportCsv, reportXlsx } from '../reports/export.ts';
import { REPORT_DIMENSIONS, computeReport } from '../reports/report.ts';

/** What the admin routes need. */
export interface AdminApiDependencies {
  readonly service: HallService;
  readonly accounts: ManagerAccounts;
  readonly adminStore: AdminStore;
  readonly hallStore: HallStore;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The hall setting that holds the logo printed on tickets (a PNG data URL). */
export const LOGO_SETTING = 'hall_logo';
/** A ticket logo is small: at most this many bytes of PNG. */
export const MAX_LOGO_BYTES = 64 * 1024;
/** A whole configuration (a hall with hundreds of procedures) may be this large. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_REPORT_DAYS = 400;

type Handled = boolean;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: WireError,
  ) {
    super(error.message);
  }
}

const problem = (status: number, code: WireError['code'], message: string): HttpError =>
  new HttpError(status, { code, message });

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  // After a refused body the rest of the upload is not wanted: close the connection once answered.
  if (status === 413) response.setHeader('connection', 'close');
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

const ok = (response: ServerResponse, value: unknown): void => sendJson(response, 200, { ok: true, value });

async function readJson(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  let body: Buffer;
  try {
    body = await readBody(request, limit);
  } catch {
    throw problem(413, 'PAYLOAD_TOO_LARGE', 'body too large');
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw problem(400, 'VALIDATION_FAILED', 'body is not JSON');
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(400, {
      code: 'VALIDATION_FAILED',
      message: 'the request does not match the API',
      issues: parsed.error.issues
        .slice(0, 10)
        .map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const loginSchema = z.strictObject({
  username: textSchema().trim().min(1).max(64),
  password: textSchema().min(1).max(200),
});
const passwordSchema = z.strictObject({
  currentPassword: textSchema().min(1).max(200),
  newPassword: textSchema().min(1).max(200),
});
const pinSchema = z.strictObject({ pin: z.string().regex(/^[0-9]{4,8}$/, '4 to 8 digits') });
const logoSchema = z.strictObject({
  dataUrl: z
    .string()
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG data URL')
    .nullable(),
});
const pairSchema = z.strictObject({
  kind: z.enum(DEVICE_KINDS),
  name: textSchema().trim().min(1).max(80),
  counterId: counterIdSchema.nullish().transform((value) => value ?? null),
});
const reportQuery = z
  .strictObject({
    from: day,
    to: day,
    target: z.coerce.number().int().min(1).max(480).default(30),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    dimensions: z
      .string()
      .optional()
      .transform((value) => (value ? value.split(',') : [...REPORT_DIMENSIONS]))
      .pipe(z.array(z.enum(REPORT_DIMENSIONS))),
  })
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['from'] })
  .refine((query) => daysBetween(query.from, query.to) < MAX_REPORT_DAYS, {
    message: `at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
const ticketQuery = z.strictObject({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,2}[0-9]{1,6}$/, 'a ticket number such as A012'),
  day: day.optional(),
});
const auditQuery = z.strictObject({
  type: z.string().max(64).optional(),
  role: z.string().max(20).optional(),
  counter: z.string().max(64).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  before: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A ticket number as printed: `A12` is searched as `A012`. */
function normaliseNumber(number: string): string {
  const match = /^([A-Z]{1,2})([0-9]+)$/.exec(number);
  return match ? `${match[1]}${String(Number(match[2])).padStart(3, '0')}` : number;
}

/**
 * The manager console's REST routes under `/api/admin/…` (plus the public `GET /api/hall/logo`).
 * Every route but sign-in needs `Authorization: Bearer <session token>`; a manager who must still
 * change the demo password reaches only the password route. Returns false for paths it does not own.
 */
export function createAdminRoutes(
  deps: AdminApiDependencies,
): (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<Handled> {
  return async (request, response, url) => {
    const pathname = url.pathname;
    if (pathname === '/api/hall/logo') {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const dataUrl = deps.adminStore.getSetting(LOGO_SETTING);
      if (!dataUrl) {
        sendJson(response, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'the hall has no logo' } });
        return true;
      }
      const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      response.writeHead(200, {
        'content-type': 'image/png',
        'content-length': bytes.length,
        'cache-control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : bytes);
      return true;
    }
    if (!pathname.startsWith('/api/admin/')) return false;
    try {
      await route(deps, request, response, url);
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(response, error.status, { ok: false, error: error.error });
      } else {
        throw error;
      }
    }
    return true;
  };
}

function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
  return match?.[1];
}

async function route(
  deps: AdminApiDependencies,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const method = request.method ?? 'GET';
  const path = url.pathname.slice('/api/admin'.length);
  const query = (): Record<string, string> => Object.fromEntries(url.searchParams);
  const { accounts, adminStore, service, clock } = deps;

  if (path === '/login' && method === 'POST') {
    const body = parse(loginSchema, await readJson(request, 4 * 1024));
    const result = await accounts.login(body.username, body.password);
    if (!result.ok) {
      deps.logger.log('warn', 'manager sign-in refused', { result: result.code });
      throw new HttpError(result.code === 'LOCKED_OUT' ? 429 : 401, {
        code: result.code,
        message:
          result.code === 'LOCKED_OUT'
            ? `locked until ${result.retryAt ?? ''}`
            : 'wrong username or password',
      });
    }
    deps.logger.log('info', 'manager signed in', { manager: result.manager.id });
    return ok(response, { token: result.token, expiresAt: result.expiresAt, manager: result.manager });
  }

  const token = bearer(request);
  const session = token === undefined ? undefined : accounts.session(token);
  if (token === undefined || !session) throw problem(401, 'UNAUTHORIZED', 'sign in again');

  if (path === '/session' && method === 'GET')
    return ok(response, { manager: session.manager, expiresAt: session.expiresAt });
  if (path === '/logout' && method === 'POST') {
    accounts.logout(token);
    return ok(response, { signedOut: true });
  }
  if (path === '/password' && method === 'POST') {
    const body = parse(passwordSchema, await readJson(request, 4 * 1024));
    const result = await accounts.changePassword(session, body.currentPassword, body.newPassword);
    if (!result.ok) throw problem(result.code === 'BAD_CREDENTIALS' ? 401 : 400, result.code, result.message);
    return ok(response, { changed: true });
  }

  if (session.manager.mustChangePassword) throw problem(403, 'FORBIDDEN', 'change the demo password first');
  const identity = accounts.identityOf(token);
  if (!identity) throw problem(401, 'UNAUTHORIZED', 'sign in again');
  const record = (type: string, detail: Record<string, unknown>): void =>
    adminStore.recordAction({ at: clock.now(), managerId: session.manager.id, type, detail });

  if (path === '/config' && method === 'PUT') {
    const body = parse(configUpdateSchema, await readJson(request));
    const previous = await service.previousAnswer(identity.deviceId, body.requestId);
    const ack: Ack<unknown> =
      previous ??
      (await service.command(identity, body.requestId, { type: 'configure', config: body.config }));
    if (!ack.ok) throw new HttpError(ack.error.code === 'INTERNAL' ? 500 : 409, ack.error);
    return ok(response, ack.value);
  }

  const pinMatch = /^\/clerks\/([A-Za-z0-9_-]{1,64})\/pin$/.exec(path);
  if (pinMatch && method === 'POST') {
    const clerkId = asClerkId(pinMatch[1]!);
    if (!service.hallConfig.clerks.some((clerk) => clerk.id === clerkId))
      throw problem(404, 'NOT_FOUND', 'unknown clerk');
    const body = parse(pinSchema, await readJson(request, 1024));
    deps.hallStore.setClerkPin(clerkId, await hashPin(body.pin));
    deps.hallStore.recordPinFailure(clerkId, 0, null);
    record('clerk.pin-reset', { clerkId });
    return ok(response, { reset: true });
  }

  if (path === '/logo' && method === 'PUT') {
    const body = parse(logoSchema, await readJson(request, 200 * 1024));
    if (body.dataUrl === null) {
      adminStore.deleteSetting(LOGO_SETTING);
    } else {
      const bytes = Buffer.from(body.dataUrl.slice(body.dataUrl.indexOf(',') + 1), 'base64');
      const isPng =
        bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      if (!isPng) throw problem(400, 'VALIDATION_FAILED', 'not a PNG image');
      if (bytes.length > MAX_LOGO_BYTES)
        throw problem(413, 'PAYLOAD_TOO_LARGE', `a logo is at most ${MAX_LOGO_BYTES} bytes`);
      adminStore.setSetting(LOGO_SETTING, body.dataUrl);
    }
    record('hall.logo-changed', { isRemoved: body.dataUrl === null });
    return ok(response, { saved: true });
  }

  if (path === '/devices' && method === 'GET') return ok(response, service.deviceStatuses());
  if (path === '/devices/pair' && method === 'POST') {
    const body = parse(pairSchema, await readJson(request, 4 * 1024));
    const ack = service.createPairing(identity, body.kind, body.name, body.counterId);
    if (!ack.ok) throw new HttpError(400, ack.error);
    record('device.pairing-created', { kind: body.kind, name: body.name, counterId: body.counterId });
    return ok(response, ack.value);
  }
  const revokeMatch = /^\/devices\/([A-Za-z0-9_-]{1,64})\/revoke$/.exec(path);
  if (revokeMatch && method === 'POST') {
    const deviceId = asDeviceId(revokeMatch[1]!);
    if (!service.revokeDevice(identity, deviceId))
      throw problem(404, 'NOT_FOUND', 'no active device with that id');
    record('device.revoked', { deviceId });
    return ok(response, { revoked: true });
  }

  if (path === '/tickets' && method === 'GET') {
    const q = parse(ticketQuery, query());
    const tickets = adminStore.ticketsByNumber(normaliseNumber(q.number), q.day ?? null).map((ticket) => ({
      ...ticket,
      // Today's tickets are read from memory: the projection and the replica agree, memory is newest.
      body: service.state.tickets[ticket.id] ?? ticket.body,
      history: adminStore.ticketEvents(ticket.id),
    }));
    return ok(response, tickets);
  }

  if (path === '/reports' && method === 'GET') {
    const q = parse(reportQuery, query());
    const started = performance.now();
    const report = computeReport({
      from: q.from,
      to: q.to,
      config: service.hallConfig,
      tickets: adminStore.ticketFacts(q.from, q.to),
      ratings: adminStore.ratingFacts(q.from, q.to),
      targetWaitMinutes: q.target,
      now: clock.now(),
    });
    deps.logger.log('info', 'report', {
      from: q.from,
      to: q.to,
      ms: Math.round(performance.now() - started),
    });
    if (q.format === 'json') return ok(response, report);
    const name = `luot-bao-cao-${q.from}_${q.to}`;
    if (q.format === 'csv') {
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.csv"`,
        'cache-control': 'no-store',
      });
      response.end(reportCsv(report, q.dimensions));
      return;
    }
    const bytes = reportXlsx(report, q.dimensions);
    response.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}.xlsx"`,
      'content-length': bytes.length,
      'cache-control': 'no-store',
    });
    response.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return;
  }

  if (path === '/audit' && method === 'GET') {
    const q = parse(auditQuery, query());
    const entries = adminStore.audit({
      limit: q.limit,
      ...(q.type ? { type: q.type } : {}),
      ...(q.role ? { actorRole: q.role } : {}),
      ...(q.counter ? { counterId: q.counter } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
      ...(q.before !== undefined ? { before: q.before } : {}),
    });
    return ok(response, { entries, names: actorNames(deps) });
  }
  if (path === '/audit/types' && method === 'GET') return ok(response, adminStore.auditTypes());

  throw problem(404, 'NOT_FOUND', 'no such admin route');
}

/** Who is who in the audit view: devices, manager consoles (`mgr_<id>`) and clerks by id. */
function actorNames(deps: AdminApiDependencies): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [id, name] of deps.adminStore.deviceNames()) names[id] = name;
  for (const [id, username] of deps.accounts.names()) names[managerDeviceId(id)] = username;
  for (const clerk of deps.service.hallConfig.clerks) names[clerk.id] = clerk.name;
  return names;
}
