import { GraphQLModule } from '@nestjs/graphql';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import { formatExecutionErrors } from '../errors/format-error.js';
import type { MercuriusContext } from 'mercurius';
import { OPERATION, type Metrics, type RequestWithOperation } from '../metrics/metrics.js';
import { createRequestContext } from '../request-context.js';
import { assertSafeVariableText } from './input-checks.js';
import { withPlainFieldsInlined } from './plain-fields.js';
import { LeanMercuriusDriver } from './lean-mercurius-driver.js';
import { ComplexityLimit } from './query-limits.js';
import { DateTimeScalar } from './scalars.js';
import { validationRules } from './validation-rules.js';
import { ThinFields } from './thin-fields.js';

export interface GraphqlOptions {
  /** Where to write the SDL; false keeps the schema in memory. */
  schemaFile: string | false;
  introspection: boolean;
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
  maxTokens: number;
  /** Counts errors by code and learns each request's operation; absent when metrics are off. */
  metrics?: Metrics;
}

/** Headers that only a script can set, so that their presence proves a request was not a plain form post. */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name', 'graphql-require-preflight'];

/** The name of the operation to run, from the body (POST) or the query string (GET). */
function operationNameOf(request: FastifyRequest): string | undefined {
  const source = (request.method === 'GET' ? request.query : request.body) as { operationName?: unknown } | null;
  return typeof source?.operationName === 'string' ? source.operationName : undefined;
}

export function graphqlModule(options: GraphqlOptions) {
  const complexity = new ComplexityLimit(options.maxComplexity);
  const metrics = options.metrics;
  return GraphQLModule.forRootAsync<MercuriusDriverConfig>({
    driver: LeanMercuriusDriver,
    inject: [ThinFields],
    useFactory: (thinFields: ThinFields) => ({
      autoSchemaFile: options.schemaFile === false ? true : options.schemaFile,
      sortSchema: true,
      buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
      path: '/graphql',
      graphiql: false,
      // Compiles a query with graphql-jit the second time it is seen.
      jit: 1,
      // A request must be JSON or carry a header only scripts can set, so a plain HTML form cannot post.
      csrfPrevention: {
        allowedContentTypes: ['application/json', 'application/graphql-response+json'],
        requiredHeaders: PREFLIGHT_HEADERS,
      },
      validationRules: validationRules(options),
      graphql: { parseOptions: { maxTokens: options.maxTokens } },
      context: createRequestContext,
      errorFormatter: metrics
        ? (execution, context: { reply?: FastifyReply }) => {
            const formatted = formatExecutionErrors(execution, context);
            metrics.errorsAnswered(formatted.response.errors ?? [], context.reply?.request);
            return formatted;
          }
        : formatExecutionErrors,
      hooks: {
        // After parsing, validation and the driver's own variable checks; before any resolver runs.
        preExecution: (
          schema: GraphQLSchema,
          document: DocumentNode,
          context: MercuriusContext,
          variables: unknown,
        ) => {
          const request: FastifyRequest & RequestWithOperation = context.reply.request;
          const operation = getOperationAST(document, operationNameOf(request));
          if (!operation) return; // the driver reports a missing or ambiguous operation itself
          request[OPERATION] = operation;
          const values = (variables ?? {}) as Record<string, unknown>;
          assertSafeVariableText(operation, values);
          complexity.check(schema, document, operation, values);
        },
      },
      transformSchema: (schema) => thinFields.install(withPlainFieldsInlined(schema)),
    }),
  });
}
