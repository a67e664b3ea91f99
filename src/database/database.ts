import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityMetadata, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { jsonObject, selectList } from './entity-columns.js';
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { ChangeListener, type ChangeHandlers } from './change-listener.js';
import { copyOut } from './copy-out.js';
import { PreparedStatements } from './prepared-statements.js';
import type { SqlRunner } from './sql-runner.js';
import { inTransaction, type Tx } from './transaction.js';

/** What repositories are given: reads, transactions and the column lists of registered entities. */
@Injectable()
export class Database {
  /** Statements outside any transaction (reads, single autocommitted writes), as prepared statements: the hot path. */
  readonly reads: SqlRunner;
  private readonly selectLists = new Map<EntityTarget<ObjectLiteral>, Map<string, string>>();
  private readonly names = new Map<EntityTarget<ObjectLiteral>, ReadonlySet<string>>();
  private readonly listKeys = new WeakMap<readonly string[], string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.reads = new PreparedStatements(dataSource);
  }

  /** The rows of `select` (one text column) as lines of bytes, streamed on a connection of its own (copyOut). */
  copyOut(select: string): Promise<Readable> {
    return copyOut(this.pool, select);
  }

  /** False when the module was built without connecting (emitting the schema). */
  get connected(): boolean {
    return this.dataSource.isInitialized;
  }

  /** Notifications on `channel`, on a connection of its own with the pool's settings (see ChangeListener). */
  listener(channel: string, handlers: ChangeHandlers): ChangeListener {
    return new ChangeListener(this.pool.options, channel, handlers);
  }

  private get pool(): pg.Pool {
    return (this.dataSource.driver as unknown as { master: pg.Pool }).master;
  }

  /** Runs `work` in a transaction of its own; it commits when `work` resolves and rolls back when it throws. */
  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    let tx: Tx | undefined;
    const result = await this.dataSource.transaction((manager) =>
      inTransaction(manager, work, (opened) => (tx = opened)),
    );
    tx!.committed();
    return result;
  }

  /** Runs `work` in the caller's transaction when there is one, else in a transaction of its own. */
  within<R>(tx: Tx | undefined, work: (tx: Tx) => Promise<R>): Promise<R> {
    return tx ? work(tx) : this.transaction(work);
  }

  /**
   * The columns of `entity` as a select list under alias `alias` (see selectList), narrowed to the properties
   * `only` when given. The entity must be registered with TypeOrmModule.forFeature by its module; each list is
   * built once.
   */
  columns(entity: EntityTarget<ObjectLiteral>, alias: string, only?: readonly string[]): string {
    return this.built(entity, `columns ${alias} ${only ? this.keyOf(only) : ''}`, (metadata) =>
      selectList(metadata, alias, only),
    );
  }

  /** The cache key of a list of properties, kept per list so that a caller's stable list is joined once. */
  private keyOf(only: readonly string[]): string {
    let key = this.listKeys.get(only);
    if (key === undefined) this.listKeys.set(only, (key = only.join(',')));
    return key;
  }

  /** The columns of `entity` as one JSON object under the property names (see jsonObject). */
  jsonObject(entity: EntityTarget<ObjectLiteral>, alias: string): string {
    return this.built(entity, `json ${alias}`, (metadata) => jsonObject(metadata, alias));
  }

  /** The names of the properties of `entity` that are columns a read may return. */
  columnNames(entity: EntityTarget<ObjectLiteral>): ReadonlySet<string> {
    let names = this.names.get(entity);
    if (!names) {
      const metadata = this.dataSource.getMetadata(entity);
      names = new Set(metadata.columns.filter((column) => column.isSelect).map((column) => column.propertyName));
      this.names.set(entity, names);
    }
    return names;
  }

  private built(entity: EntityTarget<ObjectLiteral>, key: string, build: (metadata: EntityMetadata) => string): string {
    let byKey = this.selectLists.get(entity);
    if (!byKey) this.selectLists.set(entity, (byKey = new Map<string, string>()));
    let text = byKey.get(key);
    if (text === undefined) {
      text = build(this.dataSource.getMetadata(entity));
      byKey.set(key, text);
    }
    return text;
  }
}
