import path from 'node:path';
import type { Duplex } from 'node:stream';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Clock } from '../app/clock.ts';
import type { FailureWindowLimits } from '../app/failure-window.ts';
import { isHallHost, isHallOrigin } from '../app/hall-hosts.ts';
import type { HallService } from '../app/hall-service.ts';
import type { Logger } from '../log.ts';
import type { AdminApiDependencies } from './admin-api.ts';
import { registerAdminRoutes } from './admin-api.ts';
import type { HubLinkConsole } from '../app/hub-link-console.ts';
import { registerHubLinkRoutes } from './hub-link-routes.ts';
import type { FirstStart } from '../app/first-manager.ts';
import { registerFirstStartRoutes } from './first-start-routes.ts';
import { errorHandler, problem, sendError, validateWithZod } from './http-errors.ts';
import { pageSecurityHeaders } from './security-headers.ts';
import { registerPublicRoutes } from './public-routes.ts';

/** What the HTTP side needs: the app layer, and facts about the running server. */
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
  /** Origins besides the server's own whose browsers may send state-changing requests (settings file). */
  readonly allowedOrigins?: readonly string[];
  /**
   * The host names and addresses this hall answers to (`hallHostList`): any other Host header is refused,
   * against DNS rebinding. Loopback is always accepted.
   */
  readonly allowedHosts: readonly string[];
  /** How many wrong pairing codes are tolerated (default PAIRING_FAILURE_LIMITS). */
  readonly pairingFailureLimits?: FailureWindowLimits;
  /** The manager console's routes. */
  readonly admin: Omit<AdminApiDependencies, 'logger' | 'service'>;
  /** The province hub link's console routes (docs/HUB.md). */
  readonly hubLink?: HubLinkConsole;
  /** The console's first start: the hall's first manager, from the server PC only. */
  readonly firstStart?: FirstStart;
  /** HTTPS on the hall's port with this certificate and key (PEM); none: plain HTTP. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  /**
   * The hall CA's certificate (public part only) for devices to download at `/ca.crt`, read on each
   * request (so `luot tls init` on a running hall is served at once); undefined when the hall has none.
   */
  readonly hallCaCertificate?: () => string | undefined;
}

/** The default body limit of a JSON route (routes with larger bodies say so). */
const DEFAULT_BODY_LIMIT = 4 * 1024;

