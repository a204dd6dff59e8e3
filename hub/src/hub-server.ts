import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { enrolRequestSchema, ingestRequestSchema } from '@luot/shared/contracts';
import type { HubHallSummary } from '@luot/shared/contracts';
import { asHallConfig, asVersionedEvent } from '@luot/shared/contracts';
import { pageSecurityHeaders } from '@luot/server/security-headers';
import { HubAccounts } from './app/accounts.ts';
import { HallRegistry } from './app/halls.ts';
import { Ingest } from './app/ingest.ts';
import type { LiveFigures } from './app/live.ts';
import { RollupWorker } from './app/rollups.ts';
import type { HubDatabase } from './db/database.ts';
import { openHubDatabase } from './db/database.ts';
import { bearerToken, HubHttpError, parseOr400, sendOk } from './http/common.ts';
import { registerConsoleRoutes } from './http/console-routes.ts';
import { registerStatusRoutes } from './http/status-routes.ts';
import { createHubLogger } from './log.ts';

/** The repository root (the built console and status page live under apps/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A hall is "connected" while its last request is this recent (the shipper calls at least every 30 s). */
export const CONNECTED_WINDOW_MS = 90_000;

/** How to start a hub process. */
export interface HubServerOptions {
  readonly port: number;
  readonly host?: string;
  /** Embedded PostgreSQL's folder (used when `databaseUrl` is not given). */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** The hub's public address (`https://hub.example.gov.vn`): ticket QR codes point to `<publicUrl>/t/<code>`. */
  readonly publicUrl?: string | null;
  readonly logger?: Logger;
  readonly now?: () => number;
  /** How often this process rolls up finished days (0: never by itself; tests call `rollups.runOnce`). */
  readonly rollupIntervalMs?: number;
  /** Wrong enrolment codes or sign-ins tolerated per address per minute. */
  readonly authAttemptsPerMinute?: number;
  /**
   * The TLS proxy in front of the hub (its address, e.g. `127.0.0.1`), whose X-Forwarded-For is believed
   * for rate limits; none by default (a client could otherwise name any address it likes).
   */
  readonly trustProxy?: string | false;
}

/** A running hub process. */
export interface HubServer {
  readonly url: string;
  readonly port: number;
  readonly db: HubDatabase;
  readonly halls: HallRegistry;
  readonly accounts: HubAccounts;
  readonly ingest: Ingest;
  readonly rollups: RollupWorker;
  readonly app: FastifyInstance;
  close(options?: { keepEmbedded?: boolean }): Promise<void>;
}

/** The halls as the read-only API lists them. */
export async function hallSummaries(db: HubDatabase, now: number): Promise<HubHallSummary[]> {
  const { rows } = await db.pool.query<{
    id: string;
    name: string;
    shipped_version: number;
    last_event_at: number | null;
    last_contact_ms: number | null;
    live: LiveFigures | null;
  }>(
    `SELECT id, name, shipped_version, last_event_at,
            (extract(epoch FROM last_contact_at) * 1000)::bigint AS last_contact_ms, live
     FROM halls ORDER BY name, id`,
  );
  return rows.map((row) => ({
    hallId: row.id,
    name: row.name,
    connected: row.last_contact_ms !== null && now - row.last_contact_ms <= CONNECTED_WINDOW_MS,
    shippedVersion: row.shipped_version,
    lastEventAt: row.last_event_at,
    today: {
      issued: row.live?.issued ?? 0,
      called: row.live?.called ?? 0,
      served: row.live?.served ?? 0,
      noShow: row.live?.noShow ?? 0,
      waiting: row.live?.waiting ?? 0,
    },
  }));
}

/**
 * Start one hub process: PostgreSQL (embedded unless DATABASE_URL), migrations, Fastify with the hall
 * ingest, the read-only API, the province console's API and pages, and the public ticket status.
 * Stateless beside PostgreSQL: any number of these may serve one database behind a load balancer.
 */
