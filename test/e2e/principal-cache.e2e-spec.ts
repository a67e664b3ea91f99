import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRINCIPALS_CHANGED } from '../../src/auth/principal-cache.js';
import { Role } from '../../src/common/access/role.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { eventually } from '../harness/eventually.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signUp('admin@example.org', [Role.ADMIN]);
  await listenerConnection();
});
afterAll(() => t.close());

const codeOf = (response: GraphqlResponse) => response.errors?.[0]?.extensions?.code ?? 'ok';

const ME = graphql(`
  {
    me {
      id
      roles
    }
  }
`);
const REVOKE_ROLE = graphql(`
  mutation ($userId: ID!, $role: Role!) {
    revokeRole(userId: $userId, role: $role) {
      id
    }
  }
`);

const CREATE_KEY = graphql(`
  mutation ($name: String!) {
    createApiKey(input: { name: $name }) {
      key
      apiKey {
        id
      }
    }
  }
`);
const REVOKE_KEY = graphql(`
  mutation ($id: ID!) {
    revokeApiKey(id: $id) {
      id
    }
  }
`);

/** The statements that read a signed-in caller (PrincipalsRepository): the only ones naming revoked_token. */
const callerReads = () => t.queries.filter((sql) => sql.includes('revoked_token')).length;
/** The statements that read an API key's caller, and those that record a key's use. */
const keyReads = () => t.queries.filter((sql) => /FROM api_key k JOIN app_user/.test(sql)).length;
const keyUses = () => t.queries.filter((sql) => sql.includes('SET last_used_at')).length;

async function apiKeyOf(user: SignedInUser, name: string): Promise<{ key: string; id: string }> {
  const { data, errors } = await t.gql(CREATE_KEY, { name }, { token: user.token });
  if (errors) throw new Error(JSON.stringify(errors));
  return { key: data!.createApiKey.key, id: data!.createApiKey.apiKey.id };
}

/** The backend pid of the service's listening connection, waiting up to 5 s for it to be there. */
async function listenerConnection(): Promise<number> {
  for (const started = Date.now(); Date.now() - started < 5000;) {
    const [row] = await t.sql<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
      [`listener:${PRINCIPALS_CHANGED}`],
    );
    if (row) return row.pid;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the service is not listening');
}

/** Asks `me` as `user` until the answer is `wanted` (see eventually). */
const meUntil = (user: SignedInUser, wanted: (answer: GraphqlResponse) => boolean) =>
  eventually(() => t.gql(ME, {}, { token: user.token }), wanted);

describe('signed-in callers kept between requests', () => {
  it('reads a token’s caller once, then answers from what it kept', async () => {
    const user = await t.signUp('kept@example.org', [Role.CURATOR]);
    t.queries.length = 0;
    for (let i = 0; i < 5; i++) expect(codeOf(await t.gql(ME, {}, { token: user.token }))).toBe('ok');
    expect(callerReads()).toBe(1);
  });

  it('forgets on this replica as the change commits: the next request already sees it', async () => {
    const user = await t.signUp('demoted@example.org', [Role.CURATOR, Role.FILER]);
    expect((await t.gql(ME, {}, { token: user.token })).data?.me?.roles).toEqual(['CURATOR', 'FILER']);
    const revoked = await t.gql(REVOKE_ROLE, { userId: user.id, role: 'CURATOR' }, { token: admin.token });
    expect(revoked.errors).toBeUndefined();
    t.queries.length = 0;
    // No wait: the answer to revokeRole left after the kept callers were forgotten.
    const after = await t.gql(ME, {}, { token: user.token });
    expect(after.data?.me?.roles).toEqual(['FILER']);
    expect(callerReads()).toBe(1);
  });

  it('learns of a change made elsewhere (plain SQL, another replica) from the notification', async () => {
    const user = await t.signUp('disabled-elsewhere@example.org', [Role.CURATOR]);
    expect(codeOf(await t.gql(ME, {}, { token: user.token }))).toBe('ok');
    await t.sql(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
    const { answer, ms } = await meUntil(user, (answer) => codeOf(answer) === 'UNAUTHENTICATED');
    expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    expect(ms).toBeLessThan(1000);
  });

  it('reads every caller while its listening connection is gone, and keeps them again once it is back', async () => {
    const user = await t.signUp('outage@example.org', [Role.CURATOR]);
    expect(codeOf(await t.gql(ME, {}, { token: user.token }))).toBe('ok');
    const before = await listenerConnection();
    await t.sql(`SELECT pg_terminate_backend($1)`, [before]);
    // Changed while nobody listens: no notification will ever say so.
    await t.sql(`DELETE FROM user_role WHERE user_id = $1`, [user.id]);
    const { answer } = await meUntil(user, (answer) => answer.data?.me?.roles.length === 0);
    expect(answer.data?.me?.roles).toEqual([]);

    const after = await listenerConnection();
    expect(after).not.toBe(before);
    // Kept again once listening: give the new connection a moment to have run LISTEN.
    await new Promise((resolve) => setTimeout(resolve, 200));
    t.queries.length = 0;
    for (let i = 0; i < 3; i++) await t.gql(ME, {}, { token: user.token });
    expect(callerReads()).toBe(1);
  });

  it('keeps an API key’s caller by the hash of its secret, and records its use once a minute', async () => {
    const user = await t.signUp('integration@example.org', [Role.CURATOR]);
    const { key } = await apiKeyOf(user, 'nightly sync');
    t.queries.length = 0;
    for (let i = 0; i < 5; i++) expect(codeOf(await t.gql(ME, {}, { apiKey: key }))).toBe('ok');
    expect([keyReads(), keyUses()]).toEqual([1, 1]);
    // Recording the use is not a change of the key: it does not empty what was kept.
    await t.sql(`UPDATE api_key SET last_used_at = now() - interval '1 hour'`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    t.queries.length = 0;
    expect(codeOf(await t.gql(ME, {}, { apiKey: key }))).toBe('ok');
    expect(keyReads()).toBe(0);
    // The same prefix with another secret is not the kept key.
    const forged = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(codeOf(await t.gql(ME, {}, { apiKey: forged }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a revoked API key on the next request, revoked here or elsewhere', async () => {
    const user = await t.signUp('revoked-keys@example.org', [Role.CURATOR]);
    const here = await apiKeyOf(user, 'revoked here');
    expect(codeOf(await t.gql(ME, {}, { apiKey: here.key }))).toBe('ok');
    expect((await t.gql(REVOKE_KEY, { id: here.id }, { token: user.token })).errors).toBeUndefined();
    expect(codeOf(await t.gql(ME, {}, { apiKey: here.key }))).toBe('UNAUTHENTICATED');

    const elsewhere = await apiKeyOf(user, 'revoked elsewhere');
    expect(codeOf(await t.gql(ME, {}, { apiKey: elsewhere.key }))).toBe('ok');
    await t.sql(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [elsewhere.id]);
    const { answer, ms } = await eventually(
      () => t.gql(ME, {}, { apiKey: elsewhere.key }),
      (answer) => codeOf(answer) === 'UNAUTHENTICATED',
    );
    expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    expect(ms).toBeLessThan(1000);
  });
});
