import type { EntityMetadata } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/** The columns a read may return: not those declared `select: false`, and of `only` when given. */
function readable(metadata: EntityMetadata, only?: readonly string[]): ColumnMetadata[] {
  return metadata.columns.filter(
    (column) => column.isSelect && (only === undefined || only.includes(column.propertyName)),
  );
}

function valueOf(column: ColumnMetadata, alias: string): string {
  const value = `${alias}."${column.databaseName}"`;
  return column.type === 'bigint' ? `${value}::text` : value;
}

/**
 * The SELECT or RETURNING list of an entity's columns under their property names (`t."country_iso3" AS
 * "countryIso3"`), read from the entity's decorators, so that a column is declared once: on the entity. `only`
 * (property names) narrows it to the columns a query needs.
 *
 * Columns declared `select: false` (password and key hashes) are left out, so that no read returns a secret by
 * accident: a repository that needs one names it. bigint columns are read as text so that they stay exact.
 */
export function selectList(metadata: EntityMetadata, alias: string, only?: readonly string[]): string {
  return readable(metadata, only)
    .map((column) => {
      const value = valueOf(column, alias);
      return value === `${alias}."${column.propertyName}"` ? value : `${value} AS "${column.propertyName}"`;
    })
    .join(', ');
}

/** The same columns as one JSON object under the property names: `json_build_object('key', g."key", ...)`. */
export function jsonObject(metadata: EntityMetadata, alias: string): string {
  const pairs = readable(metadata).map((column) => `'${column.propertyName}', ${valueOf(column, alias)}`);
  return `json_build_object(${pairs.join(', ')})`;
}
