import type { ConfigIssue } from '../domain/config-rules.ts';
import { DOMAIN_ERROR_CODES } from '../domain/result.ts';

/** Refusals that come from the transport and the server rather than from the queue rules. */
export const TRANSPORT_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'PROTOCOL_MISMATCH',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'BAD_CREDENTIALS',
  'LOCKED_OUT',
  'PRINTER_UNAVAILABLE',
  'INTERNAL',
  // Credentials (issue 15, first start): a weak PIN or password is refused, and a PIN set by a manager
  // must be replaced by the clerk before the first sign-in goes through.
  'WEAK_PIN',
  'WEAK_PASSWORD',
  'PIN_CHANGE_REQUIRED',
  // Idempotency (issue #15): a requestId sent again with another event or payload than its first use.
  'REQUEST_ID_REUSED',
] as const;

/** Every error code a client can receive: a closed union, so apps can translate each one. */
export const ERROR_CODES = [...DOMAIN_ERROR_CODES, ...TRANSPORT_ERROR_CODES] as const;
/** An error code on the wire. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error half of every ack. `message` is for logs and developers; apps show translated text. */
export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
  /** For VALIDATION_FAILED: which fields were wrong. */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
  /**
   * For CONFIG_INVALID: every problem of the refused configuration, as `configIssues` in
   * shared/src/domain/config-rules.ts gives them (severity, path, code, Vietnamese and English message).
   */
  readonly configIssues?: readonly ConfigIssue[];
}

/** Every command answers through its ack with exactly this. */
export type Ack<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WireError };
