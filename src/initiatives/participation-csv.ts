import { parse } from 'csv-parse/sync';
import { isURL } from 'class-validator';
import type { FieldProblem } from '../common/errors/app-errors.js';
import { calendarDate } from '../common/graphql/scalars.js';
import { DatePrecision } from './date-precision.js';
import { HTTP_URL, INITIATIVE_KEY } from './dto/initiative.input.js';
import { ParticipationRole } from './participation-role.js';

/**
 * The participation exchange format, shared by the import (CSV) and the exports (CSV and JSON): one row per
 * participation, these columns, a header line naming them. Empty cells are nulls.
 */
export const PARTICIPATION_COLUMNS = [
  'partyCode',
  'initiativeKey',
  'role',
  'validFrom',
  'validFromPrecision',
  'validTo',
  'validToPrecision',
  'sourceUrl',
  'sourceTitle',
  'sourceNote',
] as const;

export type ParticipationColumn = (typeof PARTICIPATION_COLUMNS)[number];

/** One participation as the format writes it (export) and as a valid import row reads. */
export interface ParticipationRecord {
  partyCode: string;
  initiativeKey: string;
  role: ParticipationRole;
  validFrom: string;
  validFromPrecision: DatePrecision;
  validTo: string | null;
  validToPrecision: DatePrecision | null;
  sourceUrl: string;
  sourceTitle: string | null;
  sourceNote: string | null;
}

/** A valid row of an import file and the line it starts on (the header is line 1). */
export interface ImportRow extends ParticipationRecord {
  line: number;
}

/** The largest import accepted: bytes of UTF-8 text and data rows (the header not counted). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** Problems listed in one answer; beyond it, one more problem says how many were left out. */
export const MAX_REPORTED_PROBLEMS = 1000;

const PARTY_CODE = /^[A-Za-z]{2,8}$/;
const UNSAFE = 'must not contain NUL characters or unpaired surrogates';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ROLES = new Set<string>(Object.values(ParticipationRole));
const PRECISIONS = new Set<string>(Object.values(DatePrecision));

/** A problem of an import file, on its line and (when it is about one cell) in its column. */
export function csvProblem(line: number | undefined, column: string | undefined, message: string): FieldProblem {
  const where = [line === undefined ? '' : `line ${line}`, column === undefined ? '' : `column ${column}`]
    .filter(Boolean)
    .join(', ');
  return {
    field: 'csv',
    message: where ? `${where}: ${message}` : message,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  };
}

/** The first `MAX_REPORTED_PROBLEMS` problems, and one saying how many more there were. */
export function reported(problems: FieldProblem[]): FieldProblem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_REPORTED_PROBLEMS),
    csvProblem(undefined, undefined, `and ${problems.length - MAX_REPORTED_PROBLEMS} more problems`),
  ];
}

/** Byte offsets where each line starts, to turn the parser's byte positions into line numbers. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) starts.push(at + 1);
  return starts;
}

/** 1-based line of the byte at `offset`. */
function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Skips the empty lines the parser skipped before a record that begins at `offset`. */
function skipBlankLines(bytes: Buffer, offset: number): number {
  while (offset < bytes.length && (bytes[offset] === 10 || bytes[offset] === 13)) offset++;
  return offset;
}

interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

export interface ParsedFile {
  rows: ImportRow[];
  /** Data rows read (valid or not). */
  count: number;
  problems: FieldProblem[];
}

/**
 * Reads an import file with csv-parse and checks every cell on its own (what needs the database is checked by the
 * service): the header, types, enums, dates and precisions, the URL, lengths, unsafe text. Nothing stops at the
 * first problem: every bad row is reported, by line and column.
 */
export function parseParticipationCsv(text: string): ParsedFile {
  const none: ParsedFile = { rows: [], count: 0, problems: [] };
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) {
    return {
      ...none,
      problems: [csvProblem(undefined, undefined, `is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it`)],
    };
  }
  // Unpaired surrogates cannot be encoded for the parser; they become NUL, which is refused in the cell it is in.
  const safe = text.isWellFormed() ? text : text.replace(LONE_SURROGATE, '\0');
  const bytes = Buffer.from(safe, 'utf8');
  let records: ParsedRecord[];
  try {
    records = parse(bytes, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // One row more than allowed, to tell that there are too many without reading them all.
      to: MAX_IMPORT_ROWS + 2,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const at = (error as { lines?: unknown }).lines;
    const reason = error instanceof Error ? error.message.replace(/ at line \d+$/, '') : 'is not CSV';
    return {
      ...none,
      problems: [csvProblem(typeof at === 'number' ? at : undefined, undefined, `is not valid CSV: ${reason}`)],
    };
  }
  if (records.length === 0) {
    return { ...none, problems: [csvProblem(1, undefined, `is empty: the first line names the columns`)] };
  }
  if (records.length > MAX_IMPORT_ROWS + 1) {
    return {
      ...none,
      problems: [csvProblem(undefined, undefined, `has more than ${MAX_IMPORT_ROWS} rows: split it`)],
    };
  }
  const starts = lineStarts(bytes);
  const problems: FieldProblem[] = [];
  const header = records[0].record;
  const headerProblems = checkHeader(header);
  if (headerProblems.length) return { ...none, count: records.length - 1, problems: headerProblems };
  const rows: ImportRow[] = [];
  for (let index = 1; index < records.length; index++) {
    const line = lineAt(starts, skipBlankLines(bytes, records[index - 1].info.bytes));
    const cells = records[index].record;
    if (cells.length !== header.length) {
      problems.push(csvProblem(line, undefined, `has ${cells.length} fields; the header has ${header.length}`));
      continue;
    }
    const row = checkRow(line, Object.fromEntries(header.map((name, at) => [name, cells[at]])), problems);
    if (row) rows.push(row);
  }
  return { rows, count: records.length - 1, problems };
}

