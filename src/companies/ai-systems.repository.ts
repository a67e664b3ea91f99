import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { groupBy, indexBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { SqlRunner } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';
import type { LifecycleStage, OrganizationRole, RiskLevel } from './ai-system-terms.js';
import { AISystem } from './ai-system.entity.js';

/** What a client sets on an AI system (its company never changes). */
export interface AISystemFields {
  name: string;
  purpose: string;
  riskLevel: RiskLevel;
  organizationRole: OrganizationRole;
  lifecycleStage: LifecycleStage;
}

/** An AI system with where it is deployed (party codes, sorted): what the audit trail records. */
export type AISystemRecord = AISystem & { jurisdictions: string[] };

/** The sort key of a company's systems: name, id. */
export type AISystemKey = [name: string, id: string];

/** Owns ai_system and ai_system_deployment. */
@Injectable()
export class AISystemsRepository implements AuditedRecords<AISystemRecord> {
  readonly entityType = 'ai_system';
  readonly label = 'AI system';

  constructor(private readonly db: Database) {}

  private get columns(): string {
    return this.db.columns(AISystem, 't');
  }

  read(tx: Tx, id: string): Promise<AISystemRecord | null> {
    return this.record(tx, id, '');
  }

  lockAndRead(tx: Tx, id: string): Promise<AISystemRecord | null> {
    return this.record(tx, id, 'FOR UPDATE OF t');
  }

  private async record(runner: SqlRunner, id: string, lock: string): Promise<AISystemRecord | null> {
    const [row] = await runner.rows<AISystemRecord>(
      `SELECT ${this.columns}, ARRAY(
         SELECT d.party_code FROM ai_system_deployment d WHERE d.ai_system_id = t.id ORDER BY d.party_code
       ) AS jurisdictions
       FROM ai_system t WHERE t.id = $1 ${lock}`,
      [id],
    );
    return row ?? null;
  }

  async byIds(ids: readonly string[]): Promise<(AISystem | null)[]> {
    const rows = await this.db.reads.rows<AISystem>(
      `SELECT ${this.columns} FROM ai_system t WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    return indexBy(ids, rows, (row) => row.id);
  }

  /** Where each system is deployed, party codes sorted, in the order of `ids` (empty for an unknown id). */
  async jurisdictionsOf(ids: readonly string[]): Promise<string[][]> {
    const rows = await this.db.reads.rows<{ id: string; code: string }>(
      `SELECT d.ai_system_id AS id, d.party_code AS code FROM ai_system_deployment d
       WHERE d.ai_system_id = ANY($1::uuid[]) ORDER BY d.party_code`,
      [ids],
    );
    return groupBy(ids, rows, (row) => row.id).map((group) => group.map((row) => row.code));
  }

  /** One page of systems per company, by name and id: up to `limit` after `after`, in the order of `companyIds`. */
  async pagesOfCompanies(
    companyIds: readonly string[],
    after: AISystemKey | null,
    limit: number,
  ): Promise<AISystem[][]> {
    const where = new SqlFilter([companyIds]);
    const afterSql = after ? `AND (t.name, t.id) > (${where.bind(after[0])}::text, ${where.bind(after[1])}::uuid)` : '';
    const rows = await this.db.reads.rows<AISystem>(
      `SELECT page.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
         SELECT ${this.columns} FROM ai_system t WHERE t.company_id = k.id ${afterSql}
         ORDER BY t.name, t.id LIMIT ${where.bind(limit)}) page`,
      where.values,
    );
    return groupBy(companyIds, rows, (row) => row.companyId);
  }

  async countsOfCompanies(companyIds: readonly string[]): Promise<number[]> {
    const rows = await this.db.reads.rows<{ id: string; count: number }>(
      `SELECT t.company_id AS id, count(*)::int AS count FROM ai_system t
       WHERE t.company_id = ANY($1::uuid[]) GROUP BY t.company_id`,
      [companyIds],
    );
    return indexBy(companyIds, rows, (row) => row.id).map((row) => row?.count ?? 0);
  }

  /** A company that does not exist fails the foreign key; a name taken in the company, UQ_ai_system_company_name. */
  async insert(tx: Tx, companyId: string, fields: AISystemFields): Promise<AISystem> {
    const [created] = await tx.rows<AISystem>(
      `INSERT INTO ai_system AS t (company_id, name, purpose, risk_level, organization_role, lifecycle_stage)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${this.columns}`,
      [companyId, fields.name, fields.purpose, fields.riskLevel, fields.organizationRole, fields.lifecycleStage],
    );
    return created;
  }

  /** Writes every field; the service calls it only when something about the system changes. */
  async update(tx: Tx, id: string, fields: AISystemFields): Promise<void> {
    await tx.rows(
      `UPDATE ai_system SET name = $2, purpose = $3, risk_level = $4, organization_role = $5, lifecycle_stage = $6,
         updated_at = now()
       WHERE id = $1`,
      [id, fields.name, fields.purpose, fields.riskLevel, fields.organizationRole, fields.lifecycleStage],
    );
  }

  /** Makes `partyCodes` the system's deployments: removes the others, adds the missing, leaves the rest. */
  async replaceDeployments(tx: Tx, id: string, partyCodes: readonly string[]): Promise<void> {
    await tx.rows(
      `WITH removed AS (
         DELETE FROM ai_system_deployment WHERE ai_system_id = $1 AND party_code <> ALL($2::varchar[])
       )
       INSERT INTO ai_system_deployment (ai_system_id, party_code)
       SELECT $1, code FROM unnest($2::varchar[]) AS code
       ON CONFLICT DO NOTHING`,
      [id, partyCodes],
    );
  }
}
