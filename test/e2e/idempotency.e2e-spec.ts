import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql, queryText } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let filer: SignedInUser;
let admin: SignedInUser;
beforeAll(async () => {
  t = await startTestApp();
  filer = await t.signUp('retrying-filer@example.org', [Role.FILER]);
  admin = await t.signUp('retrying-admin@example.org', [Role.ADMIN]);
});
afterAll(() => t.close());

const REGISTER_COMPANY = graphql(`
  mutation RegisterCompany($input: RegisterCompanyInput!) {
    registerCompany(input: $input) {
      id
      name
      createdAt
    }
  }
`);

const CREATE_REGULATOR = graphql(`
  mutation CreateRegulator($input: CreateRegulatorInput!) {
    createRegulator(input: $input) {
      id
      name
    }
  }
`);

/** Posts with raw supertest to see the status and headers as well as the body. */
function post(document: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  let req = t.http().post('/graphql').set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return req.send({ query: document, variables });
}

const companiesNamed = async (name: string) =>
  (await t.sql(`SELECT count(*)::int AS n FROM company WHERE name = $1`, [name]))[0].n as number;

describe('Idempotency-Key on mutations', () => {
  it('50 concurrent registerCompany with one key: one company, one audit event, 50 identical answers', async () => {
    const variables = { input: { name: 'Once Only AI', countryIso3: 'KEN' } };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        post(queryText(REGISTER_COMPANY), variables, {
          authorization: `Bearer ${filer.token}`,
          'idempotency-key': 'register-once-only-ai',
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    expect(answers[0].body.errors).toBeUndefined();
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotency-replayed'] === 'true')).toHaveLength(49);
    expect(await companiesNamed('Once Only AI')).toBe(1);
    const events = await t.sql(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'company.register'`);
    expect(events[0].n).toBe(1);
    // The filer became a member once.
    const id = answers[0].body.data.registerCompany.id as string;
    const members = await t.sql(`SELECT count(*)::int AS n FROM user_membership WHERE organization_id = $1`, [id]);
    expect(members[0].n).toBe(1);
  });

  it('a later retry gets the first answer; the same key with other variables is CONFLICT and changes nothing', async () => {
    const headers = { authorization: `Bearer ${filer.token}`, 'idempotency-key': 'f3a1c2d4-retry-later' };
    const first = await post(queryText(REGISTER_COMPANY), { input: { name: 'Retry AI', countryIso3: 'FRA' } }, headers);
    expect(first.body.errors).toBeUndefined();
    // Same request, variables in another key order and the document reformatted: the same request.
    const again = await post(
      queryText(REGISTER_COMPANY).replace(/\s+/g, ' '),
      { input: { countryIso3: 'FRA', name: 'Retry AI' } },
      headers,
    );
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotency-replayed']).toBe('true');

    const other = await post(queryText(REGISTER_COMPANY), { input: { name: 'Other AI', countryIso3: 'FRA' } }, headers);
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'CONFLICT', field: 'Idempotency-Key' } }],
    });
    expect(await companiesNamed('Other AI')).toBe(0);
    expect(await companiesNamed('Retry AI')).toBe(1);
  });

  it('keys are per caller: another user (or an API key) with the same key runs its own request', async () => {
    const second = await t.signUp('second-filer@example.org', [Role.FILER]);
    const variables = { input: { name: 'Shared Key AI', countryIso3: 'KEN' } };
    const key = { 'idempotency-key': 'shared-key' };
    const one = await post(queryText(REGISTER_COMPANY), variables, { ...key, authorization: `Bearer ${filer.token}` });
    const two = await post(queryText(REGISTER_COMPANY), variables, { ...key, authorization: `Bearer ${second.token}` });
    const created = await t.gql(
      graphql(`
        mutation CreateKey($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            key
          }
        }
      `),
      { input: { name: 'retrying system' } },
      { token: second.token },
    );
    const apiKey = created.data!.createApiKey.key;
    const three = await post(queryText(REGISTER_COMPANY), variables, { ...key, authorization: `ApiKey ${apiKey}` });
    const ids = [one, two, three].map((answer) => answer.body.data.registerCompany.id as string);
    expect(new Set(ids).size).toBe(3);
    expect(await companiesNamed('Shared Key AI')).toBe(3);
  });

  it('stores a refusal that would repeat (BAD_USER_INPUT) but frees the key after one that may not (FORBIDDEN)', async () => {
    const headers = { authorization: `Bearer ${filer.token}`, 'idempotency-key': 'bad-country' };
    const bad = await post(queryText(REGISTER_COMPANY), { input: { name: 'Nowhere AI', countryIso3: 'XXX' } }, headers);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const replayed = await post(
      queryText(REGISTER_COMPANY),
      { input: { name: 'Nowhere AI', countryIso3: 'XXX' } },
      headers,
    );
    expect(replayed.headers['idempotency-replayed']).toBe('true');

    // A filer may not create a regulator; after an admin's grant (here: the admin retrying) the key is free again.
    const variables = { input: { name: 'Retry Authority', jurisdiction: 'KEN' } };
    const refused = await post(queryText(CREATE_REGULATOR), variables, {
      authorization: `Bearer ${filer.token}`,
      'idempotency-key': 'regulator-1',
    });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const stored = await t.sql(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = 'regulator-1'`);
    expect(stored[0].n).toBe(0);
  });

  it('refuses a malformed key with BAD_USER_INPUT naming the header, before anything runs', async () => {
    for (const key of ['', 'has spaces', 'x'.repeat(256), 'naïve']) {
      const answer = await post(
        queryText(REGISTER_COMPANY),
        { input: { name: 'Malformed Key AI', countryIso3: 'KEN' } },
        { authorization: `Bearer ${filer.token}`, 'idempotency-key': key },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    }
    expect(await companiesNamed('Malformed Key AI')).toBe(0);
  });

  it('is not accepted on mutations whose answer holds a secret (login, createApiKey)', async () => {
    const answer = await post(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: filer.email, p: filer.password },
      { 'idempotency-key': 'login-1' },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/^Idempotency-Key is not accepted on login/);
  });

  it('queries ignore the header, even a malformed one', async () => {
    const answer = await post('{ country(iso3: "KEN") { iso3 } }', {}, { 'idempotency-key': 'not valid at all' });
    expect(answer.status).toBe(200);
    expect(answer.body.data.country.iso3).toBe('KEN');
    const stored = await t.sql(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = 'not valid at all'`);
    expect(stored[0].n).toBe(0);
  });

  it('keeps keys 24 hours; an expired key is purged and may be used again', async () => {
    const headers = { authorization: `Bearer ${admin.token}`, 'idempotency-key': 'expiring' };
    const first = await post(
      queryText(CREATE_REGULATOR),
      { input: { name: 'First Expiring', jurisdiction: 'GHA' } },
      headers,
    );
    expect(first.body.errors).toBeUndefined();
    const [row] = await t.sql(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600) AS hours FROM idempotency_key WHERE key = 'expiring'`,
    );
    expect(Number(row.hours)).toBe(24);
    await t.sql(`UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = 'expiring'`);
    const later = await post(
      queryText(CREATE_REGULATOR),
      { input: { name: 'Second Expiring', jurisdiction: 'GHA' } },
      headers,
    );
    expect(later.body.errors).toBeUndefined();
    expect(later.headers['idempotency-replayed']).toBeUndefined();
    const { IdempotencyKeysRepository } = await import('../../src/idempotency/idempotency-keys.repository.js');
    await t.sql(`UPDATE idempotency_key SET expires_at = now() - interval '1 second'`);
    expect(await t.app.get(IdempotencyKeysRepository).purgeExpired()).toBeGreaterThan(0);
    expect(await t.sql(`SELECT * FROM idempotency_key`)).toEqual([]);
  });
});

describe('regulator names', () => {
  it('are unique per jurisdiction ignoring case and spacing: CONFLICT, in the API and the database', async () => {
    const create = (name: string, jurisdiction: string) =>
      t.gql(CREATE_REGULATOR, { input: { name, jurisdiction } }, { token: admin.token });
    const first = await create('Data Protection Authority', 'NGA');
    expect(first.errors).toBeUndefined();
    const again = await create('  data   protection AUTHORITY ', 'nga');
    expect(again.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect((await create('Data Protection Authority', 'ZAF')).errors).toBeUndefined();
    // A rename onto another's name is refused too.
    const other = await create('Communications Authority', 'NGA');
    const rename = await t.gql(
      graphql(`
        mutation RenameRegulator($id: ID!, $input: UpdateRegulatorInput!) {
          updateRegulator(id: $id, input: $input) {
            name
          }
        }
      `),
      { id: other.data!.createRegulator.id, input: { name: 'DATA PROTECTION AUTHORITY' } },
      { token: admin.token },
    );
    expect(rename.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(
      t.sql(
        `INSERT INTO organization (id, kind) VALUES ('00000000-0000-4000-8000-000000000001', 'regulator');
         INSERT INTO regulator (id, name, jurisdiction) VALUES ('00000000-0000-4000-8000-000000000001', 'data protection  authority', 'NGA')`,
      ),
    ).rejects.toThrow(/UQ_regulator_jurisdiction_name/);
  });
});
