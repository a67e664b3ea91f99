import { BadUserInputError } from '../errors/app-errors.js';
import { calendarDate } from '../graphql/scalars.js';

/** What one part of a list's sort key holds, so that a forged cursor is refused before it reaches SQL. */
export type CursorPart = 'text' | 'uuid' | 'integer' | 'date';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^[0-9]{1,18}$/;
const MAX_TEXT_LENGTH = 512;

function fits(part: CursorPart, value: unknown): value is string | number {
  switch (part) {
    case 'text':
      return (
        typeof value === 'string' && value.length <= MAX_TEXT_LENGTH && !value.includes('\0') && value.isWellFormed()
      );
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'date':
      return calendarDate(value) !== null;
    case 'integer':
      return (
        (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) &&
        INTEGER.test(String(value))
      );
  }
}

/** Opaque to clients; holds the sort key of the last row seen. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The sort key a cursor holds, each part checked against `parts` (a list ordered by name then id: ['text',
 * 'uuid']); anything else, including a cursor of another list, is BAD_USER_INPUT naming `field`.
 */
export function decodeCursor(cursor: string, parts: readonly CursorPart[], field = 'after'): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts.length && parts.every((part, index) => fits(part, key[index]))) {
      return key.map(String);
    }
  } catch {
    // fall through to the error below
  }
  throw BadUserInputError.field(field, 'is not a cursor returned by this list');
}
