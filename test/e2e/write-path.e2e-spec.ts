import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '../../src/auth/users.service.js';
import { systemActor } from '../../src/common/access/audit-actor.js';
import { Role } from '../../src/common/access/role.js';
import { CompaniesService } from '../../src/companies/companies.service.js';
import { Database } from '../../src/database/database.js';
import { companyWithFiler } from '../fixtures/companies.js';
import { regulatorWithMember } from '../fixtures/regulators.js';
import { grantMembership, signedInUser, type SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signedInUser(t, 'write-path-admin@example.org', [Role.ADMIN]);
});
afterAll(() => t.close());

async function eventsSince(id: number): Promise<{ action: string; entity_id: string }[]> {
  return t.sql(`SELECT action, entity_id FROM audit_event WHERE id > $1 ORDER BY id`, [id]);
}

async function lastEventId(): Promise<number> {
  const [{ max }] = await t.sql<{ max: number }>(`SELECT coalesce(max(id), 0)::int AS max FROM audit_event`);
  return max;
}

const GRANT_ROLE = graphql(`
  mutation GrantRole($userId: ID!, $role: Role!) {
    grantRole(userId: $userId, role: $role) {
      roles
    }
  }
`);
const DISABLE_USER = graphql(`
  mutation DisableUser($userId: ID!) {
    disableUser(userId: $userId) {
      disabledAt
    }
  }
`);
const ENABLE_USER = graphql(`
  mutation EnableUser($userId: ID!) {
    enableUser(userId: $userId) {
      disabledAt
    }
  }
`);
const UPDATE_COMPANY = graphql(`
  mutation UpdateCompany($id: ID!, $name: String!) {
    updateCompany(id: $id, input: { name: $name }) {
      name
      updatedAt
    }
  }
`);
const UPDATE_REGULATOR = graphql(`
  mutation UpdateRegulator($id: ID!, $name: String!) {
    updateRegulator(id: $id, input: { name: $name }) {
      name
    }
  }
`);
const CREATE_API_KEY = graphql(`
  mutation CreateApiKey {
    createApiKey(input: { name: "twice revoked" }) {
      apiKey {
        id
      }
    }
  }
`);
const REVOKE_API_KEY = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      revokedAt
    }
  }
