// JSON values built in SQL directly as their RFC 8785 canonical text, so that PostgreSQL can hash a generated
// filing exactly as the registry does (SHA-256 of the canonical form) without a round trip through Node. It holds
// for what the generator writes: strings (to_json escapes as JSON.stringify does: ", \, control characters),
// integers, booleans, arrays, and objects whose keys are sorted here by UTF-16 code units, as RFC 8785 sorts them.
// The generator checks its output against the `canonicalize` package (bench/verify-ledgers.ts).

/** A SQL expression that yields the canonical JSON text of a value, or an object of such values. */
export type CanonicalNode = { sql: string } | { fields: Readonly<Record<string, CanonicalNode>> };

/** A string value from a SQL text expression. */
export const jsonString = (expression: string): CanonicalNode => ({ sql: `to_json((${expression})::text)::text` });

/** A boolean value from a SQL condition. */
export const jsonBoolean = (condition: string): CanonicalNode => ({
  sql: `(CASE WHEN ${condition} THEN 'true' ELSE 'false' END)`,
});

/** An array of strings from a SQL text[] expression. */
export const jsonStringArray = (arrayExpression: string): CanonicalNode => ({
  sql: `array_to_json(${arrayExpression})::text`,
});

/** The first `count` (a SQL integer expression, 1..items.length) of `items`. */
export function jsonArray(items: CanonicalNode[], count: string): CanonicalNode {
  return {
    sql: `('[' || array_to_string((ARRAY[${items.map((item) => canonicalSql(item)).join(', ')}])[1:${count}], ',') || ']')`,
  };
}

export const jsonObject = (fields: Record<string, CanonicalNode>): CanonicalNode => ({ fields });

/** UTF-16 code unit order, as RFC 8785 wants (JavaScript's default string order). */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The SQL text expression of `node`'s canonical JSON; the members at the JSON Pointers in `nullAt` become null
 * (a filing's public view, its confidential fields nulled).
 */
export function canonicalSql(node: CanonicalNode, nullAt: readonly string[] = [], pointer = ''): string {
  if (nullAt.includes(pointer)) return `'null'`;
  if ('sql' in node) return node.sql;
  const keys = Object.keys(node.fields).sort(byCodeUnits);
  if (keys.length === 0) return `'{}'`;
  const parts = keys.map((key, index) => {
    const member = `${index === 0 ? '{' : ','}${JSON.stringify(key)}:`;
    return `'${member.replaceAll("'", "''")}' || ${canonicalSql(node.fields[key], nullAt, `${pointer}/${key}`)}`;
  });
  return `(${parts.join(' || ')} || '}')`;
}
