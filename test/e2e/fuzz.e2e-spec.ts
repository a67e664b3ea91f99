import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { Role } from '../../src/common/access/role.js';
import { signedInUser, type SignedInUser } from '../fixtures/users.js';
import { sampleInput } from '../graphql/input-samples.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
beforeAll(async () => {
  // Limits per caller are raised so that every request reaches its resolver.
  t = await startTestApp({ mutationsPerMinute: 100_000, loginAttemptsPerMinute: 100_000 });
  admin = await signedInUser(t, 'fuzz-admin@example.org', [Role.ADMIN]);
});
afterAll(() => t.close());

const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Values that have broken servers like this one: bad text, forged cursors, edge dates, numbers at the limits. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  'a\ud800b',
  '\udfff',
  "x' OR '1'='1",
  '%_\\',
  '\u202e\u200b\ufeff',
  '😀'.repeat(300),
  'x'.repeat(20_000),
  cursor(['x', 'not-a-uuid']),
  cursor(['99999999999999999999999']),
  cursor([{ a: 1 }]),
  '00000000-0000-0000-0000-000000000000',
  '0000-01-01',
];
const HOSTILE: Record<string, unknown[]> = {
  String: HOSTILE_STRINGS,
  ID: [...HOSTILE_STRINGS, randomUUID()],
  Int: [0, -1, 2_147_483_647, -2_147_483_648, 2 ** 40, 1.5, '1'],
  Float: [0, -1e308, 1e308, Number.MIN_VALUE],
  Boolean: ['true', 0],
  LocalDate: ['0000-01-01', '0001-01-01', '9999-12-31', '10000-01-01', '2021-02-29', '', 'a\u0000'],
  DateTime: ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '2026-13-01T00:00:00Z', ''],
  Decimal: ['1e3', 1000, 1.5, '-1', '0', '0.001', '1'.repeat(19), '', ' 1', 'NaN', 'Infinity'],
  JSON: [{}, [], 'x'],
  JSONObject: [{}, [], 'x', { $schema: 1, type: { a: [] }, properties: { p: { $ref: 'http://x' } } }],
};

interface Case {
  field: GraphQLField<unknown, unknown>;
  /** Where the hostile value goes: the argument, then input fields. */
  path: string[];
  value: unknown;
}

/** Every place a value can be put in `argument` (it and, for input objects, each field at any depth). */
function places(
  type: GraphQLInputType,
  path: string[],
  seen = new Set<string>(),
): { path: string[]; type: GraphQLInputType }[] {
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return [];
    const inner = new Set(seen).add(named.name);
    return [
      { path, type },
      ...Object.values(named.getFields()).flatMap((field) => places(field.type, [...path, field.name], inner)),
    ];
  }
  return [{ path, type }];
}

function hostileValues(type: GraphQLInputType): unknown[] {
  const named = getNamedType(type);
  const values = isEnumType(named) ? ['NOT_A_VALUE', 1] : isScalarType(named) ? (HOSTILE[named.name] ?? []) : [42, 'x'];
  return [...values, null, ...(isListType(isNonNullType(type) ? type.ofType : type) ? [[], values] : [])];
}

function cases(root: GraphQLObjectType): Case[] {
  return Object.values(root.getFields()).flatMap((field) =>
    field.args.flatMap((argument: GraphQLArgument) =>
      places(argument.type, [argument.name]).flatMap(({ path, type }) =>
        hostileValues(type).map((value) => ({ field, path, value })),
      ),
    ),
  );
}

async function run(kind: 'query' | 'mutation', { field, path, value }: Case) {
  const variables: Record<string, any> = Object.fromEntries(field.args.map((arg) => [arg.name, sampleInput(arg.type)]));
  let target = variables;
  for (const key of path.slice(0, -1)) target = target[key] = { ...(target[key] ?? {}) };
  target[path.at(-1)!] = value;
  const declarations = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  // Not typed: the operations are generated from the schema.
  const query = `${kind} Fuzz${declarations ? `(${declarations})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  const answer = await t.gql(query, variables, { token: admin.token });
  return { status: answer.status, codes: (answer.errors ?? []).map((error) => error.extensions?.code) };
}

describe('a sweep of hostile values through every argument of every operation', () => {
  it.each(['query', 'mutation'] as const)(
    'gets no 5xx and no INTERNAL_SERVER_ERROR from any %s',
    async (kind) => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const root = (kind === 'query' ? schema.getQueryType() : schema.getMutationType())!;
      const all = cases(root);
      expect(all.length).toBeGreaterThan(kind === 'query' ? 100 : 200);
      const broken: string[] = [];
      // A few at a time: the sweep grows with every operation, and one case at a time no longer fits the timeout.
      const queue = [...all];
      const worker = async () => {
        for (let each = queue.shift(); each; each = queue.shift()) {
          const { status, codes } = await run(kind, each);
          if (status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
            broken.push(
              `${each.field.name}(${each.path.join('.')} = ${JSON.stringify(each.value)?.slice(0, 60)}): ${status} ${codes.join(',')}`,
            );
          }
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      expect(broken.sort()).toEqual([]);
    },
    240_000,
  );
});
