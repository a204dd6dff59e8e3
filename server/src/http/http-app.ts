import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { describePublicTicket, pairRequestSchema, PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { PublicTicketStatus, WireError } from '@luot/shared/contracts';
import type { Ticket } from '@luot/shared/domain';
import type { Clock } from '../app/clock.ts';
import { FailureWindow, PAIRING_FAILURE_LIMITS } from '../app/failure-window.ts';
import type { FailureWindowLimits } from '../app/failure-window.ts';
import type { HallService } from '../app/hall-service.ts';
import type { Logger } from '../log.ts';
import { resolveInside, sendFile } from './static-files.ts';

/** What the HTTP side needs besides the command service. */
export interface HttpDependencies {
  readonly service: HallService;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly startedAt: number;
  readonly serverVersion: string;
  /** Health of the database, read on each /health request. */
  readonly database: () => Record<string, string | number | boolean>;
  /** Pair a device with a one-time code. */
  readonly pair: (
    code: string,
    name?: string,
  ) => { deviceId: string; token: string; kind: string; counterId: string | null } | undefined;
  /** Built web apps by mount name (`counter` → its dist folder). */
  readonly apps: Readonly<Record<string, string>>;
  /** Voice clip folders, the hall's own first. */
  readonly voiceDirs: readonly string[];
  /** Public ticket lookup by status-page code. */
  readonly ticketByCode: (code: string) => Ticket | undefined;
  /** Origins besides the server's own whose browsers may send state-changing requests (settings file). */
  readonly allowedOrigins?: readonly string[];
  /** How many wrong pairing codes are tolerated (default PAIRING_FAILURE_LIMITS). */
  readonly pairingFailureLimits?: FailureWindowLimits;
  /** More routes (the manager console's `/api/admin/…`), tried first; true when one answered. */
  readonly extraRoutes?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
}

const MAX_BODY_BYTES = 4 * 1024;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, error: WireError): void {
  // After a refused body the rest of the upload is not wanted: close the connection once answered.
  if (status === 413) response.setHeader('connection', 'close');
  sendJson(response, status, { ok: false, error });
}

/**
 * A request body of at most `limit` bytes. Past the limit it rejects with code PAYLOAD_TOO_LARGE and
 * discards the rest unread (not buffered): the connection stays whole, so the client gets its 413
 * rather than a reset (breaking out of `for await` would destroy the socket before the answer).
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData).off('end', onEnd);
      request.resume();
      reject(Object.assign(new Error('too large'), { code: 'PAYLOAD_TOO_LARGE' }));
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    request.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  return JSON.parse((await readBody(request, MAX_BODY_BYTES)).toString('utf8')) as unknown;
}

/**
 * The HTTP side of the hall server: health, pairing, the public ticket status API, the web apps and
 * the voice clips. Socket.IO shares the same port and handles its own path.
 */
export function createHttpHandler(
  deps: HttpDependencies,
): (request: IncomingMessage, response: ServerResponse) => void {
  const pairingFailures = new FailureWindow(deps.pairingFailureLimits ?? PAIRING_FAILURE_LIMITS);
  return (request, response) => {
    handle(deps, pairingFailures, request, response).catch((error: unknown) => {
      deps.logger.log('error', 'http error', {
        path: request.url?.slice(0, 100),
        error: error instanceof Error ? error.message : String(error),
      });
      if (!response.headersSent) sendError(response, 500, { code: 'INTERNAL', message: 'internal error' });
      else response.end();
    });
  };
}

