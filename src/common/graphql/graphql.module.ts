import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginUsageReportingDisabled,
  ApolloServerPluginSchemaReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import depthLimit from 'graphql-depth-limit';
import { complexityLimit } from './query-limits.js';
import { ThinFields } from './thin-fields.js';
import { formatError, internalErrorLogging, retryAfterHeader } from '../errors/format-error.js';
import { createRequestContext } from '../request-context.js';

export interface GraphqlOptions {
  /** Where to write the SDL; false keeps the schema in memory. */
  schemaFile: string | false;
  graphiql: boolean;
  introspection: boolean;
  maxDepth: number;
  maxComplexity: number;
}

export function graphqlModule(options: GraphqlOptions) {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    inject: [ThinFields],
    useFactory: (thinFields: ThinFields) => ({
      autoSchemaFile: options.schemaFile === false ? true : options.schemaFile,
      sortSchema: true,
      path: '/graphql',
      graphiql: options.graphiql,
      introspection: options.introspection,
      // Apollo's default: a request must be JSON or carry a preflight header, so a plain HTML form cannot post.
      csrfPrevention: true,
      validationRules: [depthLimit(options.maxDepth)],
      context: createRequestContext,
      includeStacktraceInErrorResponses: false,
      // The cache-control plugin wraps every field resolver; responses here are not HTTP-cached anyway.
      plugins: [
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
        complexityLimit(options.maxComplexity),
        internalErrorLogging,
        retryAfterHeader,
      ],
      formatError,
      transformSchema: (schema) => thinFields.install(schema),
    }),
  });
}
