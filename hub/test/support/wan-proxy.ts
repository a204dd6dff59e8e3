import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';

/**
 * The WAN between a hall and its hub, as a TCP proxy the test controls, on 127.0.0.1:
 * - `cut('blackhole')`: open connections go silent and new ones are accepted but never answered
 *   (a dead link: requests time out);
 * - `cut('refuse')`: every connection is reset at once (the hub's address answers nothing);
 * - `holdResponses()`: requests reach the hub (which commits them) but its answers are held back, so
 *   the test can kill the hall between the hub's commit and the hall's acknowledgement;
 * - `restore()`: traffic flows again (held answers are dropped with their connections).
 * Upstreams are used in turn per connection (a load balancer in front of several hub processes).
 */
export class WanProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private mode: 'open' | 'blackhole' | 'refuse' | 'hold' = 'open';
  private next = 0;
  /** Requests seen (connections' first bytes) since the last reset of this counter. */
  requestsSeen = 0;

  private constructor(private upstreams: readonly number[]) {
    this.server = createServer((client) => this.accept(client));
  }

  static async start(upstreamPorts: readonly number[]): Promise<WanProxy & { port: number; url: string }> {
    const proxy = new WanProxy(upstreamPorts);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const address = proxy.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return Object.assign(proxy, { port, url: `http://127.0.0.1:${port}` });
  }

  private accept(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    if (this.mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    if (this.mode === 'blackhole') {
      // Accepted, then silence: read and drop whatever comes.
      client.on('data', () => undefined);
      return;
    }
    const port = this.upstreams[this.next % this.upstreams.length]!;
    this.next += 1;
    const upstream = connect(port, '127.0.0.1');
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk) => {
      this.requestsSeen += 1;
      if (this.mode === 'blackhole') return;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (this.mode === 'open') client.write(chunk);
      // Held or cut: the hub's answer never reaches the hall.
    });
  }

  /** Point at other hub processes (a restarted hub on a new port). */
  setUpstreams(ports: readonly number[]): void {
    this.upstreams = ports;
  }

  /** Cut the link: every open connection is dropped (blackhole: silently) and new ones fail. */
  cut(kind: 'blackhole' | 'refuse'): void {
    this.mode = kind;
    if (kind === 'refuse') for (const socket of this.sockets) socket.resetAndDestroy();
  }

  /** Let requests through but hold every answer back. */
  holdResponses(): void {
    this.mode = 'hold';
  }

  /** Traffic flows again; connections that lived through a cut are closed (as a real WAN would). */
  restore(): void {
    const wasCut = this.mode !== 'open';
    this.mode = 'open';
    if (wasCut) for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
