import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { Database } from '../database/database.js';
import { RecordsById } from '../database/records-by-id.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import { DisclosureRequirement } from './disclosure-requirement.entity.js';

/** What a requirement's issuer sets; the issuer itself is fixed at creation. */
export type RequirementFields = Pick<
  DisclosureRequirement,
  | 'title'
  | 'regime'
  | 'riskLevels'
  | 'organizationRoles'
  | 'templates'
  | 'certificationRequired'
  | 'certificationScheme'
  | 'effectiveFrom'
  | 'effectiveUntil'
>;

export type RequirementIssuer =
  | { regulatorId: string; jurisdiction: string; initiativeId: null }
  | { regulatorId: null; jurisdiction: null; initiativeId: string };

export interface RequirementSearch {
  jurisdiction?: string | null;
  initiativeKey?: string | null;
}

/** The sort key of the requirements list: effective from, id. */
export type RequirementKey = [effectiveFrom: string, id: string];

function fieldValues(fields: RequirementFields): unknown[] {
  return [
    fields.title,
    fields.regime,
    fields.riskLevels,
    fields.organizationRoles,
    JSON.stringify(fields.templates),
    fields.certificationRequired,
    fields.certificationScheme,
    fields.effectiveFrom,
    fields.effectiveUntil,
  ];
}

/** Owns disclosure_requirement. */
@Injectable()
export class RequirementsRepository
  extends RecordsById<DisclosureRequirement>
  implements AuditedRecords<DisclosureRequirement>
{
  readonly entityType = 'disclosure_requirement';
  readonly label = 'disclosure requirement';

  constructor(db: Database) {
    super(db, DisclosureRequirement, 'disclosure_requirement', 'r');
  }

  /**
   * Up to `limit` requirements matching `search` after `after`, by effective date and id, and their count on
   * demand. The jurisdiction and initiative filters read their own partial indexes.
   */
  async search(search: RequirementSearch, after: RequirementKey | null, limit: number) {
    const where = new SqlFilter()
      .when(search.jurisdiction, (code) => `r.jurisdiction = ${code}`)
      .when(
        search.initiativeKey,
        (key) =>
          `r.initiative_id IS NOT NULL AND r.initiative_id = (SELECT i.id FROM initiative i WHERE i.key = ${key})`,
      );
    const matching = where.sql;
    const matchingValues = where.snapshot();
    const afterSql = after
      ? `(r.effective_from, r.id) > (${where.bind(after[0])}::date, ${where.bind(after[1])}::uuid)`
      : 'TRUE';
    const rows = await this.db.reads.rows<DisclosureRequirement>(
      `SELECT ${this.columns} FROM disclosure_requirement r WHERE ${matching} AND ${afterSql}
       ORDER BY r.effective_from, r.id LIMIT ${where.bind(limit)}`,
      where.values,
    );
    const count = async () => {
      const [{ count }] = await this.db.reads.rows<{ count: number }>(
        `SELECT count(*)::int AS count FROM disclosure_requirement r WHERE ${matching}`,
        matchingValues,
      );
      return count;
    };
    return { rows, count };
  }

  async insert(
    tx: Tx,
    issuer: RequirementIssuer,
    fields: RequirementFields,
    createdBy: string | null,
  ): Promise<DisclosureRequirement> {
    const [created] = await tx.rows<DisclosureRequirement>(
      `INSERT INTO disclosure_requirement AS r (regulator_id, jurisdiction, initiative_id, title, regime, risk_levels,
         organization_roles, templates, certification_required, certification_scheme, effective_from,
         effective_until, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13)
       RETURNING ${this.columns}`,
      [issuer.regulatorId, issuer.jurisdiction, issuer.initiativeId, ...fieldValues(fields), createdBy],
    );
    return created;
  }

  /** Writes every field the issuer sets; the service calls it only when one of them changes. */
  async update(tx: Tx, id: string, fields: RequirementFields): Promise<void> {
    await tx.rows(
      `UPDATE disclosure_requirement SET title = $2, regime = $3, risk_levels = $4, organization_roles = $5,
         templates = $6::jsonb, certification_required = $7, certification_scheme = $8, effective_from = $9,
         effective_until = $10, updated_at = now()
       WHERE id = $1`,
      [id, ...fieldValues(fields)],
    );
  }
}
