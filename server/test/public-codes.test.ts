import { describe, expect, it } from 'vitest';
import { newPublicCode } from '../src/app/credentials.ts';

describe('public status codes', () => {
  it('are 96 random bits each, never repeated across the draws they are cut from', () => {
    // 1,000 codes span eight draws of 128 from the system's random source, and the boundaries between them.
    const codes = Array.from({ length: 1_000 }, () => newPublicCode());
    for (const code of codes) {
      expect(code).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(Buffer.from(code, 'base64url')).toHaveLength(12);
    }
    expect(new Set(codes).size).toBe(codes.length);
    // No two codes share their first 8 bytes either: each is its own slice, not an overlap of a neighbour.
    expect(new Set(codes.map((code) => code.slice(0, 10))).size).toBe(codes.length);
  });

  it('keeps the bytes of each code apart from the next: a code is never a shifted copy of another', () => {
    const bytes = Array.from({ length: 300 }, () => Buffer.from(newPublicCode(), 'base64url'));
    for (let index = 1; index < bytes.length; index += 1) {
      const previous = bytes[index - 1]!;
      const current = bytes[index]!;
      expect(current.subarray(0, 11).equals(previous.subarray(1, 12))).toBe(false);
      expect(current.equals(previous)).toBe(false);
    }
  });
});
