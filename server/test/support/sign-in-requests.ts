import http from 'node:http';

// The HTTP requests of a sign-in flood (issue #15), shared by server/test/hostile/sign-in-limits.test.ts
// and the benchmark server/bench/sign-in-flood.ts: a manager sign-in from a chosen loopback address, and
// a timed GET.

/** What a manager sign-in was answered. */
export interface SignInReply {
  readonly status: number;
  readonly code: string;
  readonly token?: string;
  readonly mustChangePassword?: boolean;
  readonly retryAfter?: string;
}

/** POST /api/admin/login from one loopback address (127.0.0.x: each is another machine to the server). */
export function login(
  url: string,
  localAddress: string,
  username: string,
  password: string,
): Promise<SignInReply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/admin/login`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' }, agent: false },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => {
          const json = JSON.parse(text) as {
            ok: boolean;
            value?: { token: string; manager: { mustChangePassword: boolean } };
            error?: { code: string };
          };
          resolve({
            status: response.statusCode ?? 0,
            code: json.ok ? 'ok' : (json.error?.code ?? '?'),
            ...(json.value
              ? { token: json.value.token, mustChangePassword: json.value.manager.mustChangePassword }
              : {}),
            ...(response.headers['retry-after'] ? { retryAfter: response.headers['retry-after'] } : {}),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ username, password }));
  });
}

/** GET a path; resolves with the status and when it finished (performance.now()). */
export function get(url: string, target: string): Promise<{ status: number; at: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${url}${target}`, { agent: false }, (response) => {
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            at: performance.now(),
            ms: performance.now() - started,
          }),
        );
      })
      .on('error', reject);
  });
}