async function handle(
  deps: HttpDependencies,
  pairingFailures: FailureWindow,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://hall.local');
  } catch {
    // An absolute-form target with a bad host or port (`GET http://x:99999/`) is the client's mistake.
    return sendError(response, 400, { code: 'VALIDATION_FAILED', message: 'bad request target' });
  }
  const method = request.method ?? 'GET';
  const pathname = url.pathname;

  // A page on another site must not drive the hall through a visitor's or manager's browser (CSRF:
  // a text/plain form can post JSON to /api/admin/login and lock the manager out). Browsers always send
  // Origin on such requests; devices without one (Node, Electron main, curl) are not browsers.
  const origin = request.headers.origin;
  if (
    method !== 'GET' &&
    method !== 'HEAD' &&
    origin !== undefined &&
    !isAllowedOrigin(origin, request.headers.host, deps.allowedOrigins ?? [])
  ) {
    return sendError(response, 403, { code: 'FORBIDDEN', message: 'cross-site request refused' });
  }

  if (deps.extraRoutes && (await deps.extraRoutes(request, response, url))) return;

  if (pathname === '/health' && method === 'GET') {
    const { service } = deps;
    sendJson(response, 200, {
      ok: true,
      version: deps.serverVersion,
      protocolVersion: PROTOCOL_VERSION,
      uptimeSeconds: Math.round((deps.clock.now() - deps.startedAt) / 1000),
      hallVersion: service.state.version,
      businessDay: service.state.businessDay,
      database: deps.database(),
    });
    return;
  }

  if (pathname === '/api/pair') {
    if (method !== 'POST')
      return sendError(response, 405, { code: 'VALIDATION_FAILED', message: 'use POST' });
    let body: unknown;
    try {
      body = await readJson(request);
    } catch (error) {
      const isTooLarge = (error as { code?: string }).code === 'PAYLOAD_TOO_LARGE';
      return sendError(response, isTooLarge ? 413 : 400, {
        code: isTooLarge ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
        message: isTooLarge ? 'body too large' : 'body is not JSON',
      });
    }
    const parsed = pairRequestSchema.safeParse(body);
    if (!parsed.success)
      return sendError(response, 400, { code: 'VALIDATION_FAILED', message: 'send { code: "123456" }' });
    const source = request.socket.remoteAddress ?? 'unknown';
    const now = deps.clock.now();
    const retryAt = pairingFailures.blockedUntil(source, now);
    if (retryAt !== null) {
      response.setHeader('retry-after', String(Math.ceil((retryAt - now) / 1_000)));
      return sendError(response, 429, {
        code: 'RATE_LIMITED',
        message: 'too many wrong pairing codes; try again later',
      });
    }
    const paired = deps.pair(parsed.data.code, parsed.data.name);
    if (!paired) {
      pairingFailures.recordFailure(source, now);
      deps.logger.log('warn', 'pairing refused', { result: 'UNAUTHORIZED' });
      return sendError(response, 401, {
        code: 'UNAUTHORIZED',
        message: 'unknown, used or expired pairing code',
      });
    }
    deps.logger.log('info', 'device paired', {
      device: paired.deviceId,
      role: paired.kind,
      counter: paired.counterId,
    });
    return sendJson(response, 200, { ok: true, value: paired });
  }

  const ticketMatch = /^\/api\/tickets\/([A-Za-z0-9_-]{8,64})$/.exec(pathname);
  if (ticketMatch && method === 'GET') {
    const status = publicTicketStatus(deps, ticketMatch[1]!);
    if (!status) return sendError(response, 404, { code: 'NOT_FOUND', message: 'no such ticket' });
    return sendJson(response, 200, { ok: true, value: status });
  }

  if (method !== 'GET' && method !== 'HEAD') {
    return sendError(response, 405, { code: 'VALIDATION_FAILED', message: 'method not allowed' });
  }

  if (pathname.startsWith('/voice/')) {
    for (const dir of deps.voiceDirs) {
      const file = resolveInside(dir, pathname.slice('/voice/'.length));
      if (file) return sendFile(response, file);
    }
    return sendError(response, 404, { code: 'NOT_FOUND', message: 'no such clip' });
  }

  // `/t/<code>` is the public ticket page, part of the display app.
  const mount = pathname.startsWith('/t/') ? 'display' : (pathname.split('/')[1] ?? '');
  // Own keys only: `/__proto__/` or `/constructor/` must not find Object.prototype's members.
  const root = Object.hasOwn(deps.apps, mount) ? deps.apps[mount] : undefined;
  if (root) {
    if (pathname === `/${mount}`) {
      response.writeHead(301, { location: `/${mount}/${url.search}` });
      response.end();
      return;
    }
    if (pathname.startsWith('/t/')) {
      const page = resolveInside(root, 'status.html');
      if (page) return sendFile(response, page);
    } else {
      // A file, then a folder's own index.html (`/counter/feedback/`), then the app's index (client routing).
      const relative = pathname.slice(mount.length + 2);
      const file =
        (relative && resolveInside(root, relative)) ||
        resolveInside(root, `${relative.replace(/\/?$/, '/')}index.html`) ||
        resolveInside(root, 'index.html');
      if (file) return sendFile(response, file);
    }
  }

  if (pathname === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(landingPage(deps));
    return;
  }
  sendError(response, 404, { code: 'NOT_FOUND', message: 'not found' });
}

/** Whether a browser's Origin is the server itself (same host) or one the settings file allows. */
function isAllowedOrigin(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** What the public status page may show: this ticket and counts, nothing about other visitors. */
export function publicTicketStatus(deps: HttpDependencies, code: string): PublicTicketStatus | undefined {
  const stored = deps.ticketByCode(code);
  if (!stored) return undefined;
  const { service } = deps;
  return describePublicTicket(service.state, service.hallConfig, service.state.tickets[stored.id] ?? stored);
}

function landingPage(deps: HttpDependencies): string {
  const name = deps.service.hallConfig.hall.name.replace(/[<>&]/g, '');
  const links = Object.keys(deps.apps)
    .map((app) => `<li><a href="/${app}/">/${app}/</a></li>`)
    .join('');
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lượt — ${name}</title>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto"><h1>Lượt</h1><p>${name}</p>
<ul>${links || '<li>Chưa có ứng dụng nào được build. / No app has been built yet.</li>'}</ul>
<p><a href="/health">/health</a></p></body></html>`;
}

/** Where an app's built files live. */
export const appDist = (appsDir: string, name: string): string => path.join(appsDir, name, 'dist');
