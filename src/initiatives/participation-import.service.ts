import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError, ConflictError, type FieldProblem } from '../common/errors/app-errors.js';
import { CountriesService } from '../countries/countries.service.js';
import { Database } from '../database/database.js';
import { isExclusionViolation } from '../database/pg-errors.js';
import { InitiativesRepository } from './initiatives.repository.js';
import { csvProblem, parseParticipationCsv, reported, type ImportRow } from './participation-csv.js';
import type { Participation } from './participation.entity.js';
import { ParticipationsRepository, type NewParticipation } from './participations.repository.js';

/** What an import did: rows read, rows written, rows identical to a live row (skipped). */
export interface ImportCounts {
  rows: number;
  imported: number;
  unchanged: number;
}

/** Where an import is: rows checked, then rows written (`total` of each). */
export interface ImportProgress {
  phase: 'validated' | 'imported';
  done: number;
  total: number;
}

/** Rows written per statement (and per progress report). */
const BATCH = 1000;

type Period = Pick<ImportRow, 'validFrom' | 'validTo'>;

function overlaps(a: Period, b: Period): boolean {
  return (a.validTo === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom < b.validTo);
}

function samePeriodAndSource(row: NewParticipation, live: Participation): boolean {
  return (
    row.validFrom === live.validFrom &&
    row.validFromPrecision === live.validFromPrecision &&
    row.validTo === live.validTo &&
    row.validToPrecision === live.validToPrecision &&
    row.sourceUrl === live.sourceUrl &&
    row.sourceTitle === live.sourceTitle &&
    row.sourceNote === live.sourceNote
  );
}

const period = (row: Period) => `${row.validFrom}..${row.validTo ?? ''}`;

/**
 * Bulk import of participation from the exchange format (participation-csv.ts). The whole file is checked before
 * anything is written, and every problem is reported by line and column; then the rows that are not already live
 * are written in one transaction, each with its own audit event.
 */
@Injectable()
export class ParticipationImportService {
  constructor(
    private readonly db: Database,
    private readonly participations: ParticipationsRepository,
    private readonly initiatives: InitiativesRepository,
    private readonly countries: CountriesService,
    private readonly writes: AuditedWrites,
  ) {}

  async import(csv: string, actor: AuditActor, onProgress?: (progress: ImportProgress) => void): Promise<ImportCounts> {
    const parsed = parseParticipationCsv(csv);
    const problems = parsed.problems;
    const rows = parsed.rows;
    onProgress?.({ phase: 'validated', done: rows.length, total: parsed.count });
    const initiativeIds = await this.initiativeIds(rows, problems);
    await this.checkParties(rows, problems);
    checkOverlapsWithin(rows, problems);
    if (problems.length) throw new BadUserInputError(reported(byLine(problems)));

    return this.db.transaction(async (tx) => {
      await this.participations.lockForImport(tx);
      const candidates = rows.map((row) => ({
        line: row.line,
        row: toNew(row, initiativeIds.get(row.initiativeKey)!),
      }));
      const pairs = new Map(candidates.map(({ row }) => [`${row.partyCode} ${row.initiativeId}`, row]));
      const live = await this.participations.liveOfPairs(tx, [...pairs.values()]);
      const liveByKey = new Map<string, Participation[]>();
      for (const row of live) {
        const key = `${row.partyCode} ${row.initiativeId} ${row.role}`;
        liveByKey.set(key, [...(liveByKey.get(key) ?? []), row]);
      }
      const toWrite: NewParticipation[] = [];
      for (const { line, row } of candidates) {
        const same = liveByKey.get(`${row.partyCode} ${row.initiativeId} ${row.role}`) ?? [];
        if (same.some((existing) => samePeriodAndSource(row, existing))) continue;
        const clash = same.find((existing) => overlaps(row, existing));
        if (clash) {
          problems.push(
            csvProblem(
              line,
              'validFrom',
              `overlaps the live row ${clash.id} (${row.partyCode}, ${row.role}, ${period(clash)}): retract or end it first, or make this row identical to it`,
            ),
          );
        } else toWrite.push(row);
      }
      onProgress?.({ phase: 'validated', done: parsed.count, total: parsed.count });
      if (problems.length) throw new BadUserInputError(reported(byLine(problems)));
      for (let at = 0; at < toWrite.length; at += BATCH) {
        const batch = toWrite.slice(at, at + BATCH);
        await this.writes
          .createMany(tx, actor, { action: 'participation.import', entityType: this.participations.entityType }, () =>
            this.participations.insertMany(tx, batch),
          )
          .catch((error: unknown) => {
            // The table is locked for the import, so only a race the checks cannot see ends here.
            if (isExclusionViolation(error)) throw new ConflictError('a row overlaps a live row recorded meanwhile');
            throw error;
          });
        onProgress?.({ phase: 'imported', done: at + batch.length, total: toWrite.length });
      }
      if (toWrite.length === 0) onProgress?.({ phase: 'imported', done: 0, total: 0 });
      return { rows: parsed.count, imported: toWrite.length, unchanged: rows.length - toWrite.length };
    });
  }

  /** Initiative ids by key; a problem for each row naming an initiative that does not exist. */
  private async initiativeIds(rows: ImportRow[], problems: FieldProblem[]): Promise<Map<string, string>> {
    const keys = [...new Set(rows.map((row) => row.initiativeKey))];
    const found = await this.initiatives.byKeys(keys);
    const ids = new Map<string, string>();
    found.forEach((initiative, at) => initiative && ids.set(keys[at], initiative.id));
    for (const row of rows) {
      if (!ids.has(row.initiativeKey)) {
        problems.push(csvProblem(row.line, 'initiativeKey', `names no initiative: "${row.initiativeKey}"`));
      }
    }
    return ids;
  }

  private async checkParties(rows: ImportRow[], problems: FieldProblem[]): Promise<void> {
    const missing = new Set(await this.countries.missingPartyCodes([...new Set(rows.map((row) => row.partyCode))]));
    for (const row of rows) {
      if (missing.has(row.partyCode)) {
        problems.push(csvProblem(row.line, 'partyCode', `names no party: "${row.partyCode}"`));
      }
    }
  }
}

/** Problems in file order (stable: the columns of one line stay in the order they were found). */
function byLine(problems: FieldProblem[]): FieldProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function toNew(row: ImportRow, initiativeId: string): NewParticipation {
  const { line: _line, initiativeKey: _key, ...values } = row;
  return { ...values, initiativeId, supersedesId: null };
}

/** Two rows of the file for the same party, initiative and role whose periods overlap: the later line is reported. */
function checkOverlapsWithin(rows: ImportRow[], problems: FieldProblem[]): void {
  const groups = new Map<string, ImportRow[]>();
  for (const row of rows) {
    const key = `${row.partyCode} ${row.initiativeKey} ${row.role}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.line - b.line));
    // The row reaching furthest so far: a later row overlaps an earlier one exactly when it starts before that end.
    let reach = group[0];
    for (const row of group.slice(1)) {
      if (overlaps(reach, row)) {
        const [first, second] = reach.line < row.line ? [reach, row] : [row, reach];
        problems.push(
          csvProblem(
            second.line,
            'validFrom',
            `overlaps line ${first.line} (${row.partyCode}, ${row.initiativeKey}, ${row.role}: ${period(first)} and ${period(second)})`,
          ),
        );
      }
      if (reach.validTo !== null && (row.validTo === null || row.validTo > reach.validTo)) reach = row;
    }
  }
}
