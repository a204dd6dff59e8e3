import { describe, expect, it } from 'vitest';
import { layoutTicket } from '@luot/shared/ticket';
import { fitLogo, loadHallLogo, toGreyPixels } from '../../src/renderer/hall-logo.ts';
import { printableTicket } from '../../src/renderer/issue-flow.ts';
import { testHall } from './hall-fixture.ts';
import { decide, emptyQueueState, evolveAll, estimateWait } from '@luot/shared/domain';

describe('the hall logo on printed tickets', () => {
  it('turns RGBA into grey over white paper: black stays black, transparent prints as paper', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255]);
    const logo = toGreyPixels(rgba, 2, 2);
    expect([...logo.pixels]).toEqual([0, 255, 255, 76]);
    expect([logo.width, logo.height]).toEqual([2, 2]);
  });

  it('fits a logo within 256 × 128 dots, keeping its shape and never enlarging it', () => {
    expect(fitLogo(1024, 256)).toEqual({ width: 256, height: 64 });
    expect(fitLogo(200, 400)).toEqual({ width: 64, height: 128 });
    expect(fitLogo(100, 50)).toEqual({ width: 100, height: 50 });
  });

  it('puts the logo first on the ticket when the hall has one, and leaves it out otherwise', () => {
    const config = testHall();
    const state0 = emptyQueueState('2026-03-02');
    const at = Date.UTC(2026, 2, 2, 2, 0);
    const decided = decide(
      state0,
      { type: 'issue', serviceId: config.services[0]!.id, procedureId: null, priorityGroupId: null },
      { now: at, config, actor: { role: 'kiosk', deviceId: null, clerkId: null } },
    );
    if (!decided.ok) throw new Error(decided.error.code);
    const state = evolveAll(
      state0,
      decided.value.map((event, index) => ({ ...event, version: index + 1 })),
    );
    const ticket = Object.values(state.tickets)[0]!;
    const wait = estimateWait(state, config, ticket.serviceId, ticket.id);
    const logo = toGreyPixels(new Uint8ClampedArray(4 * 8).fill(0), 4, 2);
    const withLogo = layoutTicket(printableTicket(config, ticket, wait, 'http://hall/t/abc', logo));
    expect(withLogo.blocks[0]).toMatchObject({ kind: 'logo', logo: { width: 4, height: 2 } });
    const without = layoutTicket(printableTicket(config, ticket, wait, 'http://hall/t/abc'));
    expect(without.blocks.some((block) => block.kind === 'logo')).toBe(false);
  });
});

describe('loadHallLogo', () => {
  it('takes 204 No Content as "the hall has no logo" without decoding anything', async () => {
    const fetcher = (() => Promise.resolve(new Response(null, { status: 204 }))) as typeof fetch;
    expect(await loadHallLogo('http://hall.local:8080', fetcher)).toBeNull();
  });
});
