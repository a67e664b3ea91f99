import { BadUserInputError, ConflictError } from '../common/errors/app-errors.js';
import { isCheckViolation, isForeignKeyViolation, isUniqueViolation } from '../database/pg-errors.js';

export interface RefusalWording {
  /** The input field naming the party or country, when a foreign key refuses it. */
  reference: { field: string; message: string };
  /** What a unique key refusing the row means. */
  duplicate: string;
}

/**
 * The database's refusal of a curated write as the caller's error (the constraints are the last word, after the
 * input checks): a missing party is BAD_USER_INPUT naming its field, a duplicate is CONFLICT, a failed check is
 * BAD_USER_INPUT on the input. Anything else is rethrown.
 */
export function refusal(wording: RefusalWording): (error: unknown) => never {
  return (error) => {
    if (isUniqueViolation(error)) throw new ConflictError(wording.duplicate);
    if (isForeignKeyViolation(error)) throw BadUserInputError.field(wording.reference.field, wording.reference.message);
    if (isCheckViolation(error)) throw BadUserInputError.field('input', 'holds a value the registry cannot store');
    throw error;
  };
}
