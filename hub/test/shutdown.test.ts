// The hub's close (SIGTERM, Ctrl-C) ends within moments whatever its clients are doing. Node's HTTP
// server only closes the connections idle at that instant; one carrying a request (a hall's shipper
// posting, a console's fetch) kept the close waiting, and once answered stayed open for the keep-alive
// timeout (72 s) — for ever when the request never finished.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl, startTestHub } from './support/hub-fixtures.ts';

describe('closing the hub', () => {
  it('ends at once while a connection is halfway through a request, and ends that connection', async () => {
    const hub = await startTestHub(await freshDatabaseUrl());
    const socket = net.connect(hub.port, '127.0.0.1');
    const errors: string[] = [];
    socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
    await new Promise((resolve) => socket.once('connect', resolve));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    // The headers are not finished: the hub is reading a request on this connection, so it is not idle.
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = performance.now();
    await hub.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    await ended;
    expect(errors.every((code) => code === 'ECONNRESET')).toBe(true);
  });
});