/** Node's parser could not read a request: answer 400 (431 for huge headers) and close the connection. */
function refuseUnreadableRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const isTooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = isTooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({
    ok: false,
    error: {
      code: 'VALIDATION_FAILED',
      message: isTooLarge ? 'headers too large' : 'not a readable HTTP request',
    },
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Cache rules for files: hashed build assets (`/assets/name-hash.js`) never change and are cached for a
 * year; everything else (HTML, voice clips) is revalidated each time with its ETag.
 */
export function setCacheHeaders(reply: FastifyReply, file: string): void {
  const isHashedAsset =
    /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(file) &&
    file.includes(`${path.sep}assets${path.sep}`);
  void reply.header('cache-control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * The HTTP side of the hall server on Fastify: health, pairing, the public ticket status API, the
 * manager console's API, the web apps and the voice clips, with security headers, compression and rate
 * limits. Socket.IO is attached to `app.server` and answers its own path before Fastify sees a request.
 *
 * To add a route: register it in `public-routes.ts` or `admin-api.ts` with its zod schemas
 * (`schema: { body, querystring, params }`); the handler gets parsed values, throws `problem(…)` to
 * refuse, and returns `{ ok: true, value }`. Bodies are JSON, at most 4 KiB unless the route sets
 * `bodyLimit`.
 */
export async function createHttpApp(deps: HttpDependencies): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger = deps.logger;
  // With a certificate the same port speaks HTTPS (Node's https.Server, a tls.Server): Socket.IO, the
  // apps, the voice clips and the admin API ride on it unchanged; without one it is plain HTTP.
  // Fastify types an HTTPS instance by its server class; the routes and plugins see the same requests and
  // replies either way (https.Server emits http's IncomingMessage and ServerResponse), so the app is
  // typed as the plain one for every module that registers routes on it.
  const app = Fastify({
    https: deps.tls ? { cert: deps.tls.cert, key: deps.tls.key } : null,
    loggerInstance,
    // One line per request would be most of the log; refusals and faults are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Requests Fastify cannot route (a malformed path) get the protocol's error shape too.
    frameworkErrors: (_error, _request, reply) =>
      void sendError(reply, 400, { code: 'VALIDATION_FAILED', message: 'bad request target' }),
    // Bytes that are not HTTP (bad framing, a body on OPTIONS, huge headers) are refused by Node's
    // parser before any route; the answer still has the protocol's shape.
    clientErrorHandler: refuseUnreadableRequest,
    forceCloseConnections: true,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler<z.ZodType>(validateWithZod);
  app.setErrorHandler(errorHandler(deps.logger));

  // Bodies are JSON whatever the content type says (devices and scripts send it without one); the
  // parser refuses __proto__ and constructor keys. An empty body is "no body".
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, typeof body === 'string' ? body : body.toString('utf8'), done);
  });

  // DNS rebinding: a page on evil.example re-pointed at the hall's address arrives with that Host. Only
  // the hall's own names are answered, for every method (reading the console's data is the attack too).
  // A page on another site must not drive the hall through a visitor's or manager's browser (CSRF:
  // a text/plain form can post JSON to /api/admin/login and lock the manager out). Browsers always send
  // Origin on such requests; devices without one (Node, Electron main, curl) are not browsers.
  const allowedOrigins = deps.allowedOrigins ?? [];
  app.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    if (!isHallHost(request.headers.host, deps.allowedHosts)) {
      deps.logger.warn(
        { result: 'FORBIDDEN', address: request.ip, host: request.headers.host?.slice(0, 100) ?? null },
        'request for a host name that is not the hall refused',
      );
      done(problem(403, 'FORBIDDEN', 'this host name is not one of the hall server (LUOT_HOSTS)'));
      return;
    }
    const origin = request.headers.origin;
    const isForeign =
      request.method !== 'GET' &&
      request.method !== 'HEAD' &&
      origin !== undefined &&
      !isHallOrigin(origin, request.headers.host, deps.allowedHosts, allowedOrigins);
    done(isForeign ? problem(403, 'FORBIDDEN', 'cross-site request refused') : undefined);
  });

  await app.register(fastifyHelmet, pageSecurityHeaders());
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  // Per address, over every route: generous for a device loading an app, a wall for a flood. Routes
  // that guess secrets (sign-in, pairing) set their own tighter limit.
  await app.register(fastifyRateLimit, {
    global: true,
    max: 3_000,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      problem(429, 'RATE_LIMITED', `too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });
  // sendFile for the routes below; each app's files are served by its own registration.
  await app.register(fastifyStatic, { serve: false, setHeaders: setCacheHeaders, cacheControl: false });

  registerPublicRoutes(app, deps);
  registerAdminRoutes(app, { ...deps.admin, service: deps.service, logger: deps.logger });
  if (deps.firstStart) registerFirstStartRoutes(app, { firstStart: deps.firstStart, logger: deps.logger });
  if (deps.hubLink) registerHubLinkRoutes(app, { accounts: deps.admin.accounts, hubLink: deps.hubLink });
  for (const [name, root] of Object.entries(deps.apps)) await registerApp(app, name, root);

  app.setNotFoundHandler((_request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, 404, { code: 'NOT_FOUND', message: 'not found' }),
  );
  return app;
}

/**
 * One built web app under `/<name>/`: its files (ETag, revalidated HTML, immutable hashed assets), a
 * folder's own index.html (`/counter/feedback/`), and the app's index for any other path (client routing).
 */
async function registerApp(app: FastifyInstance, name: string, root: string): Promise<void> {
  app.get(`/${name}`, (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`/${name}/${query === -1 ? '' : request.url.slice(query)}`, 301);
  });
  await app.register(
    async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        decorateReply: false,
        index: ['index.html'],
        setHeaders: setCacheHeaders,
        cacheControl: false,
      });
      scope.setNotFoundHandler((request, reply) =>
        request.method === 'GET' || request.method === 'HEAD'
          ? reply.sendFile('index.html', root)
          : sendError(reply, 405, { code: 'VALIDATION_FAILED', message: 'method not allowed' }),
      );
    },
    { prefix: `/${name}` },
  );
}
