import type { EntityMetadata } from 'typeorm';

/**
 * The SELECT or RETURNING list of an entity's columns under their property names (`t."country_iso3" AS
 * "countryIso3"`), read from the entity's decorators, so that a column is declared once: on the entity.
 *
 * Columns declared `select: false` (password and key hashes) are left out, so that no read returns a secret by
 * accident: a repository that needs one names it. bigint columns are read as text so that they stay exact.
 */
export function selectList(metadata: EntityMetadata, alias: string): string {
  return metadata.columns
    .filter((column) => column.isSelect)
    .map((column) => {
      const value = `${alias}."${column.databaseName}"`;
      const exact = column.type === 'bigint' ? `${value}::text` : value;
      return exact === value && column.databaseName === column.propertyName
        ? value
        : `${exact} AS "${column.propertyName}"`;
    })
    .join(', ');
}
