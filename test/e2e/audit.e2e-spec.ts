import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { graphql, type TadaDocumentNode } from '../graphql/graphql.js';
import { apiKeySecret } from '../fixtures/api-keys.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: { id: string; token: string };
beforeAll(async () => {
  // Everything the app logs is kept, at the most verbose level, to search it for secrets.
  t = await startTestApp({ logLevel: 'trace' });
  admin = await t.signUp('audit-admin@example.org', [Role.ADMIN]);
});
afterAll(() => t.close());

interface StoredEvent {
  action: string;
  entity_type: string;
  entity_id: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  before: any;
  after: any;
  request_id: string | null;
}

async function lastEventId(): Promise<number> {
  const [{ max }] = await t.sql(`SELECT coalesce(max(id), 0)::int AS max FROM audit_event`);
  return max;
}

/** Runs a mutation and returns its answer and the audit events it left. */
async function audited<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: NoInfer<Variables>,
  auth: { token?: string; apiKey?: string },
) {
  const since = await lastEventId();
  // Checked against the document by this function's signature; t.gql's check cannot be resolved for a generic one.
  const response = await t.gql(document as TadaDocumentNode<Result, any>, variables, {
    ...auth,
    headers: { 'x-request-id': `audit-${since}` },
  });
  const events = await t.sql<StoredEvent>(`SELECT * FROM audit_event WHERE id > $1 ORDER BY id`, [since]);
  return { response, events };
}

