import type { FastifyReply } from 'fastify';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes.js';

/** Codes of errors meant for the caller; anything else is reported as INTERNAL_SERVER_ERROR. */
const CLIENT_CODES = new Set<string>(
  Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
);

/** Codes of requests refused before anything ran: answered with HTTP 400. */
const REQUEST_ERRORS = new Set<string>(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']);

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
  const given = error.extensions?.code;
  const code =
    typeof given === 'string'
      ? given
      : error.message.startsWith('Syntax Error')
        ? 'GRAPHQL_PARSE_FAILED'
        : /^(Variable "\$|Expected value of type)/.test(error.message)
          ? ErrorCode.BAD_USER_INPUT
          : 'GRAPHQL_VALIDATION_FAILED';
  const field = error.extensions?.field ?? variablePath(error.message);
  return {
    error: { ...error.toJSON(), extensions: { ...error.extensions, code, ...(field ? { field } : {}) } },
    status: 400,
  };
}

/** The variable (and the place inside it) that graphql-js says is wrong: 'Variable "$input" ... at "input.email"'. */
function variablePath(message: string): string | undefined {
  const match =
    /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value .*? at "([^"]+)";|^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(
      message,
    );
  return match ? (match[2] ?? match[3]) : undefined;
}

/**
 * A bad literal is reported twice, by graphql-js ("Expected value of type...") and by InputLiteralsRule, which names
 * the argument: keep the second.
 */
function withoutRepeats(errors: GraphQLError[]): GraphQLError[] {
  const named = new Set(
    errors.filter((error) => error.extensions?.field !== undefined).map((error) => JSON.stringify(error.locations)),
  );
  return errors.filter(
    (error) => !(error.message.startsWith('Expected value of type') && named.has(JSON.stringify(error.locations))),
  );
}

/** PostgreSQL's data exceptions (SQLSTATE class 22: a value out of range or malformed) are the caller's input. */
function isDataException(error: DriverError | undefined): boolean {
  const sqlState = (error as { driverError?: { code?: unknown } } | undefined)?.driverError?.code ?? error?.code;
  return typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState);
}

function format(error: GraphQLError, log: (error: GraphQLError) => void): Formatted[] {
  const original: DriverError | undefined = error.originalError ?? undefined;
  if (original?.code === 'MER_ERR_GQL_VALIDATION' && Array.isArray(original.errors)) {
    return withoutRepeats(original.errors.map(asGraphQLError)).map(requestError);
  }
  if (error.path === undefined && error.message.startsWith('Variable "$')) return [requestError(error)];
  const code = error.extensions?.code;
  if (typeof code === 'string' && (CLIENT_CODES.has(code) || REQUEST_ERRORS.has(code))) {
    // An error without a path was raised before execution (a refused request), not by a field.
    return [{ error: error.toJSON(), status: error.path === undefined ? 400 : undefined }];
  }
  if (isDataException(original)) {
    return [
      {
        error: {
          message: 'a value is out of range or malformed',
          locations: error.locations,
          path: error.path,
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        },
      },
    ];
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
  execution: ExecutionResult,
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