`);

describe('a change that changes nothing records nothing', () => {
  it('grants a role once: the second grant answers the same user and writes no event', async () => {
    const user = await signedInUser(t, 'role-twice@example.org');
    const since = await lastEventId();
    const first = await t.gql(GRANT_ROLE, { userId: user.id, role: 'CURATOR' }, { token: admin.token });
    const second = await t.gql(GRANT_ROLE, { userId: user.id, role: 'CURATOR' }, { token: admin.token });
    expect([first.data, second.data]).toEqual([{ grantRole: { roles: ['CURATOR'] } }, first.data]);
    expect(await eventsSince(since)).toEqual([{ action: 'user.grant_role', entity_id: user.id }]);
  });

  it('disables once, and enabling an enabled user writes no event', async () => {
    const user = await signedInUser(t, 'toggle-twice@example.org');
    const since = await lastEventId();
    await t.gql(ENABLE_USER, { userId: user.id }, { token: admin.token });
    await t.gql(DISABLE_USER, { userId: user.id }, { token: admin.token });
    const again = await t.gql(DISABLE_USER, { userId: user.id }, { token: admin.token });
    expect(again.data!.disableUser.disabledAt).not.toBeNull();
    expect((await eventsSince(since)).map((event) => event.action)).toEqual(['user.disable']);
  });

  it('grants a membership once', async () => {
    const { companyId } = await companyWithFiler(t, {
      filerEmail: 'member-twice-filer@example.org',
      name: 'Twice Ltd',
    });
    const user = await signedInUser(t, 'member-twice@example.org', [Role.FILER]);
    const since = await lastEventId();
    await grantMembership(t, admin, user.id, { companyId });
    await grantMembership(t, admin, user.id, { companyId });
    expect((await eventsSince(since)).map((event) => event.action)).toEqual(['user.grant_membership']);
  });

  it('renaming a company or a regulator to its own name changes nothing, not even updatedAt', async () => {
    const { companyId, filer } = await companyWithFiler(t, {
      filerEmail: 'rename-filer@example.org',
      name: 'Same Name',
    });
    const { regulatorId, member } = await regulatorWithMember(t, admin, {
      memberEmail: 'rename-staff@example.org',
      name: 'Same Authority',
      jurisdiction: 'KEN',
    });
    const [before] = await t.sql(`SELECT updated_at FROM company WHERE id = $1`, [companyId]);
    const since = await lastEventId();
    const company = await t.gql(UPDATE_COMPANY, { id: companyId, name: 'Same Name' }, { token: filer.token });
    const regulator = await t.gql(
      UPDATE_REGULATOR,
      { id: regulatorId, name: 'Same Authority' },
      { token: member.token },
    );
    expect(company.data!.updateCompany.name).toBe('Same Name');
    expect(regulator.data!.updateRegulator.name).toBe('Same Authority');
    expect(await eventsSince(since)).toEqual([]);
    expect(await t.sql(`SELECT updated_at FROM company WHERE id = $1`, [companyId])).toEqual([before]);
  });

  it('revokes an API key once', async () => {
    const owner = await signedInUser(t, 'key-twice@example.org');
    const created = await t.gql(CREATE_API_KEY, {}, { token: owner.token });
    const id = created.data!.createApiKey.apiKey.id;
    const since = await lastEventId();
    const first = await t.gql(REVOKE_API_KEY, { id }, { token: owner.token });
    const second = await t.gql(REVOKE_API_KEY, { id }, { token: owner.token });
    expect(second.data).toEqual(first.data);
    expect((await eventsSince(since)).map((event) => event.action)).toEqual(['api_key.revoke']);
  });
});

describe('concurrent changes to one record queue on its lock', () => {
  it('fifty identical grantRole calls at once: one role, one event, fifty equal answers', async () => {
    const user = await signedInUser(t, 'fifty-grants@example.org');
    const since = await lastEventId();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => t.gql(GRANT_ROLE, { userId: user.id, role: 'FILER' }, { token: admin.token })),
    );
    expect(answers.map((answer) => answer.errors)).toEqual(Array(50).fill(undefined));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data)))).toEqual(
      new Set([JSON.stringify({ grantRole: { roles: ['FILER'] } })]),
    );
    expect(await t.sql(`SELECT role FROM user_role WHERE user_id = $1`, [user.id])).toEqual([{ role: 'FILER' }]);
    expect(await eventsSince(since)).toEqual([{ action: 'user.grant_role', entity_id: user.id }]);
  });
});

describe('one transaction across modules', () => {
  it('a company whose registration fails leaves no organisation and no membership behind', async () => {
    const filer = await signedInUser(t, 'no-trace-filer@example.org', [Role.FILER]);
    const counts = () =>
      t.sql(`SELECT (SELECT count(*)::int FROM organization) AS organizations,
                    (SELECT count(*)::int FROM user_membership) AS memberships`);
    const before = await counts();
    const { errors } = await t.gql(
      graphql(`
        mutation RegisterNowhere {
          registerCompany(input: { name: "Nowhere", countryIso3: "XYZ" }) {
            id
          }
        }
      `),
      {},
      { token: filer.token },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.countryIso3' });
    expect(await counts()).toEqual(before);
  });

  it('changes of two modules made in one transaction commit or roll back together, events included', async () => {
    const user = await signedInUser(t, 'composed@example.org');
    const database = t.app.get(Database);
    const users = t.app.get(UsersService);
    const companies = t.app.get(CompaniesService);
    const actor = systemActor('test');
    const since = await lastEventId();

    await expect(
      database.transaction(async (tx) => {
        await users.grantRole(user.id, Role.FILER, actor, tx);
        await companies.register({ name: 'Half Done', countryIso3: 'XYZ' }, actor, false, tx);
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await t.sql(`SELECT role FROM user_role WHERE user_id = $1`, [user.id])).toEqual([]);
    expect(await eventsSince(since)).toEqual([]);

    const company = await database.transaction(async (tx) => {
      await users.grantRole(user.id, Role.FILER, actor, tx);
      return companies.register({ name: 'Whole', countryIso3: 'KEN' }, actor, false, tx);
    });
    expect(await t.sql(`SELECT role FROM user_role WHERE user_id = $1`, [user.id])).toEqual([{ role: 'FILER' }]);
    expect(await eventsSince(since)).toEqual([
      { action: 'user.grant_role', entity_id: user.id },
      { action: 'company.register', entity_id: company.id },
    ]);
  });
});
