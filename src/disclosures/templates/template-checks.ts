import type { FieldProblem } from '../../common/errors/app-errors.js';
import { compileSchema } from './content-validators.js';
import { segmentsOf } from './json-pointer.js';
import { describesField } from './schema-fields.js';
import { isSchemaObject, nestingDepth, resolveLocalRef, walkSchema, type SchemaObject } from './schema-walk.js';

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** Bounds on a published schema: what one validation may cost stays small whatever the schema says. */
export const SCHEMA_LIMITS = {
  bytes: 65_536,
  depth: 32,
  stringLength: 100_000,
  arrayItems: 10_000,
} as const;

export interface TemplateSection {
  key: string;
  title: string;
  order: number;
  description?: string | null;
}

/** What a template says about its content: the parts of a published template that are checked together. */
export interface TemplateContract {
  sections: TemplateSection[];
  schema: unknown;
  confidentialFields: string[];
}

/**
 * Keywords refused in published schemas: their regular expressions would run on filers' content, and a hostile one
 * can take seconds per string (catastrophic backtracking). Use `enum`, `format` or `maxLength` instead.
 */
const REFUSED_KEYWORDS = ['pattern', 'patternProperties'];

function typesOf(schema: SchemaObject): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((each): each is string => typeof each === 'string') : [];
}

function boundProblem(schema: SchemaObject, keyword: string, limit: number, what: string): string | null {
  const bound = schema[keyword];
  if (bound === undefined) return `is ${what} without ${keyword} (at most ${limit})`;
  if (typeof bound === 'number' && bound > limit) return `has ${keyword} ${bound}, more than ${limit}`;
  return null;
}

/** What is wrong with each place of the schema the registry's rules refuse (Ajv checks the rest when it compiles). */
function policyProblems(schema: SchemaObject): string[] {
  const problems: string[] = [];
  const at = (pointer: string, message: string) => problems.push(`at "${pointer || '/'}" ${message}`);
  walkSchema(schema, (node, pointer) => {
    for (const keyword of REFUSED_KEYWORDS) {
      if (keyword in node) at(pointer, `uses ${keyword}: regular expressions are not accepted in templates`);
    }
    if (node.$ref !== undefined && resolveLocalRef(schema, node.$ref) === undefined) {
      at(pointer, 'has a $ref that names no place in this schema (only local references are followed)');
    }
    const types = typesOf(node);
    const fixed = 'enum' in node || 'const' in node;
    if (types.includes('string') && !fixed) {
      const problem = boundProblem(node, 'maxLength', SCHEMA_LIMITS.stringLength, 'a string');
      if (problem) at(pointer, problem);
    }
    if (types.includes('array') && !fixed) {
      const problem = boundProblem(node, 'maxItems', SCHEMA_LIMITS.arrayItems, 'an array');
      if (problem) at(pointer, problem);
    }
  });
  return problems;
}

/** The problems of a schema as the content contract of a template, each a message for `input.schema`. */
export function schemaProblems(schema: unknown): string[] {
  if (!isSchemaObject(schema)) return ['must be a JSON Schema object'];
  // Depth first: it is measured without recursion, and bounds what serialising and walking the schema recurse into.
  if (nestingDepth(schema, SCHEMA_LIMITS.depth) > SCHEMA_LIMITS.depth) {
    return [`nests more than ${SCHEMA_LIMITS.depth} levels deep`];
  }
  const bytes = Buffer.byteLength(JSON.stringify(schema));
  if (bytes > SCHEMA_LIMITS.bytes) return [`is ${bytes} bytes long, more than ${SCHEMA_LIMITS.bytes}`];
  const problems: string[] = [];
  if (schema.$schema !== DRAFT_2020_12) problems.push(`must declare "$schema": "${DRAFT_2020_12}"`);
  if (schema.type !== 'object' || !isSchemaObject(schema.properties) || Object.keys(schema.properties).length === 0) {
    problems.push('must describe an object (type "object") with its sections as properties');
  }
  if (schema.additionalProperties !== false) {
    problems.push('must set "additionalProperties": false at the top: the content holds its sections and nothing else');
  }
  problems.push(...policyProblems(schema));
  if (problems.length > 0) return problems;
  try {
    compileSchema(schema);
  } catch (error) {
    return [`does not compile: ${(error instanceof Error ? error.message : String(error)).slice(0, 300)}`];
  }
  return [];
}

function sectionProblems(sections: TemplateSection[], properties: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (message: string) => problems.push({ field: 'input.sections', message });
  const keys = sections.map((section) => section.key);
  const orders = sections.map((section) => section.order);
  if (new Set(keys).size !== keys.length) problem('must not repeat a key');
  if (new Set(orders).size !== orders.length) problem('must not repeat an order');
  for (const key of keys) if (!properties.includes(key)) problem(`has "${key}", which is not a property of the schema`);
  for (const property of properties)
    if (!keys.includes(property)) problem(`has no section for the property "${property}"`);
  return problems;
}

function confidentialProblems(schema: SchemaObject, pointers: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (message: string) => problems.push({ field: 'input.confidentialFields', message });
  if (new Set(pointers).size !== pointers.length) problem('must not repeat a pointer');
  for (const pointer of pointers) {
    if (!segmentsOf(pointer)?.length) problem(`"${pointer}" is not a JSON Pointer to a field (such as /risks)`);
    else if (!describesField(schema, pointer)) problem(`"${pointer}" names no field of the schema`);
  }
  return problems;
}

/** Everything wrong with a template's contract, naming the input field of each problem; [] when it may be published. */
export function contractProblems(contract: TemplateContract): FieldProblem[] {
  const schemaMessages = schemaProblems(contract.schema);
  if (schemaMessages.length > 0) return schemaMessages.map((message) => ({ field: 'input.schema', message }));
  const schema = contract.schema as SchemaObject;
  return [
    ...sectionProblems(contract.sections, Object.keys(schema.properties as SchemaObject)),
    ...confidentialProblems(schema, contract.confidentialFields),
  ];
}
