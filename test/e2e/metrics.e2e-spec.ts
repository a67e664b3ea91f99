import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

const COUNTRY = graphql(`
  query CountryByCode {
    country(iso3: "KEN") {
      iso3
      name
    }
  }
`);

/** The value of one series in Prometheus' text format, or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics in development', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mutationsPerMinute: 2 });
  });
  afterAll(() => t.close());

  it('counts requests and durations per operation, errors by code, refusals and rate limits, and the pool', async () => {
    for (let i = 0; i < 3; i++) expect((await t.gql(COUNTRY)).errors).toBeUndefined();
    await t.gql('{ country(iso3: "KEN") { iso3 } }');
    await t.gql('{ country(iso3: "KEN") { nope } }'); // GRAPHQL_VALIDATION_FAILED, never executed
    // FORBIDDEN: a filer may not create users.
    const filer = await t.signUp('metrics-filer@example.org', [Role.FILER]);
    const createUser = `mutation CreateSomeone { createUser(input: { email: "x@example.org", password: "long enough password", roles: [] }) { id } }`;
    await t.gql(createUser, {}, { token: filer.token });
    await t.gql(createUser, {}, { token: filer.token });
    // RATE_LIMITED: the third mutation of the minute that the access rules let through.
    const createKey = `mutation CreateKey { createApiKey(input: { name: "k" }) { key } }`;
    await t.gql(createKey, {}, { token: filer.token });
    await t.gql(createKey, {}, { token: filer.token });
    const limited = await t.gql(createKey, {}, { token: filer.token });
    expect(limited.errors![0].extensions!.code).toBe('RATE_LIMITED');
    // A failed sign-in, counted as a security event.
    await t.gql(
      `mutation SignIn { login(email: "metrics-filer@example.org", password: "not the password at all") { token } }`,
    );
    // Many made-up operation names collapse into (other) once 200 are known.
    for (let i = 0; i < 210; i++) await t.gql(`query Made${i} { country(iso3: "KEN") { iso3 } }`);

    const response = await t.http().get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    const op = (name: string, type = 'query') => `{operation_name="${name}",operation_type="${type}"}`;
    expect(sample(text, `graphql_requests_total${op('CountryByCode')}`)).toBe(3);
    expect(sample(text, `graphql_request_duration_seconds_count${op('CountryByCode')}`)).toBe(3);
    expect(
      sample(
        text,
        `graphql_request_duration_seconds_bucket{le="+Inf",operation_name="CountryByCode",operation_type="query"}`,
      ),
    ).toBe(3);
    expect(sample(text, `graphql_requests_total${op('(anonymous)')}`)).toBe(1);
    expect(sample(text, `graphql_requests_total${op('(unknown)', 'unknown')}`)).toBe(1);
    expect(sample(text, `graphql_requests_total${op('(other)')}`)).toBeGreaterThan(0);
    expect(text.match(/^graphql_requests_total\{/gm)!.length).toBeLessThanOrEqual(205);
    expect(sample(text, 'graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'graphql_errors_total{code="FORBIDDEN"}')).toBe(2);
    expect(sample(text, 'graphql_errors_total{code="RATE_LIMITED"}')).toBe(1);
    expect(
      sample(
        text,
        `graphql_refused_operations_total{code="FORBIDDEN",operation_name="CreateSomeone",operation_type="mutation"}`,
      ),
    ).toBe(2);
    expect(sample(text, `graphql_rate_limited_total${op('CreateKey', 'mutation')}`)).toBe(1);
    expect(sample(text, 'security_events_total{event="sign_in",detail="failed"}')).toBe(1);
    expect(sample(text, 'security_events_total{event="refused",detail="FORBIDDEN"}')).toBe(2);
    expect(sample(text, 'db_pool_total_connections')).toBeGreaterThan(0);
    expect(sample(text, 'db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'db_pool_waiting_requests')).toBe(0);
    expect(sample(text, 'db_pool_max_connections')).toBe(10);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });
});

describe('/metrics in production', () => {
  const token = 'metrics-token-0123456789abcdef';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ nodeEnv: 'production', metricsEnabled: true, metricsToken: token });
  });
  afterAll(() => t.close());

  it('is refused without the token, and served with it', async () => {
    await t.gql(COUNTRY);
    expect((await t.http().get('/metrics')).status).toBe(401);
    expect((await t.http().get('/metrics').set('authorization', 'Bearer wrong-token-of-some-length')).status).toBe(401);
    const served = await t.http().get('/metrics').set('authorization', `Bearer ${token}`);
    expect(served.status).toBe(200);
    expect(served.text).toMatch(/^graphql_requests_total\{operation_name="CountryByCode",operation_type="query"\} 1$/m);
  });

  it('is not served at all in production without a token (the configuration turns it off)', async () => {
    const { loadConfig } = await import('../../src/config/app-config.js');
    const config = loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32) });
    expect(config.metricsEnabled).toBe(false);
    const off = await startTestApp({ nodeEnv: 'production', metricsEnabled: false, metricsToken: undefined });
    try {
      expect((await off.http().get('/metrics')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
