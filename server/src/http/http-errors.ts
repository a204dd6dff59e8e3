import type { FastifyError, FastifyReply, FastifyRequest, FastifyTypeProvider } from 'fastify';
import type { z } from 'zod';
import type { WireError } from '@luot/shared/contracts';
import type { Logger } from '../log.ts';

/** A refusal with its HTTP status and the protocol's error shape (`{ ok: false, error }`). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: WireError,
    /** Extra response headers (Retry-After of a 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(error.message);
  }
}

/** A refusal with a status, a code and a message. */
export const problem = (statusCode: number, code: WireError['code'], message: string): HttpError =>
  new HttpError(statusCode, { code, message });

/** A request part that does not match its zod schema; Fastify hands it to the error handler (400). */
export class SchemaError extends Error {
  readonly statusCode = 400;
  constructor(readonly zodError: z.ZodError) {
    super('the request does not match the API');
  }
}

/**
 * Types route handlers by the zod schemas given in `schema: { body, querystring, params }`: a handler's
 * `request.body` is the schema's output. Validation itself is `validateWithZod`.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** Fastify's validator compiler for zod schemas: the parsed (transformed) value replaces the input. */
export const validateWithZod =
  ({ schema }: { schema: z.ZodType }) =>
  (data: unknown): { value: unknown } | { error: Error } => {
    const parsed = schema.safeParse(data);
    return parsed.success ? { value: parsed.data } : { error: new SchemaError(parsed.error) };
  };

/** Send `{ ok: false, error }` with a status; a refused body closes the connection once answered. */
export function sendError(reply: FastifyReply, statusCode: number, error: WireError): FastifyReply {
  if (statusCode === 413) void reply.header('connection', 'close');
  return reply.code(statusCode).header('cache-control', 'no-store').send({ ok: false, error });
}

/** Fastify's own refusals of a request it could not read, by error code. */
const FRAMEWORK_REFUSALS: Readonly<Record<string, readonly [number, WireError['code'], string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'body too large'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'VALIDATION_FAILED', 'body is not JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'VALIDATION_FAILED', 'body is not JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'VALIDATION_FAILED', 'bad content length'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'VALIDATION_FAILED', 'send JSON'],
  FST_ERR_BAD_URL: [400, 'VALIDATION_FAILED', 'bad request target'],
};

/** The protocol's code for a 4xx raised by a plugin (the static files' 403 on a traversal, …). */
function codeOfStatus(status: number): WireError['code'] {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'VALIDATION_FAILED';
  }
}

/**
 * Every error of every route becomes `{ ok: false, error: { code, message } }`: refusals keep their
 * status, the client's mistakes are 4xx with a code, and only a fault of the server is a 500 `INTERNAL`
 * (logged, never with a stack trace in the answer).
 */
export function errorHandler(logger: Logger) {
  return (error: FastifyError | HttpError | SchemaError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      void reply.headers(error.headers);
      return sendError(reply, error.statusCode, error.error);
    }
    if (error instanceof SchemaError) {
      return sendError(reply, 400, {
        code: 'VALIDATION_FAILED',
        message: error.message,
        issues: error.zodError.issues
          .slice(0, 10)
          .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
      });
    }
    const known = FRAMEWORK_REFUSALS[error.code];
    if (known) return sendError(reply, known[0], { code: known[1], message: known[2] });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendError(reply, status, { code: codeOfStatus(status), message: 'bad request' });
    }
    logger.error({ path: request.url.slice(0, 100), error: error.message }, 'http error');
    return sendError(reply, 500, { code: 'INTERNAL', message: 'internal error' });
  };
}