describe('every data-changing mutation leaves exactly one audit event', () => {
  let filer: { id: string; token: string };
  let companyId: string;
  let regulatorId: string;
  let membershipId: string;
  let apiKeyId: string;

  beforeAll(async () => {
    filer = await t.signUp('audit-filer@example.org', [Role.FILER]);
  });

  it('createUser: actor, action, no before, the user after without the password', async () => {
    const { response, events } = await audited(
      graphql(`
        mutation {
          createUser(input: { email: "made@example.org", password: "made-password-123", roles: [CURATOR] }) {
            id
          }
        }
      `),
      {},
      { token: admin.token },
    );
    expect(response.errors).toBeUndefined();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.create',
      entity_type: 'user',
      entity_id: response.data!.createUser.id,
      actor_user_id: admin.id,
      actor_api_key_id: null,
      before: null,
      after: { email: 'made@example.org', roles: ['CURATOR'] },
    });
    expect(events[0].request_id).toMatch(/^audit-/);
    expect(JSON.stringify(events[0])).not.toMatch(/password|made-password-123|scrypt/i);
  });

  it('grantRole and revokeRole: before and after show the change', async () => {
    const granted = await audited(
      graphql(`
        mutation ($id: ID!) {
          grantRole(userId: $id, role: REGULATOR) {
            id
          }
        }
      `),
      { id: filer.id },
      { token: admin.token },
    );
    expect(granted.events).toHaveLength(1);
    expect(granted.events[0].before.roles).toEqual(['FILER']);
    expect(granted.events[0].after.roles).toEqual(['FILER', 'REGULATOR']);
    const revoked = await audited(
      graphql(`
        mutation ($id: ID!) {
          revokeRole(userId: $id, role: REGULATOR) {
            id
          }
        }
      `),
      { id: filer.id },
      { token: admin.token },
    );
    expect(revoked.events).toHaveLength(1);
    expect(revoked.events[0]).toMatchObject({
      action: 'user.revoke_role',
      before: { roles: ['FILER', 'REGULATOR'] },
      after: { roles: ['FILER'] },
    });
  });

  it('registerCompany and updateCompany, acting as the filer', async () => {
    const registered = await audited(
      graphql(`
        mutation {
          registerCompany(input: { name: "Audited Co", countryIso3: "BRA" }) {
            id
          }
        }
      `),
      {},
      { token: filer.token },
    );
    companyId = registered.response.data!.registerCompany.id;
    expect(registered.events).toHaveLength(1);
    expect(registered.events[0]).toMatchObject({
      action: 'company.register',
      entity_id: companyId,
      actor_user_id: filer.id,
      before: null,
      after: { name: 'Audited Co', countryIso3: 'BRA', memberUserIds: [filer.id] },
    });
    const updated = await audited(
      graphql(`
        mutation ($id: ID!) {
          updateCompany(id: $id, input: { name: "Audited Company" }) {
            name
          }
        }
      `),
      { id: companyId },
      { token: filer.token },
    );
    expect(updated.events).toHaveLength(1);
    expect(updated.events[0]).toMatchObject({
      action: 'company.update',
      before: { name: 'Audited Co' },
      after: { name: 'Audited Company' },
    });
  });

  it('createRegulator, grantMembership, updateRegulator, revokeMembership', async () => {
    const created = await audited(
      graphql(`
        mutation {
          createRegulator(input: { name: "Audit Authority", jurisdiction: "DEU" }) {
            id
          }
        }
      `),
      {},
      { token: admin.token },
    );
    regulatorId = created.response.data!.createRegulator.id;
    expect(created.events).toMatchObject([
      { action: 'regulator.create', entity_id: regulatorId, after: { jurisdiction: 'DEU' } },
    ]);

    const granted = await audited(
      graphql(`
        mutation ($input: GrantMembershipInput!) {
          grantMembership(input: $input) {
            memberships {
              id
              regulatorId
            }
          }
        }
      `),
      { input: { userId: filer.id, regulatorId } },
      { token: admin.token },
    );
    expect(granted.events).toHaveLength(1);
    membershipId = granted.response.data!.grantMembership.memberships.find((m) => m.regulatorId === regulatorId)!.id;
    expect(granted.events[0].after.memberships).toHaveLength(2);

    await t.gql(
      graphql(`
        mutation ($id: ID!) {
          grantRole(userId: $id, role: REGULATOR) {
            id
          }
        }
      `),
      { id: filer.id },
      { token: admin.token },
    );
    const filerToken = filer.token;
    const renamed = await audited(
      graphql(`
        mutation ($id: ID!) {
          updateRegulator(id: $id, input: { name: "Audit Authority (DE)" }) {
            id
          }
        }
      `),
      { id: regulatorId },
      { token: filerToken },
    );
    expect(renamed.events).toMatchObject([
      { action: 'regulator.update', actor_user_id: filer.id, after: { name: 'Audit Authority (DE)' } },
    ]);

    const revoked = await audited(
      graphql(`
        mutation ($id: ID!) {
          revokeMembership(id: $id) {
            id
          }
        }
      `),
      { id: membershipId },
      { token: admin.token },
    );
    expect(revoked.events).toHaveLength(1);
    expect(revoked.events[0].after.memberships).toHaveLength(1);
  });

  it('createApiKey and revokeApiKey; a change made through the key names the key', async () => {
    const created = await audited(
      graphql(`
        mutation {
          createApiKey(input: { name: "ci" }) {
            key
            apiKey {
              id
            }
          }
        }
      `),
      {},
      { token: filer.token },
    );
    apiKeyId = created.response.data!.createApiKey.apiKey.id;
    const key = created.response.data!.createApiKey.key;
    expect(created.events).toMatchObject([{ action: 'api_key.create', entity_id: apiKeyId, actor_user_id: filer.id }]);
    expect(JSON.stringify(created.events)).not.toContain(apiKeySecret(key));

    const viaKey = await audited(
      graphql(`
        mutation ($id: ID!) {
          updateCompany(id: $id, input: { name: "Renamed by key" }) {
            id
          }
        }
      `),
      { id: companyId },
      { apiKey: key },
    );
    expect(viaKey.events).toMatchObject([{ actor_user_id: filer.id, actor_api_key_id: apiKeyId }]);

    const revoked = await audited(
      graphql(`
        mutation ($id: ID!) {
          revokeApiKey(id: $id) {
            id
          }
        }
      `),
      { id: apiKeyId },
      { token: filer.token },
    );
    expect(revoked.events).toHaveLength(1);
    expect(revoked.events[0].before.revokedAt).toBeNull();
    expect(revoked.events[0].after.revokedAt).not.toBeNull();
  });

  it('disableUser and enableUser', async () => {
    const user = await t.signUp('audit-toggle@example.org');
    const disabled = await audited(
      graphql(`
        mutation ($id: ID!) {
          disableUser(userId: $id) {
            id
          }
        }
      `),
      { id: user.id },
      { token: admin.token },
    );
    expect(disabled.events).toMatchObject([{ action: 'user.disable', before: { disabledAt: null } }]);
    expect(disabled.events[0].after.disabledAt).not.toBeNull();
    const enabled = await audited(
      graphql(`
        mutation ($id: ID!) {
          enableUser(userId: $id) {
            id
          }
        }
      `),
      { id: user.id },
      { token: admin.token },
    );
    expect(enabled.events).toMatchObject([{ action: 'user.enable', after: { disabledAt: null } }]);
  });

  it('a refused or failed mutation leaves no event and changes nothing', async () => {
    const forbidden = await audited(
      graphql(`
        mutation {
          createRegulator(input: { name: "No", jurisdiction: "FRA" }) {
            id
          }
        }
      `),
      {},
      { token: filer.token },
    );
    expect(forbidden.response.errors![0].extensions!.code).toBe('FORBIDDEN');
    const conflict = await audited(
      graphql(`
        mutation {
          createUser(input: { email: "MADE@example.org", password: "another-password-1" }) {
            id
          }
        }
      `),
      {},
      { token: admin.token },
    );
    expect(conflict.response.errors![0].extensions!.code).toBe('CONFLICT');
    const badCountry = await audited(
      graphql(`
        mutation {
          registerCompany(input: { name: "Nowhere", countryIso3: "XYZ" }) {
            id
          }
        }
      `),
      {},
      {
        token: filer.token,
      },
    );
    expect(badCountry.response.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.countryIso3',
    });
    expect([...forbidden.events, ...conflict.events, ...badCountry.events]).toEqual([]);
    expect(await t.sql(`SELECT 1 FROM company WHERE name = 'Nowhere'`)).toEqual([]);
  });

  it('lets admins read the trail, filtered and paged, newest first', async () => {
    const { data, errors } = await t.gql(
      graphql(`
        query ($id: String!) {
          auditEvents(first: 1, filter: { entityType: "company", entityId: $id }) {
            totalCount
            edges {
              node {
                action
                actorUserId
                before
                after
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `),
      { id: companyId },
      { token: admin.token },
    );
    expect(errors).toBeUndefined();
    expect(data!.auditEvents.totalCount).toBe(3);
    expect(data!.auditEvents.edges[0].node.after.name).toBe('Renamed by key');
    const next = await t.gql(
      graphql(`
        query ($id: String!, $after: String) {
          auditEvents(first: 5, after: $after, filter: { entityType: "company", entityId: $id }) {
            edges {
              node {
                action
              }
            }
          }
        }
      `),
      { id: companyId, after: data!.auditEvents.pageInfo.endCursor },
      { token: admin.token },
    );
    expect(next.data!.auditEvents.edges.map((e) => e.node.action)).toEqual(['company.update', 'company.register']);
  });
});

