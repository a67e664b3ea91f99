import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { BadUserInputError, type FieldProblem } from './app-errors.js';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // class-validator starts its messages with the bare property name; name the full path instead.
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const REUSABLE = Symbol('reusable validation');

/**
 * Marks an argument class whose validated value may be reused for identical arguments: read arguments that hold
 * no secret (lookups, filters, paging). Subclasses inherit the mark.
 */
export function ReusableValidation(): ClassDecorator {
  return (target) => {
    Object.defineProperty(target, REUSABLE, { value: true });
  };
}

/** Validated values kept per argument class, and the longest arguments (as JSON) worth keeping. */
const REUSED_PER_CLASS = 256;
const MAX_REUSED_KEY_LENGTH = 2048;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * class-validator at the edge; failures become BAD_USER_INPUT naming each offending field. Validating a class
 * instance costs tens of microseconds, a large share of a small read, so a hot query's identical arguments are
 * validated once: the value is reused, frozen so that no resolver can change what another request receives.
 */
class ReusingValidationPipe extends ValidationPipe {
  private readonly reused = new WeakMap<object, Map<string, unknown>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype as (object & { [REUSABLE]?: boolean }) | undefined;
    const key = type?.[REUSABLE] ? JSON.stringify(value) : undefined;
    if (!type || key === undefined || key.length > MAX_REUSED_KEY_LENGTH) return super.transform(value, metadata);
    let known = this.reused.get(type);
    if (!known) this.reused.set(type, (known = new Map<string, unknown>()));
    if (known.has(key)) return known.get(key);
    const validated = deepFreeze((await super.transform(value, metadata)) as unknown);
    if (known.size >= REUSED_PER_CLASS) known.clear();
    known.set(key, validated);
    return validated;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ReusingValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => new BadUserInputError(flatten(errors)),
  });
}
