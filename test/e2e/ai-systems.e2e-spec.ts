import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { companyWithFiler, registerAISystem, registerCompany, REGISTER_AI_SYSTEM } from '../fixtures/companies.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
let a: { companyId: string; filer: SignedInUser };
let b: { companyId: string; filer: SignedInUser };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signUp('admin@example.org', [Role.ADMIN]);
  a = await companyWithFiler(t, { filerEmail: 'filer-a@example.org', name: 'Company A' });
  b = await companyWithFiler(t, { filerEmail: 'filer-b@example.org', name: 'Company B', countryIso3: 'NGA' });
});
afterAll(() => t.close());

const SYSTEM = graphql(`
  query AISystem($id: ID!) {
    aiSystem(id: $id) {
      id
      name
      purpose
      riskLevel
      organizationRole
      lifecycleStage
      jurisdictions
      updatedAt
      company {
        id
        name
      }
    }
  }
`);

const REGISTER = graphql(`
  mutation RegisterAISystemAnswer($input: RegisterAISystemInput!) {
    registerAISystem(input: $input) {
      id
      name
      companyId
      riskLevel
      jurisdictions
      company {
        name
      }
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateAISystem($id: ID!, $input: UpdateAISystemInput!) {
    updateAISystem(id: $id, input: $input) {
      name
      purpose
      riskLevel
      lifecycleStage
      jurisdictions
      updatedAt
    }
  }
`);

type RegisterInput = VariablesOf<typeof REGISTER_AI_SYSTEM>['input'];

const input = (companyId: string, fields: Partial<RegisterInput> = {}): RegisterInput => ({
  companyId,
  name: 'Loan scorer',
  purpose: 'Scores applications for small loans.',
  riskLevel: 'HIGH',
  organizationRole: 'DEPLOYER',
  lifecycleStage: 'DEPLOYMENT',
  jurisdictions: ['KEN'],
  ...fields,
});

const eventsOf = (id: string) =>
  t.sql(
    `SELECT action, actor_user_id, before, after FROM audit_event
     WHERE entity_type = 'ai_system' AND entity_id = $1 ORDER BY id`,
    [id],
  );

const stored = async (id: string) => {
  const [system] = await t.sql(`SELECT name, purpose, risk_level FROM ai_system WHERE id = $1`, [id]);
  const deployments = await t.sql(
    `SELECT party_code FROM ai_system_deployment WHERE ai_system_id = $1 ORDER BY party_code`,
    [id],
  );
  return { ...system, jurisdictions: deployments.map((row) => row.party_code) };
};

const countSystems = async () => (await t.sql(`SELECT count(*)::int AS n FROM ai_system`))[0].n as number;

