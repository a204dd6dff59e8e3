// A hall server's close (SIGTERM, SIGINT, `luot` restarting it) ends within moments whatever the
// browsers connected to it are doing. Node's HTTP server only closes the connections that are idle at
// that instant; one that carries a request keeps the close waiting, and once answered it stays open
// for the keep-alive timeout (72 s), longer still while a reconnecting page keeps sending on it.
import { once } from 'node:events';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { pairAndConnect, startTestHall } from './helpers.ts';

/** A raw TCP connection to the hall, as a browser's kept-alive one is; the close may reset it. */
async function openConnection(port: number): Promise<{ socket: net.Socket; errors: string[] }> {
  const socket = net.connect(port, '127.0.0.1');
  const errors: string[] = [];
  socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
  await once(socket, 'connect');
  return { socket, errors };
}

describe('closing the hall server', () => {
  it('ends at once while a connection is halfway through a request, and ends that connection', async () => {
    const hall = await startTestHall();
    const display = await pairAndConnect(hall, 'display');
    const { socket, errors } = await openConnection(hall.port);
    const ended = new Promise((resolve) => socket.once('close', resolve));
    // The request line and one header, not the blank line that ends the headers: the server is reading a
    // request on this connection, so it is not idle.
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const disconnected = new Promise<string>((resolve) => display.socket.once('disconnect', resolve));

    const started = performance.now();
    await hall.dispose();
    const closeMs = performance.now() - started;

    expect(closeMs).toBeLessThan(2_000);
    await ended; // the half-sent request's connection was ended by the close, not left to time out
    expect(errors.every((code) => code === 'ECONNRESET')).toBe(true);
    // The transport closed under the display: it reconnects by itself when the hall is back (a
    // disconnect sent by the server, 'io server disconnect', would make it give up).
    expect(await disconnected).toBe('transport close');
    display.close();
  });

  it('ends at once after answering a request on a kept-alive connection that arrived as the close began', async () => {
    const hall = await startTestHall();
    const { socket, errors } = await openConnection(hall.port);
    const ended = new Promise((resolve) => socket.once('close', resolve));
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
    });
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = performance.now();
    const closing = hall.dispose();
    // The rest of the request, sent as the close runs: HTTP/1.1 keeps the connection alive after it.
    socket.write('\r\n');
    await closing;
    const closeMs = performance.now() - started;

    expect(closeMs).toBeLessThan(2_000);
    await ended;
    // Answered before the close reached it, or cut: never left open.
    expect(answer === '' || answer.startsWith('HTTP/1.1 ')).toBe(true);
    expect(errors.every((code) => code === 'ECONNRESET')).toBe(true);
  });
});
