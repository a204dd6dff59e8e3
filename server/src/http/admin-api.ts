import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ack, Identity } from '@luot/shared/contracts';
import {
  MAX_LOGO_BYTES,
  MAX_VOICE_CLIP_BYTES,
  auditQuerySchema,
  clerkPinRequestSchema,
  configUpdateSchema,
  consolePairingSchema,
  idParamSchema,
  loginRequestSchema,
  logoRequestSchema,
  voiceClipRequestSchema,
  passwordChangeSchema,
  reportQuerySchema,
  simulationRequestSchema,
  ticketSearchSchema,
} from '@luot/shared/contracts';
import { asClerkId, asDeviceId } from '@luot/shared/domain';
import { pinProblemText } from '@luot/shared/text';
import type { AdminConsole } from '../app/admin-console.ts';
import type { HallService } from '../app/hall-service.ts';
import { requestFingerprint } from '../app/request-fingerprint.ts';
import type { ActiveSession, ManagerAccounts } from '../app/managers.ts';
import type { Logger } from '../log.ts';
import type { ZodTypeProvider } from './http-errors.ts';
import { HttpError, problem } from './http-errors.ts';

/** What the admin routes need: the app layer only (the console's writes go through it). */
export interface AdminApiDependencies {
  readonly service: HallService;
  readonly accounts: ManagerAccounts;
  readonly console: AdminConsole;
  readonly logger: Logger;
}

/** A whole configuration (a hall with hundreds of procedures) may be this large. */
const CONFIG_BODY_LIMIT = 2 * 1024 * 1024;
const SMALL_BODY_LIMIT = 4 * 1024;
const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
  return match?.[1];
}

/** The request's live manager session (sliding its expiry), or 401. */
function sessionOf(
  accounts: ManagerAccounts,
  request: FastifyRequest,
): { token: string; session: ActiveSession } {
  const token = bearer(request);
  const session = token === undefined ? undefined : accounts.session(token);
  if (token === undefined || !session) throw problem(401, 'UNAUTHORIZED', 'sign in again');
  return { token, session };
}

/** A session that may act: the demo password has been changed; with its Socket.IO identity. */
export function managerOf(
  accounts: ManagerAccounts,
  request: FastifyRequest,
): { session: ActiveSession; identity: Identity } {
  const { token, session } = sessionOf(accounts, request);
  if (session.manager.mustChangePassword) throw problem(403, 'FORBIDDEN', 'change the demo password first');
  const identity = accounts.identityOf(token);
  if (!identity) throw problem(401, 'UNAUTHORIZED', 'sign in again');
  return { session, identity };
}

/**
 * The manager console's REST routes under `/api/admin/…` (plus the public `GET /api/hall/logo`: the PNG,
 * or 204 No Content when the hall has none).
 * Every route but sign-in needs `Authorization: Bearer <session token>`; a manager who must still
 * change the demo password reaches only the session, sign-out and password routes.
 */
