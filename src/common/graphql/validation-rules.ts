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
 * GraphQL Armor reports its refusals as "Syntax Error: ..."; they are validation errors of a well-formed query,
 * so they are re-reported as such.
 */
function asValidationError(rule: ValidationRule): ValidationRule {
  return (context: ValidationContext) =>
    rule(
      new Proxy(context, {
        get(target, property) {
          if (property !== 'reportError') return Reflect.get(target, property, target) as unknown;
          return (error: GraphQLError) =>
            target.reportError(
              new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
                nodes: error.nodes,
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
            );
        },
      }),
    );
}

/** The rules every query is validated with, besides graphql-js's own; all run before anything executes. */
export function validationRules(limits: ValidationLimits): ValidationRule[] {
  return [
    InputLiteralsRule,
    depthLimit(limits.maxDepth) as ValidationRule,
    asValidationError(maxAliasesRule({ n: limits.maxAliases, exposeLimits: true })),
    asValidationError(maxDirectivesRule({ n: MAX_DIRECTIVES, exposeLimits: true })),
    ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}
