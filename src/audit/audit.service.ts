import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditActor } from '../common/access/audit-actor.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { AuditEvent } from './audit-event.entity.js';
import type { AuditEventsArgs } from './dto/audit-events.args.js';
import { preparedQuery } from '../database/prepared-query.js';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  /** Snapshots as clients see the record: never secrets or password hashes. */
  before: object | null;
  after: object | null;
}

const EVENT_COLUMNS = `e.id::text AS id, e.occurred_at AS "occurredAt", e.actor_user_id AS "actorUserId",
  e.actor_api_key_id AS "actorApiKeyId", e.action, e.entity_type AS "entityType", e.entity_id AS "entityId",
  e.before, e.after, e.request_id AS "requestId"`;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Writes the event inside the caller's transaction, so that the change and its record stand or fall together. */
  async record(manager: EntityManager, actor: AuditActor, change: AuditChange): Promise<void> {
    await manager.query(
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

  /** Newest first, keyset-paginated on id. */
  async list(args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    const filter = args.filter ?? {};
    const params: unknown[] = [];
    const where: string[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (filter.entityType) where.push(`e.entity_type = ${bind(filter.entityType)}`);
    if (filter.entityId) where.push(`e.entity_id = ${bind(filter.entityId)}`);
    if (filter.actorId) where.push(`e.actor_user_id = ${bind(filter.actorId)}`);
    if (filter.from) where.push(`e.occurred_at >= ${bind(filter.from)}`);
    if (filter.to) where.push(`e.occurred_at < ${bind(filter.to)}`);
    const filterSql = where.length ? where.join(' AND ') : 'TRUE';
    const filterParams = [...params];
    const afterId = args.after ? String(decodeCursor(args.after, 1)[0]) : null;
    const afterSql = afterId ? `e.id < ${bind(afterId)}::bigint` : 'TRUE';
    const rows: AuditEvent[] = await preparedQuery(
      this.db,
      `SELECT ${EVENT_COLUMNS} FROM audit_event e WHERE ${filterSql} AND ${afterSql} ORDER BY e.id DESC LIMIT ${bind(args.first + 1)}`,
      params,
    );
    return toPage(
      rows,
      args.first,
      (row) => [row.id],
      afterId !== null,
      async () => {
        const [{ count }] = await preparedQuery(
          this.db,
          `SELECT count(*) AS count FROM audit_event e WHERE ${filterSql}`,
          filterParams,
        );
        return count as number;
      },
    );
  }
}
