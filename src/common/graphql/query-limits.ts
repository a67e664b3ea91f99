import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/error-codes.js';

/**
 * How many items a plain (unpaginated) list is assumed to hold when estimating a query's cost, unless the
 * field says otherwise with `@Extensions({ listSize })`.
 */
export const ASSUMED_LIST_SIZE = 25;

/** Cost estimates remembered per document: one per distinct set of numeric variables, at most this many. */
const COSTS_PER_DOCUMENT = 64;

/**
 * Counts the objects a query may fetch: a field with `first` fetches that many, a connection's edges do not
 * multiply again, any other list of objects is assumed to hold ASSUMED_LIST_SIZE. A scalar field costs what its
 * `@Extensions({ cost })` says (fields that run SQL, such as counts, say 1), other scalars are free; so is
 * introspection, which reads no data.
 */
export function objectCountEstimator({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (field.name.startsWith('__')) return 0;
  const type = getNullableType(field.type);
  const own = typeof field.extensions?.cost === 'number' ? field.extensions.cost : 0;
  if (!isObjectType(getNamedType(type))) return own;
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
 * The declared variables, coerced to their types. The driver checks them too, but not on the request that compiles
 * a query, so a bad one is refused here as BAD_USER_INPUT in every case.
 */
function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, raw: Record<string, unknown>) {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], raw, { maxErrors: 10 });
  if (coerced.errors) {
    const [first] = coerced.errors;
    throw new GraphQLError(first.message, {
      nodes: first.nodes,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return coerced;
}

function refusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...extensions } });
}

/**
 * Refuses a query whose estimated object count exceeds `limit`, after parsing and validation and before any
 * resolver (and so any SQL) runs; a query whose cost cannot be estimated (too large to walk, for one) is refused
 * too. The estimate depends on the document and on the numbers among its declared variables only, so it is
 * remembered per document (the driver keeps parsed documents in a bounded cache) and per those numbers, at most
 * COSTS_PER_DOCUMENT of them; variables the query does not declare are never read.
 */
export class ComplexityLimit {
  private readonly costs = new WeakMap<DocumentNode, Map<string, number>>();

  constructor(private readonly limit: number) {}

  /** Throws QUERY_TOO_COMPLEX unless the operation is within the limit. */
  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    rawVariables: Record<string, unknown>,
  ): void {
    const operationName = operation.name?.value;
    // Most reads declare no variables: nothing to coerce, one cost per operation.
    const declared = operation.variableDefinitions?.length
      ? coerceVariables(schema, operation, rawVariables).coerced
      : {};
    const numbers = Object.entries(declared).filter(([, value]) => typeof value === 'number');
    const key = numbers.length ? `${operationName ?? ''} ${JSON.stringify(numbers)}` : (operationName ?? '');
    let byVariables = this.costs.get(document);
    if (!byVariables) this.costs.set(document, (byVariables = new Map<string, number>()));
    let cost = byVariables.get(key);
    if (cost === undefined) {
      try {
        cost = getComplexity({
          schema,
          query: document,
          operationName,
          // The declared variables as sent: the library coerces them itself.
          variables: Object.fromEntries(Object.keys(declared).map((name) => [name, rawVariables[name]])),
          estimators: [objectCountEstimator],
        });
      } catch (error) {
        throw refusal(
          `the query's cost could not be estimated (${error instanceof Error ? error.message : 'unknown reason'}); make it smaller`,
          { limit: this.limit },
        );
      }
      if (byVariables.size >= COSTS_PER_DOCUMENT) byVariables.clear();
      byVariables.set(key, cost);
    }
    if (cost > this.limit) {
      throw refusal(
        `the query may fetch ${cost} objects, more than the limit of ${this.limit}; ask for fewer or page`,
        {
          cost,
          limit: this.limit,
        },
      );
    }
  }
}
