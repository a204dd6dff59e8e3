// HTTP fuzz: every route of the hall server (listed below; a test fails when the sources gain a route
// that is not listed), with hostile methods, bodies, queries, paths and headers, both without
// credentials and with a valid manager session. The server must stay up, answer 4xx with a JSON error
// code (never 5xx, never a stack trace), serve no file from outside its folders, and change nothing.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES } from '@luot/shared/contracts';
import { startTestHall } from '../helpers.ts';
import type { HttpReply } from '../support/http-reply.ts';
import { readReply } from '../support/http-reply.ts';
import {
  FUZZ_SEED,
  UNICODE_ODDITIES,
  databaseDigest,
  fuzzRuns,
  nestedJson,
  prototypeFingerprint,
} from './support.ts';

const SERVER_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/** One route: how the source matches it, a concrete path, its methods, and whether it needs a session. */
interface RouteSpec {
  readonly match: string;
  readonly path: string;
  readonly methods: readonly string[];
  readonly auth: 'none' | 'manager';
}

/** Every route of the HTTP sources. `match` is the path literal the source registers. */
const ROUTES: readonly RouteSpec[] = [
  { match: '/health', path: '/health', methods: ['GET'], auth: 'none' },
  { match: '/api/pair', path: '/api/pair', methods: ['POST'], auth: 'none' },
  { match: '/api/tickets/:code', path: '/api/tickets/zzzzzzzzzzzz', methods: ['GET'], auth: 'none' },
  { match: '/voice/', path: '/voice/so-1.mp3', methods: ['GET', 'HEAD'], auth: 'none' },
  { match: '/t/:code', path: '/t/zzzzzzzzzzzz', methods: ['GET'], auth: 'none' },
  { match: '/', path: '/', methods: ['GET'], auth: 'none' },
  { match: '/favicon.ico', path: '/favicon.ico', methods: ['GET', 'HEAD'], auth: 'none' },
  { match: '/favicon.svg', path: '/favicon.svg', methods: ['GET', 'HEAD'], auth: 'none' },
  { match: '/ca.crt', path: '/ca.crt', methods: ['GET', 'HEAD'], auth: 'none' },
  { match: 'apps', path: '/kiosk/', methods: ['GET', 'HEAD'], auth: 'none' },
  { match: '/api/hall/logo', path: '/api/hall/logo', methods: ['GET', 'HEAD'], auth: 'none' },
  { match: '/api/admin/*', path: '/api/admin/nothing-here', methods: ['GET'], auth: 'manager' },
  { match: '/api/admin/login', path: '/api/admin/login', methods: ['POST'], auth: 'none' },
  { match: '/api/admin/first-start', path: '/api/admin/first-start', methods: ['GET'], auth: 'none' },
  { match: '/api/admin/first-manager', path: '/api/admin/first-manager', methods: ['POST'], auth: 'none' },
  { match: '/api/admin/session', path: '/api/admin/session', methods: ['GET'], auth: 'manager' },
  { match: '/api/admin/logout', path: '/api/admin/logout', methods: ['POST'], auth: 'manager' },
  { match: '/api/admin/password', path: '/api/admin/password', methods: ['POST'], auth: 'manager' },
  { match: '/api/admin/config', path: '/api/admin/config', methods: ['PUT'], auth: 'manager' },
  {
    match: '/api/admin/clerks/:id/pin',
    path: '/api/admin/clerks/cb1/pin',
    methods: ['POST'],
    auth: 'manager',
  },
  { match: '/api/admin/logo', path: '/api/admin/logo', methods: ['PUT'], auth: 'manager' },
  { match: '/api/admin/voice-clips', path: '/api/admin/voice-clips', methods: ['PUT'], auth: 'manager' },
  { match: '/api/admin/devices', path: '/api/admin/devices', methods: ['GET'], auth: 'manager' },
  { match: '/api/admin/devices/pair', path: '/api/admin/devices/pair', methods: ['POST'], auth: 'manager' },
  {
    match: '/api/admin/devices/:id/revoke',
    path: '/api/admin/devices/dev_zzzz/revoke',
    methods: ['POST'],
    auth: 'manager',
  },
  { match: '/api/admin/tickets', path: '/api/admin/tickets', methods: ['GET'], auth: 'manager' },
  { match: '/api/admin/reports', path: '/api/admin/reports', methods: ['GET'], auth: 'manager' },
  { match: '/api/admin/simulations', path: '/api/admin/simulations', methods: ['POST'], auth: 'manager' },
  { match: '/api/admin/audit', path: '/api/admin/audit', methods: ['GET'], auth: 'manager' },
  { match: '/api/admin/audit/types', path: '/api/admin/audit/types', methods: ['GET'], auth: 'manager' },
  { match: '/api/admin/hub-link', path: '/api/admin/hub-link', methods: ['GET'], auth: 'manager' },
  { match: '/api/admin/hub-catalogue', path: '/api/admin/hub-catalogue', methods: ['GET'], auth: 'manager' },
  {
    match: '/api/admin/hub-catalogue/accept',
    path: '/api/admin/hub-catalogue/accept',
    methods: ['POST'],
    auth: 'manager',
  },
];

