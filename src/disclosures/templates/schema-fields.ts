import { childPointer, segmentsOf, unescapeSegment } from './json-pointer.js';
import { isSchemaObject, resolveLocalRef, type Schema, type SchemaObject } from './schema-walk.js';

/** Enough for any real template; a bound on what a hostile schema can make us list. */
const MAX_FIELDS = 2000;

/**
 * The schemas that apply together at one place of the content: the schema, its `allOf` branches and what its local
 * `$ref` names, recursively (each schema once, so a recursive `$ref` ends).
 */
function together(root: Schema, schema: Schema, seen: Set<SchemaObject>): SchemaObject[] {
  if (!isSchemaObject(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const found = [schema];
  const target = resolveLocalRef(root, schema.$ref);
  if (target !== undefined) found.push(...together(root, target, seen));
  if (Array.isArray(schema.allOf))
    for (const branch of schema.allOf) found.push(...together(root, branch as Schema, seen));
  return found;
}

/**
 * The JSON Pointers of the fields the schema's `required` keywords ask for, in document order, for example
 * `/summary` and `/humanOversight/description`. An array's items are under the segment `*`: "every risk has a
 * category" is `/risks/` + `*` + `/category`. Requirements inside `anyOf`, `oneOf` and `if`/`then`/`else` depend on
 * the content and are not listed.
 */
export function requiredFields(root: Schema): string[] {
  const fields: string[] = [];
  const listed = new Set<string>();
  const add = (pointer: string) => {
    if (!listed.has(pointer) && fields.length < MAX_FIELDS) {
      listed.add(pointer);
      fields.push(pointer);
    }
  };
  const visit = (schema: Schema, at: string, path: ReadonlySet<SchemaObject>) => {
    const here = together(root, schema, new Set(path));
    if (here.length === 0 || fields.length >= MAX_FIELDS) return;
    const inner = new Set([...path, ...here]);
    const required = new Set<unknown>(
      here.flatMap((each) => (Array.isArray(each.required) ? (each.required as unknown[]) : [])),
    );
    for (const each of here) {
      if (isSchemaObject(each.properties)) {
        for (const [name, property] of Object.entries(each.properties)) {
          if (required.delete(name)) add(childPointer(at, name));
          visit(property as Schema, childPointer(at, name), inner);
        }
      }
      if (Array.isArray(each.prefixItems)) {
        each.prefixItems.forEach((item: Schema, index) => visit(item, childPointer(at, index), inner));
      }
      if (isSchemaObject(each.items)) visit(each.items, `${at}/*`, inner);
    }
    for (const name of required) if (typeof name === 'string') add(childPointer(at, name));
  };
  visit(root, '', new Set());
  return fields;
}

/**
 * Whether `pointer` names a place the schema describes: each segment a property of an object schema there, or `*`
 * (or an index) of an array schema's items.
 */
export function describesField(root: Schema, pointer: string): boolean {
  const segments = segmentsOf(pointer);
  if (!segments || segments.length === 0) return false;
  let current: SchemaObject[] = together(root, root, new Set());
  for (const raw of segments) {
    const name = unescapeSegment(raw);
    const next: SchemaObject[] = [];
    for (const each of current) {
      const property = isSchemaObject(each.properties) ? (each.properties[name] as Schema | undefined) : undefined;
      if (property !== undefined && Object.hasOwn(each.properties as object, name)) {
        next.push(...together(root, property, new Set()));
      } else if (raw === '*' || /^(0|[1-9][0-9]*)$/.test(raw)) {
        if (Array.isArray(each.prefixItems) && raw !== '*') {
          const item = each.prefixItems[Number(raw)] as Schema | undefined;
          if (item !== undefined) next.push(...together(root, item, new Set()));
        }
        if (isSchemaObject(each.items)) next.push(...together(root, each.items, new Set()));
      }
    }
    if (next.length === 0) return false;
    current = next;
  }
  return true;
}
