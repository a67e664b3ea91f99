import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { Role } from '../../src/common/access/role.js';
import { companyWithFiler } from '../fixtures/companies.js';
import { createRegulator, regulatorWithMember } from '../fixtures/regulators.js';
import { GRANT_MEMBERSHIP, LOGIN, type SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { apiKeySecret } from '../fixtures/api-keys.js';
import { eventually } from '../harness/eventually.js';
import { startTestApp, TEST_TOKEN_SECRET, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signUp('admin@example.org', [Role.ADMIN]);
});
afterAll(() => t.close());

const ME = graphql(`
  {
    me {
      id
      email
      roles
      memberships {
        companyId
        regulatorId
      }
    }
  }
`);
const API_KEYS = graphql(`
  {
    apiKeys {
      id
    }
  }
`);
const codeOf = (response: { errors?: { extensions?: Record<string, any> }[] }) =>
  response.errors?.[0]?.extensions?.code;

describe('sign-in', () => {
  it('signs in with email (any case) and password, and `me` returns the caller with roles', async () => {
    const { data, errors } = await t.gql(
      graphql(`
        mutation {
          login(email: "ADMIN@example.org", password: "password-of-admin@example.org") {
            token
            expiresAt
            user {
              email
              roles
            }
          }
        }
      `),
    );
    expect(errors).toBeUndefined();
    expect(data!.login.user).toEqual({ email: 'admin@example.org', roles: ['ADMIN'] });
    expect(new Date(data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60 * 1000);
    const me = await t.gql(ME, {}, { token: data!.login.token });
    expect(me.data!.me).toMatchObject({ id: admin.id, email: 'admin@example.org', roles: ['ADMIN'], memberships: [] });
  });

  it('answers `me` with null for an anonymous caller', async () => {
    expect((await t.gql(ME)).data).toEqual({ me: null });
  });

  it('gives the same UNAUTHENTICATED answer for a wrong email and a wrong password, in similar time', async () => {
    const attempt = async (email: string, password: string) => {
      const started = performance.now();
      const response = await t.gql(LOGIN, { email, password }, { headers: { 'x-forwarded-for': '198.51.100.20' } });
      return { response, ms: performance.now() - started };
    };
    const wrongEmail = await attempt('nobody@example.org', 'whatever-password');
    const wrongPassword = await attempt('admin@example.org', 'whatever-password');
    expect(codeOf(wrongEmail.response)).toBe('UNAUTHENTICATED');
    expect(wrongEmail.response.errors![0].message).toBe(wrongPassword.response.errors![0].message);
    // Both run one scrypt verification; a missing one would make the unknown email answer in ~1 ms.
    expect(wrongEmail.ms).toBeGreaterThan(wrongPassword.ms / 3);
  });
});

describe('tokens and keys are checked on every request', () => {
  const jwt = new JwtService();

  it('refuses an expired token', async () => {
    const expired = await jwt.signAsync(
      { sub: admin.id, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 },
      { secret: TEST_TOKEN_SECRET },
    );
    const response = await t.gql(API_KEYS, {}, { token: expired });
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.errors![0].message).toMatch(/expired/);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await jwt.signAsync(
      { sub: admin.id },
      { secret: 'another-secret-of-the-same-length-0123456789', expiresIn: 600 },
    );
    expect(codeOf(await t.gql(API_KEYS, {}, { token: forged }))).toBe('UNAUTHENTICATED');
  });

  it('refuses garbage in the Authorization header', async () => {
    expect(codeOf(await t.gql(API_KEYS, {}, { headers: { authorization: 'Basic abc' } }))).toBe('UNAUTHENTICATED');
  });

  it('creates an API key shown once, uses it, and refuses it once revoked', async () => {
    const filer = await t.signUp('keys@example.org', [Role.FILER]);
    const created = await t.gql(
      graphql(`
        mutation {
          createApiKey(input: { name: "filing system" }) {
            key
            apiKey {
              id
              name
              prefix
              lastUsedAt
            }
          }
        }
      `),
      {},
      { token: filer.token },
    );
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data!.createApiKey;
    expect(key.startsWith(apiKey.prefix + '_')).toBe(true);
    const [stored] = await t.sql(`SELECT secret_hash FROM api_key WHERE id = $1`, [apiKey.id]);
    expect(stored.secret_hash).not.toContain(apiKeySecret(key));

    const viaKey = await t.gql(
      graphql(`
        {
          me {
            email
          }
          apiKeys {
            id
            lastUsedAt
          }
        }
      `),
      {},
      { apiKey: key },
    );
    expect(viaKey.data!.me!.email).toBe('keys@example.org');
    expect(viaKey.data!.apiKeys[0].lastUsedAt).not.toBeNull();
    // X-API-Key works as well as the Authorization scheme.
    expect((await t.gql(API_KEYS, {}, { headers: { 'x-api-key': key } })).errors).toBeUndefined();

    const revoked = await t.gql(
      graphql(`
        mutation ($id: ID!) {
          revokeApiKey(id: $id) {
            revokedAt
          }
        }
      `),
      { id: apiKey.id },
      { token: filer.token },
    );
    expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();
    expect(codeOf(await t.gql(API_KEYS, {}, { apiKey: key }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a key past its expiry, and an expiry in the past at creation', async () => {
    const user = await t.signUp('expiring@example.org');
    const past = await t.gql(
      graphql(`
        mutation ($at: DateTime!) {
          createApiKey(input: { name: "old", expiresAt: $at }) {
            key
          }
        }
      `),
      { at: new Date(Date.now() - 1000).toISOString() },
      { token: user.token },
    );
    expect(past.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    const { data } = await t.gql(
      graphql(`
        mutation ($at: DateTime!) {
          createApiKey(input: { name: "short-lived", expiresAt: $at }) {
            key
            apiKey {
              id
              expiresAt
            }
          }
        }
      `),
      { at: new Date(Date.now() + 3600_000).toISOString() },
      { token: user.token },
    );
    const { key, apiKey } = data!.createApiKey;
    expect((await t.gql(API_KEYS, {}, { apiKey: key })).errors).toBeUndefined();
    // Moved back in plain SQL, as from elsewhere: the kept caller is forgotten when the notification arrives.
    await t.sql(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [apiKey.id]);
    const { answer, ms } = await eventually(
      () => t.gql(API_KEYS, {}, { apiKey: key }),
      (answer) => codeOf(answer) === 'UNAUTHENTICATED',
    );
    expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    expect(ms).toBeLessThan(1000);
  });

  it("refuses another user's attempt to revoke a key", async () => {
    const owner = await t.signUp('owner@example.org');
    const other = await t.signUp('other@example.org');
    const { data } = await t.gql(
      graphql(`
        mutation {
          createApiKey(input: { name: "mine" }) {
            apiKey {
              id
            }
          }
        }
      `),
      {},
      { token: owner.token },
    );
    const attempt = await t.gql(
      graphql(`
        mutation ($id: ID!) {
          revokeApiKey(id: $id) {
            id
          }
        }
      `),
      { id: data!.createApiKey.apiKey.id },
      { token: other.token },
    );
    expect(codeOf(attempt)).toBe('NOT_FOUND');
  });

  it("stops a disabled user's token and API key at once", async () => {
    const user = await t.signUp('soon-disabled@example.org', [Role.CURATOR]);
    const { data } = await t.gql(
      graphql(`
        mutation {
          createApiKey(input: { name: "k" }) {
            key
          }
        }
      `),
      {},
      { token: user.token },
    );
    const key = data!.createApiKey.key;
    expect((await t.gql(API_KEYS, {}, { token: user.token })).errors).toBeUndefined();

    const disabled = await t.gql(
      graphql(`
        mutation ($id: ID!) {
          disableUser(userId: $id) {
            disabledAt
          }
        }
      `),
      { id: user.id },
      { token: admin.token },
    );
    expect(disabled.data!.disableUser.disabledAt).not.toBeNull();
    expect(codeOf(await t.gql(API_KEYS, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(API_KEYS, {}, { apiKey: key }))).toBe('UNAUTHENTICATED');
    const login = await t.gql(LOGIN, { email: 'soon-disabled@example.org', password: user.password });
    expect(codeOf(login)).toBe('UNAUTHENTICATED');
  });
});

describe('roles and scope', () => {
  let companyA: string;
  let companyB: string;
  let filerA: SignedInUser;
  let regulatorX: string;
  let regulatorY: string;
  let staffX: SignedInUser;
  let curator: SignedInUser;

  beforeAll(async () => {
    ({ companyId: companyA, filer: filerA } = await companyWithFiler(t, {
      filerEmail: 'filer-a@example.org',
      name: 'Company A',
    }));
    ({ companyId: companyB } = await companyWithFiler(t, { filerEmail: 'filer-b@example.org', name: 'Company B' }));
    ({ regulatorId: regulatorX, member: staffX } = await regulatorWithMember(t, admin, {
      memberEmail: 'staff-x@example.org',
      name: 'Regulator X',
      jurisdiction: 'FRA',
    }));
    regulatorY = await createRegulator(t, admin, { name: 'Regulator Y', jurisdiction: 'EU' });
    curator = await t.signUp('curator@example.org', [Role.CURATOR]);
  });

  const updateCompany = (token: string, id: string, name: string) =>
    t.gql(
      graphql(`
        mutation ($id: ID!, $name: String!) {
          updateCompany(id: $id, input: { name: $name }) {
            name
          }
        }
      `),
      { id, name },
      { token },
    );
  const updateRegulator = (token: string, id: string, name: string) =>
    t.gql(
      graphql(`
        mutation ($id: ID!, $name: String!) {
          updateRegulator(id: $id, input: { name: $name }) {
            name
          }
        }
      `),
      { id, name },
      { token },
    );

  it('makes the filer who registers a company its member', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          me {
            memberships {
              companyId
              company {
                name
              }
            }
          }
        }
      `),
      {},
      { token: filerA.token },
    );
    expect(data!.me!.memberships).toEqual([{ companyId: companyA, company: { name: 'Company A' } }]);
  });

  it('lets a filer change their own company and refuses company B with FORBIDDEN', async () => {
    expect((await updateCompany(filerA.token, companyA, 'Company A Ltd')).data).toEqual({
      updateCompany: { name: 'Company A Ltd' },
    });
    const refused = await updateCompany(filerA.token, companyB, 'Hijacked');
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const [row] = await t.sql(`SELECT name FROM company WHERE id = $1`, [companyB]);
    expect(row.name).toBe('Company B');
  });

  it('lets regulator staff change their regulator and refuses another regulator with FORBIDDEN', async () => {
    expect((await updateRegulator(staffX.token, regulatorX, 'Regulator X (renamed)')).errors).toBeUndefined();
    expect(codeOf(await updateRegulator(staffX.token, regulatorY, 'Hijacked'))).toBe('FORBIDDEN');
    const { data } = await t.gql(
      graphql(`
        query ($id: ID!) {
          regulator(id: $id) {
            name
          }
        }
      `),
      { id: regulatorY },
    );
    expect(data!.regulator!.name).toBe('Regulator Y');
  });

  it('refuses a curator the admin mutations and company- or regulator-scoped changes', async () => {
    const someone = await t.signUp('someone@example.org');
    const attempts = [
      t.gql(
        graphql(`
          mutation ($id: ID!) {
            grantRole(userId: $id, role: ADMIN) {
              id
            }
          }
        `),
        { id: curator.id },
        { token: curator.token },
      ),
      t.gql(
        graphql(`
          mutation ($id: ID!) {
            revokeRole(userId: $id, role: ADMIN) {
              id
            }
          }
        `),
        { id: admin.id },
        { token: curator.token },
      ),
      t.gql(
        graphql(`
          mutation ($id: ID!) {
            disableUser(userId: $id) {
              id
            }
          }
        `),
        { id: someone.id },
        { token: curator.token },
      ),
      t.gql(
        graphql(`
          mutation {
            createUser(input: { email: "new@example.org", password: "a-long-password-1", roles: [ADMIN] }) {
              id
            }
          }
        `),
        {},
        {
          token: curator.token,
        },
      ),
      t.gql(GRANT_MEMBERSHIP, { input: { userId: curator.id, companyId: companyA } }, { token: curator.token }),
      updateCompany(curator.token, companyA, 'By a curator'),
      updateRegulator(curator.token, regulatorX, 'By a curator'),
      t.gql(
        graphql(`
          {
            users {
              totalCount
            }
          }
        `),
        {},
        { token: curator.token },
      ),
      t.gql(
        graphql(`
          {
            auditEvents {
              totalCount
            }
          }
        `),
        {},
        { token: curator.token },
      ),
    ];
    for (const response of await Promise.all(attempts)) expect(codeOf(response)).toBe('FORBIDDEN');
    const [{ roles }] = await t.sql(`SELECT array_agg(role) AS roles FROM user_role WHERE user_id = $1`, [curator.id]);
    expect(roles).toEqual(['CURATOR']);
  });

  it('lets an admin act on any company and grant roles', async () => {
    expect((await updateCompany(admin.token, companyB, 'Company B plc')).errors).toBeUndefined();
    const granted = await t.gql(
      graphql(`
        mutation ($id: ID!) {
          grantRole(userId: $id, role: FILER) {
            roles
          }
        }
      `),
      { id: curator.id },
      { token: admin.token },
    );
    expect(granted.data!.grantRole.roles).toEqual(['CURATOR', 'FILER']);
  });

  it('runs the same createUser operation twice with roles left out (graphql-jit compiles it the second time)', async () => {
    const create = graphql(`
      mutation ($input: CreateUserInput!) {
        createUser(input: $input) {
          roles
        }
      }
    `);
    for (const email of ['no-roles-1@example.org', 'no-roles-2@example.org']) {
      const answer = await t.gql(create, { input: { email, password: 'a-long-password-1' } }, { token: admin.token });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.createUser.roles).toEqual([]);
    }
  });

  it('reports bad input on admin mutations with the field named, changing nothing', async () => {
    const duplicate = await t.gql(
      graphql(`
        mutation {
          createUser(input: { email: "Filer-A@example.org", password: "a-long-password-1" }) {
            id
          }
        }
      `),
      {},
      { token: admin.token },
    );
    expect(codeOf(duplicate)).toBe('CONFLICT');
    const short = await t.gql(
      graphql(`
        mutation {
          createUser(input: { email: "x@example.org", password: "short" }) {
            id
          }
        }
      `),
      {},
      {
        token: admin.token,
      },
    );
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const both = await t.gql(
      GRANT_MEMBERSHIP,
      { input: { userId: filerA.id, companyId: companyB, regulatorId: regulatorX } },
      { token: admin.token },
    );
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM app_user WHERE email IN ('x@example.org')`);
    expect(count).toBe(0);
  });
});
