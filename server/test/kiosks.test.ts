import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueOutcome } from '@luot/shared/contracts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall } from './helpers.ts';

describe('5 kiosks issuing 200 tickets at once', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  const kiosks: TestClient[] = [];
  beforeAll(async () => {
    hall = await startTestHall();
    for (let index = 0; index < 5; index += 1) kiosks.push(await pairAndConnect(hall, 'kiosk'));
  });
  afterAll(async () => {
    for (const kiosk of kiosks) kiosk.close();
    await hall.dispose();
  });

  it('gives numbers unique and contiguous per service', async () => {
    const services = hall.service.hallConfig.services.map((service) => service.id);
    const acks = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        kiosks[index % 5]!.send('ticket:issue', {
          requestId: requestId(),
          serviceId: services[(index * 7) % services.length]!,
          priorityGroupId: index % 9 === 0 ? 'nguoi-cao-tuoi' : null,
        }),
      ),
    );
    const tickets = acks.map((ack) => {
      expect(ack.ok).toBe(true);
      return (ack as { ok: true; value: IssueOutcome }).value.ticket;
    });
    expect(new Set(tickets.map((ticket) => ticket.number)).size).toBe(200);
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(200);
    const byService = new Map<string, number[]>();
    for (const ticket of tickets)
      byService.set(ticket.serviceId, [...(byService.get(ticket.serviceId) ?? []), ticket.sequence]);
    for (const [serviceId, sequences] of byService) {
      const sorted = [...sequences].sort((a, b) => a - b);
      expect({ serviceId, sorted }).toEqual({ serviceId, sorted: sorted.map((_, index) => index + 1) });
      const prefix = hall.service.hallConfig.services.find((service) => service.id === serviceId)!.prefix;
      for (const ticket of tickets.filter((t) => t.serviceId === serviceId)) {
        expect(ticket.number).toBe(`${prefix}${String(ticket.sequence).padStart(3, '0')}`);
      }
    }
    // Each ack carried a wait estimate and a status code.
    for (const ack of acks) {
      if (!ack.ok) continue;
      expect(ack.value.publicCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(ack.value.wait.peopleAhead).toBeGreaterThanOrEqual(0);
    }
    const stored = hall.store.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number };
    expect(stored.n).toBe(200);
  });
});
