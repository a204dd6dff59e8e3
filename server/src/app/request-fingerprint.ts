import { createHash } from 'node:crypto';

/**
 * Keys left out of a fingerprint: the requestId itself (it is the key the fingerprint is stored under)
 * and secrets. A PIN or password is never written to disk, not even as a fast hash, which a stolen
 * database file would give up by trying the 10,000 four-digit PINs; a repeat that differs only in its
 * secret is therefore answered as the first request was.
 */
const isLeftOut = (key: string): boolean => key === 'requestId' || /pin|password/i.test(key);

/** JSON with object keys sorted at every depth: equal payloads give equal text whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A digest of what a request asks for: its event name and its parsed payload without the requestId and
 * secrets (top-level keys). Stored with the request's first answer, so that a repeat of the same
 * requestId with another payload is refused (REQUEST_ID_REUSED) instead of being given the old answer.
 */
export function requestFingerprint(event: string, payload: unknown): string {
  const asked =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? Object.fromEntries(Object.entries(payload).filter(([key]) => !isLeftOut(key)))
      : payload;
  return createHash('sha256').update(event).update('\n').update(canonicalJson(asked)).digest('base64url');
}
