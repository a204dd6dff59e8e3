// Shared pieces of the hostile-input tests: what "nothing changed" means (a digest of every table of
// the hall's database file and of Object.prototype), and hostile payload generators built from the
// contract's event list, so a new event is fuzzed without anyone remembering to add it here.
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { ClientEventName, ConnectionRole } from '@luot/shared/contracts';
import { EVENT_ROLES, MAX_CONFIG_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES } from '@luot/shared/contracts';
import { DATABASE_FILE } from '../../src/hall-server.ts';
import { demoHallConfig } from '../../src/app/demo-hall.ts';
import { asCounterId } from '@luot/shared/domain';
import type { HallServer } from '../../src/hall-server.ts';
import type { TestClient } from '../helpers.ts';
import { pairAndConnect, requestId } from '../helpers.ts';

/** Every client → server event of the contract (the role table is keyed by all of them). */
export const CLIENT_EVENTS = Object.keys(EVENT_ROLES) as ClientEventName[];
/** Every device role. */
export const ROLES: readonly ConnectionRole[] = ['kiosk', 'counter', 'feedback', 'display', 'manager'];

/** The seed of every fast-check run here: fixed for CI, `LUOT_FUZZ_SEED` to explore (fast-check prints it on failure). */
export const FUZZ_SEED = Number(process.env.LUOT_FUZZ_SEED ?? 7_007);
/** Runs per property; `LUOT_FUZZ_RUNS` for a heavier local run. */
export const fuzzRuns = (ciRuns: number): number => Number(process.env.LUOT_FUZZ_RUNS ?? ciRuns);

/**
 * A digest of every table of the hall's database, read through a second, read-only connection (WAL:
 * it sees exactly what was committed). `devices.last_seen_at` is left out: connecting a test client
 * legitimately touches it; so is a console session's sliding expiry (`manager_sessions.last_used_at`,
 * `expires_at`), which moves when a long test's manager acts more than a minute after signing in. So are the answers kept for repeats of requests that changed nothing
 * (refusals, and successes without events: issue #15): remembering a refusal changes nothing in the hall.
 */
