import type { FastifyInstance } from 'fastify';
import { firstManagerRequestSchema } from '@luot/shared/contracts';
import { passwordProblemText } from '@luot/shared/text';
import type { FirstStart } from '../app/first-manager.ts';
import { isLoopbackAddress } from '../app/first-manager.ts';
import type { Logger } from '../log.ts';
import type { ZodTypeProvider } from './http-errors.ts';
import { problem } from './http-errors.ts';

/**
 * The console's first start (issue 15): `GET /api/admin/first-start` tells the sign-in screen whether
 * the hall has no manager yet and whether this browser is on the server PC; `POST
 * /api/admin/first-manager` creates that first manager, from the server PC only (loopback), once.
 */
export function registerFirstStartRoutes(
  parent: FastifyInstance,
  deps: { readonly firstStart: FirstStart; readonly logger: Logger },
): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.get('/api/admin/first-start', (request) => ({
    ok: true,
    value: {
      needsFirstManager: deps.firstStart.needsFirstManager(),
      isServerPc: isLoopbackAddress(request.ip),
    },
  }));

  app.post(
    '/api/admin/first-manager',
    {
      bodyLimit: 4 * 1024,
      schema: { body: firstManagerRequestSchema },
      // Password hashing is work: a handful a minute is plenty for the one time this is used.
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (request) => {
      const { username, displayName, password } = request.body;
      const result = await deps.firstStart.create(request.ip, {
        username,
        password,
        ...(displayName ? { displayName } : {}),
      });
      if (result.ok) {
        deps.logger.info({ manager: result.managerId, address: request.ip }, 'first manager created');
        return { ok: true, value: { created: true } };
      }
      switch (result.code) {
        case 'NOT_SERVER_PC':
          deps.logger.warn({ address: request.ip }, 'first manager refused: not the server PC');
          throw problem(403, 'FORBIDDEN', 'create the first manager on the server PC (localhost)');
        case 'ALREADY_SET':
          throw problem(409, 'INVALID_STATE', 'this hall already has a manager');
        case 'BAD_USERNAME':
          throw problem(400, 'VALIDATION_FAILED', 'a username is letters, digits, . _ - (at most 64)');
        case 'WEAK_PASSWORD':
          throw problem(400, 'WEAK_PASSWORD', passwordProblemText('en', result.problem));
      }
    },
  );
}
