import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** A whole HTTP answer as the tests look at it: status, headers, body as UTF-8 text. */
export interface HttpReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Reads a response to its end (node:http and node:https give the same IncomingMessage). */
export function readReply(response: IncomingMessage): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () =>
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
}
