import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { describePublicTicket, pairRequestSchema, PROTOCOL_VERSION } from '@luot/shared/contracts';
import type { PublicTicketStatus } from '@luot/shared/contracts';
import { FailureWindow, PAIRING_FAILURE_LIMITS } from '../app/failure-window.ts';
import { HALL_CA_PATH } from '../app/hall-tls.ts';
import type { HttpDependencies } from './http-app.ts';
import type { ZodTypeProvider } from './http-errors.ts';
import { problem, sendError } from './http-errors.ts';

// Anything that is not a well-formed code is simply no ticket: 404, like an unknown code.
const publicCodeParams = z.strictObject({ code: z.string().max(200) });
const PUBLIC_CODE = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The routes anyone on the hall's network may use: health, pairing a device with a one-time code, a
 * ticket's public status (by its unguessable code), the status page, the voice clips and the landing
 * page that lists the apps.
 */
export function registerPublicRoutes(parent: FastifyInstance, deps: HttpDependencies): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { service, logger } = deps;

  app.get('/health', () => ({
    ok: true,
    version: deps.serverVersion,
    protocolVersion: PROTOCOL_VERSION,
    uptimeSeconds: Math.round((deps.clock.now() - deps.startedAt) / 1000),
    hallVersion: service.state.version,
    businessDay: service.state.businessDay,
    database: deps.database(),
  }));

  const pairingFailures = new FailureWindow(deps.pairingFailureLimits ?? PAIRING_FAILURE_LIMITS);
  app.post('/api/pair', { schema: { body: pairRequestSchema } }, async (request, reply) => {
    const source = request.ip;
    const now = deps.clock.now();
    const retryAt = pairingFailures.blockedUntil(source, now);
    if (retryAt !== null) {
      logger.warn({ result: 'RATE_LIMITED', address: source }, 'pairing refused');
      void reply.header('retry-after', String(Math.ceil((retryAt - now) / 1_000)));
      return sendError(reply, 429, {
        code: 'RATE_LIMITED',
        message: 'too many wrong pairing codes; try again later',
      });
    }
    const paired = deps.pair(request.body.code, request.body.name);
    if (!paired) {
      pairingFailures.recordFailure(source, now);
      logger.warn({ result: 'UNAUTHORIZED', address: source }, 'pairing refused');
      throw problem(401, 'UNAUTHORIZED', 'unknown, used or expired pairing code');
    }
    logger.info({ device: paired.deviceId, role: paired.kind, counter: paired.counterId }, 'device paired');
    return { ok: true, value: paired };
  });
  // Pairing is a POST; anything else on its path is a mistake worth naming.
  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH'],
    url: '/api/pair',
    handler: () => {
      throw problem(405, 'VALIDATION_FAILED', 'use POST');
    },
  });

  app.get('/api/tickets/:code', { schema: { params: publicCodeParams } }, (request) => {
    const { code } = request.params;
    const status = PUBLIC_CODE.test(code) ? publicTicketStatus(deps, code) : undefined;
    if (!status) throw problem(404, 'NOT_FOUND', 'no such ticket');
    return { ok: true, value: status };
  });

  // `/t/<code>` is the public ticket page, part of the display app.
  const display = deps.apps.display;
  app.get('/t/:code', (request, reply) =>
    display === undefined
      ? sendError(reply, 404, { code: 'NOT_FOUND', message: 'not found' })
      : reply.sendFile('status.html', display),
  );

  // The hall's own recordings first, then the bundled set.
  const [hallVoice] = deps.voiceDirs;
  if (hallVoice !== undefined) mkdirSync(hallVoice, { recursive: true });
  void app.register(fastifyStatic, {
    root: [...deps.voiceDirs],
    prefix: '/voice/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply) => void reply.header('cache-control', 'no-cache'),
  });

  // The icon every app links to (client/src/favicon.svg, built into each app's assets), also for a
  // browser that asks for /favicon.ico by itself: a normal day has no failed request.
  const icon = findBuiltFavicon(deps.apps);
  const sendIcon = (_request: unknown, reply: FastifyReply): FastifyReply =>
    icon === undefined
      ? reply.code(204).send()
      : reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(icon);
  app.get('/favicon.ico', sendIcon);
  app.get('/favicon.svg', sendIcon);

  // The hall CA's certificate for devices to install (docs/OPERATIONS.md, "HTTPS in the hall"): only
  // ever the certificate, re-encoded from the parsed file, never a key. Served over plain HTTP too, so a
  // tablet can fetch it before it trusts the hall; the technician compares its fingerprint.
  // The path literal (HALL_CA_PATH) stays written out: the route list of the HTTP fuzz test reads it here.
  app.get('/ca.crt', (_request, reply) => {
    const certificate = deps.hallCaCertificate?.();
    if (certificate === undefined)
      return sendError(reply, 404, { code: 'NOT_FOUND', message: 'this hall has no CA (luot tls init)' });
    return reply
      .type('application/x-x509-ca-cert')
      .header('content-disposition', 'attachment; filename="luot-hall-ca.crt"')
      .header('cache-control', 'no-cache')
      .send(certificate);
  });

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(landingPage(deps)));
}

/** What the public status page may show: this ticket and counts, nothing about other visitors. */
export function publicTicketStatus(
  deps: Pick<HttpDependencies, 'service'>,
  code: string,
): PublicTicketStatus | undefined {
  const { service } = deps;
  const stored = service.ticketByPublicCode(code);
  if (!stored) return undefined;
  return describePublicTicket(service.state, service.hallConfig, service.state.tickets[stored.id] ?? stored);
}

/** The favicon as built into the first app's assets (`favicon-<hash>.svg`), or undefined before a build. */
function findBuiltFavicon(apps: Readonly<Record<string, string>>): Buffer | undefined {
  for (const root of Object.values(apps)) {
    const assets = path.join(root, 'assets');
    if (!existsSync(assets)) continue;
    const file = readdirSync(assets).find((name) => /^favicon-[A-Za-z0-9_-]+\.svg$/.test(name));
    if (file !== undefined) return readFileSync(path.join(assets, file));
  }
  return undefined;
}

function landingPage(deps: HttpDependencies): string {
  const name = deps.service.hallConfig.hall.name.replace(/[<>&]/g, '');
  const links = Object.keys(deps.apps)
    .map((app) => `<li><a href="/${app}/">/${app}/</a></li>`)
    .join('');
  const caLink =
    deps.hallCaCertificate?.() === undefined
      ? ''
      : `<p><a href="${HALL_CA_PATH}">Chứng chỉ của Trung tâm (cài lên thiết bị) / The hall's certificate (install on devices)</a></p>`;
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lượt — ${name}</title>
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto"><h1>Lượt</h1><p>${name}</p>
<ul>${links || '<li>Chưa có ứng dụng nào được build. / No app has been built yet.</li>'}</ul>
${caLink}<p><a href="/health">/health</a></p></body></html>`;
}
