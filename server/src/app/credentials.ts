import { createHash, randomBytes, randomFillSync, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number },
) => Promise<Buffer>;

/** A device token: 256 random bits, URL-safe. Shown once at pairing; only its hash is stored. */
export const newDeviceToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are random, so a fast hash is enough to store them safely. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A six-digit one-time pairing code. */
export const newPairingCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Bytes of one public code: 96 random bits. */
const PUBLIC_CODE_BYTES = 12;
/** Codes drawn from one call to the system's random source (as `crypto.randomUUID` batches its own). */
const PUBLIC_CODES_PER_DRAW = 128;
const publicCodeEntropy = Buffer.alloc(PUBLIC_CODE_BYTES * PUBLIC_CODES_PER_DRAW);
let publicCodeOffset = publicCodeEntropy.length;

/**
 * The unguessable code of a ticket's public status page (96 random bits). Every issue makes one, and a
 * call to the system's random source cost ≈ 40 µs on the benchmark machine, so the bytes are drawn 128
 * codes at a time from the same cryptographic source and each used once.
 */
export function newPublicCode(): string {
  if (publicCodeOffset === publicCodeEntropy.length) {
    randomFillSync(publicCodeEntropy);
    publicCodeOffset = 0;
  }
  const code = publicCodeEntropy.toString(
    'base64url',
    publicCodeOffset,
    publicCodeOffset + PUBLIC_CODE_BYTES,
  );
  publicCodeOffset += PUBLIC_CODE_BYTES;
  return code;
}

/** A new opaque id for a device. */
export const newDeviceId = (): string => `dev_${randomBytes(8).toString('hex')}`;

/**
 * scrypt cost for PINs: N = 2^12 (4 MiB per check). A 4–8 digit PIN is protected by the lock-out after
 * five wrong tries, not by the hash; a heavier cost only made each sign-in hold 16 MiB that glibc keeps
 * per worker thread (measured: 185 MB resident after 60 sign-ins at N = 2^14).
 */
const PIN_COST = 4096;

/** Hash a PIN with scrypt and a random salt: `scrypt$<N>$<salt>$<hash>`. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(pin, salt, 32, { N: PIN_COST });
  return `scrypt$${PIN_COST}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Check a PIN against its stored hash in constant time. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, hash] = stored.split('$');
  const N = Number(cost);
  if (scheme !== 'scrypt' || !salt || !hash || !Number.isInteger(N) || N < 2 || N > 1 << 16) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(pin, Buffer.from(salt, 'base64'), expected.length, { N });
  return expected.length > 0 && timingSafeEqual(actual, expected);
}
