import type { DataSource } from 'typeorm';

export interface SchemaStatement {
  query: string;
  parameters?: unknown[];
}

export interface SchemaDrift {
  /** What would bring the database in line with the entities; empty when they agree. */
  up: SchemaStatement[];
  /** What would undo `up`, in order. */
  down: SchemaStatement[];
}

/**
 * Compares the entities registered with `dataSource` against the database it is connected to, as TypeORM's
 * `migration:generate` does. On a database built by the migrations alone, any statement means the entities and
 * the migrations have drifted apart.
 */
export async function schemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  const planned = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: planned.upQueries.map(({ query, parameters }) => ({ query, parameters })),
    down: planned.downQueries.map(({ query, parameters }) => ({ query, parameters })).reverse(),
  };
}
