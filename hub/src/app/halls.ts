import { randomBytes, randomInt } from 'node:crypto';
import type pg from 'pg';
import { hashToken } from '@luot/server/credentials';

/** An enrolment code is valid this long. */
export const ENROLMENT_TTL_MS = 7 * 24 * 60 * 60_000;

/** A hall's own key: 256 random bits, shown once; only its SHA-256 is stored. */
const newHallKey = (): string => `lhk_${randomBytes(32).toString('base64url')}`;
/** A read-only API token. */
const newApiToken = (): string => `lht_${randomBytes(32).toString('base64url')}`;
/** A one-time enrolment code: 12 characters an operator can read out on the phone (no 0/O, 1/I). */
function newEnrolmentCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let index = 0; index < 12; index += 1) code += alphabet[randomInt(0, alphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
const normaliseCode = (code: string): string => code.trim().toUpperCase().replace(/\s+/g, '');

/** A hall id: a readable slug of its name plus randomness. */
function newHallId(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 32);
  return `${slug || 'hall'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Halls and their credentials. A hall gets a key at once (`hub-admin add-hall`) or a one-time code it
 * exchanges for its key (`luot hub-enrol`); either way the hub stores only hashes, a key writes only its
 * own hall's events, and revoking it cuts the hall off at its next request.
 */
export class HallRegistry {
  constructor(private readonly pool: pg.Pool) {}

  /** Register a hall and give it its key now. */
  async addHall(name: string): Promise<{ hallId: string; key: string }> {
    const hallId = newHallId(name);
    const key = newHallKey();
    await this.pool.query('INSERT INTO halls (id, name, key_hash) VALUES ($1, $2, $3)', [
      hallId,
      name,
      hashToken(key),
    ]);
    return { hallId, key };
  }

  /** Register a hall (or renew a code for one) that will enrol itself with a one-time code. */
  async enrolmentCode(
    hall: { name: string } | { hallId: string },
    now = Date.now(),
  ): Promise<{ hallId: string; code: string; expiresAt: number }> {
    const code = newEnrolmentCode();
    const expiresAt = now + ENROLMENT_TTL_MS;
    const hallId = 'hallId' in hall ? hall.hallId : newHallId(hall.name);
    if ('hallId' in hall) {
      const result = await this.pool.query(
        'UPDATE halls SET enrolment_code_hash = $2, enrolment_expires_at = to_timestamp($3 / 1000.0) WHERE id = $1',
        [hallId, hashToken(normaliseCode(code)), expiresAt],
      );
      if (result.rowCount === 0) throw new Error(`no hall ${hallId}`);
    } else {
      await this.pool.query(
        `INSERT INTO halls (id, name, enrolment_code_hash, enrolment_expires_at)
         VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))`,
        [hallId, hall.name, hashToken(normaliseCode(code)), expiresAt],
      );
    }
    return { hallId, code, expiresAt };
  }

  /** Exchange a one-time code for the hall's key (the code is used up, any older key stops working). */
  async enrol(code: string, now = Date.now()): Promise<{ hallId: string; key: string } | undefined> {
    const key = newHallKey();
    const { rows } = await this.pool.query<{ id: string }>(
      `UPDATE halls SET key_hash = $2, key_revoked_at = NULL, enrolment_code_hash = NULL, enrolment_expires_at = NULL
       WHERE enrolment_code_hash = $1 AND enrolment_expires_at > to_timestamp($3 / 1000.0)
       RETURNING id`,
      [hashToken(normaliseCode(code)), hashToken(key), now],
    );
    return rows[0] ? { hallId: rows[0].id, key } : undefined;
  }

  /** The hall a key belongs to, unless unknown or revoked. */
  async hallOfKey(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM halls WHERE key_hash = $1 AND key_revoked_at IS NULL',
      [hashToken(key)],
    );
    return rows[0]?.id;
  }

  /** Revoke a hall's key: its next request is refused (its events stay). */
  async revokeKey(hallId: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE halls SET key_revoked_at = now() WHERE id = $1 AND key_hash IS NOT NULL AND key_revoked_at IS NULL',
      [hallId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** A new read-only API token (shown once). */
  async createApiToken(): Promise<string> {
    const token = newApiToken();
    await this.pool.query('INSERT INTO api_tokens (token_hash) VALUES ($1)', [hashToken(token)]);
    return token;
  }

  async isApiToken(token: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [hashToken(token)],
    );
    return (rowCount ?? 0) > 0;
  }
}
