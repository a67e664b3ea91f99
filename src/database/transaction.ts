import type { EntityManager, QueryResult } from 'typeorm';
import type { SqlRunner } from './sql-runner.js';

/**
 * One database transaction, passed explicitly from the service that opened it to every repository call made in
 * it, so that a higher module can compose lower modules' changes (and their audit events) into one commit.
 */
export class Tx implements SqlRunner {
  private readonly beforeCommit = new Map<object, () => Promise<void>>();
  private readonly afterCommit = new Map<object, () => void>();

  constructor(private readonly manager: EntityManager) {}

  async rows<Row>(text: string, values: readonly unknown[] = []): Promise<Row[]> {
    // The structured result gives the rows of SELECT, INSERT/UPDATE/DELETE ... RETURNING alike.
    const result = (await this.manager.queryRunner!.query(text, [...values], true)) as QueryResult<Row>;
    return result.records;
  }

  /**
   * Runs `work` once, as the transaction's last statements before it commits (a second call with the same `key`
   * does not add it again). The audit trail appends its events there, so that the lock on its chain is the last
   * one a transaction takes and is held only for the commit.
   */
  onCommit(key: object, work: () => Promise<void>): void {
    if (!this.beforeCommit.has(key)) this.beforeCommit.set(key, work);
  }

  /**
   * Runs `then` once the transaction has committed (never when it rolls back; a second call with the same `key`
   * does not add it again): for what others may only learn of a change once it is visible, such as forgetting what
   * was read before it.
   */
  onCommitted(key: object, then: () => void): void {
    if (!this.afterCommit.has(key)) this.afterCommit.set(key, then);
  }

  /** Called by whoever opened the transaction, after its work and before COMMIT. */
  async finish(): Promise<void> {
    for (const work of this.beforeCommit.values()) await work();
    this.beforeCommit.clear();
  }

  /** Called by whoever opened the transaction, once COMMIT succeeded. */
  committed(): void {
    for (const then of this.afterCommit.values()) then();
    this.afterCommit.clear();
  }
}

/**
 * Runs `work` in the transaction of `manager`, then what it left to run before the commit; `opened` is given the
 * transaction, for its opener to call `committed` once COMMIT succeeded.
 */
export async function inTransaction<R>(
  manager: EntityManager,
  work: (tx: Tx) => Promise<R>,
  opened?: (tx: Tx) => void,
): Promise<R> {
  const tx = new Tx(manager);
  opened?.(tx);
  const result = await work(tx);
  await tx.finish();
  return result;
}
