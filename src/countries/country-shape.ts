import { Kind, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../common/graphql/selection.js';

/** What of a country a query reads: the columns it selects, and the as-of date of its groups if it asks for them. */
export interface CountryShape {
  /** Property names of the Country columns selected (`iso3` always: it is every relation's key); all when undefined. */
  columns: readonly string[] | undefined;
  /** Read each country's groups in the same statement, on this date; null when the query does not select them. */
  groupsAsOf: string | null;
}

/** Every column, no groups: for reads that do not know their selection (loaders, other modules). */
export const WHOLE_COUNTRY: CountryShape = { columns: undefined, groupsAsOf: null };

/** Where the groups' date comes from, as written in the query. */
type GroupsDate =
  | { from: 'none' }
  | { from: 'several' }
  | { from: 'default' }
  | { from: 'literal'; value: string }
  | { from: 'variable'; name: string };

interface ShapeOfQuery {
  columns: readonly string[];
  groups: GroupsDate;
}

/** Per field of a parsed query (the driver keeps parsed queries), so a repeated query is analysed once. */
const analysed = new WeakMap<FieldNode, Map<string, ShapeOfQuery>>();

function groupsDateOf(field: FieldNode): GroupsDate {
  const argument = field.arguments?.find((arg) => arg.name.value === 'asOf');
  if (!argument || argument.value.kind === Kind.NULL) return { from: 'default' };
  if (argument.value.kind === Kind.STRING) return { from: 'literal', value: argument.value.value };
  if (argument.value.kind === Kind.VARIABLE) return { from: 'variable', name: argument.value.name.value };
  return { from: 'several' };
}

function analyse(info: GraphQLResolveInfo, path: readonly string[], columnNames: ReadonlySet<string>): ShapeOfQuery {
  const columns = new Set(['iso3']);
  const dates: GroupsDate[] = [];
  for (const field of selectedFields(info, path)) {
    const name = field.name.value;
    if (columnNames.has(name)) columns.add(name);
    else if (name === 'groups') dates.push(groupsDateOf(field));
  }
  const distinct = new Set(dates.map((date) => JSON.stringify(date)));
  const groups: GroupsDate =
    dates.length === 0 ? { from: 'none' } : distinct.size === 1 ? dates[0] : { from: 'several' };
  return { columns: [...columns].sort(), groups };
}

/**
 * The shape of the countries selected at `path` under the field being resolved (a connection's ['edges', 'node'],
 * or [] for a lookup). Groups are read with the countries only when every `groups` selection asks for the same
 * date; otherwise each goes through its DataLoader.
 */
export function countryShape(
  info: GraphQLResolveInfo,
  path: readonly string[],
  columnNames: ReadonlySet<string>,
  today: string,
): CountryShape {
  const [node] = info.fieldNodes;
  const key = path.join('.');
  let byPath = analysed.get(node);
  if (!byPath) analysed.set(node, (byPath = new Map<string, ShapeOfQuery>()));
  let shape = byPath.get(key);
  if (!shape) byPath.set(key, (shape = analyse(info, path, columnNames)));
  return { columns: shape.columns, groupsAsOf: dateOf(shape.groups, info, today) };
}

function dateOf(groups: GroupsDate, info: GraphQLResolveInfo, today: string): string | null {
  switch (groups.from) {
    case 'none':
    case 'several':
      return null;
    case 'default':
      return today;
    case 'literal':
      return groups.value;
    case 'variable': {
      const value: unknown = info.variableValues[groups.name];
      return typeof value === 'string' ? value : value === null || value === undefined ? today : null;
    }
  }
}
