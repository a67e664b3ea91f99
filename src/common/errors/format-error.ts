import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../request-context.js';
import { ErrorCode } from './error-codes.js';

const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  // Apollo's own codes for requests that never reached a resolver.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function isClientError(code: unknown): boolean {
  return typeof code === 'string' && CLIENT_CODES.has(code);
}

/**
 * Keeps errors meant for the caller and hides everything else behind INTERNAL_SERVER_ERROR, so that SQL,
 * stack traces and library messages never reach a client.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isClientError(formatted.extensions?.code)) return formatted;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** A rate-limited answer also carries the standard Retry-After header, for HTTP clients and proxies. */
export const retryAfterHeader: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        const limited = errors?.find((error) => error.extensions?.code === ErrorCode.RATE_LIMITED);
        if (limited) response.http.headers.set('retry-after', String(limited.extensions.retryAfterSeconds));
      },
    };
  },
};

/** Logs the errors `formatError` hides, with the request's id, so that an operator can find them. */
export const internalErrorLogging: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          if (isClientError(error.extensions?.code)) continue;
          contextValue.req?.log?.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
        }
      },
    };
  },
};
