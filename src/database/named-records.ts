import type { DataSource } from 'typeorm';
import { indexBy } from '../common/loaders/batch-results.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { preparedQuery } from './prepared-query.js';

/**
 * Reads of a table of named records with uuid ids (companies, regulators): pages ordered by name then id,
 * keyset on both (index on (name, id)), and batches by id for DataLoaders. `columns` selects from alias `t`.
 */
export class NamedRecords<T extends { id: string; name: string }> {
  constructor(
    private readonly db: DataSource,
    private readonly table: string,
    private readonly columns: string,
  ) {}

  async page(args: PageArgs): Promise<Page<T>> {
    const after = args.after ? decodeCursor(args.after, 2) : null;
    const rows = await preparedQuery<T>(
      this.db,
      `SELECT ${this.columns} FROM ${this.table} t
       WHERE $1::text IS NULL OR (t.name, t.id) > ($1::text, $2::uuid)
       ORDER BY t.name, t.id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, args.first + 1],
    );
    return toPage(
      rows,
      args.first,
      (row) => [row.name, row.id],
      after !== null,
      async () => {
        const [{ count }] = await preparedQuery(this.db, `SELECT count(*) AS count FROM ${this.table}`);
        return count as number;
      },
    );
  }

  async byIds(ids: readonly string[]): Promise<(T | null)[]> {
    const rows = await preparedQuery<T>(
      this.db,
      `SELECT ${this.columns} FROM ${this.table} t WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    return indexBy(ids, rows, (row) => row.id);
  }
}
