import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorCode } from '@luot/shared/contracts';

/** An HTTP error with the hall protocol's error shape (`{ ok: false, error: { code, message } }`). */
export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_.~+/=-]{16,200})$/.exec(header);
  return match?.[1];
}

/** Parse input with a shared schema; unknown fields and wrong types are a 400 that changes nothing. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HubHttpError(
      400,
      'VALIDATION_FAILED',
      'the request does not match its schema',
      parsed.error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/** Send `{ ok: true, value }`. */
export function sendOk(reply: FastifyReply, value: unknown): FastifyReply {
  return reply.header('cache-control', 'no-store').send({ ok: true, value });
}
