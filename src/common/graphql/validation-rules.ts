import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext, type ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { InputLiteralsRule } from './input-checks.js';

/** More directives than any real query uses; a flood of them costs validation time. */
const MAX_DIRECTIVES = 50;

export interface ValidationLimits {
  maxDepth: number;
  maxAliases: number;
  introspection: boolean;
}

/**
 * GraphQL Armor throws its refusals as "Syntax Error: ..."; they are validation errors of a well-formed query, so
 * they are reported as such, alongside graphql-js's own.
 */
const armor = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ),
  ],
};

/** The rules every query is validated with, besides graphql-js's own; all run before anything executes. */
export function validationRules(limits: ValidationLimits): ValidationRule[] {
  return [
    InputLiteralsRule,
    depthLimit(limits.maxDepth) as ValidationRule,
    maxAliasesRule({ ...armor, n: limits.maxAliases }),
    maxDirectivesRule({ ...armor, n: MAX_DIRECTIVES }),
    ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}
