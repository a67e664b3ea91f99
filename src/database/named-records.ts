import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import type { Database } from './database.js';
import { RecordsById } from './records-by-id.js';

/**
 * The base of a repository of named records with uuid ids (companies, regulators): pages ordered by name then id,
 * keyset on both (index on (name, id)), batches by id for DataLoaders, and the reads of the write path.
 */
export abstract class NamedRecords<T extends { id: string; name: string }> extends RecordsById<T> {
  constructor(db: Database, entity: EntityTarget<ObjectLiteral>, table: string) {
    super(db, entity, table);
  }

  async page(args: PageArgs): Promise<Page<T>> {
    const after = args.after ? decodeCursor(args.after, ['text', 'uuid']) : null;
    const rows = await this.db.reads.rows<T>(
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
      () => this.count(),
    );
  }

  private async count(): Promise<number> {
    const [{ count }] = await this.db.reads.rows<{ count: number }>(`SELECT count(*) AS count FROM ${this.table}`);
    return count;
  }
}
