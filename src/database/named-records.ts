import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { indexBy } from '../common/loaders/batch-results.js';
import type { Database } from './database.js';

/**
 * Reads of a table of named records with uuid ids (companies, regulators): pages ordered by name then id, keyset
 * on both (index on (name, id)), and batches by id for DataLoaders.
 */
export class NamedRecords<T extends { id: string; name: string }> {
  constructor(
    private readonly db: Database,
    private readonly entity: EntityTarget<ObjectLiteral>,
    private readonly table: string,
  ) {}

  /** Up to `limit` records after the (name, id) key `after`, in order. */
  page(after: readonly [string, string] | null, limit: number): Promise<T[]> {
    return this.db.reads.rows<T>(
      `SELECT ${this.db.columns(this.entity, 't')} FROM ${this.table} t
       WHERE $1::text IS NULL OR (t.name, t.id) > ($1::text, $2::uuid)
       ORDER BY t.name, t.id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async count(): Promise<number> {
    const [{ count }] = await this.db.reads.rows<{ count: number }>(`SELECT count(*) AS count FROM ${this.table}`);
    return count;
  }

  async byIds(ids: readonly string[]): Promise<(T | null)[]> {
    const rows = await this.db.reads.rows<T>(
      `SELECT ${this.db.columns(this.entity, 't')} FROM ${this.table} t WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    return indexBy(ids, rows, (row) => row.id);
  }
}
