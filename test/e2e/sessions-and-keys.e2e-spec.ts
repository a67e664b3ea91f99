import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { Role } from '../../src/common/access/role.js';
import { LOGIN, type SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, TEST_TOKEN_SECRET, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signUp('admin@example.org', [Role.ADMIN]);
});
afterAll(() => t.close());

const codeOf = (response: { errors?: { extensions?: Record<string, any> }[] }) =>
  response.errors?.[0]?.extensions?.code ?? 'ok';

const ME = graphql(`
  {
    me {
      id
      roles
    }
  }
`);
const LOGOUT = graphql(`
  mutation {
    logout
  }
`);
const LOGOUT_EVERYWHERE = graphql(`
  mutation {
    logoutEverywhere
  }
`);
const CREATE_KEY = graphql(`
  mutation ($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        roles
        readOnly
        expiresAt
      }
    }
  }
`);
const RENAME_COMPANY = graphql(`
  mutation ($id: ID!) {
    updateCompany(id: $id, input: { name: "Renamed" }) {
      name
    }
  }
`);
const DISABLE = graphql(`
  mutation ($id: ID!) {
    disableUser(userId: $id) {
      disabledAt
    }
  }
`);
const ENABLE = graphql(`
  mutation ($id: ID!) {
    enableUser(userId: $id) {
      disabledAt
    }
  }
`);

