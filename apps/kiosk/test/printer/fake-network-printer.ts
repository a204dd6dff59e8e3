import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { simulatedStatusAnswer, type SimulatedState } from '../../src/main/printer/status.ts';

/**
 * A real TCP server on 127.0.0.1, port 0, that behaves like a network thermal printer on its raw port:
 * it takes bytes, answers `DLE EOT n` wherever it appears in the stream (as real printers scan for
 * real-time commands), can answer late, and can stall by no longer reading its sockets.
 */
export class FakeNetworkPrinter {
  state: SimulatedState = 'ok';
  answerDelayMs = 0;
  readonly #server: Server;
  readonly #connections: { socket: Socket; chunks: Buffer[] }[] = [];
  #isStalled = false;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<FakeNetworkPrinter> {
    const server = createServer();
    const printer = new FakeNetworkPrinter(server);
    server.on('connection', (socket) => printer.#accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return printer;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  get connectionCount(): number {
    return this.#connections.length;
  }

  /** Bytes received, connection by connection in the order they were opened. */
  wireBytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.#connections.flatMap(({ chunks }) => chunks)));
  }

  /** Wait until at least `length` bytes have arrived (or 3 s passed), then return them all. */
  async received(length: number): Promise<Uint8Array> {
    const deadline = Date.now() + 3000;
    while (this.wireBytes().length < length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.wireBytes();
  }

  stall(): void {
    this.#isStalled = true;
    for (const { socket } of this.#connections) socket.pause();
  }

  resume(): void {
    this.#isStalled = false;
    for (const { socket } of this.#connections) socket.resume();
  }

  /** Close every open connection but keep listening, as a printer that rebooted or timed out an idle link. */
  dropConnections(): void {
    for (const { socket } of this.#connections) socket.destroy();
  }

  async stop(): Promise<void> {
    for (const { socket } of this.#connections) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    const connection = { socket, chunks: [] as Buffer[] };
    this.#connections.push(connection);
    if (this.#isStalled) socket.pause();
    socket.on('error', () => socket.destroy());
    let tail: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      connection.chunks.push(chunk);
      // Scan for DLE EOT n across chunk boundaries.
      for (const byte of chunk) {
        tail = [...tail.slice(-2), byte];
        if (tail.length === 3 && tail[0] === 0x10 && tail[1] === 0x04)
          this.#answer(socket, Uint8Array.from(tail));
      }
    });
  }

  #answer(socket: Socket, request: Uint8Array): void {
    const answer = simulatedStatusAnswer(this.state, request);
    if (answer === null) return;
    const send = (): void => {
      if (!socket.destroyed) socket.write(answer);
    };
    if (this.answerDelayMs > 0) setTimeout(send, this.answerDelayMs);
    else send();
  }
}