function checkHeader(header: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set<string>(PARTICIPATION_COLUMNS);
  const seen = new Set<string>();
  for (const name of header) {
    if (name.includes('\0')) problems.push(csvProblem(1, undefined, `the header ${UNSAFE}`));
    else if (!known.has(name)) problems.push(csvProblem(1, name, `is not a column of the format`));
    else if (seen.has(name)) problems.push(csvProblem(1, name, `is named twice`));
    seen.add(name);
  }
  for (const name of PARTICIPATION_COLUMNS) {
    if (!seen.has(name)) problems.push(csvProblem(1, name, `is missing from the header`));
  }
  return problems;
}

/** The row's values once every cell is checked, or null after adding its problems to `problems`. */
function checkRow(line: number, cells: Record<string, string>, problems: FieldProblem[]): ImportRow | null {
  const before = problems.length;
  const fail = (column: ParticipationColumn, message: string): null => {
    problems.push(csvProblem(line, column, message));
    return null;
  };
  for (const column of PARTICIPATION_COLUMNS) {
    if (cells[column].includes('\0')) fail(column, UNSAFE);
  }
  if (problems.length > before) return null;
  const text = (column: ParticipationColumn): string | null => cells[column].trim() || null;
  const required = (column: ParticipationColumn): string | null => text(column) ?? fail(column, 'is required');
  const bounded = (column: ParticipationColumn, max: number): string | null => {
    const value = text(column);
    return value !== null && value.length > max ? fail(column, `is longer than ${max} characters`) : value;
  };
  const oneOf = <T extends string>(column: ParticipationColumn, allowed: Set<string>, value: string | null) => {
    if (value === null) return null;
    const upper = value.toUpperCase();
    return allowed.has(upper) ? (upper as T) : fail(column, `must be one of ${[...allowed].join(', ')}`);
  };
  const date = (column: ParticipationColumn, value: string | null) =>
    value === null || calendarDate(value) !== null
      ? value
      : fail(column, 'must be a date YYYY-MM-DD from 0001-01-01 to 9999-12-31');

  const partyText = required('partyCode');
  const partyCode =
    partyText === null || PARTY_CODE.test(partyText)
      ? partyText?.toUpperCase()
      : fail('partyCode', 'must be a party code such as KEN or EU');
  const keyText = required('initiativeKey');
  const initiativeKey =
    keyText === null || INITIATIVE_KEY.test(keyText)
      ? keyText
      : fail('initiativeKey', 'must be an initiative key such as oecd_ai_2019');
  const role = oneOf<ParticipationRole>('role', ROLES, required('role'));
  const validFrom = date('validFrom', required('validFrom'));
  const validFromPrecision = oneOf<DatePrecision>('validFromPrecision', PRECISIONS, text('validFromPrecision'));
  const validTo = date('validTo', text('validTo'));
  const validToPrecision = oneOf<DatePrecision>('validToPrecision', PRECISIONS, text('validToPrecision'));
  if (validTo !== null && validFrom !== null && validTo <= validFrom) {
    fail('validTo', `must be after validFrom (${validFrom})`);
  }
  if (text('validTo') === null && text('validToPrecision') !== null) {
    fail('validToPrecision', 'is given only with validTo');
  }
  const urlText = required('sourceUrl');
  const sourceUrl =
    urlText === null
      ? null
      : urlText.length > 2000
        ? fail('sourceUrl', 'is longer than 2000 characters')
        : isURL(urlText, HTTP_URL)
          ? urlText
          : fail('sourceUrl', 'must be an http(s) URL');
  const sourceTitle = bounded('sourceTitle', 500);
  const sourceNote = bounded('sourceNote', 2000);
  if (problems.length > before) return null;
  return {
    line,
    partyCode: partyCode!,
    initiativeKey: initiativeKey!,
    role: role!,
    validFrom: validFrom!,
    validFromPrecision: validFromPrecision ?? DatePrecision.DAY,
    validTo,
    validToPrecision: validTo === null ? null : (validToPrecision ?? DatePrecision.DAY),
    sourceUrl: sourceUrl!,
    sourceTitle,
    sourceNote,
  };
}
