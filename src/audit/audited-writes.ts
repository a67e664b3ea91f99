import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../common/access/audit-actor.js';
import { NotFoundError } from '../common/errors/app-errors.js';
import type { Tx } from '../database/transaction.js';
import { AuditRepository, type AuditChange } from './audit.repository.js';

/**
 * How the write path reads one kind of record: as clients and the audit trail see it (never with secrets).
 * A repository implements it for the records it owns.
 */
export interface AuditedRecords<S extends object> {
  /** The audit trail's name for the kind, for example "user". */
  readonly entityType: string;
  /** What a NOT_FOUND error calls it, when that differs from entityType ("API key"). */
  readonly label?: string;
  /** Locks the record for the rest of the transaction, then reads it; null when there is none. */
  lockAndRead(tx: Tx, id: string): Promise<S | null>;
  read(tx: Tx, id: string): Promise<S | null>;
}

/**
 * The one write path: every change runs inside a transaction the caller passes in, as
 * lock -> before -> change -> after -> audit event, and a change that changed nothing records nothing.
 * Because the transaction comes from the caller, a higher module can make several modules' changes (each with
 * its event) commit or fail together.
 */
@Injectable()
export class AuditedWrites {
  constructor(private readonly events: AuditRepository) {}

  /**
   * Records a new record: `insert` creates it and returns it as clients see it; the event has no before and,
   * as after, `snapshot(record)` (the record itself unless given).
   */
  async create<S extends { id: string }>(
    tx: Tx,
    actor: AuditActor,
    change: { action: string; entityType: string },
    insert: () => Promise<S>,
    snapshot: (created: S) => object = (created) => created,
  ): Promise<S> {
    const created = await insert();
    await this.events.append(tx, actor, {
      ...change,
      entityId: created.id,
      before: null,
      after: snapshot(created),
    });
    return created;
  }

  /**
   * Records new records in bulk: `insert` creates them and returns them as clients see them; one event per record
   * (no before), appended in one statement. For imports: each record keeps its own history.
   */
  async createMany<S extends { id: string }>(
    tx: Tx,
    actor: AuditActor,
    change: { action: string; entityType: string },
    insert: () => Promise<S[]>,
  ): Promise<S[]> {
    const created = await insert();
    await this.events.appendMany(
      tx,
      actor,
      created.map((record) => ({ ...change, entityId: record.id, before: null, after: record })),
    );
    return created;
  }

  /**
   * Changes the record `id` of `records`: locks and reads it (NOT_FOUND when there is none), runs `change`, reads
   * it again, and records one event with both snapshots unless they are equal. Concurrent changes to one record
   * queue on the lock, so each sees the one before it: fifty identical calls make one change and one event.
   */
  async update<S extends object>(
    tx: Tx,
    actor: AuditActor,
    records: AuditedRecords<S>,
    id: string,
    action: string,
    change: (before: S) => Promise<unknown>,
  ): Promise<S> {
    const before = await records.lockAndRead(tx, id);
    if (!before) throw new NotFoundError(records.label ?? records.entityType, id);
    await change(before);
    const after = await records.read(tx, id);
    if (!after) throw new Error(`${records.entityType} ${id} disappeared inside its own transaction`);
    if (!isDeepStrictEqual(before, after)) {
      await this.events.append(tx, actor, { action, entityType: records.entityType, entityId: id, before, after });
    }
    return after;
  }

  /**
   * Records something that happened to a record without changing it (a sign-in, a failed one): one event with no
   * before, in `tx`.
   */
  async record(tx: Tx, actor: AuditActor, event: Omit<AuditChange, 'before'>): Promise<void> {
    await this.events.append(tx, actor, { ...event, before: null });
  }
}