async function signInAgain(user: SignedInUser): Promise<string> {
  const { data, errors } = await t.gql(
    LOGIN,
    { email: user.email, password: user.password },
    { headers: { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.1` } },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.login.token;
}

async function createKey(token: string, input: Record<string, unknown> = {}) {
  const answer = await t.gql(CREATE_KEY, { input: { name: 'k', ...input } }, { token });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data!.createApiKey;
}

describe('sessions', () => {
  it('logout ends the token it was called with, and only that one', async () => {
    const user = await t.signUp('leaving@example.org');
    const other = await signInAgain(user);
    expect(codeOf(await t.gql(LOGOUT, {}, { token: user.token }))).toBe('ok');
    expect(codeOf(await t.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGOUT, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, { token: other })).data!.me!.id).toBe(user.id);
    const events = await t.sql(`SELECT action, actor_user_id FROM audit_event WHERE action = 'auth.logout'`);
    expect(events).toEqual([{ action: 'auth.logout', actor_user_id: user.id }]);
  });

  it('logoutEverywhere ends every token of the user, not those of others nor the API keys', async () => {
    const user = await t.signUp('everywhere@example.org');
    const second = await signInAgain(user);
    const { key } = await createKey(user.token);
    const bystander = await t.signUp('bystander@example.org');
    expect(codeOf(await t.gql(LOGOUT_EVERYWHERE, {}, { token: second }))).toBe('ok');
    expect(codeOf(await t.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, { token: second }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, { apiKey: key }))).toBe('ok');
    expect(codeOf(await t.gql(ME, {}, { token: bystander.token }))).toBe('ok');
    // A new sign-in works.
    expect((await t.gql(ME, {}, { token: await signInAgain(user) })).data!.me!.id).toBe(user.id);
    const [event] = await t.sql(`SELECT before, after FROM audit_event WHERE action = 'user.sign_out_everywhere'`);
    expect(event.after.tokenGeneration).toBe(event.before.tokenGeneration + 1);
  });

  it('keeps tokens issued before disableUser dead after enableUser', async () => {
    const user = await t.signUp('paused@example.org');
    expect(codeOf(await t.gql(DISABLE, { id: user.id }, { token: admin.token }))).toBe('ok');
    expect(codeOf(await t.gql(ENABLE, { id: user.id }, { token: admin.token }))).toBe('ok');
    expect(codeOf(await t.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, { token: await signInAgain(user) })).data!.me!.id).toBe(user.id);
  });

  it('refuses a well-signed token without a generation or an id (issued before revocation existed)', async () => {
    const legacy = await new JwtService().signAsync({ sub: admin.id }, { secret: TEST_TOKEN_SECRET, expiresIn: 600 });
    expect(codeOf(await t.gql(ME, {}, { token: legacy }))).toBe('UNAUTHENTICATED');
  });

  it('refuses logout and logoutEverywhere with an API key', async () => {
    const user = await t.signUp('key-logout@example.org');
    const { key } = await createKey(user.token);
    expect(codeOf(await t.gql(LOGOUT, {}, { apiKey: key }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LOGOUT_EVERYWHERE, {}, { apiKey: key }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ME, {}, { token: user.token }))).toBe('ok');
  });
});

describe('API keys', () => {
  it('are created by a signed-in user only: a key cannot mint a key', async () => {
    const user = await t.signUp('minter@example.org', [Role.CURATOR]);
    const { key } = await createKey(user.token);
    const before = await t.sql(`SELECT count(*)::int AS n FROM api_key`);
    const minted = await t.gql(CREATE_KEY, { input: { name: 'child' } }, { apiKey: key });
    expect(codeOf(minted)).toBe('FORBIDDEN');
    expect(await t.sql(`SELECT count(*)::int AS n FROM api_key`)).toEqual(before);
  });

  it('expire after API_KEY_TTL_DAYS by default, and no later than API_KEY_MAX_TTL_DAYS', async () => {
    const user = await t.signUp('lifetimes@example.org');
    const { apiKey } = await createKey(user.token);
    const days = (new Date(apiKey.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    const tooLong = await t.gql(
      CREATE_KEY,
      { input: { name: 'forever', expiresAt: new Date(Date.now() + 366 * 86_400_000).toISOString() } },
      { token: user.token },
    );
    expect(tooLong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
  });

  it('refuses an expired key with UNAUTHENTICATED', async () => {
    const user = await t.signUp('expired-key@example.org');
    const { key, apiKey } = await createKey(user.token);
    await t.sql(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [apiKey.id]);
    expect(codeOf(await t.gql(ME, {}, { apiKey: key }))).toBe('UNAUTHENTICATED');
  });

  it('run no mutation when read-only, and still read', async () => {
    const filer = await t.signUp('ro-filer@example.org', [Role.FILER]);
    const registered = await t.gql(
      graphql(`
        mutation {
          registerCompany(input: { name: "Read Only Ltd", countryIso3: "KEN" }) {
            id
          }
        }
      `),
      {},
      { token: filer.token },
    );
    const companyId = registered.data!.registerCompany.id;
    const { key, apiKey } = await createKey(filer.token, { readOnly: true });
    expect(apiKey).toMatchObject({ readOnly: true, roles: ['FILER'] });
    const eventsBefore = await t.sql(`SELECT count(*)::int AS n FROM audit_event`);
    expect(codeOf(await t.gql(RENAME_COMPANY, { id: companyId }, { apiKey: key }))).toBe('FORBIDDEN');
    // Not even the public one.
    const login = await t.gql(LOGIN, { email: filer.email, password: filer.password }, { apiKey: key });
    expect(codeOf(login)).toBe('FORBIDDEN');
    expect((await t.gql(ME, {}, { apiKey: key })).data!.me!.id).toBe(filer.id);
    expect(await t.sql(`SELECT name FROM company WHERE id = $1`, [companyId])).toEqual([{ name: 'Read Only Ltd' }]);
    expect(await t.sql(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(eventsBefore);
  });

  it("take roles among their owner's, and never act beyond the owner's current roles", async () => {
    const user = await t.signUp('two-hats@example.org', [Role.CURATOR, Role.FILER]);
    const notHeld = await t.gql(CREATE_KEY, { input: { name: 'admin?', roles: [Role.ADMIN] } }, { token: user.token });
    expect(notHeld.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });

    const filerOnly = await createKey(user.token, { roles: [Role.FILER] });
    expect(filerOnly.apiKey.roles).toEqual(['FILER']);
    const all = await createKey(user.token);
    expect(all.apiKey.roles).toEqual(['CURATOR', 'FILER']);
    const register = graphql(`
      mutation ($name: String!) {
        registerCompany(input: { name: $name, countryIso3: "KEN" }) {
          id
        }
      }
    `);
    expect(codeOf(await t.gql(register, { name: 'Two Hats Ltd' }, { apiKey: filerOnly.key }))).toBe('ok');

    const revoked = await t.gql(
      graphql(`
        mutation ($id: ID!) {
          revokeRole(userId: $id, role: FILER) {
            roles
          }
        }
      `),
      { id: user.id },
      { token: admin.token },
    );
    expect(revoked.data!.revokeRole.roles).toEqual(['CURATOR']);
    expect(codeOf(await t.gql(register, { name: 'After Revocation' }, { apiKey: filerOnly.key }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(register, { name: 'After Revocation' }, { apiKey: all.key }))).toBe('FORBIDDEN');
  });

  it('limit a key to its roles even when the owner holds more', async () => {
    const owner = await t.signUp('narrow@example.org', [Role.ADMIN]);
    const { key } = await createKey(owner.token, { roles: [] });
    const users = graphql(`
      {
        users {
          totalCount
        }
      }
    `);
    expect(codeOf(await t.gql(users, {}, { token: owner.token }))).toBe('ok');
    expect(codeOf(await t.gql(users, {}, { apiKey: key }))).toBe('FORBIDDEN');
  });
});
