import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isLeafType, isRequiredArgument, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { graphql } from '../graphql/graphql.js';
import { sampleInput } from '../graphql/input-samples.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
/**
 * Every table a mutation could write to: all tables of the application but TypeORM's record of migrations, read
 * from the database so that a table added by a new migration is watched without anyone listing it here.
 */
let tables: string[];
beforeAll(async () => {
  t = await startTestApp();
  const rows = await t.sql<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
     ORDER BY table_name`,
  );
  tables = rows.map((row) => row.name);
});
afterAll(() => t.close());

/** The one mutation anyone may call. */
const PUBLIC_MUTATIONS = new Set(['login']);
/** The queries that need a signed-in caller; every other query is open to the public. */
const SIGNED_IN_QUERIES = new Set([
  'users',
  'user',
  'auditEvents',
  'verifyAuditTrail',
  'apiKeys',
  'disclosureDrafts',
  'reviewQueue',
]);
/** Public queries about two records, which answer NOT_FOUND (after the access check) when there are none. */
const NOT_FOUND_QUERIES = new Set(['disclosureDiff']);
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
/** Arguments where a generic value would be refused as malformed, so the walk asks for something real. */
const REAL_ARGUMENTS: Record<string, Record<string, unknown>> = {
  country: { iso3: 'KEN' },
  countryGroup: { key: 'G7' },
  disclosureTemplate: { key: 'unctad-impact-assessment' },
  strategyAdoption: { groupKeys: ['LDC'], fromYear: 2017, toYear: 2024 },
  readinessRanking: { year: 2024 },
  // The sample instant is in the future: a period must end after it starts.
  participationChanges: { from: '2020-01-01T00:00:00Z' },
  // Exactly one of the optional ways to name the record.
  company: { id: NO_SUCH_ID },
  disclosure: { accessionNumber: 'AID-2026-000001' },
  disclosureHistory: { accessionNumber: 'AID-2026-000001' },
};
/** An operation calling `field` alone, with every required argument passed as a variable of its declared type. */
function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  given: Record<string, unknown> = {},
): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((arg) => isRequiredArgument(arg) || arg.name in given);
  const declarations = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind} ${field.name}${declarations ? `(${declarations})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables: Object.fromEntries(
      args.map((arg) => [arg.name, arg.name in given ? given[arg.name] : sampleInput(arg.type)]),
    ),
  };
}

function rootFields(root: 'Query' | 'Mutation'): GraphQLField<unknown, unknown>[] {
  const type = t.app.get(GraphQLSchemaHost).schema.getType(root) as GraphQLObjectType;
  return Object.values(type.getFields());
}

/** What the caller sees: 'ok' for an answer without errors, else the error codes. */
function outcome(errors: { extensions?: Record<string, any> }[] | undefined): string {
  return errors ? errors.map((error) => error.extensions?.code).join(',') : 'ok';
}

async function rowCounts(): Promise<Record<string, number>> {
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const [row] = await t.sql(
    `SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${quoted(table)}) AS ${quoted(table)}`).join(', ')}`,
  );
  return row;
}

describe('access by default', () => {
  it('refuses every mutation but login to an anonymous caller with UNAUTHENTICATED, writing nothing', async () => {
    const mutations = rootFields('Mutation').filter((field) => !PUBLIC_MUTATIONS.has(field.name));
    const walked = mutations.map((field) => field.name);
    expect(walked).toEqual(expect.arrayContaining(['createUser', 'grantRole', 'updateCompany', 'createApiKey']));

    const before = await rowCounts();
    const outcomes: Record<string, string> = {};
    for (const field of mutations) {
      const { query, variables } = operationFor('mutation', field);
      // Not typed: the operation is built at run time from the schema.
      const { data, errors } = await t.gql(query, variables);
      outcomes[field.name] = outcome(errors);
      expect(data?.[field.name] ?? null).toBeNull();
    }

    expect(outcomes).toEqual(Object.fromEntries(walked.map((name) => [name, 'UNAUTHENTICATED'])));
    expect(await rowCounts()).toEqual(before);
  });

  it('answers every public query anonymously, and refuses the signed-in ones with UNAUTHENTICATED', async () => {
    const queries = rootFields('Query');
    const names = queries.map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining([...SIGNED_IN_QUERIES, 'countries', 'country', 'companies', 'me']));

    const outcomes: Record<string, string> = {};
    for (const field of queries) {
      const { query, variables } = operationFor('query', field, REAL_ARGUMENTS[field.name]);
      // Not typed: the operation is built at run time from the schema.
      const { errors } = await t.gql(query, variables);
      outcomes[field.name] = outcome(errors);
    }

    expect(outcomes).toEqual(
      Object.fromEntries(
        names.map((name) => [
          name,
          SIGNED_IN_QUERIES.has(name) ? 'UNAUTHENTICATED' : NOT_FOUND_QUERIES.has(name) ? 'NOT_FOUND' : 'ok',
        ]),
      ),
    );
  });

  it('tells a signed-in user without the needed role FORBIDDEN, not UNAUTHENTICATED', async () => {
    const { token } = await t.signUp('no-roles@example.org', []);
    const before = await rowCounts();

    const createUser = await t.gql(
      graphql(`
        mutation ($input: CreateUserInput!) {
          createUser(input: $input) {
            id
          }
        }
      `),
      { input: { email: 'someone-new@example.org', password: 'a-long-enough-password', roles: ['ADMIN'] } },
      { token },
    );
    expect(outcome(createUser.errors)).toBe('FORBIDDEN');

    const registerCompany = await t.gql(
      graphql(`
        mutation ($input: RegisterCompanyInput!) {
          registerCompany(input: $input) {
            id
          }
        }
      `),
      { input: { name: 'Acme AI Ltd', countryIso3: 'KEN' } },
      { token },
    );
    expect(outcome(registerCompany.errors)).toBe('FORBIDDEN');

    expect(await rowCounts()).toEqual(before);
  });
});