/**
 * The paths the HTTP sources register: `app.get('…'`, `app.post('…'` …, `url: '…'`, a static folder's
 * `prefix: '…'`, and the web apps (`registerApp`).
 */
function routeLiteralsInSources(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(path.join(SERVER_SRC, 'http')).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(SERVER_SRC, 'http', file), 'utf8');
    for (const match of source.matchAll(/\.(?:get|post|put|delete|patch|head|all)\(\s*'([^']+)'/g))
      found.add(match[1]!);
    for (const match of source.matchAll(/\b(?:url|prefix): '(\/[^']*)'/g))
      if (match[1] !== '/') found.add(match[1]!);
    if (/registerApp\(app, name, root\)/.test(source)) found.add('apps');
  }
  return [...found].sort();
}

/** One request exactly as given (node:http keeps the path as written: no `..` normalising). */
function request(
  port: number,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, method, path: target, headers }, (response) => {
      void readReply(response).then(resolve, reject);
    });
    outgoing.setTimeout(10_000, () =>
      outgoing.destroy(new Error(`no answer to ${method} ${target.slice(0, 60)}`)),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Bytes straight onto a socket, for requests node:http would not send (bad header bytes, bad framing). */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

const STACK_TRACE = /\bat [^\n]*\(?[^\s]*:\d+:\d+|node:internal|\.ts:\d+|Error: /;

/** What every refusal looks like: 4xx, a JSON error with a known code, nothing of the server's insides. */
function expectCleanRefusal(reply: HttpReply, what: string): void {
  expect({ what, is5xx: reply.status >= 500 }).toEqual({ what, is5xx: false });
  expect({ what, leak: STACK_TRACE.test(reply.body) }).toEqual({ what, leak: false });
  if (reply.status < 400 || reply.body === '') return; // HEAD answers carry no body
  expect(reply.headers['content-type'], what).toMatch(/^application\/json/);
  const json = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
  expect({ what, ok: json.ok }).toEqual({ what, ok: false });
  expect(ERROR_CODES as readonly string[], what).toContain(json.error.code);
  expect(typeof json.error.message, what).toBe('string');
}

/** Bodies no route accepts: malformed JSON, JSON that is not the right object, prototype keys, deep nesting. */
const hostileBody = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    'nul',
    '[1,2',
    '\u0000\u0001',
    '{"username": "admin", "password": }',
    'username=admin&password=x',
  ),
  fc
    .jsonValue({ maxDepth: 3 })
    .map((value) => JSON.stringify(value))
    .filter((text) => !/"(username|password|pin|dataUrl|kind|code|config|currentPassword)"/.test(text)),
  fc.constantFrom(
    '{"__proto__": {"polluted": true, "isAdmin": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"code": "123456", "__proto__": {"polluted": true}}',
    '{"username": "admin", "password": "x", "__proto__": {"isAdmin": true}}',
    '{"pin": "1234", "constructor": {"prototype": {"polluted": true}}}',
    '{"requestId": "abcdefgh", "config": {"__proto__": {"polluted": true}}}',
  ),
  fc.constantFrom(...UNICODE_ODDITIES).map((odd) => `{"code": "12${odd}456"}`),
  fc.integer({ min: 1_000, max: 100_000 }).map((depth) => nestedJson(depth, 'array')),
);

