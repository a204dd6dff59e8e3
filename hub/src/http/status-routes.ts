import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { PublicTicketStatus } from '@luot/shared/contracts';
import { describePublicTicket } from '@luot/shared/contracts';
import type { HallConfig, Ticket } from '@luot/shared/domain';
import type { Ingest } from '../app/ingest.ts';
import type { HubDatabase } from '../db/database.ts';
import { REPO_ROOT } from '../hub-server.ts';
import { HubHttpError } from './common.ts';

/** A visitor's phone polls every few seconds; far more than that from one address is a scan. */
const STATUS_REQUESTS_PER_MINUTE = 120;

/** A ticket's public status from the shipped events, as of the newest event the hub holds. */
export async function hubTicketStatus(
  db: HubDatabase,
  ingest: Ingest,
  code: string,
): Promise<PublicTicketStatus | undefined> {
  const { rows } = await db.pool.query<{
    hall_id: string;
    ticket_id: number;
    shipped_version: number;
    head_version: number;
    last_event_at: number | null;
    last_contact_ms: number | null;
    config: HallConfig | null;
    body: Ticket | null;
  }>(
    `SELECT c.hall_id, c.ticket_id, h.shipped_version, h.head_version, h.last_event_at,
            (extract(epoch FROM h.last_contact_at) * 1000)::bigint AS last_contact_ms, h.config, t.body
     FROM ticket_codes c JOIN halls h ON h.id = c.hall_id
     LEFT JOIN tickets t ON t.hall_id = c.hall_id AND t.id = c.ticket_id
     WHERE c.code = $1 AND h.key_revoked_at IS NULL`,
    [code],
  );
  const row = rows[0];
  // The code may have arrived before its ticket's event (out of order): unknown until it is folded.
  if (!row?.body || !row.config) return undefined;
  const client = await db.pool.connect();
  try {
    const { state } = await ingest.stateAt(client, row.hall_id, row.shipped_version);
    // Complete up to the hall's last contact when nothing was behind then; else up to the last event held.
    const asOf = row.shipped_version >= row.head_version ? row.last_contact_ms : row.last_event_at;
    return { ...describePublicTicket(state, row.config, state.tickets[row.body.id] ?? row.body), asOf };
  } finally {
    client.release();
  }
}

/**
 * The citizen's ticket page outside the hall's Wi-Fi: `/t/<code>` serves the display app's own status
 * page (same page, same languages), which polls `/api/tickets/<code>` here. No personal data; codes are
 * 96 random bits, and a scan from one address is cut off by the rate limit.
 */
export async function registerStatusRoutes(
  app: FastifyInstance,
  deps: { readonly db: HubDatabase; readonly ingest: Ingest; readonly now: () => number },
): Promise<void> {
  const displayDist = path.join(REPO_ROOT, 'apps', 'display', 'dist');
  const statusPage = path.join(displayDist, 'status.html');
  const rateLimited = { config: { rateLimit: { max: STATUS_REQUESTS_PER_MINUTE, timeWindow: 60_000 } } };

  app.get<{ Params: { code: string } }>('/api/tickets/:code', rateLimited, async (request, reply) => {
    const { code } = request.params;
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(code)) throw new HubHttpError(404, 'NOT_FOUND', 'no such ticket');
    const status = await hubTicketStatus(deps.db, deps.ingest, code);
    if (!status) throw new HubHttpError(404, 'NOT_FOUND', 'no such ticket');
    return reply.header('cache-control', 'no-store').send({ ok: true, value: status });
  });

  if (existsSync(statusPage)) {
    const html = readFileSync(statusPage);
    app.get('/t/:code', rateLimited, async (_request, reply) =>
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html),
    );
    // The page's scripts, styles and fonts (built with base /display/).
    await app.register(fastifyStatic, {
      root: path.join(displayDist, 'assets'),
      prefix: '/display/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
    });
  }
}
