import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Database } from '../database/database.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import { asStoredJson, chain, OCCURRED_AT_TEXT, type ExportedEvent } from './audit-chain.js';
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

/** One record, as the audit trail names it. */
export interface AuditedRecordRef {
  entityType: string;
  entityId: string;
}

/** Event ids are bigints, as text: a longer one is larger. */
function newestFirst(a: { id: string }, b: { id: string }): number {
  return b.id.length - a.id.length || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

type PendingEvent = Omit<ExportedEvent, 'id' | 'occurredAt' | 'previousHash' | 'hash'>;

export interface ChainHead {
  lastEventId: string;
  lastHash: string;
  /** The first event stored after the head, which no writer chained (null when there is none). */
  beyondId: string | null;
}

/** The columns of an event in the form it is hashed and exported (audit-chain.ts). */
const CHAINED_COLUMNS = `e.id::text AS "id", to_char(e.occurred_at AT TIME ZONE 'UTC', ${OCCURRED_AT_TEXT}) AS "occurredAt",
  e.actor_user_id AS "actorUserId", e.actor_api_key_id AS "actorApiKeyId", e.action, e.entity_type AS "entityType",
  e.entity_id AS "entityId", e.before, e.after, e.request_id AS "requestId", e.previous_hash AS "previousHash", e.hash`;

/**
 * Owns audit_event and audit_chain_head: appends inside the caller's transaction, reads newest first, and reads
 * the chain in id order for verification and export.
 */
@Injectable()
export class AuditRepository {
  private readonly pending = new WeakMap<Tx, PendingEvent[]>();

  constructor(private readonly db: Database) {}

  /**
   * Records an event of the caller's transaction. Events are appended to the chain just before the transaction
   * commits (Tx.onCommit): the chain's lock is then the last lock a transaction takes, so it cannot deadlock with
   * row locks, and it is held for the commit only.
   */
  append(tx: Tx, actor: AuditActor, change: AuditChange): Promise<void> {
    let events = this.pending.get(tx);
    if (!events) {
      this.pending.set(tx, (events = []));
      tx.onCommit(this, () => this.appendToChain(tx));
    }
    events.push({
      // Hashed as stored: PostgreSQL writes uuids in lower case.
      actorUserId: actor.userId?.toLowerCase() ?? null,
      actorApiKeyId: actor.apiKeyId?.toLowerCase() ?? null,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: asStoredJson(change.before),
      after: asStoredJson(change.after),
      requestId: actor.requestId,
    });
    return Promise.resolve();
  }

  /**
   * Locks the chain head (writers queue here, so the chain cannot fork), numbers the events after it, hashes them
   * with the time and ids they are stored with, inserts them and moves the head: two statements per transaction.
   */
  private async appendToChain(tx: Tx): Promise<void> {
    const events = this.pending.get(tx) ?? [];
    this.pending.delete(tx);
    if (!events.length) return;
    const [head] = await tx.rows<Omit<ChainHead, 'beyondId'> & { now: string }>(
      `SELECT last_event_id::text AS "lastEventId", last_hash AS "lastHash",
              to_char(now() AT TIME ZONE 'UTC', ${OCCURRED_AT_TEXT}) AS "now"
       FROM audit_chain_head WHERE id = 1 FOR UPDATE`,
    );
    if (!head) throw new Error('audit_chain_head has no row: the audit chain migration did not run');
    const first = BigInt(head.lastEventId) + 1n;
    const chained = chain(
      head.lastHash,
      events.map((event, i) => ({ id: String(first + BigInt(i)), occurredAt: head.now, ...event })),
    );
    const column = <K extends keyof ExportedEvent>(key: K) =>
      chained.map(({ event, hash }) => ({ ...event, hash })[key]);
    const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
    const last = chained[chained.length - 1];
    await tx.rows(
      `WITH appended AS (
         INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_api_key_id, action, entity_type, entity_id,
                                  before, after, request_id, previous_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::varchar[], $6::varchar[],
                              $7::varchar[], $8::jsonb[], $9::jsonb[], $10::varchar[], $11::char(64)[], $12::char(64)[])
       )
       UPDATE audit_chain_head SET last_event_id = $13, last_hash = $14 WHERE id = 1`,
      [
        column('id'),
        column('occurredAt'),
        column('actorUserId'),
        column('actorApiKeyId'),
        column('action'),
        column('entityType'),
        column('entityId'),
        column('before').map(json),
        column('after').map(json),
        column('requestId'),
        column('previousHash'),
        column('hash'),
        last.event.id,
        last.hash,
      ],
    );
  }

  /**
   * One event per change (a bulk write: each record keeps its own event), appended to the chain with the rest of
   * the transaction's events when it commits.
   */
  async appendMany(tx: Tx, actor: AuditActor, changes: readonly AuditChange[]): Promise<void> {
    for (const change of changes) await this.append(tx, actor, change);
  }

  /** The head, and in the same snapshot the first event stored beyond it. */
  async chainHead(): Promise<ChainHead> {
    const [head] = await this.db.reads.rows<ChainHead>(
      `SELECT h.last_event_id::text AS "lastEventId", h.last_hash AS "lastHash",
              (SELECT min(e.id)::text FROM audit_event e WHERE e.id > h.last_event_id) AS "beyondId"
       FROM audit_chain_head h WHERE h.id = 1`,
    );
    if (!head) throw new Error('audit_chain_head has no row: the audit chain migration did not run');
    return head;
  }

  /** Up to `limit` events with ids above `afterId` and at most `upToId`, in chain (id) order. */
  chainPage(afterId: string, upToId: string, limit: number): Promise<ExportedEvent[]> {
    return this.db.reads.rows<ExportedEvent>(
      `SELECT ${CHAINED_COLUMNS} FROM audit_event e WHERE e.id > $1::bigint AND e.id <= $2::bigint ORDER BY e.id LIMIT $3`,
      [afterId, upToId, limit],
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

  /**
   * For each group of records, its newest `limit` events (ids below `beforeId` when given), newest first: one
   * statement for every group of a page, each record read on IDX_audit_event_entity.
   */
  async ofRecordGroups(
    groups: readonly (readonly AuditedRecordRef[])[],
    beforeId: string | null,
    limit: number,
  ): Promise<AuditEvent[][]> {
    const keys = groups.flatMap((records, group) => records.map((record) => ({ group, ...record })));
    const rows = await this.db.reads.rows<AuditEvent & { group: number }>(
      `SELECT r.grp AS "group", ev.*
       FROM unnest($1::int[], $2::varchar[], $3::varchar[]) AS r(grp, entity_type, entity_id)
       CROSS JOIN LATERAL (
         SELECT ${this.db.columns(AuditEvent, 'e')} FROM audit_event e
         WHERE e.entity_type = r.entity_type AND e.entity_id = r.entity_id
           AND ($4::bigint IS NULL OR e.id < $4::bigint)
         ORDER BY e.id DESC LIMIT $5
       ) ev`,
      [
        keys.map((key) => key.group),
        keys.map((key) => key.entityType),
        keys.map((key) => key.entityId),
        beforeId,
        limit,
      ],
    );
    const byGroup = groups.map((): AuditEvent[] => []);
    for (const { group, ...event } of rows) byGroup[group].push(event);
    return byGroup.map((events) => events.sort(newestFirst).slice(0, limit));
  }

  async countOfRecords(records: readonly AuditedRecordRef[]): Promise<number> {
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM unnest($1::varchar[], $2::varchar[]) AS r(entity_type, entity_id)
       JOIN audit_event e ON e.entity_type = r.entity_type AND e.entity_id = r.entity_id`,
      [records.map((record) => record.entityType), records.map((record) => record.entityId)],
    );
    return count;
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
