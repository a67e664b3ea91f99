import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Years PostgreSQL and JavaScript both hold without surprises (no year 0, no five-digit years). */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/**
 * A plain error, not a GraphQLError: graphql-js then says which variable or literal it was about
 * ('Variable "$asOf" got invalid value ...', 'Expected value of type "LocalDate" ...'), with its location.
 */
function invalid(scalar: string, expected: string, value: unknown): TypeError {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
  return new TypeError(`${scalar} must be ${expected}, got ${shown}`);
}

/** 'YYYY-MM-DD' of a real calendar day from 0001-01-01 to 9999-12-31, or null. */
export function calendarDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // 2000: a leap year, for February 29
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : daysInMonth)) return null;
  return value;
}

function stringLiteral(node: ValueNode): unknown {
  return node.kind === Kind.STRING ? node.value : undefined;
}

/**
 * A scalar written as a string: `parse` reads an input (variable or literal) and answers null for anything it
 * refuses; `show` writes an output value, null when it cannot.
 */
function stringScalar<Internal>(config: {
  name: string;
  description: string;
  expected: string;
  parse: (value: unknown) => Internal | null;
  show: (value: unknown) => string | null;
}): GraphQLScalarType<Internal, string> {
  const read = (value: unknown): Internal => {
    const parsed = config.parse(value);
    if (parsed === null) throw invalid(config.name, config.expected, value);
    return parsed;
  };
  return new GraphQLScalarType<Internal, string>({
    name: config.name,
    description: config.description,
    serialize: (value) => {
      const shown = config.show(value);
      if (shown === null) throw invalid(config.name, config.expected, value);
      return shown;
    },
    parseValue: read,
    parseLiteral: (node) => read(stringLiteral(node)),
  });
}

const LOCAL_DATE_EXPECTED = 'a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD';

/** A calendar date with no time zone, 'YYYY-MM-DD' (as-of dates, membership periods); stays a string end to end. */
export const LocalDateScalar = stringScalar<string>({
  name: 'LocalDate',
  description: `A calendar date, ${LOCAL_DATE_EXPECTED}.`,
  expected: LOCAL_DATE_EXPECTED,
  parse: calendarDate,
  show: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : calendarDate(value)),
});

const DATE_TIME_EXPECTED = 'an RFC 3339 date-time with a time zone, from year 0001 to 9999';

function instant(value: unknown): Date | null {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return null;
  if (calendarDate(value.slice(0, 10)) === null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year < FIRST_YEAR || year > LAST_YEAR ? null : date;
}

/** An instant, '2026-01-31T12:00:00Z'; a JavaScript Date inside. */
export const DateTimeScalar = stringScalar<Date>({
  name: 'DateTime',
  description: `An instant, ${DATE_TIME_EXPECTED}, for example 2026-01-31T12:00:00Z.`,
  expected: DATE_TIME_EXPECTED,
  parse: instant,
  show: (value) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
  },
});

/** Up to 18 digits before the point and 2 after, no exponent, no leading zeros: what numeric(20,2) holds exactly. */
const DECIMAL = /^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,2})?$/;
const DECIMAL_EXPECTED = 'a decimal number written as a string, up to 18 digits before the point and 2 after';

function decimal(value: unknown): string | null {
  return typeof value === 'string' && DECIMAL.test(value) ? value : null;
}

/**
 * An exact decimal (money), a string end to end: never a JSON number, so that no value passes through floating
 * point on its way in or out. PostgreSQL's numeric is read as text and shown as it is.
 */
export const DecimalScalar = stringScalar<string>({
  name: 'Decimal',
  description: `An exact decimal number written as a string, never a JSON number: up to 18 digits before the point and 2 after, no exponent, for example "1234567.89".`,
  expected: DECIMAL_EXPECTED,
  parse: decimal,
  show: decimal,
});
