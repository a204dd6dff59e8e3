// The hub's close (SIGTERM, Ctrl-C) ends within moments whatever its clients are doing. Node's HTTP
// server only closes the connections idle at that instant; one carrying a request (a hall's shipper
// posting, a console's fetch) kept the close waiting, and once answered stayed open for the keep-alive
// timeout (72 s) — for ever when the request never finished.
import { describe, expect, it } from 'vitest';
import { openHalfSentRequest } from '../../server/test/support/half-sent-request.ts';
import { freshDatabaseUrl, startTestHub } from './support/hub-fixtures.ts';

describe('closing the hub', () => {
  it('ends at once while a connection is halfway through a request, and ends that connection', async () => {
    const hub = await startTestHub(await freshDatabaseUrl());
    const { errors, ended } = await openHalfSentRequest(hub.port);

    const started = performance.now();
    await hub.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    await ended;
    expect(errors.every((code) => code === 'ECONNRESET')).toBe(true);
  });
});