describe('registering an AI system', () => {
  it('by a filer of the company: jurisdictions upper-cased, de-duplicated, sorted; one audit event with them', async () => {
    const { data, errors } = await t.gql(
      REGISTER,
      { input: input(a.companyId, { name: ' Loan scorer ', jurisdictions: ['ken', 'EU', 'Ken', 'nga'] }) },
      { token: a.filer.token },
    );
    expect(errors).toBeUndefined();
    const system = data!.registerAISystem;
    expect(system).toMatchObject({
      name: 'Loan scorer',
      companyId: a.companyId,
      riskLevel: 'HIGH',
      jurisdictions: ['EU', 'KEN', 'NGA'],
      company: { name: 'Company A' },
    });
    expect(await stored(system.id)).toEqual({
      name: 'Loan scorer',
      purpose: 'Scores applications for small loans.',
      risk_level: 'HIGH',
      jurisdictions: ['EU', 'KEN', 'NGA'],
    });
    const events = await eventsOf(system.id);
    expect(events).toEqual([
      {
        action: 'aiSystem.register',
        actor_user_id: a.filer.id,
        before: null,
        after: expect.objectContaining({ name: 'Loan scorer', jurisdictions: ['EU', 'KEN', 'NGA'] }),
      },
    ]);
  });

  it('reads publicly, with its company and jurisdictions; an unknown id answers null', async () => {
    const id = await registerAISystem(t, a.filer, a.companyId, { name: 'Triage bot', jurisdictions: ['ken', 'fra'] });
    const { data } = await t.gql(SYSTEM, { id });
    expect(data!.aiSystem).toMatchObject({
      id,
      name: 'Triage bot',
      riskLevel: 'LIMITED',
      organizationRole: 'DEPLOYER',
      lifecycleStage: 'DEPLOYMENT',
      jurisdictions: ['FRA', 'KEN'],
      company: { id: a.companyId, name: 'Company A' },
    });
    expect((await t.gql(SYSTEM, { id: '00000000-0000-4000-8000-000000000000' })).data).toEqual({ aiSystem: null });
  });

  it('refuses an unknown jurisdiction, naming input.jurisdictions and the code; nothing stored', async () => {
    const before = await countSystems();
    const { errors } = await t.gql(
      REGISTER,
      { input: input(a.companyId, { name: 'Nowhere', jurisdictions: ['KEN', 'xyz', 'ATL'] }) },
      { token: a.filer.token },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.jurisdictions' });
    expect(errors![0].message).toContain('ATL, XYZ');
    const empty = await t.gql(
      REGISTER,
      { input: input(a.companyId, { name: 'Nowhere', jurisdictions: [] }) },
      { token: a.filer.token },
    );
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.jurisdictions' });
    const notACode = await t.gql(
      REGISTER,
      { input: input(a.companyId, { name: 'Nowhere', jurisdictions: ['KEN', 'K-1'] }) },
      { token: a.filer.token },
    );
    expect(notACode.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.jurisdictions' });
    expect(await countSystems()).toBe(before);
  });

  it('refuses a name the company already uses, ignoring case and spacing: CONFLICT naming input.name', async () => {
    const before = await countSystems();
    const { errors } = await t.gql(
      REGISTER,
      { input: input(a.companyId, { name: 'LOAN  Scorer' }) },
      { token: a.filer.token },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    expect(await countSystems()).toBe(before);
    // Another company may use it.
    await registerAISystem(t, b.filer, b.companyId, { name: 'Loan scorer' });
  });

  it('refuses a filer of another company (FORBIDDEN), and stores nothing', async () => {
    const before = await countSystems();
    const { errors } = await t.gql(
      REGISTER,
      { input: input(a.companyId, { name: 'Intruder' }) },
      {
        token: b.filer.token,
      },
    );
    expect(errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(REGISTER, { input: input(a.companyId, { name: 'Intruder' }) });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await countSystems()).toBe(before);
  });

  it('lets an admin register for any company; a company that does not exist is BAD_USER_INPUT', async () => {
    const { errors } = await t.gql(
      REGISTER,
      { input: input(b.companyId, { name: 'Admin made' }) },
      {
        token: admin.token,
      },
    );
    expect(errors).toBeUndefined();
    const missing = await t.gql(
      REGISTER,
      { input: input('00000000-0000-4000-8000-000000000000', { name: 'Orphan' }) },
      { token: admin.token },
    );
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.companyId' });
  });
});

describe('updating an AI system', () => {
  let id: string;
  beforeAll(async () => {
    id = await registerAISystem(t, a.filer, a.companyId, { name: 'Chat assistant', jurisdictions: ['KEN', 'UGA'] });
  });

  it('changes the fields given and replaces the jurisdictions: one event, before and after with them', async () => {
    const { data: was } = await t.gql(SYSTEM, { id });
    const { data, errors } = await t.gql(
      UPDATE,
      { id, input: { riskLevel: 'HIGH', jurisdictions: ['tza', 'KEN', 'tza'] } },
      { token: a.filer.token },
    );
    expect(errors).toBeUndefined();
    expect(data!.updateAISystem).toMatchObject({
      name: 'Chat assistant',
      riskLevel: 'HIGH',
      lifecycleStage: 'DEPLOYMENT',
      jurisdictions: ['KEN', 'TZA'],
    });
    expect(Date.parse(data!.updateAISystem.updatedAt)).toBeGreaterThan(Date.parse(was!.aiSystem!.updatedAt));
    expect((await stored(id)).jurisdictions).toEqual(['KEN', 'TZA']);
    const events = await eventsOf(id);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      action: 'aiSystem.update',
      before: { riskLevel: 'LIMITED', jurisdictions: ['KEN', 'UGA'] },
      after: { riskLevel: 'HIGH', jurisdictions: ['KEN', 'TZA'] },
    });
  });

  it('records a change of jurisdictions alone, and nothing for a change to what it has', async () => {
    await t.gql(UPDATE, { id, input: { jurisdictions: ['EU'] } }, { token: a.filer.token });
    expect(await eventsOf(id)).toHaveLength(3);
    const same = await t.gql(
      UPDATE,
      { id, input: { name: ' Chat assistant ', riskLevel: 'HIGH', jurisdictions: ['eu'], purpose: null } },
      { token: a.filer.token },
    );
    expect(same.errors).toBeUndefined();
    expect(await eventsOf(id)).toHaveLength(3);
  });

  it('refuses a filer of another company (FORBIDDEN): nothing changes, no event', async () => {
    const before = await stored(id);
    const events = (await eventsOf(id)).length;
    const { errors } = await t.gql(
      UPDATE,
      { id, input: { name: 'Hijacked', jurisdictions: ['NGA'] } },
      { token: b.filer.token },
    );
    expect(errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await stored(id)).toEqual(before);
    expect(await eventsOf(id)).toHaveLength(events);
  });

  it('lets an admin change it; an unknown system is NOT_FOUND', async () => {
    const { errors } = await t.gql(UPDATE, { id, input: { lifecycleStage: 'MONITORING' } }, { token: admin.token });
    expect(errors).toBeUndefined();
    const missing = await t.gql(
      UPDATE,
      { id: '00000000-0000-4000-8000-000000000000', input: { name: 'x' } },
      { token: a.filer.token },
    );
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('refuses a name another system of the company has, and an unknown jurisdiction, changing nothing', async () => {
    const before = await stored(id);
    const taken = await t.gql(UPDATE, { id, input: { name: 'loan scorer' } }, { token: a.filer.token });
    expect(taken.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    const unknown = await t.gql(UPDATE, { id, input: { jurisdictions: ['QQQ'] } }, { token: a.filer.token });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.jurisdictions' });
    expect(await stored(id)).toEqual(before);
  });
});

const PAGE = graphql(`
  query CompanySystems($id: ID!, $after: String) {
    company(id: $id) {
      aiSystems(first: 2, after: $after) {
        totalCount
        edges {
          node {
            name
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

type AISystemPage = NonNullable<ResultOf<typeof PAGE>['company']>['aiSystems'];

describe("a company's AI systems", () => {
  it('pages them by name, each once, with the total', async () => {
    const { companyId, filer } = await companyWithFiler(t, { filerEmail: 'pager@example.org', name: 'Pager' });
    for (const name of ['Delta', 'Alpha', 'Charlie', 'Bravo', 'Echo']) {
      await registerAISystem(t, filer, companyId, { name });
    }
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      // Annotated: `after` is assigned from the answer, which TypeScript cannot infer around the loop.
      const answer: GraphqlResponse<ResultOf<typeof PAGE>> = await t.gql(PAGE, { id: companyId, after });
      expect(answer.errors).toBeUndefined();
      const page: AISystemPage = answer.data!.company!.aiSystems;
      expect(page.totalCount).toBe(5);
      names.push(...page.edges.map(({ node }) => node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
  });

  it('are read in as many SQL statements for 12 companies as for 2', async () => {
    for (let n = 0; n < 12; n++) {
      const companyId = await registerCompany(t, admin, { name: `Many ${String(n).padStart(2, '0')}` });
      await registerAISystem(t, admin, companyId, { name: 'First', jurisdictions: ['KEN', 'EU'] });
      await registerAISystem(t, admin, companyId, { name: 'Second' });
    }
    const statements = async (first: number) => {
      t.queries.length = 0;
      const { data, errors } = await t.gql(
        graphql(`
          query CompaniesWithSystems($first: Int!) {
            companies(first: $first, filter: { text: "many" }) {
              edges {
                node {
                  aiSystems(first: 5) {
                    totalCount
                    edges {
                      node {
                        name
                        jurisdictions
                        company {
                          name
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        `),
        { first },
      );
      expect(errors).toBeUndefined();
      expect(data!.companies.edges).toHaveLength(first);
      for (const { node } of data!.companies.edges) {
        expect(node.aiSystems.totalCount).toBe(2);
        expect(node.aiSystems.edges[0].node.jurisdictions).toEqual(['EU', 'KEN']);
      }
      return t.queries.length;
    };
    const forTwo = await statements(2);
    expect(await statements(12)).toBe(forTwo);
  });
});
