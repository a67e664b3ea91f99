import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { selectList } from './entity-columns.js';
import { PreparedStatements } from './prepared-statements.js';
import type { SqlRunner } from './sql-runner.js';
import { Tx } from './transaction.js';

/** What repositories are given: reads, transactions and the column lists of registered entities. */
@Injectable()
export class Database {
  /** Reads outside any transaction, as prepared statements: the hot path. */
  readonly reads: SqlRunner;
  private readonly selectLists = new Map<EntityTarget<ObjectLiteral>, Map<string, string>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.reads = new PreparedStatements(dataSource);
  }

  /** Runs `work` in a transaction of its own; it commits when `work` resolves and rolls back when it throws. */
  transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.dataSource.transaction((manager) => work(new Tx(manager)));
  }

  /** Runs `work` in the caller's transaction when there is one, else in a transaction of its own. */
  within<R>(tx: Tx | undefined, work: (tx: Tx) => Promise<R>): Promise<R> {
    return tx ? work(tx) : this.transaction(work);
  }

  /**
   * The columns of `entity` as a select list under alias `alias` (see selectList). The entity must be registered
   * with TypeOrmModule.forFeature by its module; computed once per entity and alias.
   */
  columns(entity: EntityTarget<ObjectLiteral>, alias: string): string {
    let byAlias = this.selectLists.get(entity);
    if (!byAlias) this.selectLists.set(entity, (byAlias = new Map<string, string>()));
    let list = byAlias.get(alias);
    if (list === undefined) {
      list = selectList(this.dataSource.getMetadata(entity), alias);
      byAlias.set(alias, list);
    }
    return list;
  }
}
