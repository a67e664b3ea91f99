import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { projectFile } from '../../common/project-file.js';
import { PolicyLever, PolicyOrientation } from '../policy-levers.js';
import { SourceConfidence } from '../source-confidence.js';

/** The report whose Table 2 and Table 3 the readiness and instrument files transcribe. */
export const REPORT_URL = 'https://unctad.org/publication/technology-and-innovation-report-2025';

export interface StrategyReference {
  id: string;
  partyCode: string;
  releasedYear: number;
  title: string;
  sourceUrl: string;
  confidence: SourceConfidence;
}

export interface InstrumentReference {
  id: string;
  partyCode: string;
  title: string;
  orientation: PolicyOrientation;
  lever: PolicyLever;
  sourceUrl: string;
}

export interface ReadinessReference {
  id: string;
  countryIso3: string;
  year: number;
  rank: number;
  ictRank: number | null;
  skillsRank: number | null;
  rndRank: number | null;
  industryRank: number | null;
  financeRank: number | null;
}

/**
 * The id a seeded row always gets (a UUID of version 8 made from `key`), so that the seed recognises a row it
 * inserted once even after a curator corrected its title or year: it never inserts it a second time.
 */
export function seedId(key: string): string {
  const hex = createHash('sha256').update(`policies-seed:${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function readCsv<Row>(file: string): Row[] {
  return parse(readFileSync(projectFile(`data/readiness/${file}`)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

function enumValue<E extends Record<string, string>>(values: E, raw: string, file: string): E[keyof E] {
  const value = raw.toUpperCase();
  if (!Object.values(values).includes(value)) throw new Error(`${file}: unknown value "${raw}"`);
  return value as E[keyof E];
}

function whole(raw: string, file: string): number {
  if (!/^[0-9]+$/.test(raw)) throw new Error(`${file}: "${raw}" is not a whole number`);
  return Number(raw);
}

/** `national-ai-strategies.csv`: the year each country (and the EU) first released a national AI strategy. */
export function strategyReferences(): StrategyReference[] {
  const file = 'national-ai-strategies.csv';
  return readCsv<Record<string, string>>(file).map((row) => ({
    // One row per party in the file (its first strategy), so the party is the key.
    id: seedId(`strategy:${row.iso3}`),
    partyCode: row.iso3,
    releasedYear: whole(row.year_released, file),
    title: row.title,
    sourceUrl: row.source_url,
    confidence: enumValue(SourceConfidence, row.confidence, file),
  }));
}

/** `policy-instruments.csv`: the report's Table 3. */
export function instrumentReferences(): InstrumentReference[] {
  const file = 'policy-instruments.csv';
  return readCsv<Record<string, string>>(file).map((row) => ({
    id: seedId(`instrument:${row.iso3_or_region}:${row.title}`),
    partyCode: row.iso3_or_region,
    title: row.title,
    orientation: enumValue(PolicyOrientation, row.orientation, file),
    lever: enumValue(PolicyLever, row.lever, file),
    sourceUrl: REPORT_URL,
  }));
}

/**
 * `ftri-2024.csv`: the report's Table 2, the 2024 ranks with their components and, as published beside them, the
 * 2022 overall rank (a 2022 score without components).
 */
export function readinessReferences(): ReadinessReference[] {
  const file = 'ftri-2024.csv';
  return readCsv<Record<string, string>>(file).flatMap((row) => [
    {
      id: seedId(`readiness:${row.iso3}:2024`),
      countryIso3: row.iso3,
      year: 2024,
      rank: whole(row.rank_2024, file),
      ictRank: whole(row.ict_rank, file),
      skillsRank: whole(row.skills_rank, file),
      rndRank: whole(row.rnd_rank, file),
      industryRank: whole(row.industry_rank, file),
      financeRank: whole(row.finance_rank, file),
    },
    {
      id: seedId(`readiness:${row.iso3}:2022`),
      countryIso3: row.iso3,
      year: 2022,
      rank: whole(row.rank_2022, file),
      ictRank: null,
      skillsRank: null,
      rndRank: null,
      industryRank: null,
      financeRank: null,
    },
  ]);
}
