import type { ConfigIssue } from './config-rules.ts';

/** What a command can be refused for by the domain itself (the transport adds its own codes). */
export const DOMAIN_ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_STATE',
  'SERVICE_CLOSED',
  'SERVICE_INACTIVE',
  'QUOTA_REACHED',
  'QUEUE_EMPTY',
  'RECALL_LIMIT',
  'GRACE_EXPIRED',
  'COUNTER_CLOSED',
  'COUNTER_BUSY',
  'NOT_SERVED',
  'NOT_SIGNED_IN',
  'ALREADY_RATED',
  'FORBIDDEN',
  // Sign-in: the clerk's configuration does not list the counter this terminal is paired to.
  'COUNTER_NOT_ALLOWED',
  // A configuration with a blocking problem of config-rules.ts (the problems travel in `configIssues`).
  'CONFIG_INVALID',
] as const;
/** A domain refusal code. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A refusal with a code for machines and a message for logs (apps show their own translated text). */
export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
  /** For CONFIG_INVALID: every problem of the refused configuration (errors and warnings). */
  readonly configIssues?: readonly ConfigIssue[];
}

/** A value or a refusal; what crosses every boundary instead of a throw. */
export type Result<T, E = DomainError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Build a success. */
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** Build a domain refusal. */
export const refuse = (
  code: DomainErrorCode,
  message: string,
): { readonly ok: false; readonly error: DomainError } => ({
  ok: false,
  error: { code, message },
});
