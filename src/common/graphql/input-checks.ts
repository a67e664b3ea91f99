import {
  getNamedType,
  GraphQLError,
  isScalarType,
  type ASTNode,
  type ASTVisitor,
  type FloatValueNode,
  type IntValueNode,
  type GraphQLScalarType,
  type OperationDefinitionNode,
  type StringValueNode,
  type ValidationContext,
} from 'graphql';
import { BadUserInputError, type FieldProblem } from '../errors/app-errors.js';
import { ErrorCode } from '../errors/error-codes.js';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from './scalars.js';

/** Neither can be stored: PostgreSQL refuses NUL in text, and an unpaired surrogate is not Unicode. */
export function isUnsafeText(text: string): boolean {
  return text.includes('\0') || !text.isWellFormed();
}

const UNSAFE_TEXT = 'must not contain NUL characters or unpaired surrogates';
const UNSAFE_CHARACTER = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The problem with unsafe `text` at `field`; for text of several lines (a CSV file...), where the first unsafe
 * character is: `line` (1-based) in the problem, line and character in the message.
 */
function unsafeTextProblem(field: string, text: string): FieldProblem {
  if (!text.includes('\n')) return { field, message: UNSAFE_TEXT };
  const at = UNSAFE_CHARACTER.exec(text)?.index ?? 0;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(0, lineStart).split('\n').length;
  return { field, line, message: `${UNSAFE_TEXT} (line ${line}, character ${at - lineStart + 1})` };
}

/** Scalars whose literals are checked here, so that a bad one is named like a bad variable would be. */
const CHECKED_SCALARS = new Set<GraphQLScalarType>([LocalDateScalar, DateTimeScalar, DecimalScalar]);

function inputError(field: string, message: string, node: ASTNode, problem: FieldProblem = { field, message }) {
  return new GraphQLError(`${field} ${problem.message}`, {
    nodes: node,
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, fields: [problem] },
  });
}

/**
 * Validation rule for literals written in the query: every string passed as an argument, at any depth of an input
 * object, is safe text, and dates parse. The problem is reported as BAD_USER_INPUT naming the argument path
 * (`input.email`), before anything runs.
 */
export function InputLiteralsRule(context: ValidationContext): ASTVisitor {
  const path: string[] = [];
  // A visitor function that returns a value edits the document, so these return nothing.
  const enter = (name: string): void => {
    path.push(name);
  };
  const leave = (): void => {
    path.pop();
  };
  const checkScalar = (node: StringValueNode | IntValueNode | FloatValueNode, field: string): void => {
    const type = getNamedType(context.getInputType());
    if (isScalarType(type) && CHECKED_SCALARS.has(type)) {
      try {
        type.parseLiteral(node);
      } catch (error) {
        context.reportError(inputError(field, error instanceof Error ? error.message : 'is not valid', node));
      }
    }
  };
  return {
    Argument: { enter: (node) => enter(node.name.value), leave },
    ObjectField: { enter: (node) => enter(node.name.value), leave },
    StringValue(node) {
      const field = path.join('.') || 'argument';
      if (isUnsafeText(node.value)) {
        const problem = unsafeTextProblem(field, node.value);
        context.reportError(inputError(field, problem.message, node, problem));
        return;
      }
      checkScalar(node, field);
    },
    // A number where a string scalar is expected (an amount written 1000 rather than "1000").
    IntValue(node) {
      checkScalar(node, path.join('.') || 'argument');
    },
    FloatValue(node) {
      checkScalar(node, path.join('.') || 'argument');
    },
  };
}

/**
 * Refuses declared variables holding unsafe text anywhere inside them, naming the path (`input.email`). Variables
 * the operation does not declare are never read. Walks without recursion, so no nesting depth can overflow it.
 */
export function assertSafeVariableText(operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  const problems: FieldProblem[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const pending: [string, unknown][] = [[name, variables[name]]];
    while (pending.length > 0 && problems.length < 10) {
      const [path, value] = pending.pop()!;
      if (typeof value === 'string') {
        if (isUnsafeText(value)) problems.push(unsafeTextProblem(path, value));
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => pending.push([`${path}.${index}`, item]));
      } else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) pending.push([`${path}.${key}`, item]);
      }
    }
  }
  if (problems.length) throw new BadUserInputError(problems);
}
