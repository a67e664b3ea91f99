import { AppError } from '../../common/errors/app-errors.js';
import { ErrorCode } from '../../common/errors/error-codes.js';

/** A version a filing uses never changes: publishing it again with other content is a CONFLICT on input.version. */
export class TemplateVersionInUseError extends AppError {
  constructor(key: string, version: number) {
    super(
      ErrorCode.CONFLICT,
      `input.version ${key}@${version} is used by a filing and cannot change: publish version ${version + 1} or later`,
      { field: 'input.version' },
    );
  }
}

/** Two publishers took the same next version at once: the second is told so. */
export class TemplateVersionTakenError extends AppError {
  constructor(key: string, version: number) {
    super(ErrorCode.CONFLICT, `input.version ${key}@${version} was published meanwhile: check it, then publish again`, {
      field: 'input.version',
    });
  }
}

/** What the freezing trigger raises (integrity_constraint_violation) when a used version would change. */
export function isFrozenTemplate(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } })?.driverError ?? error;
  return (driverError as { code?: string })?.code === '23000';
}
