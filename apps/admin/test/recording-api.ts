import type { ApiResult } from '../src/api.ts';
import { AdminApi } from '../src/api.ts';

/** One request the console made. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/**
 * The console's real REST client over a recording `fetch` (the network edge): each route answers what
 * the test says, every request is kept in order. The console's own code (api.ts) runs unchanged.
 */
export function recordingApi(answers: Readonly<Record<string, (body: unknown) => ApiResult<unknown>>>): {
  api: AdminApi;
  requests: RecordedRequest[];
} {
  const { fetcher, requests } = recordingFetch(answers);
  return { api: new AdminApi('test-token', () => {}, fetcher), requests };
}

/**
 * The recording `fetch` itself, for screens that make their own client (sign-in, first start): install
 * it with `vi.stubGlobal('fetch', fetcher)`.
 */
export function recordingFetch(answers: Readonly<Record<string, (body: unknown) => ApiResult<unknown>>>): {
  fetcher: typeof fetch;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetcher: typeof fetch = (input, init) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method, path, body });
    const answer = answers[`${method} ${path}`];
    const result = answer ? answer(body) : { ok: false, error: { code: 'NOT_FOUND', message: path } };
    return Promise.resolve(
      new Response(JSON.stringify(result), {
        status: result.ok ? 200 : 400,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { fetcher, requests };
}
