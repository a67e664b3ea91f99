import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { formatError } from '../errors/format-error.js';
import { createRequestContext } from '../request-context.js';

export interface GraphqlOptions {
  /** Where to write the SDL; false keeps the schema in memory. */
  schemaFile: string | false;
  graphiql: boolean;
}

const logger = new Logger('GraphQL');

export function graphqlModule(options: GraphqlOptions) {
  return GraphQLModule.forRoot<ApolloDriverConfig>({
    driver: ApolloDriver,
    autoSchemaFile: options.schemaFile === false ? true : options.schemaFile,
    sortSchema: true,
    path: '/graphql',
    graphiql: options.graphiql,
    introspection: true,
    context: createRequestContext,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      formatError(formatted, (internal) => logger.error(internal instanceof Error ? internal.stack : internal), error),
  });
}
