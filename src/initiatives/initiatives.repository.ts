import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { indexBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { RecordsById } from '../database/records-by-id.js';
import { SqlFilter } from '../database/sql-filter.js';
import { firstRow, type SqlRunner } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';
import type { CreateInitiativeInput } from './dto/initiative.input.js';
import type { InitiativeFilter } from './dto/initiatives.args.js';
import { Initiative } from './initiative.entity.js';

/** The columns a curator may change, by property, and the column each is stored in. */
const CHANGEABLE = {
  name: 'name',
  kind: 'kind',
  conveningBody: 'convening_body',
  adoptedOn: 'adopted_on',
  binding: 'binding',
  url: 'url',
  description: 'description',
} as const;

export type InitiativeChange = { -readonly [K in keyof typeof CHANGEABLE]?: Initiative[K] };

/** Owns initiative. */
@Injectable()
export class InitiativesRepository extends RecordsById<Initiative> implements AuditedRecords<Initiative> {
  readonly entityType = 'initiative';

  constructor(db: Database) {
    super(db, Initiative, 'initiative', 'i');
  }

  /** Up to `limit` initiatives matching `filter` after the key `afterKey`, by key. */
  async page(filter: InitiativeFilter, afterKey: string | null, limit: number): Promise<Initiative[]> {
    const where = this.filterOn(filter);
    where.when(afterKey, (key) => `i.key > ${key}`);
    return this.db.reads.rows<Initiative>(
      `SELECT ${this.columns} FROM initiative i WHERE ${where.sql} ORDER BY i.key LIMIT ${where.bind(limit)}`,
      where.values,
    );
  }

  async count(filter: InitiativeFilter): Promise<number> {
    const where = this.filterOn(filter);
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*) AS count FROM initiative i WHERE ${where.sql}`,
      where.values,
    );
    return count;
  }

  private filterOn(filter: InitiativeFilter): SqlFilter {
    return new SqlFilter()
      .when(filter.kind, (kind) => `i.kind = ${kind}`)
      .when(filter.binding, (binding) => `i.binding = ${binding}`)
      .when(filter.adoptedFrom, (date) => `i.adopted_on >= ${date}::date`)
      .when(filter.adoptedBefore, (date) => `i.adopted_on < ${date}::date`);
  }

  async byKeys(keys: readonly string[]): Promise<(Initiative | null)[]> {
    const rows = await this.db.reads.rows<Initiative>(
      `SELECT ${this.columns} FROM initiative i WHERE i.key = ANY($1::text[])`,
      [keys],
    );
    return indexBy(keys, rows, (row) => row.key);
  }

  /** The keys among `keys` that name no initiative. */
  async missingKeys(keys: readonly string[]): Promise<string[]> {
    const rows = await this.db.reads.rows<{ key: string }>(
      `SELECT k.key FROM unnest($1::text[]) WITH ORDINALITY k(key, n)
       WHERE NOT EXISTS (SELECT 1 FROM initiative i WHERE i.key = k.key) ORDER BY k.n`,
      [keys],
    );
    return rows.map((row) => row.key);
  }

  /** The initiative with this key, locked for the rest of the transaction when `lock`. */
  async byKey(runner: SqlRunner, key: string, lock = false): Promise<Initiative | null> {
    const row = await firstRow<Initiative>(
      runner,
      `SELECT ${this.columns} FROM initiative i WHERE i.key = $1 ${lock ? 'FOR SHARE' : ''}`,
      [key],
    );
    return row ?? null;
  }

  /** Inserts it; a key already taken fails UQ_initiative_key. */
  async insert(tx: Tx, input: CreateInitiativeInput): Promise<Initiative> {
    const [row] = await tx.rows<Initiative>(
      `INSERT INTO initiative AS i (key, name, kind, convening_body, adopted_on, binding, url, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${this.columns}`,
      [
        input.key,
        input.name,
        input.kind,
        input.conveningBody ?? null,
        input.adoptedOn ?? null,
        input.binding ?? false,
        input.url ?? null,
        input.description ?? null,
      ],
    );
    return row;
  }

  /** Applies the given fields; a change to the same values leaves the row, and its updated_at, alone. */
  async update(tx: Tx, id: string, change: InitiativeChange): Promise<void> {
    const set = new SqlFilter();
    set.bind(id);
    const assignments: string[] = [];
    const differs: string[] = [];
    for (const [property, column] of Object.entries(CHANGEABLE)) {
      const value = change[property as keyof InitiativeChange];
      if (value === undefined) continue;
      const placeholder = set.bind(value);
      const typed =
        column === 'adopted_on'
          ? `${placeholder}::date`
          : column === 'binding'
            ? `${placeholder}::boolean`
            : `${placeholder}::text`;
      assignments.push(`${column} = ${typed}`);
      differs.push(`${column} IS DISTINCT FROM ${typed}`);
    }
    if (assignments.length === 0) return;
    await tx.rows(
      `UPDATE initiative SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1 AND (${differs.join(' OR ')})`,
      set.values,
    );
  }
}
