import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { projectFile } from '../../common/project-file.js';

export interface GroupReference {
  key: string;
  name: string;
  description: string;
}

export interface MembershipReference {
  groupKey: string;
  partyCode: string;
  since: string | null;
  until: string | null;
  note: string | null;
}

export const ORGANIZATION_PARTIES = [
  { code: 'EU', name: 'European Union' },
  { code: 'AU', name: 'African Union' },
] as const;

export const GROUPS: readonly GroupReference[] = [
  { key: 'G7', name: 'Group of Seven', description: 'Forum of seven advanced economies.' },
  { key: 'G20', name: 'Group of Twenty', description: '19 countries, the European Union and the African Union.' },
  { key: 'OECD', name: 'Organisation for Economic Co-operation and Development', description: '38 member countries.' },
  { key: 'EU', name: 'European Union', description: 'Member states of the European Union.' },
  {
    key: 'BRICS',
    name: 'BRICS',
    description: 'Brazil, Russia, India, China, South Africa and the members that joined from 2024.',
  },
  { key: 'LDC', name: 'Least developed countries', description: 'The UN list of least developed countries.' },
];

interface GroupsCsvRow {
  group: string;
  member: string;
  since: string;
  until: string;
  note: string;
}

export function membershipReferences(): MembershipReference[] {
  const rows: GroupsCsvRow[] = parse(readFileSync(projectFile('data/countries/groups.csv')), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  return rows.map((row) => ({
    groupKey: row.group,
    partyCode: row.member,
    since: row.since || null,
    until: row.until || null,
    note: row.note || null,
  }));
}
