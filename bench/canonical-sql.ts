// JSON values built in SQL directly as their RFC 8785 canonical text, so that PostgreSQL can hash a generated
// filing exactly as the registry does (SHA-256 of the canonical form) without a round trip through Node. It holds
// for what the generator writes: strings (to_json escapes as JSON.stringify does: ", \, control characters),
// integers, booleans, arrays, and objects whose keys are sorted here by UTF-16 code units, as RFC 8785 sorts them.
// The generator checks its output with the registry's own ledger verifier (bench/verify-ledgers.ts).

/** A SQL expression that yields canonical JSON text; an object of members; the first `count` of some items. */
export type CanonicalNode =
  { sql: string } | { fields: Readonly<Record<string, Member>> } | { items: readonly CanonicalNode[]; count: string };

/** An object member, or one present only when a SQL condition holds. */
export type Member = CanonicalNode | { when: string; value: CanonicalNode };

/** A string value from a SQL text expression. */
export const jsonString = (expression: string): CanonicalNode => ({ sql: `to_json((${expression})::text)::text` });

/** A boolean value from a SQL condition. */
export const jsonBoolean = (condition: string): CanonicalNode => ({
  sql: `(CASE WHEN ${condition} THEN 'true' ELSE 'false' END)`,
});

/** An array of strings or integers from a SQL text[] or integer[] expression. */
export const jsonScalarArray = (arrayExpression: string): CanonicalNode => ({
  sql: `array_to_json(${arrayExpression})::text`,
});

/** The first `count` (a SQL integer expression, 1..items.length) of `items`. */
export const jsonArray = (items: CanonicalNode[], count: string): CanonicalNode => ({ items, count });

export const jsonObject = (fields: Record<string, Member>): CanonicalNode => ({ fields });

/** A member present only when `condition` (SQL) holds. */
export const when = (condition: string, value: CanonicalNode): Member => ({ when: condition, value });

/** UTF-16 code unit order, as RFC 8785 wants (JavaScript's default string order). */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The SQL text expression of `node`'s canonical JSON; the values at the JSON Pointers in `nullAt` become null
 * (a filing's public view: its confidential fields nulled).
 */
export function canonicalSql(node: CanonicalNode, nullAt: readonly string[] = [], pointer = ''): string {
  if (nullAt.includes(pointer)) return `'null'`;
  if ('sql' in node) return node.sql;
  if ('items' in node) {
    const items = node.items.map((item, index) => canonicalSql(item, nullAt, `${pointer}/${index}`));
    return `('[' || array_to_string((ARRAY[${items.join(', ')}]::text[])[1:${node.count}], ',') || ']')`;
  }
  // Absent members are NULL elements, which array_to_string leaves out.
  const members = Object.keys(node.fields)
    .sort(byCodeUnits)
    .map((key) => {
      const member = node.fields[key];
      const name = `'${JSON.stringify(key).replaceAll("'", "''")}:'`;
      if ('when' in member) {
        return `CASE WHEN ${member.when} THEN ${name} || ${canonicalSql(member.value, nullAt, `${pointer}/${key}`)} END`;
      }
      return `${name} || ${canonicalSql(member, nullAt, `${pointer}/${key}`)}`;
    });
  return `('{' || array_to_string(ARRAY[${members.join(', ')}]::text[], ',') || '}')`;
}
