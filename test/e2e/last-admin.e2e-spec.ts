import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const codeOf = (response: { errors?: { extensions?: Record<string, any> }[] }) =>
  response.errors?.[0]?.extensions?.code ?? 'ok';

const REVOKE_ADMIN = graphql(`
  mutation ($id: ID!) {
    revokeRole(userId: $id, role: ADMIN) {
      roles
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
const revokeAdmin = (by: SignedInUser, of: SignedInUser) => t.gql(REVOKE_ADMIN, { id: of.id }, { token: by.token });
const disable = (by: SignedInUser, of: SignedInUser) => t.gql(DISABLE, { id: of.id }, { token: by.token });

/** Admins who are not disabled, as stored. */
async function activeAdmins(): Promise<string[]> {
  const rows = await t.sql<{ email: string }>(
    `SELECT u.email FROM user_role r JOIN app_user u ON u.id = r.user_id
     WHERE r.role = 'ADMIN' AND u.disabled_at IS NULL ORDER BY u.email`,
  );
  return rows.map((row) => row.email);
}
const eventCount = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_event`))[0].n as number;

describe('the last active admin', () => {
  let only: SignedInUser;
  beforeAll(async () => {
    only = await t.signUp('only-admin@example.org', [Role.ADMIN]);
  });

  it('cannot revoke their own ADMIN: CONFLICT, nothing changed, no event', async () => {
    const events = await eventCount();
    const answer = await revokeAdmin(only, only);
    expect(codeOf(answer)).toBe('CONFLICT');
    expect(answer.errors![0].message).toMatch(/last active admin/);
    expect(await activeAdmins()).toEqual(['only-admin@example.org']);
    expect(await eventCount()).toBe(events);
  });

  it('cannot disable themselves: CONFLICT, nothing changed, no event, the token still works', async () => {
    const events = await eventCount();
    expect(codeOf(await disable(only, only))).toBe('CONFLICT');
    expect(await activeAdmins()).toEqual(['only-admin@example.org']);
    expect(await eventCount()).toBe(events);
    expect(codeOf(await revokeAdmin(only, await t.signUp('not-an-admin@example.org')))).toBe('ok');
  });

  it('can step down once another admin is active', async () => {
    const second = await t.signUp('second-admin@example.org', [Role.ADMIN]);
    expect(codeOf(await revokeAdmin(second, second))).toBe('ok');
    expect(await activeAdmins()).toEqual(['only-admin@example.org']);
  });

  it('counts a disabled admin as gone', async () => {
    const dormant = await t.signUp('dormant-admin@example.org', [Role.ADMIN]);
    expect(codeOf(await disable(only, dormant))).toBe('ok');
    expect(codeOf(await revokeAdmin(only, only))).toBe('CONFLICT');
  });
});

describe('two admins removing each other at once', () => {
  it.each([
    ['revoking ADMIN', revokeAdmin],
    ['disabling', disable],
  ])('leaves one admin when they are %s', async (what, remove) => {
    // Alone among admins: every admin of earlier tests steps down first.
    const a = await t.signUp(`a-${what.replace(/\W/g, '')}@example.org`, [Role.ADMIN]);
    const b = await t.signUp(`b-${what.replace(/\W/g, '')}@example.org`, [Role.ADMIN]);
    for (const email of await activeAdmins()) {
      if (email === a.email || email === b.email) continue;
      const [{ id }] = await t.sql(`SELECT id FROM app_user WHERE email = $1`, [email]);
      expect(codeOf(await t.gql(REVOKE_ADMIN, { id }, { token: a.token }))).toBe('ok');
    }
    expect(await activeAdmins()).toEqual([a.email, b.email]);

    for (let round = 0; round < 5; round += 1) {
      const answers = await Promise.all([remove(a, b), remove(b, a)]);
      const outcomes = answers.map(codeOf).sort();
      const left = await activeAdmins();
      expect(left).toHaveLength(1);
      // The one who won is refused nothing; the other either lost the race (CONFLICT) or was already removed.
      expect(outcomes[0]).toMatch(/^(CONFLICT|UNAUTHENTICATED|FORBIDDEN)$/);
      expect(outcomes[1]).toBe('ok');
      // Put the removed one back for the next round.
      const [winner, loser] = left[0] === a.email ? [a, b] : [b, a];
      const restore = graphql(`
        mutation ($id: ID!) {
          enableUser(userId: $id) {
            id
          }
          grantRole(userId: $id, role: ADMIN) {
            id
          }
        }
      `);
      expect(codeOf(await t.gql(restore, { id: loser.id }, { token: winner.token }))).toBe('ok');
      if (what === 'disabling') {
        // Disabling ended the loser's tokens for good.
        const { data } = await t.gql(
          graphql(`
            mutation ($email: String!, $password: String!) {
              login(email: $email, password: $password) {
                token
              }
            }
          `),
          { email: loser.email, password: loser.password },
          { headers: { 'x-forwarded-for': `10.77.${round}.${what.length}` } },
        );
        loser.token = data!.login.token;
      }
      expect(await activeAdmins()).toEqual([a.email, b.email]);
    }
  });
});
