import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { Role } from '../../src/common/access/role.js';
import { signedInUser, type SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, TEST_TOKEN_SECRET, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signedInUser(t, 'hostile-admin@example.org', [Role.ADMIN]);
});
afterAll(() => t.close());

type Answer = { status: number; errors?: { extensions?: Record<string, any> }[] };
const firstError = (answer: Answer) => answer.errors?.[0]?.extensions;
const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

describe('text that cannot be stored is the caller’s error, in any argument', () => {
  it.each([
    ['a NUL character', 'someone\u0000@example.org'],
    ['an unpaired surrogate', 'someone\ud800@example.org'],
  ])('refuses %s in a variable, naming it, before any SQL', async (_case, email) => {
    t.queries.length = 0;
    const answer = await t.gql(LOGIN, { email, password: 'whatever-password' });
    expect(answer.status).toBe(400);
    expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(t.queries).toEqual([]);
  });

  it('refuses a NUL character written in the query, naming the input field', async () => {
    t.queries.length = 0;
    // Not typed: the literal holds a NUL on purpose.
    const answer = await t.gql(
      `mutation { registerCompany(input: {name: "Nul\\u0000 Ltd", countryIso3: "KEN"}) { id } }`,
      {},
      { token: admin.token },
    );
    expect(answer.status).toBe(400);
    expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(t.queries).toEqual([]);
  });

  it('finds bad text deep inside an input variable', async () => {
    const answer = await t.gql(
      graphql(`
        mutation ($input: CreateUserInput!) {
          createUser(input: $input) {
            id
          }
        }
      `),
      { input: { email: 'deep@example.org', password: 'long enough \u0000 password', roles: [] } },
      { token: admin.token },
    );
    expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(await t.sql(`SELECT 1 FROM app_user WHERE email = 'deep@example.org'`)).toEqual([]);
  });
});

describe('forged cursors are refused before they reach the database', () => {
  const COUNTRIES = graphql(`
    query ($after: String) {
      countries(first: 2, after: $after) {
        edges {
          node {
            iso3
          }
        }
      }
    }
  `);
  const COMPANIES = graphql(`
    query ($after: String) {
      companies(first: 2, after: $after) {
        totalCount
      }
    }
  `);
  const AUDIT = graphql(`
    query ($after: String) {
      auditEvents(first: 2, after: $after) {
        totalCount
      }
    }
  `);

  const list = {
    countries: (after: string) => t.gql(COUNTRIES, { after }),
    companies: (after: string) => t.gql(COMPANIES, { after }),
    audit: (after: string) => t.gql(AUDIT, { after }, { token: admin.token }),
  };

  it.each([
    ['countries, two parts instead of one', list.countries, cursor(['ABC', 'DEF'])],
    ['countries, a number', list.countries, cursor([42])],
    ['countries, not base64 JSON', list.countries, '!!!'],
    ['companies, an id that is not a uuid', list.companies, cursor(['Acme', 'not-a-uuid'])],
    ['companies, a NUL in the name', list.companies, cursor(['Ac\u0000me', '00000000-0000-4000-8000-000000000000'])],
    ['audit events, an id that is not a number', list.audit, cursor(['12a'])],
    ['audit events, an id beyond bigint', list.audit, cursor(['99999999999999999999999'])],
  ])('%s', async (_case, page, after) => {
    t.queries.length = 0;
    const answer = await page(after);
    expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(t.queries.filter((sql) => !/app_user u WHERE u.id/.test(sql))).toEqual([]);
  });
});

describe('dates outside 0001-9999 are the caller’s error', () => {
  const MEMBERS = graphql(`
    query ($asOf: LocalDate) {
      countryGroup(key: "G7") {
        memberCount(asOf: $asOf)
      }
    }
  `);
  const AUDIT_FROM = graphql(`
    query ($from: DateTime) {
      auditEvents(filter: { from: $from }) {
        totalCount
      }
    }
  `);

  it.each(['0000-01-01', '10000-01-01', '2021-02-29', '2020-1-1'])('LocalDate %s as a variable', async (asOf) => {
    const answer = await t.gql(MEMBERS, { asOf });
    expect(answer.status).toBe(400);
    expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((answer.errors![0] as { message: string }).message).toMatch(/\$asOf/);
  });

  it('LocalDate year 0 written in the query, naming the argument', async () => {
    // Not typed: gql.tada takes any string for a custom scalar; the point is the server's answer.
    const answer = await t.gql(`{ countryGroup(key: "G7") { memberCount(asOf: "0000-01-01") } }`);
    expect(answer.status).toBe(400);
    expect(answer.errors).toHaveLength(1);
    expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });

  it.each(['0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-01-01T00:00:00', 'yesterday'])(
    'DateTime %s',
    async (from) => {
      t.queries.length = 0;
      const answer = await t.gql(AUDIT_FROM, { from }, { token: admin.token });
      expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(t.queries.filter((sql) => /audit_event/.test(sql))).toEqual([]);
    },
  );
});

describe('tokens', () => {
  const ME = graphql(`
    {
      me {
        id
      }
    }
  `);
  const COUNTRY = graphql(`
    {
      country(iso3: "KEN") {
        name
      }
    }
  `);
  const sign = (payload: object, options: object = {}) =>
    new JwtService({ secret: TEST_TOKEN_SECRET }).signAsync(payload, { algorithm: 'HS256', ...options });

  it('refuses a well-signed token that never expires', async () => {
    const token = await sign({ sub: admin.id });
    expect(firstError(await t.gql(ME, {}, { token }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a well-signed token whose subject is not a user id, without asking the database', async () => {
    t.queries.length = 0;
    const token = await sign({ sub: "x' OR 1=1 --" }, { expiresIn: 600 });
    expect(firstError(await t.gql(ME, {}, { token }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(t.queries).toEqual([]);
  });

  it('refuses an invalid token on public operations too, rather than answering as the public', async () => {
    const me = await t.gql(ME, {}, { token: 'not-a-token' });
    const country = await t.gql(COUNTRY, {}, { token: 'not-a-token' });
    expect([firstError(me), firstError(country)]).toMatchObject([
      { code: 'UNAUTHENTICATED' },
      { code: 'UNAUTHENTICATED' },
    ]);
    expect((await t.gql(COUNTRY)).errors).toBeUndefined();
  });
});

describe('persisted queries', () => {
  it('answers a persisted-query hash it does not know as the caller’s error, never a 500', async () => {
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(response.status).toBeLessThan(500);
    expect(JSON.stringify(response.body)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
