/**
 * Where JSON Schema (draft 2020-12) puts subschemas, and walks over them. Only schema positions are visited, so a
 * property that happens to be called "required" or "pattern" is never mistaken for the keyword.
 */

export type SchemaObject = Record<string, unknown>;
export type Schema = boolean | SchemaObject;

/** Keywords whose value is one subschema. */
export const SUBSCHEMA = [
  'items',
  'contains',
  'additionalProperties',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
] as const;

/** Keywords whose value is an array of subschemas. */
export const SUBSCHEMA_LIST = ['prefixItems', 'allOf', 'anyOf', 'oneOf'] as const;

/** Keywords whose value maps names to subschemas. */
export const SUBSCHEMA_MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each subschema directly inside `schema`, with the keyword (and name or index) that holds it. */
export function* subschemas(schema: SchemaObject): Generator<{ keyword: string; at: string; schema: Schema }> {
  for (const keyword of SUBSCHEMA) {
    const value = schema[keyword];
    if (isSchemaObject(value) || typeof value === 'boolean') yield { keyword, at: keyword, schema: value };
  }
  for (const keyword of SUBSCHEMA_LIST) {
    const value = schema[keyword];
    if (!Array.isArray(value)) continue;
    for (const [index, item] of value.entries()) {
      if (isSchemaObject(item) || typeof item === 'boolean') yield { keyword, at: `${keyword}/${index}`, schema: item };
    }
  }
  for (const keyword of SUBSCHEMA_MAP) {
    const value = schema[keyword];
    if (!isSchemaObject(value)) continue;
    for (const [name, item] of Object.entries(value)) {
      if (isSchemaObject(item) || typeof item === 'boolean') {
        yield { keyword, at: `${keyword}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, schema: item };
      }
    }
  }
}

/** Visits `schema` and every subschema in it, depth first, with its pointer inside the root schema. */
export function walkSchema(schema: Schema, visit: (schema: SchemaObject, pointer: string) => void, pointer = ''): void {
  if (!isSchemaObject(schema)) return;
  visit(schema, pointer);
  for (const inner of subschemas(schema)) walkSchema(inner.schema, visit, `${pointer}/${inner.at}`);
}

/**
 * A copy of `schema` without `keywords` in any schema position, except under `if` and `not`, whose meaning they
 * would turn around (a condition on a field's presence must keep testing it).
 */
export function withoutKeywords(schema: Schema, keywords: ReadonlySet<string>): Schema {
  if (!isSchemaObject(schema)) return schema;
  const copy: SchemaObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keywords.has(keyword)) continue;
    copy[keyword] = value;
  }
  for (const keyword of SUBSCHEMA) {
    if (keyword === 'if' || keyword === 'not') continue;
    const value = copy[keyword];
    if (isSchemaObject(value)) copy[keyword] = withoutKeywords(value, keywords);
  }
  for (const keyword of SUBSCHEMA_LIST) {
    const value = copy[keyword];
    if (Array.isArray(value)) copy[keyword] = value.map((item: Schema) => withoutKeywords(item, keywords));
  }
  for (const keyword of SUBSCHEMA_MAP) {
    const value = copy[keyword];
    if (isSchemaObject(value)) {
      copy[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, item]) => [name, withoutKeywords(item as Schema, keywords)]),
      );
    }
  }
  return copy;
}

/** The subschema a local `$ref` ('#', '#/$defs/x') names, or undefined. */
export function resolveLocalRef(root: Schema, ref: unknown): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const segment = safeDecode(raw)?.replaceAll('~1', '/').replaceAll('~0', '~');
    if (segment === undefined) return undefined;
    if (!isSchemaObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return isSchemaObject(node) || typeof node === 'boolean' ? node : undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** How deeply `value` nests objects and arrays (iteratively: a hostile value cannot exhaust the stack). */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const inner of Object.values(next)) stack.push({ value: inner, depth: depth + 1 });
  }
  return deepest;
}
