import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields, stringArgument } from '../common/graphql/selection.js';

/** What of a country a query reads: the columns it selects, and the as-of date of its groups if it asks for them. */
export interface CountryShape {
  /** Property names of the Country columns selected; `iso3` always, it is every relation's key. */
  columns: readonly string[];
  /** Read each country's groups in the same statement, on this date; null when the query does not select them. */
  groupsAsOf: string | null;
}

/** Every column, no groups: for reads that do not know their selection (loaders, other modules). */
export const WHOLE_COUNTRY: CountryShape = { columns: [], groupsAsOf: null };

/**
 * The shape of the countries selected at `path` under the field being resolved (a connection's ['edges', 'node'],
 * or [] for a lookup). Groups are read with the page only when every `groups` selection asks for the same date;
 * otherwise each goes through its DataLoader.
 */
export function countryShape(
  info: GraphQLResolveInfo,
  path: readonly string[],
  columnNames: ReadonlySet<string>,
  today: string,
): CountryShape {
  const fields = selectedFields(info, path);
  const columns = new Set(['iso3']);
  const groupDates = new Set<string | null | undefined>();
  for (const field of fields) {
    const name = field.name.value;
    if (columnNames.has(name)) columns.add(name);
    else if (name === 'groups') groupDates.add(stringArgument(info, field, 'asOf') ?? today);
  }
  const [only] = groupDates;
  return { columns: [...columns].sort(), groupsAsOf: groupDates.size === 1 && typeof only === 'string' ? only : null };
}
