import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes.js';

const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Apollo's own codes for requests that never reached a resolver.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Keeps errors meant for the caller as they are and hides everything else behind INTERNAL_SERVER_ERROR, so
 * that SQL, stack traces and library messages never reach a client.
 */
export function formatError(formatted: GraphQLFormattedError, onInternal: (error: unknown) => void, original?: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    void _stacktrace;
    return { ...formatted, extensions };
  }
  onInternal(original ?? formatted);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
