import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { catalogueBodySchema, PROVINCE_DIMENSIONS, textSchema } from '@luot/shared/contracts';
import type {
  HallAlert,
  HallBoardRow,
  LiveFigures,
  ProvinceCatalogue,
  ProvinceReport,
} from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';
import { isSatisfiedRating } from '@luot/shared/reports';
import type { HubAccounts } from '../app/accounts.ts';
import type { HallRegistry } from '../app/halls.ts';
import type { Ingest } from '../app/ingest.ts';
import { hallReportFromHub, provinceReport } from '../app/province-report.ts';
import { provinceCsv, provinceXlsx } from '../app/province-export.ts';
import type { RollupWorker } from '../app/rollups.ts';
import type { HubDatabase } from '../db/database.ts';
import { CONNECTED_WINDOW_MS, hallSummaries } from '../hub-server.ts';
import { bearerToken, HubHttpError, parseOr400, sendOk } from './common.ts';

/** Alerts the halls list raises (the thresholds a province may tune per request). */
export const OFFLINE_ALERT_MS = 10 * 60_000;
const DEFAULT_WAIT_TARGET_MINUTES = 30;
const DEFAULT_SATISFACTION_THRESHOLD = 80;
/** Below this many ratings today, a low satisfaction % is noise, not an alert. */
const MIN_RATINGS_FOR_ALERT = 5;

