import type { FastifyReply } from 'fastify';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes.js';

/** Codes of errors meant for the caller; anything else is reported as INTERNAL_SERVER_ERROR. */
const CLIENT_CODES = new Set<string>(
  Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
);

/** Codes of requests refused before anything ran: answered with HTTP 400. */
const REQUEST_ERRORS = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);

interface DriverError extends Error {
  /** The driver's wrapper of parse and validation errors (MER_ERR_GQL_VALIDATION) lists them here. */
  errors?: unknown[];
  statusCode?: number;
  code?: string;
}

interface Formatted {
  error: GraphQLFormattedError;
  /** An HTTP status the error asks for (400 for refused requests, 413 for a body too large...). */
  status?: number;
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(message, { originalError: error instanceof Error ? error : undefined });
}

/** What the request got wrong before execution, from the driver's parse and validation errors. */
function requestError(error: GraphQLError): Formatted {
  const code = error.message.startsWith('Syntax Error')
    ? 'GRAPHQL_PARSE_FAILED'
    : error.message.startsWith('Variable "$')
      ? ErrorCode.BAD_USER_INPUT
      : 'GRAPHQL_VALIDATION_FAILED';
  return { error: { ...error.toJSON(), extensions: { ...error.extensions, code } }, status: 400 };
}

function format(error: GraphQLError, log: (error: GraphQLError) => void): Formatted[] {
  const original: DriverError | undefined = error.originalError ?? undefined;
  if (original?.code === 'MER_ERR_GQL_VALIDATION' && Array.isArray(original.errors)) {
    return original.errors.map((inner) => requestError(asGraphQLError(inner)));
  }
  const code = error.extensions?.code;
  if (typeof code === 'string' && (CLIENT_CODES.has(code) || REQUEST_ERRORS.has(code))) {
    const status = code === String(ErrorCode.QUERY_TOO_COMPLEX) || REQUEST_ERRORS.has(code) ? 400 : undefined;
    return [{ error: error.toJSON(), status }];
  }
  // A request the HTTP layer refused (body too large, unsupported media type, CSRF): its status and message stand.
  if (original?.statusCode && original.statusCode >= 400 && original.statusCode < 500) {
    return [{ error: { message: original.message, extensions: { code: 'BAD_REQUEST' } }, status: original.statusCode }];
  }
  log(error);
  return [
    {
      error: {
        message: 'Internal server error',
        locations: error.locations,
        path: error.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      },
    },
  ];
}

/**
 * The driver's error formatter: keeps errors meant for the caller (with their `extensions.code`) and hides
 * everything else behind INTERNAL_SERVER_ERROR, logged with the request id, so that SQL, stack traces and library
 * messages never reach a client. Requests refused before execution answer HTTP 400; a rate-limited answer also
 * carries Retry-After.
 */
export function formatExecutionErrors(
  execution: ExecutionResult & { statusCode?: number },
  context: { reply?: FastifyReply },
): { statusCode: number; response: ExecutionResult } {
  const reply = context.reply;
  const log = (error: GraphQLError) =>
    reply?.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
  const formatted = (execution.errors ?? []).flatMap((error) => format(asGraphQLError(error), log));
  const limited = formatted.find((entry) => entry.error.extensions?.code === ErrorCode.RATE_LIMITED);
  if (limited && reply) reply.header('retry-after', String(limited.error.extensions!.retryAfterSeconds));
  const refused = execution.data ? undefined : formatted.find((entry) => entry.status !== undefined);
  return {
    statusCode: refused?.status ?? 200,
    response: {
      data: execution.data ?? null,
      errors: formatted.map((entry) => entry.error) as unknown as GraphQLError[],
    },
  };
}
