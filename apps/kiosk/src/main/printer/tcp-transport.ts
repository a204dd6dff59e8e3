import { createConnection, type Socket } from 'node:net';
import {
  PrinterUnavailableError,
  TransportClosedError,
  withTimeout,
  type PrinterTransport,
} from './transport.ts';

export type TcpTransportOptions = {
  readonly host: string;
  /** Raw printing port; 9100 on nearly every network thermal printer. */
  readonly port: number;
  /** How long to wait for the TCP handshake before calling the printer unreachable. */
  readonly connectTimeoutMs?: number;
};

/**
 * A network printer on its raw port (JetDirect style). Status answers come back on the same socket, so
 * one connection carries both; it is opened on first use and dropped on any failure, timeout or
 * unanswered status request, and the next call reconnects (printers reboot, drop idle links, get new
 * leases).
 */
export class TcpTransport implements PrinterTransport {
  readonly description: string;
  readonly #options: TcpTransportOptions;
  #socket: Socket | null = null;
  #connecting: Promise<Socket> | null = null;
  #waiter: ((answer: Uint8Array | null) => void) | null = null;
  #isClosed = false;

  constructor(options: TcpTransportOptions) {
    this.#options = options;
    this.description = `tcp ${options.host}:${options.port}`;
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    this.#assertOpen();
    const send = async (): Promise<void> => {
      const socket = await this.#connect();
      await new Promise<void>((resolve, reject) => {
        socket.write(bytes, (error) => (error ? reject(unavailable(this.description, error)) : resolve()));
      });
    };
    // A printer that stops reading (paper jam, full buffer) leaves the write pending; destroying the
    // socket on timeout also discards what the kernel still holds, so the job cannot resume later.
    await withTimeout(send(), timeoutMs, `${this.description}: write timed out`, () => this.#drop());
  }

  async query(request: Uint8Array, timeoutMs: number): Promise<Uint8Array | null> {
    this.#assertOpen();
    const socket = await this.#connect();
    return new Promise<Uint8Array | null>((resolve) => {
      // Unanswered: the link may be dead without our knowing (printer power-cycled, no FIN). A mute printer
      // looks the same, so drop the link either way; the next call reconnects at the cost of a handshake.
      const timer = setTimeout(() => {
        settle(null);
        this.#drop(socket);
      }, timeoutMs);
      const settle = (answer: Uint8Array | null): void => {
        clearTimeout(timer);
        if (this.#waiter === settle) this.#waiter = null;
        resolve(answer);
      };
      // Bytes that arrived before this request (a late answer to a timed-out query) were already
      // dropped by the data handler, because nobody was waiting for them.
      this.#waiter = settle;
      socket.write(request, (error) => {
        if (error) settle(null);
      });
    });
  }

  close(): Promise<void> {
    this.#isClosed = true;
    this.#drop();
    return Promise.resolve();
  }

  #connect(): Promise<Socket> {
    if (this.#socket && !this.#socket.destroyed) return Promise.resolve(this.#socket);
    this.#connecting ??= new Promise<Socket>((resolve, reject) => {
      const socket = createConnection({ host: this.#options.host, port: this.#options.port });
      socket.setNoDelay(true);
      socket.setTimeout(this.#options.connectTimeoutMs ?? 3000);
      const fail = (error: Error): void => {
        socket.destroy();
        this.#connecting = null;
        reject(unavailable(this.description, error));
      };
      socket.once('timeout', () => fail(new Error('connection timed out')));
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.removeListener('error', fail);
        socket.removeAllListeners('timeout');
        socket.setTimeout(0);
        socket.on('error', () => this.#drop(socket));
        socket.on('close', () => this.#drop(socket));
        socket.on('data', (chunk: Buffer) => {
          const waiter = this.#waiter;
          if (waiter) waiter(new Uint8Array(chunk));
        });
        this.#socket = socket;
        this.#connecting = null;
        if (this.#isClosed) {
          this.#drop();
          reject(new TransportClosedError(this.description));
          return;
        }
        resolve(socket);
      });
    });
    return this.#connecting;
  }

  /** Forget the connection (all of it, or only `which` if it is still the current one). */
  #drop(which?: Socket): void {
    if (which && which !== this.#socket) return;
    this.#socket?.destroy();
    this.#socket = null;
    this.#waiter?.(null);
  }

  #assertOpen(): void {
    if (this.#isClosed) throw new TransportClosedError(this.description);
  }
}

function unavailable(description: string, cause: Error): PrinterUnavailableError {
  return new PrinterUnavailableError(`${description}: ${cause.message}`, { cause });
}
