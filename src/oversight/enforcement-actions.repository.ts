import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { groupBy, indexBy } from '../common/loaders/batch-results.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import { RecordsById } from '../database/records-by-id.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import type { EnforcementActionFilter } from './dto/enforcement-action.args.js';
import type { EnforcementStatusChangeView } from './dto/enforcement-action.model.js';
import { EnforcementAction } from './enforcement-action.entity.js';
import { EnforcementStatusChange } from './enforcement-status-change.entity.js';
import type { EnforcementKind, EnforcementStatus } from './oversight-terms.js';

/** An enforcement action as clients see it; the penalty amount is numeric read as text, so it stays exact. */
export type EnforcementActionRow = Omit<EnforcementAction, 'regulator' | 'company' | 'aiSystem' | 'disclosure'>;

export type EnforcementHistoryRow = EnforcementStatusChangeView & { enforcementActionId: string };

export interface NewEnforcementAction {
  regulatorId: string;
  jurisdiction: string;
  companyId: string;
  aiSystemId: string | null;
  disclosureId: string | null;
  kind: EnforcementKind;
  legalBasis: string;
  decidedOn: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
  publicSummary: string;
  penaltyAmount: string | null;
  penaltyCurrency: string | null;
}

/** Newest decision first, then id; every filter reads an index in that order (see the entity). */
const ORDER = 'ORDER BY e.decided_on DESC, e.id DESC';

const HISTORY = ['enforcementActionId', 'fromStatus', 'toStatus', 'reason', 'changedAt'] as const;

/** Owns enforcement_action and enforcement_status_change. */
@Injectable()
export class EnforcementActionsRepository
  extends RecordsById<EnforcementActionRow>
  implements AuditedRecords<EnforcementActionRow>
{
  readonly entityType = 'enforcement_action';
  readonly label = 'enforcement action';

  constructor(db: Database) {
    super(db, EnforcementAction, 'enforcement_action', 'e');
  }

  private conditions(filter: EnforcementActionFilter): SqlFilter {
    return new SqlFilter()
      .when(filter.jurisdiction?.toUpperCase(), (p) => `e.jurisdiction = ${p}`)
      .when(filter.companyId, (p) => `e.company_id = ${p}`)
      .when(filter.aiSystemId, (p) => `e.ai_system_id = ${p}`)
      .when(filter.regulatorId, (p) => `e.regulator_id = ${p}`)
      .when(filter.kind, (p) => `e.kind = ${p}`)
      .when(filter.status, (p) => `e.status = ${p}`);
  }

  page(
    filter: EnforcementActionFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<EnforcementActionRow[]> {
    const where = this.conditions(filter);
    if (after) {
      const [decidedOn, id] = decodeCursor(after, ['date', 'uuid']);
      where.where(`(e.decided_on, e.id) < (${where.bind(decidedOn)}::date, ${where.bind(id)}::uuid)`);
    }
    return this.db.reads.rows<EnforcementActionRow>(
      `SELECT ${this.columns} FROM enforcement_action e WHERE ${where.sql} ${ORDER} LIMIT ${where.bind(first + 1)}`,
      where.values,
    );
  }

  async count(filter: EnforcementActionFilter): Promise<number> {
    const where = this.conditions(filter);
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM enforcement_action e WHERE ${where.sql}`,
      where.values,
    );
    return count;
  }

  /** One page per company or AI system, newest decision first: up to `limit` after `after`, for a page of owners. */
  async pagesOf(
    owner: 'company' | 'aiSystem',
    ownerIds: readonly string[],
    after: [decidedOn: string, id: string] | null,
    limit: number,
  ): Promise<EnforcementActionRow[][]> {
    const column = owner === 'company' ? 'company_id' : 'ai_system_id';
    const where = new SqlFilter([ownerIds]);
    const afterSql = after
      ? `AND (e.decided_on, e.id) < (${where.bind(after[0])}::date, ${where.bind(after[1])}::uuid)`
      : '';
    const rows = await this.db.reads.rows<EnforcementActionRow>(
      `SELECT page.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
         SELECT ${this.columns} FROM enforcement_action e WHERE e.${column} = k.id ${afterSql}
         ${ORDER} LIMIT ${where.bind(limit)}) page`,
      where.values,
    );
    return groupBy(ownerIds, rows, (row) => (owner === 'company' ? row.companyId : row.aiSystemId!));
  }

  async countsOf(owner: 'company' | 'aiSystem', ownerIds: readonly string[]): Promise<number[]> {
    const column = owner === 'company' ? 'company_id' : 'ai_system_id';
    const rows = await this.db.reads.rows<{ id: string; count: number }>(
      `SELECT e.${column} AS id, count(*)::int AS count FROM enforcement_action e
       WHERE e.${column} = ANY($1::uuid[]) GROUP BY e.${column}`,
      [ownerIds],
    );
    return indexBy(ownerIds, rows, (row) => row.id).map((row) => row?.count ?? 0);
  }

  /** Each action's statuses, oldest first, in the order of `ids`. */
  async historiesOf(ids: readonly string[]): Promise<EnforcementHistoryRow[][]> {
    const rows = await this.db.reads.rows<EnforcementHistoryRow>(
      `SELECT ${this.db.columns(EnforcementStatusChange, 'h', HISTORY)} FROM enforcement_status_change h
       WHERE h.enforcement_action_id = ANY($1::uuid[]) ORDER BY h.enforcement_action_id, h.changed_at, h.id`,
      [ids],
    );
    return groupBy(ids, rows, (row) => row.enforcementActionId);
  }

  /** A system of another company fails the (ai_system_id, company_id) foreign key. */
  async insert(tx: Tx, action: NewEnforcementAction): Promise<EnforcementActionRow> {
    const [created] = await tx.rows<EnforcementActionRow>(
      `INSERT INTO enforcement_action AS e (regulator_id, jurisdiction, company_id, ai_system_id, disclosure_id, kind,
         status, legal_basis, decided_on, effective_from, effective_until, public_summary, penalty_amount,
         penalty_currency)
       VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, $9, $10, $11, $12::numeric, $13)
       RETURNING ${this.columns}`,
      [
        action.regulatorId,
        action.jurisdiction,
        action.companyId,
        action.aiSystemId,
        action.disclosureId,
        action.kind,
        action.legalBasis,
        action.decidedOn,
        action.effectiveFrom,
        action.effectiveUntil,
        action.publicSummary,
        action.penaltyAmount,
        action.penaltyCurrency,
      ],
    );
    return created;
  }

  async setStatus(tx: Tx, id: string, status: EnforcementStatus): Promise<void> {
    await tx.rows(`UPDATE enforcement_action SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  async addHistory(
    tx: Tx,
    change: { actionId: string; from: string | null; to: string; reason: string; changedBy: string | null },
  ): Promise<void> {
    await tx.rows(
      // The time of the change itself, not of its transaction's start (see CertificationsRepository.addHistory).
      `INSERT INTO enforcement_status_change (enforcement_action_id, from_status, to_status, reason, changed_by,
         changed_at)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp())`,
      [change.actionId, change.from, change.to, change.reason, change.changedBy],
    );
  }
}