export async function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const logger = options.logger ?? createHubLogger();
  const now = options.now ?? Date.now;
  const db = await openHubDatabase({
    dataDir: options.dataDir,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    onLog: (line) => logger.debug({ postgres: line }, 'postgres'),
  });
  const publicUrl = options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : null;
  const halls = new HallRegistry(db.pool);
  const accounts = new HubAccounts(db.pool, now);
  const ingest = new Ingest(db.pool, publicUrl);
  const rollups = new RollupWorker(db.pool, logger);

  const baseLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: baseLogger,
    // The ingest carries at most 500 events and a configuration.
    bodyLimit: 4 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // A close ends every connection, not only the idle ones: one carrying a request (a hall's shipper
    // posting) kept Node's close waiting, and once answered stayed open for the keep-alive timeout. A
    // request cut this way is answered by nothing, and its hall ships it again (the ingest keeps each
    // event once); a transaction already under way finishes before the database closes (the pool's end
    // waits for its client), one not yet begun writes nothing.
    forceCloseConnections: true,
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HubHttpError) {
      return reply.status(error.status).send({
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
        },
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413)
      return reply
        .status(413)
        .send({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'body too large' } });
    if (status === 429)
      return reply
        .status(429)
        .send({ ok: false, error: { code: 'RATE_LIMITED', message: 'too many attempts; try again later' } });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: error instanceof Error ? error.message : 'bad request',
        },
      });
    }
    request.log.error({ err: error, url: request.url }, 'request failed');
    return reply.status(500).send({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  });
  await app.register(rateLimit, { global: false });
  // The hall's page policy on every answer (the province console, the status page): no frames around a
  // signed-in console, no Referer carrying a ticket's code, scripts only from the hub itself.
  await app.register(fastifyHelmet, pageSecurityHeaders());

  /** The hall a key belongs to, or a 401. */
  const hallOf = async (request: FastifyRequest): Promise<string> => {
    const key = bearerToken(request);
    const hallId = key === undefined ? undefined : await halls.hallOfKey(key);
    if (hallId === undefined) throw new HubHttpError(401, 'UNAUTHORIZED', 'unknown or revoked hall key');
    return hallId;
  };

  app.get('/health', () => ({
    ok: true,
    schemaVersion: db.schemaVersion,
    database: db.embedded ? 'embedded' : 'external',
    publicUrl,
  }));

  app.post(
    '/api/v1/enrol',
    { config: { rateLimit: { max: options.authAttemptsPerMinute ?? 10, timeWindow: 60_000 } } },
    async (request, reply) => {
      const { code } = parseOr400(enrolRequestSchema, request.body);
      const enrolled = await halls.enrol(code, now());
      if (!enrolled) throw new HubHttpError(401, 'UNAUTHORIZED', 'unknown, used or expired enrolment code');
      request.log.info({ hall: enrolled.hallId }, 'hall enrolled');
      return sendOk(reply, enrolled);
    },
  );

  app.post('/api/v1/ingest', async (request, reply) => {
    const hallId = await hallOf(request);
    const batch = parseOr400(ingestRequestSchema, request.body);
    const answer = await ingest.ingest(hallId, {
      events: batch.events.map(asVersionedEvent),
      codes: batch.codes,
      headVersion: batch.headVersion,
      ...(batch.config ? { config: asHallConfig(batch.config) } : {}),
    });
    return sendOk(reply, answer);
  });

  // The read-only API for the province's tools: an API token (pnpm hub-admin token) or a console session.
  app.get('/api/v1/halls', async (request, reply) => {
    const token = bearerToken(request);
    const isAllowed =
      token !== undefined &&
      ((await halls.isApiToken(token)) || (await accounts.session(token)) !== undefined);
    if (!isAllowed) throw new HubHttpError(401, 'UNAUTHORIZED', 'send Authorization: Bearer <token>');
    return reply.header('cache-control', 'no-store').send(await hallSummaries(db, now()));
  });

  await registerStatusRoutes(app, { db, ingest, now });
  registerConsoleRoutes(app, {
    db,
    halls,
    accounts,
    ingest,
    rollups,
    now,
    authAttemptsPerMinute: options.authAttemptsPerMinute ?? 10,
  });

  const consoleDist = path.join(REPO_ROOT, 'apps', 'province', 'dist');
  if (existsSync(consoleDist)) {
    await app.register(fastifyStatic, { root: consoleDist, prefix: '/province/', decorateReply: false });
    app.get('/', async (_request, reply) => reply.redirect('/province/'));
  }

  await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const interval = options.rollupIntervalMs ?? 30_000;
  const timer =
    interval > 0
      ? setInterval(
          () =>
            void rollups.runOnce().catch((error: unknown) => logger.error({ err: error }, 'rollup failed')),
          interval,
        )
      : undefined;
  timer?.unref();
  logger.info(
    { port, database: db.embedded ? 'embedded' : 'external', schema: db.schemaVersion },
    'hub started',
  );

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    halls,
    accounts,
    ingest,
    rollups,
    app,
    close: (closeOptions) => {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        await app.close();
        await db.close(closeOptions);
      })();
      return closing;
    },
  };
}
