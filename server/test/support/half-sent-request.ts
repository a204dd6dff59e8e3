// A connection to a server that is in the middle of sending a request: the request line and one header,
// not the blank line that ends the headers. The server is reading a request on it, so Node does not
// count it as idle, as a browser's kept-alive connection is not while it carries a request. The shutdown
// tests of the hall and of the hub close their server with such a connection open.
import net from 'node:net';

export interface HalfSentRequest {
  readonly socket: net.Socket;
  /** Error codes the connection saw (a close that destroys it resets it: ECONNRESET). */
  readonly errors: string[];
  /** Settles when the connection has closed. */
  readonly ended: Promise<void>;
}

/** Connect to 127.0.0.1:`port`, send half a GET /health, and give the server 100 ms to start reading it. */
export async function openHalfSentRequest(port: number): Promise<HalfSentRequest> {
  const socket = net.connect(port, '127.0.0.1');
  const errors: string[] = [];
  socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { socket, errors, ended };
}
