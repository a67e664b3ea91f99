import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Database } from '../database/database.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventFilter } from './dto/audit-events.args.js';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  /** Snapshots as clients see the record: never secrets or password hashes. */
  before: object | null;
  after: object | null;
}

/** Owns audit_event: appends inside the caller's transaction, reads newest first. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  async append(tx: Tx, actor: AuditActor, change: AuditChange): Promise<void> {
    await tx.rows(
      `INSERT INTO audit_event (actor_user_id, actor_api_key_id, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        actor.userId,
        actor.apiKeyId,
        change.action,
        change.entityType,
        change.entityId,
        change.before === null ? null : JSON.stringify(change.before),
        change.after === null ? null : JSON.stringify(change.after),
        actor.requestId,
      ],
    );
  }

  /** Appends one event per change in one statement (a bulk write: each record keeps its own event). */
  async appendMany(tx: Tx, actor: AuditActor, changes: readonly AuditChange[]): Promise<void> {
    if (changes.length === 0) return;
    const json = (value: object | null) => (value === null ? null : JSON.stringify(value));
    await tx.rows(
      `INSERT INTO audit_event (actor_user_id, actor_api_key_id, action, entity_type, entity_id, before, after, request_id)
       SELECT $1, $2, c.action, c.entity_type, c.entity_id, c.before::jsonb, c.after::jsonb, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
         AS c(action, entity_type, entity_id, before, after, n)
       ORDER BY c.n`,
      [
        actor.userId,
        actor.apiKeyId,
        actor.requestId,
        changes.map((change) => change.action),
        changes.map((change) => change.entityType),
        changes.map((change) => change.entityId),
        changes.map((change) => json(change.before)),
        changes.map((change) => json(change.after)),
      ],
    );
  }

  /** Up to `limit` events matching `filter` with ids below `beforeId`, newest first (keyset on id). */
  async list(
    filter: AuditEventFilter,
    beforeId: string | null,
    limit: number,
  ): Promise<{ rows: AuditEvent[]; count: () => Promise<number> }> {
    const where = this.filter(filter);
    const matching = where.sql;
    const matchingValues = where.snapshot();
    if (beforeId !== null) where.where(`e.id < ${where.bind(beforeId)}::bigint`);
    const rows = await this.db.reads.rows<AuditEvent>(
      `SELECT ${this.db.columns(AuditEvent, 'e')} FROM audit_event e WHERE ${where.sql}
       ORDER BY e.id DESC LIMIT ${where.bind(limit)}`,
      where.values,
    );
    const count = async () => {
      const [{ count }] = await this.db.reads.rows<{ count: number }>(
        `SELECT count(*) AS count FROM audit_event e WHERE ${matching}`,
        matchingValues,
      );
      return count;
    };
    return { rows, count };
  }

  private filter(filter: AuditEventFilter): SqlFilter {
    return new SqlFilter()
      .when(filter.entityType, (type) => `e.entity_type = ${type}`)
      .when(filter.entityId, (id) => `e.entity_id = ${id}`)
      .when(filter.actorId, (actor) => `e.actor_user_id = ${actor}`)
      .when(filter.from, (from) => `e.occurred_at >= ${from}`)
      .when(filter.to, (to) => `e.occurred_at < ${to}`);
  }
}