const loginSchema = z.strictObject({
  username: textSchema().min(1).max(100),
  password: z.string().min(1).max(200),
});
const passwordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
const newHallSchema = z.strictObject({ name: textSchema().trim().min(1).max(200) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reportQuerySchema = z.strictObject({
  from: day,
  to: day,
  target: z.coerce.number().int().min(1).max(480).default(DEFAULT_WAIT_TARGET_MINUTES),
  halls: z.string().max(10_000).optional(),
});
const hallsQuerySchema = z.strictObject({
  target: z.coerce.number().int().min(1).max(480).default(DEFAULT_WAIT_TARGET_MINUTES),
  satisfaction: z.coerce.number().min(0).max(100).default(DEFAULT_SATISFACTION_THRESHOLD),
});

const MAX_REPORT_DAYS = 400;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The province console's API (session token from sign-in), the catalogue for halls (hall key). */
export function registerConsoleRoutes(
  app: FastifyInstance,
  deps: {
    readonly db: HubDatabase;
    readonly halls: HallRegistry;
    readonly accounts: HubAccounts;
    readonly ingest: Ingest;
    readonly rollups: RollupWorker;
    readonly now: () => number;
    readonly authAttemptsPerMinute: number;
  },
): void {
  const { db, accounts } = deps;
  const signedIn = async (request: FastifyRequest): Promise<{ id: number; token: string }> => {
    const token = bearerToken(request);
    const account = token === undefined ? undefined : await accounts.session(token);
    if (!account || token === undefined) throw new HubHttpError(401, 'UNAUTHORIZED', 'sign in first');
    if (account.mustChangePassword && !request.url.startsWith('/api/v1/console/password'))
      throw new HubHttpError(403, 'FORBIDDEN', 'change your password first');
    return { id: account.id, token };
  };

  app.post(
    '/api/v1/console/login',
    { config: { rateLimit: { max: deps.authAttemptsPerMinute * 3, timeWindow: 60_000 } } },
    async (request, reply) => {
      const { username, password } = parseOr400(loginSchema, request.body);
      const result = await accounts.login(username, password);
      if (!result.ok) {
        request.log.warn({ result: result.code }, 'province sign-in refused');
        if (result.retryAt !== null)
          reply.header('retry-after', String(Math.ceil((result.retryAt - deps.now()) / 1000)));
        throw new HubHttpError(
          result.code === 'LOCKED_OUT' ? 429 : 401,
          result.code,
          'wrong username or password, or locked',
        );
      }
      return sendOk(reply, { token: result.token, expiresAt: result.expiresAt, account: result.account });
    },
  );

  app.post('/api/v1/console/logout', async (request, reply) => {
    const token = bearerToken(request);
    if (token) await accounts.logout(token);
    return sendOk(reply, {});
  });

  app.get('/api/v1/console/me', async (request, reply) => {
    const token = bearerToken(request);
    const account = token === undefined ? undefined : await accounts.session(token);
    if (!account) throw new HubHttpError(401, 'UNAUTHORIZED', 'sign in first');
    return sendOk(reply, account);
  });

  app.post('/api/v1/console/password', async (request, reply) => {
    const { token } = await signedIn(request);
    const body = parseOr400(passwordSchema, request.body);
    const result = await accounts.changePassword(token, body.currentPassword, body.newPassword);
    if (!result.ok)
      throw new HubHttpError(result.code === 'BAD_CREDENTIALS' ? 401 : 400, result.code, result.message);
    return sendOk(reply, {});
  });

  app.get('/api/v1/console/halls', async (request, reply) => {
    await signedIn(request);
    const query = parseOr400(hallsQuerySchema, request.query);
    return sendOk(reply, await hallBoard(db, deps.now(), query.target, query.satisfaction));
  });

  app.post('/api/v1/console/halls', async (request, reply) => {
    const { id } = await signedIn(request);
    const { name } = parseOr400(newHallSchema, request.body);
    const enrolment = await deps.halls.enrolmentCode({ name }, deps.now());
    request.log.info({ hall: enrolment.hallId, account: id }, 'hall added');
    return sendOk(reply, enrolment);
  });

  app.post<{ Params: { hallId: string } }>('/api/v1/console/halls/:hallId/code', async (request, reply) => {
    await signedIn(request);
    try {
      return sendOk(reply, await deps.halls.enrolmentCode({ hallId: request.params.hallId }, deps.now()));
    } catch {
      throw new HubHttpError(404, 'NOT_FOUND', 'no such hall');
    }
  });

  app.post<{ Params: { hallId: string } }>('/api/v1/console/halls/:hallId/revoke', async (request, reply) => {
    const { id } = await signedIn(request);
    const isRevoked = await deps.halls.revokeKey(request.params.hallId);
    if (!isRevoked) throw new HubHttpError(404, 'NOT_FOUND', 'no such hall with a live key');
    request.log.warn({ hall: request.params.hallId, account: id }, 'hall key revoked');
    return sendOk(reply, { revoked: true });
  });

  const reportOf = async (request: FastifyRequest): Promise<ProvinceReport> => {
    await signedIn(request);
    const query = parseOr400(reportQuerySchema, request.query);
    const span = daysBetween(query.from, query.to);
    if (!(span >= 0) || span > MAX_REPORT_DAYS)
      throw new HubHttpError(400, 'VALIDATION_FAILED', `from ≤ to, at most ${MAX_REPORT_DAYS} days`);
    const hallIds = query.halls ? query.halls.split(',').filter((id) => id !== '') : undefined;
    return provinceReport(
      db.pool,
      { from: query.from, to: query.to, targetWaitMinutes: query.target, ...(hallIds ? { hallIds } : {}) },
      deps.now(),
    );
  };

  app.get('/api/v1/console/report', async (request, reply) => sendOk(reply, await reportOf(request)));
  const download = (
    reply: FastifyReply,
    name: string,
    type: string,
    body: string | Uint8Array,
  ): FastifyReply =>
    reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${name}"`)
      .type(type)
      .send(typeof body === 'string' ? body : Buffer.from(body));
  app.get('/api/v1/console/report.csv', async (request, reply) => {
    const report = await reportOf(request);
    return download(
      reply,
      `bao-cao-tinh-${report.from}-${report.to}.csv`,
      'text/csv; charset=utf-8',
      provinceCsv(report),
    );
  });
  app.get('/api/v1/console/report.xlsx', async (request, reply) => {
    const report = await reportOf(request);
    return download(
      reply,
      `bao-cao-tinh-${report.from}-${report.to}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      provinceXlsx(report),
    );
  });

  app.get<{ Params: { hallId: string } }>('/api/v1/console/halls/:hallId/report', async (request, reply) => {
    await signedIn(request);
    const query = parseOr400(reportQuerySchema.omit({ halls: true }), request.query);
    const report = await hallReportFromHub(
      db.pool,
      request.params.hallId,
      { from: query.from, to: query.to, targetWaitMinutes: query.target },
      deps.now(),
    );
    if (!report)
      throw new HubHttpError(404, 'NOT_FOUND', 'no such hall, or it has not shipped its configuration');
    return sendOk(reply, report);
  });

  // ── the province's service catalogue ──
  const newestCatalogue = async (): Promise<ProvinceCatalogue | null> => {
    const { rows } = await db.pool.query<{
      version: number;
      body: ProvinceCatalogue['body'];
      created_ms: number;
    }>(
      `SELECT version, body, (extract(epoch FROM created_at) * 1000)::bigint AS created_ms
       FROM catalogue_versions ORDER BY version DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? { version: row.version, body: row.body, createdAt: row.created_ms } : null;
  };
  app.get('/api/v1/console/catalogue', async (request, reply) => {
    await signedIn(request);
    return sendOk(reply, await newestCatalogue());
  });
  app.put('/api/v1/console/catalogue', async (request, reply) => {
    const { id } = await signedIn(request);
    const body = parseOr400(catalogueBodySchema, request.body);
    const fieldIds = new Set(body.fields.map((field) => field.id));
    const unknown = body.services.filter((service) => !fieldIds.has(service.fieldId));
    if (unknown.length > 0)
      throw new HubHttpError(
        400,
        'VALIDATION_FAILED',
        `services in unknown fields: ${unknown.map((service) => service.id).join(', ')}`,
      );
    const { rows } = await db.pool.query<{ version: number }>(
      'INSERT INTO catalogue_versions (body, created_by) VALUES ($1, $2) RETURNING version',
      [JSON.stringify(body), id],
    );
    request.log.info({ account: id, version: rows[0]!.version }, 'catalogue saved');
    return sendOk(reply, { version: rows[0]!.version });
  });
  // A hall's own fields and services, to start the province's catalogue from (the console's "take from").
  app.get<{ Params: { hallId: string } }>(
    '/api/v1/console/halls/:hallId/catalogue',
    async (request, reply) => {
      await signedIn(request);
      const { rows } = await db.pool.query<{ config: HallConfig | null }>(
        'SELECT config FROM halls WHERE id = $1',
        [request.params.hallId],
      );
      const config = rows[0]?.config;
      if (!config)
        throw new HubHttpError(404, 'NOT_FOUND', 'no such hall, or it has not shipped its configuration');
      return sendOk(reply, { fields: config.fields, services: config.services });
    },
  );
  // A hall's console asks for the newest catalogue through its own server, with the hall's key.
  app.get('/api/v1/catalogue', async (request, reply) => {
    const key = bearerToken(request);
    if (key === undefined || (await deps.halls.hallOfKey(key)) === undefined)
      throw new HubHttpError(401, 'UNAUTHORIZED', 'unknown or revoked hall key');
    return sendOk(reply, await newestCatalogue());
  });

  // Roll up finished days now (the console's "refresh" and tests; the hub also does it on a timer).
  app.post('/api/v1/console/rollups', async (request, reply) => {
    await signedIn(request);
    return sendOk(reply, { days: await deps.rollups.runOnce() });
  });
  void PROVINCE_DIMENSIONS;
}

/** The halls board: live state, what is behind, today's figures and alerts. */
export async function hallBoard(
  db: HubDatabase,
  now: number,
  targetMinutes: number,
  satisfactionThreshold: number,
): Promise<HallBoardRow[]> {
  const summaries = new Map((await hallSummaries(db, now)).map((summary) => [summary.hallId, summary]));
  const { rows } = await db.pool.query<{
    id: string;
    head_version: number;
    shipped_version: number;
    last_contact_ms: number | null;
    key_hash: string | null;
    key_revoked_at: Date | null;
    live: LiveFigures | null;
    config: HallConfig | null;
  }>(
    `SELECT id, head_version, shipped_version, (extract(epoch FROM last_contact_at) * 1000)::bigint AS last_contact_ms,
            key_hash, key_revoked_at, live, config FROM halls`,
  );
  const ratings = await db.pool.query<{ hall_id: string; rating: number; n: number }>(
    `SELECT r.hall_id, r.rating, count(*)::int AS n FROM halls h
     JOIN tickets t ON t.hall_id = h.id AND t.business_day = h.business_day
     JOIN ratings r ON r.hall_id = t.hall_id AND r.ticket_id = t.id
     GROUP BY r.hall_id, r.rating`,
  );
  const board: HallBoardRow[] = [];
  for (const row of rows) {
    const summary = summaries.get(row.id);
    if (!summary) continue;
    const levels = row.config?.satisfaction.levels ?? [];
    let total = 0;
    let satisfied = 0;
    for (const rating of ratings.rows.filter((candidate) => candidate.hall_id === row.id)) {
      total += rating.n;
      if (isSatisfiedRating(levels, rating.rating)) satisfied += rating.n;
    }
    const percent = total === 0 ? null : (satisfied / total) * 100;
    const alerts: HallAlert[] = [];
    const isEnrolled = row.key_hash !== null;
    if (
      isEnrolled &&
      row.key_revoked_at === null &&
      (row.last_contact_ms === null || now - row.last_contact_ms > OFFLINE_ALERT_MS)
    )
      alerts.push({ kind: 'offline', sinceMs: row.last_contact_ms });
    const oldest = row.live?.oldestWaitingQueuedAt ?? null;
    if (oldest !== null && now - oldest > targetMinutes * 60_000)
      alerts.push({ kind: 'wait', waitMinutes: Math.floor((now - oldest) / 60_000), targetMinutes });
    if (percent !== null && total >= MIN_RATINGS_FOR_ALERT && percent < satisfactionThreshold)
      alerts.push({ kind: 'satisfaction', percent, threshold: satisfactionThreshold });
    board.push({
      hallId: row.id,
      name: summary.name,
      connected: summary.connected,
      lastContactAt: row.last_contact_ms,
      shippedVersion: row.shipped_version,
      eventsBehind: Math.max(0, row.head_version - row.shipped_version),
      lastEventAt: summary.lastEventAt,
      isKeyRevoked: row.key_revoked_at !== null,
      isEnrolled,
      live: row.live,
      satisfactionToday: { total, satisfied, percent },
      alerts,
    });
  }
  return board.sort((a, b) => b.alerts.length - a.alerts.length || a.name.localeCompare(b.name, 'vi'));
}

export { CONNECTED_WINDOW_MS };