export function databaseDigest(dataDir: string): Record<string, string> {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    const digest: Record<string, string> = {};
    for (const { name } of tables) {
      const keptAnswers =
        name === 'command_results'
          ? " WHERE is_refusal = 0 AND json_array_length(result, '$.value.events') > 0"
          : '';
      const rows = (db.prepare(`SELECT * FROM "${name}"${keptAnswers}`).all() as Record<string, unknown>[])
        .map((row) => {
          if (name === 'devices') delete row.last_seen_at;
          // A console session slides while it is used (after a minute): use, not a change to the hall.
          if (name === 'manager_sessions') {
            delete row.last_used_at;
            delete row.expires_at;
          }
          return JSON.stringify(row);
        })
        .sort();
      digest[name] =
        `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
    }
    return digest;
  } finally {
    db.close();
  }
}

/** The own property names of the built-in prototypes: a polluted server process would show more. */
export function prototypeFingerprint(): string {
  const names = (target: object): string => Object.getOwnPropertyNames(target).sort().join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((target) => names(target))
    .join('|');
}

/** Whether the marker keys the hostile payloads try to plant are visible on a fresh object. */
export function isPolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return ['polluted', 'isAdmin', 'role'].some((key) => probe[key] !== undefined || key in probe);
}

// ── payload shapes ──────────────────────────────────────────────────────────────────────────────

/** What kind of value each field of each event is: enough to make a good payload and to break it. */
type FieldKind =
  | 'requestId'
  | 'slug'
  | 'slug?'
  | 'ticketId'
  | 'reason'
  | 'name'
  | 'note?'
  | 'text?'
  | 'boolean'
  | 'printerState'
  | 'deviceKind'
  | 'username'
  | 'pin'
  | 'rating'
  | 'reasons'
  | 'signOutReason'
  | 'config';

/** The fields of every event's payload. Typed over every event: a new event fails to compile until listed. */
export const EVENT_FIELDS: { readonly [E in ClientEventName]: Readonly<Record<string, FieldKind>> } = {
  'ticket:issue': {
    requestId: 'requestId',
    serviceId: 'slug',
    procedureId: 'slug?',
    priorityGroupId: 'slug?',
  },
  'ticket:call-next': { requestId: 'requestId', counterId: 'slug?' },
  'ticket:call': { requestId: 'requestId', counterId: 'slug?', ticketId: 'ticketId', reason: 'reason' },
  'ticket:recall': { requestId: 'requestId', counterId: 'slug?' },
  'ticket:start': { requestId: 'requestId', counterId: 'slug?' },
  'ticket:complete': { requestId: 'requestId', counterId: 'slug?' },
  'ticket:no-show': { requestId: 'requestId', counterId: 'slug?' },
  'ticket:return': { requestId: 'requestId', ticketId: 'ticketId' },
  'ticket:transfer': { requestId: 'requestId', ticketId: 'ticketId', toServiceId: 'slug?', note: 'note?' },
  'ticket:cancel': { requestId: 'requestId', ticketId: 'ticketId', reason: 'reason' },
  'ticket:print-result': {
    requestId: 'requestId',
    ticketId: 'ticketId',
    isPrinted: 'boolean',
    failure: 'text?',
  },
  'counter:open': { requestId: 'requestId', counterId: 'slug?' },
  'counter:pause': { requestId: 'requestId', counterId: 'slug?', reason: 'reason' },
  'counter:close': { requestId: 'requestId', counterId: 'slug?' },
  'clerk:sign-in': { requestId: 'requestId', username: 'username', pin: 'pin' },
  'clerk:sign-out': { requestId: 'requestId', reason: 'signOutReason' },
  'feedback:rate': { requestId: 'requestId', ticketId: 'ticketId', rating: 'rating', reasons: 'reasons' },
  'printer:status': { requestId: 'requestId', state: 'printerState', detail: 'text?' },
  'sync:snapshot': {},
  'config:update': { requestId: 'requestId', config: 'config' },
  'device:create-pairing': { requestId: 'requestId', kind: 'deviceKind', name: 'name', counterId: 'slug?' },
  'device:revoke': { requestId: 'requestId', deviceId: 'slug' },
  'device:list': {},
};

/** A well-formed value of a field kind (hostile generators break one field of a good payload). */
function goodValue(kind: FieldKind): unknown {
  switch (kind) {
    case 'requestId':
      return requestId();
    case 'slug':
    case 'slug?':
      return 'ho-tich';
    case 'ticketId':
      return 1;
    case 'reason':
      return 'Nghỉ giải lao';
    case 'name':
      return 'Màn hình tầng 2';
    case 'note?':
    case 'text?':
      return 'ghi chú';
    case 'boolean':
      return true;
    case 'printerState':
      return 'ok';
    case 'deviceKind':
      return 'display';
    case 'username':
      return 'canbo3';
    case 'pin':
      return '1234';
    case 'rating':
      return 4;
    case 'reasons':
      return ['Nhanh'];
    case 'signOutReason':
      return 'sign-out';
    case 'config':
      return demoHallConfig();
  }
}

/** A good payload of an event (unknown ids are fine: hostile variants are refused before they matter). */
export function goodPayload(event: ClientEventName): Record<string, unknown> {
  return Object.fromEntries(Object.entries(EVENT_FIELDS[event]).map(([key, kind]) => [key, goodValue(kind)]));
}

/** Unicode that breaks naive code: lone surrogates, RTL override, 4-byte emoji, NUL, BOM, zero-width. */
export const UNICODE_ODDITIES = ['\uD800', '\uDFFF', '\u202E', '\u200F', '😀', '\u0000', '\uFEFF', '\u200B'];

const oddString = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...UNICODE_ODDITIES), fc.string({ maxLength: 10 }))
  .map(([before, odd, after]) => `${before}${odd}${after}`);

/** Numbers JSON can carry that no field accepts as an id: too big, zero, negative, fractional. */
const extremeNumber = fc.constantFrom(1e308, -1e308, -0, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, 2 ** 64);

/** Any JSON value that is not a string. */
const nonString = fc.oneof(
  fc.integer(),
  extremeNumber,
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
/** The same, with null (for fields where null is not allowed). */
const nonStringOrNull = fc.oneof(nonString, fc.constant(null));
const longString = (min: number): fc.Arbitrary<string> =>
  fc.integer({ min, max: min + 300 }).map((length) => 'ệ'.repeat(length));

/** A value that the field's schema must refuse. */
function badValue(kind: FieldKind): fc.Arbitrary<unknown> {
  const badSlug = fc.oneof(nonStringOrNull, oddString, fc.constant(''), longString(65), fc.constant('a b'));
  switch (kind) {
    case 'requestId':
      return fc.oneof(
        badSlug,
        fc.string({ maxLength: 7 }).filter((value) => value.length < 8),
      );
    case 'slug':
      return badSlug;
    case 'slug?':
      // null and absence are allowed for optional ids; everything else here is not.
      return fc.oneof(nonString, oddString, fc.constant(''), longString(65));
    case 'ticketId':
      return fc.oneof(
        extremeNumber,
        fc.string({ maxLength: 6 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.nat(), { maxLength: 3 }),
      );
    case 'reason':
      return fc.oneof(nonStringOrNull, fc.constant('   '), longString(201));
    case 'name':
      return fc.oneof(nonStringOrNull, fc.constant(''), longString(81));
    case 'note?':
      return fc.oneof(nonString, longString(501));
    case 'text?':
      return fc.oneof(nonString, longString(201));
    case 'boolean':
      return fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null), fc.constant([]));
    case 'printerState':
    case 'deviceKind':
    case 'signOutReason':
      return fc.oneof(nonStringOrNull, oddString, fc.constantFrom('OK', 'admin', 'root', '__proto__'));
    case 'username':
      return fc.oneof(nonStringOrNull, fc.constant('   '), longString(65));
    case 'pin':
      return fc.oneof(
        nonStringOrNull,
        fc.constantFrom('123', '123456789', 'abcd', '12 34', '١٢٣٤'),
        oddString,
      );
    case 'rating':
      return fc.oneof(fc.constantFrom(0, 11, 1.5, -1, 1e308, '4'), fc.constant(null), fc.constant([4]));
    case 'reasons':
      return fc.oneof(
        fc.string({ maxLength: 5 }),
        fc.constant(null),
        fc.constant(Array.from({ length: 11 }, () => 'x')),
        fc.constant(['']),
        fc.array(nonStringOrNull, { minLength: 1, maxLength: 3 }),
      );
    case 'config':
      return fc.oneof(
        nonStringOrNull,
        fc.constant({}),
        fc.constant({ ...demoHallConfig(), services: 'all' }),
      );
  }
}

/**
 * A hostile payload as the JSON text that goes on the wire (text, so that own `__proto__` keys and
 * nesting deeper than JSON.stringify can walk travel exactly), and the class it belongs to.
 */
export interface HostileCase {
  readonly kind: string;
  readonly json: string;
  /** Nesting depth when the case is deeply nested (the server may then fail to measure it). */
  readonly depth: number;
  /** How fast-check prints a failing case: the kind and size, not up to 900 KiB of text. */
  readonly [fc.toStringMethod]: () => string;
}

const hostileCase = (kind: string, json: string, depth = 0): HostileCase => ({
  kind,
  json,
  depth,
  [fc.toStringMethod]: () => `${kind} (${json.length} bytes): ${json.slice(0, 200)}`,
});
const caseOf = (kind: string, payload: unknown): HostileCase => hostileCase(kind, JSON.stringify(payload));

/** JSON text nested `depth` levels deep (built as text: JSON.stringify itself gives up near 4,000). */
export function nestedJson(depth: number, shape: 'array' | 'object'): string {
  return shape === 'array'
    ? `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;
}

/**
 * Hostile payloads for one event: malformed (not an object), one field of the wrong type, an unknown
 * key, prototype pollution set through JSON (own `__proto__` / `constructor.prototype` keys), oversized
 * (20 KiB – 900 KiB strings, 100k-item arrays) and deeply nested (1,000 – 10,000 levels).
 */
export function hostilePayload(event: ClientEventName): fc.Arbitrary<HostileCase> {
  const fields = Object.entries(EVENT_FIELDS[event]);
  const good = (): Record<string, unknown> => goodPayload(event);
  /** The good payload as JSON text with one field's value replaced by raw JSON text. */
  const withFieldJson = (key: string, valueJson: string): string => {
    const marker = '"__luot_marker__"';
    return JSON.stringify({ ...good(), [key]: '__luot_marker__' }).replace(marker, () => valueJson);
  };
  const malformed = fc
    .oneof(
      fc.constant(null),
      fc.string({ maxLength: 20 }),
      oddString,
      fc.integer(),
      extremeNumber,
      fc.boolean(),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
      fc.constant([{}]),
    )
    // `{}` is a whole valid payload of the snapshot requests, so only non-objects count as malformed.
    .map((payload) => caseOf('malformed', payload));
  const unknownKey = fc
    .tuple(
      fc.oneof(fc.constantFrom('isAdmin', 'role', 'prototype', 'constructor', 'toString'), oddString),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .filter(([key]) => !Object.hasOwn(EVENT_FIELDS[event], key))
    .map(([key, value]) => caseOf('unknown key', { ...good(), [key]: value }));
  const pollutionJson = [
    '{"__proto__":{"polluted":true,"isAdmin":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"__proto__":{"role":"manager"},"constructor":{"prototype":{"isAdmin":true}}}',
  ];
  const pollution = fc
    .constantFrom(...pollutionJson)
    .map((json) =>
      hostileCase(
        'prototype pollution',
        `${JSON.stringify(good()).slice(0, -1)}${fields.length ? ',' : ''}${json.slice(1)}`,
      ),
    );
  const pollutedField =
    fields.length === 0
      ? pollution
      : fc
          .tuple(fc.constantFrom(...fields.map(([key]) => key)), fc.constantFrom(...pollutionJson))
          .map(([key, json]) => hostileCase('prototype pollution in a field', withFieldJson(key, json)));
  const oversized = fc
    .oneof(
      fc.integer({ min: 20 * 1024, max: 900 * 1024 }).map((length) => JSON.stringify('x'.repeat(length))),
      fc.constant(`[${Array.from({ length: 100_000 }, () => '0').join(',')}]`),
    )
    .chain((big) =>
      fields.length === 0
        ? fc.constant(hostileCase('oversized', `{"padding":${big}}`))
        : fc
            .constantFrom(...fields.map(([key]) => key))
            .map((key) => hostileCase('oversized', withFieldJson(key, big))),
    );
  const deep = fc
    .tuple(fc.integer({ min: 1_000, max: 10_000 }), fc.constantFrom('array' as const, 'object' as const))
    .map(([depth, shape]) =>
      hostileCase(
        'deeply nested',
        fields.length === 0
          ? `{"deep":${nestedJson(depth, shape)}}`
          : withFieldJson(fields[0]![0], nestedJson(depth, shape)),
        depth,
      ),
    );
  const wrongType =
    fields.length === 0
      ? unknownKey
      : fc
          .constantFrom(...fields)
          .chain(([key, kind]) =>
            badValue(kind).map((value) => caseOf(`wrong ${key}`, { ...good(), [key]: value })),
          );
  return fc.oneof(malformed, wrongType, wrongType, unknownKey, pollution, pollutedField, oversized, deep);
}

/** The size the server measures a payload by (JSON text of the decoded value). */
export const wireSize = (payload: unknown): number => JSON.stringify(payload ?? null).length;

/**
 * The codes the server may answer a hostile payload with, in the order it checks: a payload it cannot
 * even measure (nested deeper than JSON.stringify walks, ~4,000 levels) is VALIDATION_FAILED; then size
 * (before anything reads the payload), then the sender's role, then the schema.
 */
export function expectedCodes(event: ClientEventName, role: ConnectionRole, hostile: HostileCase): string[] {
  const limit = event === 'config:update' ? MAX_CONFIG_PAYLOAD_BYTES : MAX_PAYLOAD_BYTES;
  const byRule =
    hostile.json.length > limit
      ? 'PAYLOAD_TOO_LARGE'
      : !(EVENT_ROLES[event] as readonly ConnectionRole[]).includes(role)
        ? 'FORBIDDEN'
        : 'VALIDATION_FAILED';
  // Where exactly JSON.stringify gives up depends on the stack left; between 3,000 and 5,000 levels either holds.
  if (hostile.depth > 5_000) return ['VALIDATION_FAILED'];
  if (hostile.depth > 3_000) return [...new Set([byRule, 'VALIDATION_FAILED'])];
  return [byRule];
}

// ── raw Socket.IO frames ────────────────────────────────────────────────────────────────────────

/** The engine.io socket under a client, which sends and receives text frames as they are. */
interface RawEngine {
  write(data: string): void;
  on(event: 'message', listener: (data: unknown) => void): void;
  off(event: 'message', listener: (data: unknown) => void): void;
}

let rawAckId = 1_000_000;

/**
 * Emit an event whose payload is given as JSON text, with an ack, bypassing the client's encoder (which
 * would refuse reserved names and recurse into deep values). Resolves with the ack's first argument;
 * rejects when no ack comes within `timeoutMs`.
 */
export function emitRawWithAck(
  socket: unknown,
  event: string,
  payloadJson: string,
  timeoutMs = 10_000,
): Promise<unknown> {
  const engine = (socket as { io: { engine: RawEngine } }).io.engine;
  const id = (rawAckId += 1);
  const prefix = `3${id}[`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      engine.off('message', listener);
      reject(new Error(`no ack for ${event.slice(0, 40)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (data: unknown): void => {
      if (typeof data !== 'string' || !data.startsWith(prefix)) return;
      clearTimeout(timer);
      engine.off('message', listener);
      resolve((JSON.parse(data.slice(prefix.length - 1)) as unknown[])[0]);
    };
    engine.on('message', listener);
    // A Socket.IO EVENT packet (type 2) in the main namespace with ack id `id`.
    engine.write(`2${id}[${JSON.stringify(event)},${payloadJson}]`);
  });
}

/** One connected client of every role (counter and feedback tablet on q3), for role-by-role tests. */
export async function connectEveryRole(hall: HallServer): Promise<Record<ConnectionRole, TestClient>> {
  return {
    kiosk: await pairAndConnect(hall, 'kiosk'),
    display: await pairAndConnect(hall, 'display'),
    counter: await pairAndConnect(hall, 'counter', asCounterId('q3')),
    feedback: await pairAndConnect(hall, 'feedback', asCounterId('q3')),
    manager: await pairAndConnect(hall, 'manager'),
  };
}