describe('the audit table is append-only', () => {
  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'tampered'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('refuses a direct %s', async (_statement, sql) => {
    const before = await t.sql(`SELECT count(*)::int AS count FROM audit_event`);
    await expect(t.sql(sql)).rejects.toThrow(/append-only/);
    expect(await t.sql(`SELECT count(*)::int AS count FROM audit_event`)).toEqual(before);
    expect(await t.sql(`SELECT 1 FROM audit_event WHERE action = 'tampered'`)).toEqual([]);
  });
});

describe('secrets never leak', () => {
  it('keeps passwords and key secrets out of logs, errors and audit events', async () => {
    const password = 'Leak-Canary-Password-8731';
    const created = await t.gql(
      graphql(`
        mutation ($p: String!) {
          createUser(input: { email: "canary@example.org", password: $p, roles: [FILER] }) {
            id
          }
        }
      `),
      { p: password },
      { token: admin.token },
    );
    expect(created.errors).toBeUndefined();
    const login = await t.gql(
      graphql(`
        mutation ($p: String!) {
          login(email: "canary@example.org", password: $p) {
            token
          }
        }
      `),
      {
        p: password,
      },
    );
    const wrongLogin = await t.gql(
      graphql(`
        mutation {
          login(email: "canary@example.org", password: "Wrong-Canary-Password-1") {
            token
          }
        }
      `),
    );
    const badCreate = await t.gql(
      graphql(`
        mutation {
          createUser(input: { email: "not-an-email", password: "Short-Canary" }) {
            id
          }
        }
      `),
      {},
      { token: admin.token },
    );
    const key = (
      await t.gql(
        graphql(`
          mutation {
            createApiKey(input: { name: "canary" }) {
              key
            }
          }
        `),
        {},
        { token: login.data!.login.token },
      )
    ).data!.createApiKey.key;
    const keySecret = apiKeySecret(key);
    await t.gql(
      graphql(`
        {
          me {
            email
          }
        }
      `),
      {},
      { apiKey: key },
    );
    await t.gql(
      graphql(`
        {
          me {
            email
          }
        }
      `),
      {},
      { apiKey: key.slice(0, -2) + 'xx' },
    );

    const everything = [
      t.logs.join('\n'),
      JSON.stringify([wrongLogin.errors, badCreate.errors]),
      JSON.stringify(await t.sql(`SELECT * FROM audit_event`)),
    ].join('\n');
    expect(t.logs.length).toBeGreaterThan(5);
    for (const secret of [password, 'Wrong-Canary-Password-1', 'Short-Canary', keySecret, key]) {
      expect(everything).not.toContain(secret);
    }
    // The stored password is a salted scrypt hash, not the password.
    const [stored] = await t.sql(`SELECT password_hash FROM app_user WHERE email = 'canary@example.org'`);
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain(password);
  });
});
