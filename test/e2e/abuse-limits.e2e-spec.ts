import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOGIN } from '../fixtures/users.js';
import { graphql, queryText } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

let attempts = 0;
/** A wrong sign-in from `address`, each to another (unknown) account, so that only the address limit applies. */
function wrongLoginFrom(address: string) {
  attempts += 1;
  return t.gql(
    LOGIN,
    { email: `nobody-${attempts}@example.org`, password: 'not-the-password' },
    { headers: { 'x-forwarded-for': address } },
  );
}

/**
 * countryGroups { members { country { groups { members ... } } } }, `depth` fields deep. Not a typed document: it is
 * built at run time, to whatever depth a test needs.
 */
function nestedQuery(depth: number): string {
  const cycle = ['members', 'country', 'groups'];
  const leaf: Record<string, string> = { countryGroups: 'key', members: 'code', country: 'iso3', groups: 'key' };
  const fields = ['countryGroups', ...Array.from({ length: depth - 1 }, (_, i) => cycle[i % cycle.length])];
  return fields.reduceRight((inner, field) => `${field} { ${inner} }`, leaf[fields[fields.length - 1]]);
}

describe('sign-in attempts', () => {
  it('throttles the eleventh wrong login from one address within a minute, and only that address', async () => {
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const { errors } = await wrongLoginFrom('203.0.113.7');
      codes.push(errors![0].extensions!.code);
    }
    expect(codes).toEqual(Array(10).fill('UNAUTHENTICATED'));

    const eleventh = await wrongLoginFrom('203.0.113.7');
    expect(eleventh.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(eleventh.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(eleventh.errors![0].message).toMatch(/retry in \d+ s/);
    const raw = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', '203.0.113.7')
      .send({ query: queryText(LOGIN), variables: { email: 'nobody@example.org', password: 'not-the-password' } });
    expect(Number(raw.headers['retry-after'])).toBeGreaterThan(0);

    const elsewhere = await wrongLoginFrom('203.0.113.8');
    expect(elsewhere.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('counts only failed sign-ins per address, so that successful ones from a shared address are never throttled', async () => {
    const office = await Promise.all([1, 2, 3, 4, 5].map((n) => t.signUp(`office-${n}@example.org`)));
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expect((await wrongLoginFrom('203.0.113.50')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    // Fifteen successful sign-ins from the address with one failure left: three each, within the account limit.
    for (let attempt = 0; attempt < 15; attempt += 1) {
      const user = office[attempt % office.length];
      const { errors } = await t.gql(
        LOGIN,
        { email: user.email, password: user.password },
        { headers: { 'x-forwarded-for': '203.0.113.50' } },
      );
      expect(errors).toBeUndefined();
    }
  });
});

describe('query limits', () => {
  it('refuses a query nested 20 levels deep before running any SQL', async () => {
    t.queries.length = 0;
    const { status, data, errors } = await t.gql(`{ ${nestedQuery(20)} }`);
    expect(status).toBe(400);
    expect(data ?? null).toBeNull();
    expect(errors![0].message).toMatch(/exceeds maximum operation depth of 12/);
    expect(t.queries).toEqual([]);
  });

  it('refuses a query that may fetch tens of thousands of objects before running any SQL', async () => {
    t.queries.length = 0;
    const { status, data, errors } = await t.gql(
      graphql(`
        {
          countries(first: 100) {
            edges {
              node {
                groups {
                  members {
                    code
                  }
                }
              }
            }
          }
        }
      `),
    );
    expect(status).toBe(400);
    expect(data ?? null).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 5000 });
    expect(errors![0].extensions!.cost).toBeGreaterThanOrEqual(10_000);
    expect(t.queries).toEqual([]);
  });

  it('still accepts an ordinary query: the G7 countries', async () => {
    const { status, data, errors } = await t.gql(
      graphql(`
        {
          countries(first: 10, filter: { groupKey: "G7" }) {
            totalCount
            edges {
              node {
                iso3
              }
            }
          }
        }
      `),
    );
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data!.countries.totalCount).toBe(7);
  });
});

describe('cross-site request forgery', () => {
  const GROUP_KEYS = graphql(`
    {
      countryGroups {
        key
      }
    }
  `);

  it('refuses a text/plain POST, which a plain HTML form could send, without executing it', async () => {
    t.queries.length = 0;
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: queryText(GROUP_KEYS) }));
    expect(response.status).toBe(400);
    expect(response.body?.data ?? null).toBeNull();
    expect(t.queries).toEqual([]);
  });

  it('does not execute a GET query sent without a preflight header', async () => {
    t.queries.length = 0;
    const response = await t
      .http()
      .get('/graphql')
      .query({ query: queryText(GROUP_KEYS) });
    expect([400, 404]).toContain(response.status);
    expect(response.body?.data ?? null).toBeNull();
    expect(t.queries).toEqual([]);
  });
});

describe('introspection', () => {
  // Not a typed document: gql.tada types the introspection fields (__schema) as unknown.
  const INTROSPECTION = `{ __schema { types { name } } }`;

  it('is open in the default test configuration', async () => {
    const { errors, data } = await t.gql(INTROSPECTION);
    expect(errors).toBeUndefined();
    expect(data!.__schema.types.map((type: { name: string }) => type.name)).toContain('Country');
  });

  it('is refused when turned off', async () => {
    const closed = await startTestApp({ introspection: false });
    try {
      const { data, errors } = await closed.gql(INTROSPECTION);
      expect(data ?? null).toBeNull();
      expect(errors![0].message).toMatch(/introspection/i);
    } finally {
      await closed.close();
    }
  });
});

describe('CORS', () => {
  let restricted: TestApp;
  beforeAll(async () => {
    restricted = await startTestApp({ corsOrigins: ['https://allowed.example'] });
  });
  afterAll(() => restricted.close());

  const preflight = (origin: string) =>
    restricted
      .http()
      .options('/graphql')
      .set('origin', origin)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type,authorization');

  it('lets an allowed origin through the preflight', async () => {
    const response = await preflight('https://allowed.example');
    expect(response.headers['access-control-allow-origin']).toBe('https://allowed.example');
  });

  it('gives any other origin no access-control-allow-origin', async () => {
    const response = await preflight('https://evil.example');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('mutations per caller', () => {
  it('throttles a caller past MUTATIONS_PER_MINUTE, not other callers', async () => {
    const limited = await startTestApp({ mutationsPerMinute: 3 });
    try {
      const busy = await limited.signUp('busy@example.org');
      const calm = await limited.signUp('calm@example.org');
      const create = (token: string) =>
        limited.gql(
          graphql(`
            mutation {
              createApiKey(input: { name: "k" }) {
                apiKey {
                  id
                }
              }
            }
          `),
          {},
          { token },
        );
      for (let i = 0; i < 3; i += 1) expect((await create(busy.token)).errors).toBeUndefined();
      const fourth = await create(busy.token);
      expect(fourth.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect((await create(calm.token)).errors).toBeUndefined();
      const [{ count }] = await limited.sql(
        `SELECT count(*)::int AS count FROM api_key k JOIN app_user u ON u.id = k.user_id WHERE u.email = 'busy@example.org'`,
      );
      expect(count).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