export function registerAdminRoutes(parent: FastifyInstance, deps: AdminApiDependencies): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { accounts, service, console: adminConsole, logger } = deps;

  app.get('/api/hall/logo', async (_request, reply) => {
    const dataUrl = adminConsole.logo();
    // No logo is a normal state, not a failed request: 204, so no browser logs an error for it.
    if (!dataUrl) return reply.code(204).header('cache-control', 'no-cache').send();
    const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    return reply.type('image/png').header('cache-control', 'no-cache').send(bytes);
  });

  app.post(
    '/api/admin/login',
    { bodyLimit: SMALL_BODY_LIMIT, schema: { body: loginRequestSchema } },
    async (request, reply) => {
      const result = await accounts.login(request.body.username, request.body.password, request.ip);
      if (!result.ok) {
        logger.warn({ result: result.code, address: request.ip }, 'manager sign-in refused');
        if (result.retryAt !== null) {
          void reply.header('retry-after', String(accounts.secondsUntil(result.retryAt)));
        }
        throw new HttpError(result.code === 'BAD_CREDENTIALS' ? 401 : 429, {
          code: result.code,
          message: {
            BAD_CREDENTIALS: 'wrong username or password',
            LOCKED_OUT: `too many wrong passwords from this address; locked until ${result.retryAt ?? ''}`,
            RATE_LIMITED:
              'too many sign-in attempts from this address, or the server is busy; try again later',
          }[result.code],
        });
      }
      logger.info({ manager: result.manager.id }, 'manager signed in');
      return {
        ok: true,
        value: { token: result.token, expiresAt: result.expiresAt, manager: result.manager },
      };
    },
  );

  app.get('/api/admin/session', (request) => {
    const { session } = sessionOf(accounts, request);
    return { ok: true, value: { manager: session.manager, expiresAt: session.expiresAt } };
  });

  app.post('/api/admin/logout', { bodyLimit: SMALL_BODY_LIMIT }, (request) => {
    const { token } = sessionOf(accounts, request);
    accounts.logout(token);
    return { ok: true, value: { signedOut: true } };
  });

  app.post(
    '/api/admin/password',
    { bodyLimit: SMALL_BODY_LIMIT, schema: { body: passwordChangeSchema } },
    async (request) => {
      const { session } = sessionOf(accounts, request);
      const { currentPassword, newPassword } = request.body;
      const result = await accounts.changePassword(session, currentPassword, newPassword);
      if (!result.ok) {
        throw problem(result.code === 'BAD_CREDENTIALS' ? 401 : 400, result.code, result.message);
      }
      return { ok: true, value: { changed: true } };
    },
  );

  app.put(
    '/api/admin/config',
    { bodyLimit: CONFIG_BODY_LIMIT, schema: { body: configUpdateSchema } },
    async (request) => {
      const { identity } = managerOf(accounts, request);
      const { requestId, config } = request.body;
      // A word of the call template that the hall meant to record but never uploaded cannot be spoken.
      const unrecorded = adminConsole.missingVoiceClips(config);
      if (unrecorded.length > 0)
        throw problem(409, 'INVALID_STATE', `no recorded clip for: ${unrecorded.join(', ')}`);
      // The same fingerprint as the socket's `config:update`: one request, whichever way it came.
      const ack: Ack<unknown> = await service.answerOnce(
        identity,
        requestId,
        requestFingerprint('config:update', { config }),
        () => service.command(identity, requestId, { type: 'configure', config }),
      );
      if (!ack.ok) throw new HttpError(ack.error.code === 'INTERNAL' ? 500 : 409, ack.error);
      return { ok: true, value: ack.value };
    },
  );

  app.post(
    '/api/admin/clerks/:id/pin',
    { bodyLimit: 1024, schema: { params: idParamSchema, body: clerkPinRequestSchema } },
    async (request) => {
      const { session } = managerOf(accounts, request);
      const clerkId = asClerkId(request.params.id);
      if (!adminConsole.hasClerk(clerkId)) throw problem(404, 'NOT_FOUND', 'unknown clerk');
      const result = await adminConsole.setClerkPin(session.manager.id, clerkId, request.body.pin);
      if (!result.ok) throw problem(400, 'WEAK_PIN', pinProblemText('en', result.problem));
      // The clerk must replace it at the next sign-in (PIN_CHANGE_REQUIRED until then).
      return { ok: true, value: { reset: true, mustChangeAtSignIn: true } };
    },
  );

  app.put('/api/admin/logo', { bodyLimit: 200 * 1024, schema: { body: logoRequestSchema } }, (request) => {
    const { session } = managerOf(accounts, request);
    const { dataUrl } = request.body;
    if (dataUrl !== null) {
      const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      if (bytes.length <= 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE))
        throw problem(400, 'VALIDATION_FAILED', 'not a PNG image');
      if (bytes.length > MAX_LOGO_BYTES)
        throw problem(413, 'PAYLOAD_TOO_LARGE', `a logo is at most ${MAX_LOGO_BYTES} bytes`);
    }
    adminConsole.setLogo(session.manager.id, dataUrl);
    return { ok: true, value: { saved: true } };
  });

  app.put(
    '/api/admin/voice-clips',
    { bodyLimit: 240 * 1024, schema: { body: voiceClipRequestSchema } },
    (request) => {
      const { session } = managerOf(accounts, request);
      const { phrase, dataUrl } = request.body;
      const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      if (bytes.length > MAX_VOICE_CLIP_BYTES)
        throw problem(413, 'PAYLOAD_TOO_LARGE', `a clip is at most ${MAX_VOICE_CLIP_BYTES} bytes`);
      const saved = adminConsole.saveVoiceClip(session.manager.id, phrase, bytes);
      if (!saved.ok) throw problem(400, 'VALIDATION_FAILED', saved.problem);
      logger.info({ manager: session.manager.id, file: saved.value.file }, 'voice clip saved');
      return { ok: true, value: saved.value };
    },
  );

  app.get('/api/admin/devices', (request) => {
    managerOf(accounts, request);
    return { ok: true, value: service.deviceStatuses() };
  });

  app.post(
    '/api/admin/devices/pair',
    { bodyLimit: SMALL_BODY_LIMIT, schema: { body: consolePairingSchema } },
    (request) => {
      const { session, identity } = managerOf(accounts, request);
      const { kind, name, counterId } = request.body;
      const ack = service.createPairing(identity, kind, name, counterId);
      if (!ack.ok) throw new HttpError(400, ack.error);
      adminConsole.recordAction(session.manager.id, 'device.pairing-created', { kind, name, counterId });
      return { ok: true, value: ack.value };
    },
  );

  app.post(
    '/api/admin/devices/:id/revoke',
    { bodyLimit: SMALL_BODY_LIMIT, schema: { params: idParamSchema } },
    (request) => {
      const { session, identity } = managerOf(accounts, request);
      const deviceId = asDeviceId(request.params.id);
      if (!service.revokeDevice(identity, deviceId))
        throw problem(404, 'NOT_FOUND', 'no active device with that id');
      adminConsole.recordAction(session.manager.id, 'device.revoked', { deviceId });
      return { ok: true, value: { revoked: true } };
    },
  );

  app.get('/api/admin/tickets', { schema: { querystring: ticketSearchSchema } }, (request) => {
    managerOf(accounts, request);
    return { ok: true, value: adminConsole.findTickets(request.query.number, request.query.day ?? null) };
  });

  app.get('/api/admin/reports', { schema: { querystring: reportQuerySchema } }, async (request, reply) => {
    managerOf(accounts, request);
    const q = request.query;
    const started = performance.now();
    const { report, file } = await adminConsole.report({
      from: q.from,
      to: q.to,
      targetWaitMinutes: q.target,
      format: q.format,
      dimensions: q.dimensions,
    });
    logger.info({ from: q.from, to: q.to, ms: Math.round(performance.now() - started) }, 'report');
    if (file === null) return { ok: true, value: report };
    return reply
      .type(file.contentType)
      .header(
        'content-disposition',
        `attachment; filename="luot-bao-cao-${q.from}_${q.to}.${file.extension}"`,
      )
      .header('cache-control', 'no-store')
      .send(file.bytes);
  });

  // The policy simulator (docs/ADMIN.md): past days replayed under a candidate setup, on the worker.
  app.post(
    '/api/admin/simulations',
    { bodyLimit: 64 * 1024, schema: { body: simulationRequestSchema } },
    async (request) => {
      managerOf(accounts, request);
      const started = performance.now();
      const comparison = await adminConsole.simulate(request.body);
      logger.info(
        { from: request.body.from, to: request.body.to, ms: Math.round(performance.now() - started) },
        'simulation',
      );
      return { ok: true, value: comparison };
    },
  );

  app.get('/api/admin/audit', { schema: { querystring: auditQuerySchema } }, (request) => {
    managerOf(accounts, request);
    const q = request.query;
    return {
      ok: true,
      value: adminConsole.audit({
        limit: q.limit,
        ...(q.type ? { type: q.type } : {}),
        ...(q.role ? { actorRole: q.role } : {}),
        ...(q.counter ? { counterId: q.counter } : {}),
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        ...(q.before !== undefined ? { before: q.before } : {}),
      }),
    };
  });

  app.get('/api/admin/audit/types', (request) => {
    managerOf(accounts, request);
    return { ok: true, value: adminConsole.auditTypes() };
  });

  // Anything else under /api/admin/ is unknown, but only to a signed-in manager: a stranger learns nothing.
  app.all('/api/admin/*', (request) => {
    managerOf(accounts, request);
    throw problem(404, 'NOT_FOUND', 'no such admin route');
  });
}