const hostileQuery = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?__proto__=x&constructor=y',
    '?__proto__[polluted]=1',
    '?from=9999-99-99&to=0000-00-00',
    '?from=2026-01-01&to=2026-01-01&from=x',
    '?limit=1e308&before=-1',
    '?number=%00%00',
    '?number=%E0%A4%A',
    '?format=xlsx&dimensions=__proto__',
    '?target=NaN',
  ),
  fc.integer({ min: 100, max: 6_000 }).map((length) => `?q=${'x'.repeat(length)}`),
);

const hostileHeaders = fc.oneof(
  fc.constant<Record<string, string>>({}),
  fc.constantFrom<Record<string, string>>(
    { 'content-type': 'text/plain' },
    { 'content-type': 'multipart/form-data; boundary=----x' },
    { 'content-type': 'application/x-www-form-urlencoded' },
    { 'content-type': 'application/json; charset=utf-16' },
    { cookie: '__proto__=polluted; session=%ZZ; =; ;;' },
    { authorization: 'Basic YWRtaW46YWRtaW4=' },
    { authorization: `Bearer ${'x'.repeat(300)}` },
    { authorization: 'Bearer ../../etc/passwd' },
    { 'x-forwarded-for': '127.0.0.1', 'x-forwarded-host': 'evil.example' },
  ),
);

