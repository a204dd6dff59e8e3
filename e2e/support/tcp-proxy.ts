import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * How a link is cut:
 * - `reset`: every live connection is reset (TCP RST on both sides) and every new one is reset on accept,
 *   like a restarted access point or a pulled cable on a PC that notices at once;
 * - `blackhole`: nothing is closed, but no byte goes through any more in either direction, and new
 *   connections are accepted and then never answered, like Wi-Fi that drops without a word. Only a
 *   heartbeat can notice this one.
 */
export type CutStyle = 'reset' | 'blackhole';

/** A TCP proxy in front of the hall server whose link the test cuts and restores. */
export interface TcpProxy {
  /** `http://127.0.0.1:<port>`: open the app through this address. */
  readonly url: string;
  /** `open`, or how the link is cut now. */
  readonly state: 'open' | CutStyle;
  /** Cut the link (see {@link CutStyle}). */
  cut(style: CutStyle): void;
  /**
   * Let new connections through again. A connection swallowed by a blackhole stays dead (its bytes are
   * lost for good): the client has to notice by its own timeout and open a new one, which is the worst
   * case of a real network, where a retransmission might still get through.
   */
  restore(): void;
  /** Close the proxy and every connection it holds. */
  close(): Promise<void>;
}

interface Link {
  readonly client: net.Socket;
  readonly upstream: net.Socket | null;
  /** Set by a blackhole: from then on this link forwards nothing and propagates no close. */
  isSwallowed: boolean;
}

/** Start a proxy on a free loopback port that forwards to `127.0.0.1:<targetPort>`. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const links = new Set<Link>();
  let state: TcpProxy['state'] = 'open';

  const destroyLink = (link: Link): void => {
    link.client.destroy();
    link.upstream?.destroy();
    links.delete(link);
  };

  const server = net.createServer((client) => {
    if (state === 'reset') {
      client.on('error', () => undefined);
      client.resetAndDestroy();
      return;
    }
    if (state === 'blackhole') {
      // Accepted, then silence: the request is read and dropped, nothing ever comes back.
      const link: Link = { client, upstream: null, isSwallowed: true };
      links.add(link);
      client.on('data', () => undefined);
      client.on('error', () => undefined);
      client.on('close', () => links.delete(link));
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    const link: Link = { client, upstream, isSwallowed: false };
    links.add(link);
    const forward = (from: net.Socket, to: net.Socket): void => {
      from.on('data', (chunk: Buffer) => {
        if (!link.isSwallowed && !to.destroyed) to.write(chunk);
      });
      from.on('end', () => {
        if (!link.isSwallowed) to.end();
      });
      from.on('error', () => {
        if (!link.isSwallowed) destroyLink(link);
      });
      from.on('close', () => {
        // A swallowed link does not pass a close on: the far side must find out by itself.
        if (!link.isSwallowed) destroyLink(link);
        else if (link.client.destroyed && upstream.destroyed) links.delete(link);
      });
    };
    forward(client, upstream);
    forward(upstream, client);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get state() {
      return state;
    },
    cut(style) {
      state = style;
      for (const link of [...links]) {
        if (style === 'blackhole') {
          link.isSwallowed = true;
          continue;
        }
        link.isSwallowed = true;
        for (const socket of [link.client, link.upstream]) {
          if (socket === null || socket.destroyed) continue;
          socket.on('error', () => undefined);
          socket.resetAndDestroy();
        }
        links.delete(link);
      }
    },
    restore() {
      state = 'open';
    },
    close: async () => {
      for (const link of [...links]) destroyLink(link);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
