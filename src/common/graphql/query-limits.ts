import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/error-codes.js';

/**
 * How many items a plain (unpaginated) list is assumed to hold when estimating a query's cost, unless the
 * field says otherwise with `@Extensions({ listSize })`.
 */
export const ASSUMED_LIST_SIZE = 25;

/**
 * Counts the objects a query may fetch: a field with `first` fetches that many, a connection's edges do not
 * multiply again, any other list of objects is assumed to hold ASSUMED_LIST_SIZE, scalars are free.
 */
export function objectCountEstimator({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const type = getNullableType(field.type);
  const returnsObjects = isObjectType(getNamedType(type));
  if (!returnsObjects) return 0;
  if (typeof args.first === 'number') return args.first * (1 + childComplexity);
  if (isListType(type) && !isConnectionEdges(field)) {
    const listSize = typeof field.extensions?.listSize === 'number' ? field.extensions.listSize : ASSUMED_LIST_SIZE;
    return listSize * (1 + childComplexity);
  }
  return 1 + childComplexity;
}

function isConnectionEdges(field: GraphQLField<unknown, unknown>): boolean {
  return field.name === 'edges' && getNamedType(field.type).name.endsWith('Edge');
}

/**
 * Refuses a query whose estimated object count exceeds `limit` after parsing and validation, before any
 * resolver (and so any SQL) runs. Apollo hands back the same document object for the same query text, so the
 * cost is remembered per document and variables instead of walking the query on every request.
 */
export function complexityLimit(limit: number): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = `${request.operationName ?? ''} ${JSON.stringify(request.variables ?? {})}`;
          let byVariables = costs.get(document);
          if (!byVariables) costs.set(document, (byVariables = new Map<string, number>()));
          let cost = byVariables.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                estimators: [objectCountEstimator],
              });
            } catch {
              // Variables that do not fit their types: execution reports that as BAD_USER_INPUT (HTTP 400).
              return;
            }
            // Bounded: a client paging with ever-new cursors must not grow it without end.
            if (byVariables.size >= 100) byVariables.clear();
            byVariables.set(key, cost);
          }
          if (cost > limit) {
            throw new GraphQLError(
              `the query may fetch ${cost} objects, more than the limit of ${limit}; ask for fewer or page`,
              {
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, limit, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
