import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes.js';

export interface FieldProblem {
  /** Dotted path of the offending argument or input field, for example "filter.groupKey". */
  field: string;
  message: string;
  /** For text input made of lines (a CSV file): the 1-based line of the problem. */
  line?: number;
  /** For tabular text input: the column (its header name) of the problem. */
  column?: string;
  /** For JSON input (a filing's content): the JSON Pointer of the problem inside it. */
  path?: string;
}

/** Errors meant for the caller: GraphQL errors with a stable code in `extensions.code`. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class BadUserInputError extends AppError {
  constructor(problems: FieldProblem[]) {
    const message = problems.map((problem) => `${problem.field} ${problem.message}`).join('; ');
    super(ErrorCode.BAD_USER_INPUT, message, { field: problems[0]?.field, fields: problems });
  }

  static field(field: string, message: string): BadUserInputError {
    return new BadUserInputError([{ field, message }]);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extensions);
  }

  /** A value of one input field taken already (a duplicate key): `extensions.field` names the field. */
  static field(field: string, message: string): ConflictError {
    return new ConflictError(`${field} ${message}`, { field });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'sign in to do this') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'you may not do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class InvalidStateTransitionError extends AppError {
  constructor(entity: string, from: string, to: string, message = `${entity} cannot go from ${from} to ${to}`) {
    super(ErrorCode.INVALID_STATE_TRANSITION, message, { from, to });
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `${message}; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