describe('HTTP fuzz: every route, hostile requests change nothing', { timeout: 60_000 }, () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let token: string;
  let digest: Record<string, string>;
  let fingerprint: string;

  beforeAll(async () => {
    hall = await startTestHall();
    await hall.accounts.create('truong-phong', 'Trưởng phòng', 'mat-khau-rat-dai', false);
    const login = await request(
      hall.port,
      'POST',
      '/api/admin/login',
      {},
      JSON.stringify({ username: 'truong-phong', password: 'mat-khau-rat-dai' }),
    );
    token = (JSON.parse(login.body) as { value: { token: string } }).value.token;
    digest = databaseDigest(hall.dataDir);
    fingerprint = prototypeFingerprint();
  });
  afterAll(async () => {
    await hall.dispose();
  });

  it('the route list is complete: every route literal in the HTTP sources is listed here', () => {
    expect(routeLiteralsInSources()).toEqual(ROUTES.map((route) => route.match).sort());
  });

  for (const auth of ['no credentials', 'a manager session'] as const) {
    it(
      `every route with hostile methods, bodies, queries and headers, ${auth}: 4xx with a code, nothing changes`,
      { timeout: 60_000 },
      async () => {
        // Signing out is the one request whose body does not matter; it would end the fuzz's own session.
        const routes = ROUTES.filter(
          (route) => !(auth === 'a manager session' && route.match === '/api/admin/logout'),
        );
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...routes),
            fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
            hostileBody,
            hostileQuery,
            hostileHeaders,
            async (route, method, body, query, headers) => {
              const sent = {
                ...headers,
                ...(auth === 'a manager session' ? { authorization: `Bearer ${token}` } : {}),
              };
              const hasBody = method !== 'GET' && method !== 'HEAD';
              const reply = await request(
                hall.port,
                method,
                `${route.path}${query}`,
                sent,
                hasBody ? body : undefined,
              );
              expectCleanRefusal(reply, `${method} ${route.path}${query.slice(0, 40)} ${body.slice(0, 40)}`);
              // A request in the route's own method with a body no schema accepts is refused.
              if (route.methods.includes(method) && hasBody) expect(reply.status).toBeGreaterThanOrEqual(400);
            },
          ),
          { seed: FUZZ_SEED, numRuns: fuzzRuns(250), endOnFailure: true },
        );
        expect(databaseDigest(hall.dataDir)).toEqual(digest);
        expect(prototypeFingerprint()).toBe(fingerprint);
      },
    );
  }

  it('bodies over each limit are refused with 413 without reading them whole', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const cases: [string, string, Record<string, string>, number][] = [
      ['POST', '/api/pair', {}, 5 * 1024],
      ['POST', '/api/admin/login', {}, 5 * 1024],
      ['POST', '/api/admin/password', auth, 5 * 1024],
      ['POST', '/api/admin/devices/pair', auth, 5 * 1024],
      ['POST', '/api/admin/clerks/cb1/pin', auth, 2 * 1024],
      ['POST', '/api/admin/hub-catalogue/accept', auth, 2 * 1024],
      ['PUT', '/api/admin/logo', auth, 250 * 1024],
      ['PUT', '/api/admin/config', auth, 3 * 1024 * 1024],
      ['PUT', '/api/admin/config', auth, 64 * 1024 * 1024],
    ];
    for (const [method, target, headers, size] of cases) {
      const started = performance.now();
      const reply = await request(hall.port, method, target, headers, Buffer.alloc(size, 0x7b)).catch(
        (error: Error) => {
          throw new Error(`${method} ${target} ${size}: ${error.message}`);
        },
      );
      expect({ target, size, status: reply.status }).toEqual({ target, size, status: 413 });
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
      // 64 MiB read whole and parsed would take seconds; refusing at the limit takes a few hundred ms.
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    expect(databaseDigest(hall.dataDir)).toEqual(digest);
  });

  it('path traversal on the static folders, voice clips and status pages serves nothing outside them', async () => {
    const secrets = ['"name": "@luot/server"', 'root:x:0:0', 'SQLite format 3', 'export function'];
    const targets = [
      '/kiosk/../../server/package.json',
      '/kiosk/../../../etc/passwd',
      '/kiosk/%2e%2e/%2e%2e/server/package.json',
      '/kiosk/%2E%2E%2F%2E%2E%2Fserver%2Fpackage.json',
      '/kiosk/..%2f..%2f..%2fetc%2fpasswd',
      '/kiosk/%252e%252e%252fserver%252fpackage.json',
      '/kiosk/..\\..\\server\\package.json',
      '/kiosk/%5c..%5c..%5cserver%5cpackage.json',
      '/kiosk/%00',
      '/kiosk/index.html%00.png',
      '/kiosk/%E0%A4%A',
      '/kiosk/....//....//server/package.json',
      '/admin/../server/src/hall-server.ts',
      '/display/%2e%2e/%2e%2e/%2e%2e/server/src/main.ts',
      '/voice/../../../server/package.json',
      '/voice/%2e%2e%2f%2e%2e%2f%2e%2e%2fserver%2fpackage.json',
      '/voice/..%5c..%5c..%5cserver%5cpackage.json',
      `/voice/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..${hall.dataDir}/luot.sqlite`,
      `/kiosk/../../../../../../../../..${hall.dataDir}/luot.sqlite`,
      '/t/../../etc/passwd',
      '/t/%2e%2e%2f%2e%2e%2fserver%2fpackage.json',
      '//etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/__proto__/x',
      '/__proto__',
      '/constructor/',
      '/hasOwnProperty/toString',
      'http://evil.example:99999/',
      'http://127.0.0.1/../../etc/passwd',
      '*',
    ];
    for (const target of targets) {
      for (const method of ['GET', 'HEAD']) {
        const reply = await request(hall.port, method, target);
        expectCleanRefusal(reply, `${method} ${target}`);
        for (const secret of secrets)
          expect({ target, leaked: reply.body.includes(secret) }).toEqual({ target, leaked: false });
      }
    }
  });

  it('broken framing, header bytes and huge headers are refused by the parser; the server goes on', async () => {
    const answers = await Promise.all([
      rawRequest(hall.port, `GET /health HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(40_000)}\r\n\r\n`),
      rawRequest(hall.port, 'GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n'),
      rawRequest(
        hall.port,
        'POST /api/pair HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n',
      ),
      rawRequest(
        hall.port,
        'POST /api/pair HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}',
      ),
      rawRequest(hall.port, 'GARBAGE\r\n\r\n'),
      rawRequest(hall.port, `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      rawRequest(hall.port, 'POST /api/pair HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"code":'),
    ]);
    for (const answer of answers) {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      // Node's parser answers 400/431 itself, or the socket just closes; never a 5xx.
      expect(status < 500).toBe(true);
      expect(STACK_TRACE.test(answer)).toBe(false);
    }
    const health = await request(hall.port, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(databaseDigest(hall.dataDir)).toEqual(digest);
  });
});
