import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { firstRow } from '../database/sql-runner.js';
import { companyInJurisdiction, systemInJurisdiction } from './jurisdiction-scope.js';

/** Whether records fall in a jurisdiction on a date (see jurisdiction-scope.ts). */
@Injectable()
export class OversightScopeRepository {
  constructor(private readonly db: Database) {}

  async systemInScope(aiSystemId: string, jurisdiction: string, onDate: string): Promise<boolean> {
    return this.yes(`SELECT ${systemInJurisdiction('$1::uuid', '$2', '$3')} AS yes`, [
      aiSystemId,
      jurisdiction,
      onDate,
    ]);
  }

  async disclosureInScope(disclosureId: string, jurisdiction: string, onDate: string): Promise<boolean> {
    return this.yes(
      `SELECT EXISTS (SELECT 1 FROM disclosure d WHERE d.id = $1
                      AND ${systemInJurisdiction('d.ai_system_id', '$2', '$3')}) AS yes`,
      [disclosureId, jurisdiction, onDate],
    );
  }

  async companyInScope(companyId: string, jurisdiction: string, onDate: string): Promise<boolean> {
    return this.yes(`SELECT ${companyInJurisdiction('$1::uuid', '$2', '$3')} AS yes`, [
      companyId,
      jurisdiction,
      onDate,
    ]);
  }

  /** For a batch of systems (a DataLoader): which are in the jurisdiction. */
  async systemsInScope(aiSystemIds: readonly string[], jurisdiction: string, onDate: string): Promise<boolean[]> {
    const rows = await this.db.reads.rows<{ id: string }>(
      `SELECT s.id FROM unnest($1::uuid[]) AS s(id) WHERE ${systemInJurisdiction('s.id', '$2', '$3')}`,
      [aiSystemIds, jurisdiction, onDate],
    );
    const inScope = new Set(rows.map((row) => row.id));
    return aiSystemIds.map((id) => inScope.has(id));
  }

  /** For a batch of systems: which are in the jurisdiction of at least one of the regulators `regulatorIds`. */
  async systemsOverseen(
    aiSystemIds: readonly string[],
    regulatorIds: readonly string[],
    onDate: string,
  ): Promise<boolean[]> {
    const rows = await this.db.reads.rows<{ id: string }>(
      `SELECT s.id FROM unnest($1::uuid[]) AS s(id)
       WHERE EXISTS (SELECT 1 FROM regulator r
                     WHERE r.id = ANY($2::uuid[]) AND ${systemInJurisdiction('s.id', 'r.jurisdiction', '$3')})`,
      [aiSystemIds, regulatorIds, onDate],
    );
    const overseen = new Set(rows.map((row) => row.id));
    return aiSystemIds.map((id) => overseen.has(id));
  }

  private async yes(text: string, values: unknown[]): Promise<boolean> {
    return (await firstRow<{ yes: boolean }>(this.db.reads, text, values))?.yes ?? false;
  }
}
