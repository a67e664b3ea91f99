import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { projectFile } from '../../common/project-file.js';
import { DatePrecision } from '../date-precision.js';
import { InitiativeKind } from '../initiative-kind.js';
import { ParticipationRole } from '../participation-role.js';

export interface InitiativeReference {
  key: string;
  name: string;
  kind: InitiativeKind;
  conveningBody: string;
  adoptedOn: string;
  binding: boolean;
  url: string;
  description: string;
}

export interface ParticipationReference {
  partyCode: string;
  initiativeKey: string;
  role: ParticipationRole;
  validFrom: string;
  precision: DatePrecision;
  note: string;
}

function rows<T>(file: string): T[] {
  return parse<T>(readFileSync(projectFile(file)), { columns: true, skip_empty_lines: true, trim: true });
}

function oneOf<T extends string>(values: Record<string, T>, value: string, what: string): T {
  const found = Object.values(values).find((known) => known === value);
  if (!found) throw new Error(`data/governance: unknown ${what} "${value}"`);
  return found;
}

export function initiativeReferences(): InitiativeReference[] {
  return rows<Record<string, string>>('data/governance/initiatives.csv').map((row) => ({
    key: row.key,
    name: row.name,
    kind: oneOf(InitiativeKind, row.kind.toUpperCase(), 'kind'),
    conveningBody: row.convening_body,
    adoptedOn: row.adopted_on,
    binding: row.binding === 'true',
    url: row.url,
    description: row.notes,
  }));
}

/**
 * `unverified` dates (a best estimate) are stored with YEAR precision and say so in their note: the registry's
 * precisions are day, month and year (see data/governance/README.md).
 */
const PRECISIONS: Record<string, DatePrecision> = {
  day: DatePrecision.DAY,
  month: DatePrecision.MONTH,
  unverified: DatePrecision.YEAR,
};

export function participationReferences(): ParticipationReference[] {
  return rows<Record<string, string>>('data/governance/participation.csv').map((row) => {
    const precision = PRECISIONS[row.date_precision];
    if (!precision) throw new Error(`data/governance: unknown date precision "${row.date_precision}"`);
    return {
      partyCode: row.party,
      initiativeKey: row.initiative_key,
      role: oneOf(ParticipationRole, row.role.toUpperCase(), 'role'),
      validFrom: row.valid_from,
      precision,
      note:
        row.date_precision === 'unverified' ? `Date not verified (best estimate). ${row.source_note}` : row.source_note,
    };
  });
}
