import type { FastifyInstance } from 'fastify';
import { acceptCatalogueSchema } from '@luot/shared/contracts';
import type { HubLinkConsole } from '../app/hub-link-console.ts';
import type { ManagerAccounts } from '../app/managers.ts';
import { managerOf } from './admin-api.ts';
import type { ZodTypeProvider } from './http-errors.ts';
import { HttpError } from './http-errors.ts';

/**
 * The manager console's view of the province hub (docs/HUB.md): the link's state, the province
 * catalogue with what it changes here, and accepting it. A manager's session, like every admin route.
 */
export function registerHubLinkRoutes(
  parent: FastifyInstance,
  deps: { readonly accounts: ManagerAccounts; readonly hubLink: HubLinkConsole },
): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { accounts, hubLink } = deps;

  app.get('/api/admin/hub-link', (request) => {
    managerOf(accounts, request);
    return { ok: true, value: hubLink.status() };
  });

  app.get('/api/admin/hub-catalogue', async (request) => {
    managerOf(accounts, request);
    const offer = await hubLink.offer();
    if (!offer.ok) throw new HttpError(offer.error.code === 'NOT_FOUND' ? 404 : 502, offer.error);
    return { ok: true, value: offer.value };
  });

  app.post(
    '/api/admin/hub-catalogue/accept',
    { bodyLimit: 1024, schema: { body: acceptCatalogueSchema } },
    async (request) => {
      const { identity } = managerOf(accounts, request);
      const result = await hubLink.accept(identity, request.body.requestId, request.body.version);
      if (!result.ok) {
        const status = result.error.code === 'NOT_FOUND' ? 404 : result.error.code === 'INTERNAL' ? 502 : 409;
        throw new HttpError(status, result.error);
      }
      return { ok: true, value: result.value };
    },
  );
}
