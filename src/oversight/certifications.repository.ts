import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { groupBy, indexBy } from '../common/loaders/batch-results.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import { RecordsById } from '../database/records-by-id.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import { CertificationStatusChange } from './certification-status-change.entity.js';
import { Certification } from './certification.entity.js';
import type { CertificationFilter } from './dto/certification.args.js';
import type { CertificationStatusChangeView } from './dto/certification.model.js';
import { CertificationStatus, type Regime } from './oversight-terms.js';

/** A certification as clients see it: its status as read (EXPIRED computed). */
export type CertificationRow = Omit<Certification, 'regulator' | 'company' | 'aiSystem'>;

export type CertificationHistoryRow = CertificationStatusChangeView & { certificationId: string };

export interface NewCertification {
  regulatorId: string;
  companyId: string;
  aiSystemId: string | null;
  scheme: string;
  regime: Regime;
  status: CertificationStatus;
  issuedOn: string;
  expiresOn: string;
}

/** Today in UTC, as PostgreSQL sees it when the statement runs. */
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** The status as read: EXPIRED once expires_on has come, unless revoked. */
const STATUS = `CASE WHEN c.status <> 'REVOKED' AND c.expires_on <= ${TODAY} THEN 'EXPIRED' ELSE c.status END`;

/** Stored statuses that read as EXPIRED once the date has come. */
const EXPIRABLE = `('PENDING', 'ACTIVE', 'SUSPENDED')`;

const STORED = [
  'id',
  'regulatorId',
  'companyId',
  'aiSystemId',
  'scheme',
  'regime',
  'issuedOn',
  'expiresOn',
  'createdAt',
  'updatedAt',
] as const;

/** The list's order: latest expiry first, then id; every filter reads an index in that order (see the entity). */
const ORDER = 'ORDER BY c.expires_on DESC, c.id DESC';

/** Owns certification and certification_status_change. */
@Injectable()
export class CertificationsRepository
  extends RecordsById<CertificationRow>
  implements AuditedRecords<CertificationRow>
{
  readonly entityType = 'certification';

  constructor(db: Database) {
    super(db, Certification, 'certification', 'c');
  }

  protected override get columns(): string {
    return `${this.db.columns(Certification, 'c', STORED)}, ${STATUS} AS status`;
  }

  /** The condition of a status as read, on the stored status and the expiry: both in IDX_certification_status. */
  private statusCondition(filter: SqlFilter, status: CertificationStatus): string {
    if (status === CertificationStatus.EXPIRED) return `c.status IN ${EXPIRABLE} AND c.expires_on <= ${TODAY}`;
    if (status === CertificationStatus.REVOKED) return `c.status = 'REVOKED'`;
    return `c.status = ${filter.bind(status)} AND c.expires_on > ${TODAY}`;
  }

  private conditions(filter: CertificationFilter): SqlFilter {
    const where = new SqlFilter()
      .when(filter.companyId, (p) => `c.company_id = ${p}`)
      .when(filter.aiSystemId, (p) => `c.ai_system_id = ${p}`)
      .when(filter.regulatorId, (p) => `c.regulator_id = ${p}`)
      .when(filter.scheme?.trim(), (p) => `c.scheme = ${p}`)
      .when(filter.regime, (p) => `c.regime = ${p}`);
    if (filter.status) where.where(this.statusCondition(where, filter.status));
    return where;
  }

  page(filter: CertificationFilter, first: number, after: string | null | undefined): Promise<CertificationRow[]> {
    const where = this.conditions(filter);
    if (after) {
      const [expiresOn, id] = decodeCursor(after, ['date', 'uuid']);
      where.where(`(c.expires_on, c.id) < (${where.bind(expiresOn)}::date, ${where.bind(id)}::uuid)`);
    }
    return this.db.reads.rows<CertificationRow>(
      `SELECT ${this.columns} FROM certification c WHERE ${where.sql} ${ORDER} LIMIT ${where.bind(first + 1)}`,
      where.values,
    );
  }

  async count(filter: CertificationFilter): Promise<number> {
    const where = this.conditions(filter);
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM certification c WHERE ${where.sql}`,
      where.values,
    );
    return count;
  }

  /**
   * One page per owner (company or AI system), in the list's order: up to `limit` after `after`, in the order of
   * `ownerIds`. One statement for a page of owners.
   */
  async pagesOf(
    owner: 'company' | 'aiSystem',
    ownerIds: readonly string[],
    after: [expiresOn: string, id: string] | null,
    limit: number,
  ): Promise<CertificationRow[][]> {
    const column = owner === 'company' ? 'company_id' : 'ai_system_id';
    const where = new SqlFilter([ownerIds]);
    const afterSql = after
      ? `AND (c.expires_on, c.id) < (${where.bind(after[0])}::date, ${where.bind(after[1])}::uuid)`
      : '';
    const rows = await this.db.reads.rows<CertificationRow>(
      `SELECT page.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
         SELECT ${this.columns} FROM certification c WHERE c.${column} = k.id ${afterSql}
         ${ORDER} LIMIT ${where.bind(limit)}) page`,
      where.values,
    );
    return groupBy(ownerIds, rows, (row) => (owner === 'company' ? row.companyId : row.aiSystemId!));
  }

  async countsOf(owner: 'company' | 'aiSystem', ownerIds: readonly string[]): Promise<number[]> {
    const column = owner === 'company' ? 'company_id' : 'ai_system_id';
    const rows = await this.db.reads.rows<{ id: string; count: number }>(
      `SELECT c.${column} AS id, count(*)::int AS count FROM certification c
       WHERE c.${column} = ANY($1::uuid[]) GROUP BY c.${column}`,
      [ownerIds],
    );
    return indexBy(ownerIds, rows, (row) => row.id).map((row) => row?.count ?? 0);
  }

  /** Each certification's statuses, oldest first, in the order of `ids`. */
  async historiesOf(ids: readonly string[]): Promise<CertificationHistoryRow[][]> {
    const rows = await this.db.reads.rows<CertificationHistoryRow>(
      `SELECT ${this.db.columns(CertificationStatusChange, 'h', HISTORY)} FROM certification_status_change h
       WHERE h.certification_id = ANY($1::uuid[]) ORDER BY h.certification_id, h.changed_at, h.id`,
      [ids],
    );
    return groupBy(ids, rows, (row) => row.certificationId);
  }

  /** A system of another company fails the (ai_system_id, company_id) foreign key. */
  async insert(tx: Tx, certification: NewCertification): Promise<CertificationRow> {
    const [created] = await tx.rows<CertificationRow>(
      `INSERT INTO certification AS c (regulator_id, company_id, ai_system_id, scheme, regime, status, issued_on,
         expires_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${this.columns}`,
      [
        certification.regulatorId,
        certification.companyId,
        certification.aiSystemId,
        certification.scheme,
        certification.regime,
        certification.status,
        certification.issuedOn,
        certification.expiresOn,
      ],
    );
    return created;
  }

  async setStatus(tx: Tx, id: string, status: CertificationStatus): Promise<void> {
    await tx.rows(`UPDATE certification SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  async addHistory(
    tx: Tx,
    change: { certificationId: string; from: string | null; to: string; reason: string; changedBy: string | null },
  ): Promise<void> {
    await tx.rows(
      // The time of the change itself, not of its transaction's start: a change that queued on the row's lock
      // comes after the one it waited for.
      `INSERT INTO certification_status_change (certification_id, from_status, to_status, reason, changed_by,
         changed_at)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp())`,
      [change.certificationId, change.from, change.to, change.reason, change.changedBy],
    );
  }
}

const HISTORY = ['certificationId', 'fromStatus', 'toStatus', 'reason', 'changedAt'] as const;
