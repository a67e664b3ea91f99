import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { companyWithFiler, registerAISystem } from '../fixtures/companies.js';
import { regulatorWithMember } from '../fixtures/regulators.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let kenya: { regulatorId: string; member: SignedInUser };
let france: { regulatorId: string; member: SignedInUser };
let europe: { regulatorId: string; member: SignedInUser };
/** Incorporated in Kenya, with a system deployed there. */
let acme: { companyId: string; aiSystemId: string; filer: SignedInUser };
/** Incorporated in France, with a system deployed in Germany. */
let bleu: { companyId: string; aiSystemId: string; filer: SignedInUser };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);

beforeAll(async () => {
  t = await startTestApp({ mutationsPerMinute: 10_000 });
  const admin = await t.signUp('admin@registry.example', [Role.ADMIN]);
  kenya = await regulatorWithMember(t, admin, {
    memberEmail: 'officer@ca.go.ke',
    name: 'Communications Authority',
    jurisdiction: 'KEN',
  });
  france = await regulatorWithMember(t, admin, { memberEmail: 'agent@cnil.fr', name: 'CNIL', jurisdiction: 'FRA' });
  europe = await regulatorWithMember(t, admin, {
    memberEmail: 'officer@ai-office.eu',
    name: 'AI Office',
    jurisdiction: 'EU',
  });
  const a = await companyWithFiler(t, { filerEmail: 'filer@acme.example', name: 'Acme Lending', countryIso3: 'KEN' });
  acme = { ...a, aiSystemId: await registerAISystem(t, a.filer, a.companyId, { name: 'CreditScore' }) };
  const b = await companyWithFiler(t, { filerEmail: 'filer@bleu.example', name: 'Bleu Vision', countryIso3: 'FRA' });
  bleu = {
    ...b,
    aiSystemId: await registerAISystem(t, b.filer, b.companyId, { name: 'FaceMatch', jurisdictions: ['DEU'] }),
  };
});
afterAll(() => t.close());

const ISSUE = graphql(`
  mutation Issue($input: IssueCertificationInput!) {
    issueCertification(input: $input) {
      id
      scheme
      regime
      status
      issuedOn
      expiresOn
      companyId
      aiSystemId
      regulator {
        id
        name
      }
      company {
        name
      }
      aiSystem {
        name
      }
      history {
        fromStatus
        toStatus
        reason
      }
    }
  }
`);

const CHANGE = graphql(`
  mutation Change($id: ID!, $status: CertificationStatus!, $reason: String!) {
    changeCertificationStatus(id: $id, status: $status, reason: $reason) {
      id
      status
      history {
        fromStatus
        toStatus
        reason
      }
    }
  }
`);

const CERTIFICATION = graphql(`
  query Certification($id: ID!) {
    certification(id: $id) {
      id
      status
      expiresOn
    }
  }
`);

type IssueInput = VariablesOf<typeof ISSUE>['input'];

async function issue(
  by: { token: string },
  input: Partial<IssueInput> & { companyId: string },
): Promise<ResultOf<typeof ISSUE>['issueCertification']> {
  const { data, errors } = await t.gql(
    ISSUE,
    { input: { scheme: 'ISO/IEC 42001', regime: 'VOLUNTARY', expiresOn: day(365), ...input } },
    { token: by.token },
  );
  if (errors) throw new Error(`issueCertification failed: ${JSON.stringify(errors)}`);
  return data!.issueCertification;
}

/** Every row a refused call could have written. */
async function counts(): Promise<Record<string, number>> {
  const [row] = await t.sql(
    `SELECT (SELECT count(*)::int FROM certification) AS certifications,
            (SELECT count(*)::int FROM certification_status_change) AS changes,
            (SELECT count(*)::int FROM audit_event) AS events`,
  );
  return row;
}

const events = (id: string) =>
  t.sql(
    `SELECT action, actor_user_id, before, after FROM audit_event
     WHERE entity_type = 'certification' AND entity_id = $1 ORDER BY id`,
    [id],
  );

describe('issuing a certification', () => {
  it('issues one to a company in the jurisdiction, PENDING, today, with its first history row and audit event', async () => {
    const issued = await issue(kenya.member, { companyId: acme.companyId, scheme: '  ISO/IEC 42001  ' });
    expect(issued).toMatchObject({
      scheme: 'ISO/IEC 42001',
      regime: 'VOLUNTARY',
      status: 'PENDING',
      issuedOn: today,
      expiresOn: day(365),
      companyId: acme.companyId,
      aiSystemId: null,
      regulator: { id: kenya.regulatorId, name: 'Communications Authority' },
      company: { name: 'Acme Lending' },
      aiSystem: null,
      history: [{ fromStatus: null, toStatus: 'PENDING', reason: 'issued' }],
    });
    const [stored] = await t.sql(`SELECT status, regulator_id, issued_on FROM certification WHERE id = $1`, [
      issued.id,
    ]);
    expect(stored).toEqual({ status: 'PENDING', regulator_id: kenya.regulatorId, issued_on: expect.anything() });
    expect(await events(issued.id)).toEqual([
      {
        action: 'certification.issue',
        actor_user_id: kenya.member.id,
        before: null,
        after: expect.objectContaining({ id: issued.id, status: 'PENDING', scheme: 'ISO/IEC 42001' }),
      },
    ]);
  });

  it('issues one to an AI system deployed in the jurisdiction, ACTIVE when asked to', async () => {
    const issued = await issue(kenya.member, {
      companyId: acme.companyId,
      aiSystemId: acme.aiSystemId,
      regime: 'MANDATORY',
      activate: true,
    });
    expect(issued).toMatchObject({
      status: 'ACTIVE',
      regime: 'MANDATORY',
      aiSystemId: acme.aiSystemId,
      aiSystem: { name: 'CreditScore' },
      history: [{ fromStatus: null, toStatus: 'ACTIVE', reason: 'issued' }],
    });
  });

  it("lets the EU's regulator certify a system deployed in a member state", async () => {
    const issued = await issue(europe.member, { companyId: bleu.companyId, aiSystemId: bleu.aiSystemId });
    expect(issued.regulator.name).toBe('AI Office');
  });

  it('refuses a regulator of another jurisdiction with FORBIDDEN, and changes nothing', async () => {
    const before = await counts();
    const company = await t.gql(
      ISSUE,
      { input: { companyId: acme.companyId, scheme: 'X', regime: 'VOLUNTARY', expiresOn: day(30) } },
      { token: france.member.token },
    );
    expect(company.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const system = await t.gql(
      ISSUE,
      {
        input: {
          companyId: bleu.companyId,
          aiSystemId: bleu.aiSystemId,
          scheme: 'X',
          regime: 'VOLUNTARY',
          expiresOn: day(30),
        },
      },
      // Bleu is incorporated in France, but this system is deployed only in Germany.
      { token: france.member.token },
    );
    expect(system.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('refuses someone who acts for no regulator, or for one they are not a member of', async () => {
    const before = await counts();
    const input = { companyId: acme.companyId, scheme: 'X', regime: 'VOLUNTARY' as const, expiresOn: day(30) };
    const filer = await t.gql(ISSUE, { input }, { token: acme.filer.token });
    expect(filer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const named = await t.gql(ISSUE, { input: { ...input, regulatorId: kenya.regulatorId } }, france.member);
    expect(named.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(ISSUE, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = await counts();
    const base = { companyId: acme.companyId, scheme: 'X', regime: 'VOLUNTARY' as const, expiresOn: day(30) };
    const cases: [Partial<IssueInput>, string][] = [
      [{ issuedOn: day(10), expiresOn: day(5) }, 'input.issuedOn'],
      [{ issuedOn: day(-10), expiresOn: day(-10) }, 'input.expiresOn'],
      [{ aiSystemId: bleu.aiSystemId }, 'input.aiSystemId'],
      [{ companyId: '00000000-0000-4000-8000-000000000000' }, 'input.companyId'],
      [{ scheme: '   ' }, 'input.scheme'],
      [{ expiresOn: '2026-02-30' }, 'input.expiresOn'],
    ];
    for (const [change, field] of cases) {
      const { errors } = await t.gql(ISSUE, { input: { ...base, ...change } }, { token: kenya.member.token });
      expect([field, errors?.[0].extensions]).toEqual([
        field,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('moving a certification', () => {
  it('goes PENDING -> ACTIVE <-> SUSPENDED -> REVOKED, keeping the full history and one audit event per change', async () => {
    const { id } = await issue(kenya.member, { companyId: acme.companyId, scheme: 'Trustworthy AI mark' });
    const moves = [
      ['ACTIVE', 'assessment passed'],
      ['SUSPENDED', 'incident under investigation'],
      ['ACTIVE', 'incident closed'],
      ['REVOKED', 'repeated violations'],
    ] as const;
    for (const [status, reason] of moves) {
      const { data, errors } = await t.gql(CHANGE, { id, status, reason }, { token: kenya.member.token });
      expect(errors).toBeUndefined();
      expect(data!.changeCertificationStatus.status).toBe(status);
    }
    const { data } = await t.gql(CERTIFICATION, { id });
    expect(data!.certification!.status).toBe('REVOKED');
    const history = await t.gql(CHANGE, { id, status: 'ACTIVE', reason: 'let us try' }, { token: kenya.member.token });
    expect(history.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      from: 'REVOKED',
      to: 'ACTIVE',
    });
    expect(history.errors?.[0].message).toContain('REVOKED');

    const [{ rows }] = await t.sql(
      `SELECT json_agg(json_build_object('from', from_status, 'to', to_status, 'reason', reason, 'by', changed_by)
         ORDER BY changed_at) AS rows
       FROM certification_status_change WHERE certification_id = $1`,
      [id],
    );
    expect(rows).toEqual([
      { from: null, to: 'PENDING', reason: 'issued', by: kenya.member.id },
      { from: 'PENDING', to: 'ACTIVE', reason: 'assessment passed', by: kenya.member.id },
      { from: 'ACTIVE', to: 'SUSPENDED', reason: 'incident under investigation', by: kenya.member.id },
      { from: 'SUSPENDED', to: 'ACTIVE', reason: 'incident closed', by: kenya.member.id },
      { from: 'ACTIVE', to: 'REVOKED', reason: 'repeated violations', by: kenya.member.id },
    ]);
    const trail = await events(id);
    expect(trail.map((event) => [event.action, event.before?.status ?? null, event.after.status])).toEqual([
      ['certification.issue', null, 'PENDING'],
      ['certification.change_status', 'PENDING', 'ACTIVE'],
      ['certification.change_status', 'ACTIVE', 'SUSPENDED'],
      ['certification.change_status', 'SUSPENDED', 'ACTIVE'],
      ['certification.change_status', 'ACTIVE', 'REVOKED'],
    ]);
  });

  it('refuses every other move naming the current state, and changes nothing', async () => {
    const pending = await issue(kenya.member, { companyId: acme.companyId });
    const active = await issue(kenya.member, { companyId: acme.companyId, activate: true });
    const before = await counts();
    const refused = [
      [pending.id, 'SUSPENDED', 'PENDING'],
      [pending.id, 'PENDING', 'PENDING'],
      [pending.id, 'EXPIRED', 'PENDING'],
      [active.id, 'PENDING', 'ACTIVE'],
      [active.id, 'ACTIVE', 'ACTIVE'],
    ] as const;
    for (const [id, status, current] of refused) {
      const { errors } = await t.gql(CHANGE, { id, status, reason: 'no' }, { token: kenya.member.token });
      expect(errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE_TRANSITION', from: current, to: status });
    }
    expect(await counts()).toEqual(before);
  });

  it("lets only the issuer's staff move it", async () => {
    const { id } = await issue(kenya.member, { companyId: acme.companyId });
    const before = await counts();
    for (const caller of [france.member, acme.filer]) {
      const { errors } = await t.gql(CHANGE, { id, status: 'ACTIVE', reason: 'mine now' }, { token: caller.token });
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const unknown = await t.gql(
      CHANGE,
      { id: '00000000-0000-4000-8000-000000000000', status: 'ACTIVE', reason: 'x' },
      { token: kenya.member.token },
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const blank = await t.gql(CHANGE, { id, status: 'ACTIVE', reason: ' ' }, { token: kenya.member.token });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await counts()).toEqual(before);
    expect((await t.gql(CERTIFICATION, { id })).data!.certification!.status).toBe('PENDING');
  });

  it('is refused by the database too, for a move the rules forbid', async () => {
    const { id } = await issue(kenya.member, { companyId: acme.companyId, activate: true });
    await t.sql(`UPDATE certification SET status = 'REVOKED' WHERE id = $1`, [id]);
    await expect(t.sql(`UPDATE certification SET status = 'ACTIVE' WHERE id = $1`, [id])).rejects.toThrow(
      /cannot go from REVOKED to ACTIVE/,
    );
  });

  it('lets exactly one of two concurrent moves from the same state win', async () => {
    const { id } = await issue(kenya.member, { companyId: acme.companyId, activate: true });
    const answers = await Promise.all(
      (['SUSPENDED', 'SUSPENDED'] as const).map((status) =>
        t.gql(CHANGE, { id, status, reason: 'race' }, { token: kenya.member.token }),
      ),
    );
    expect(answers.map((answer) => answer.errors?.[0].extensions?.code ?? 'ok').sort()).toEqual([
      'INVALID_STATE_TRANSITION',
      'ok',
    ]);
    const [{ count }] = await t.sql(
      `SELECT count(*)::int AS count FROM certification_status_change WHERE certification_id = $1`,
      [id],
    );
    expect(count).toBe(2);
  });
});

describe('expiry', () => {
  it('reads EXPIRED once expiresOn has come, without anything stored changing, and can then only be revoked', async () => {
    const { id, status } = await issue(kenya.member, { companyId: acme.companyId, expiresOn: day(1), activate: true });
    expect(status).toBe('ACTIVE');
    // A day passes: as the owner, move its dates back.
    await t.sql(`UPDATE certification SET issued_on = $2, expires_on = $3 WHERE id = $1`, [id, day(-30), today]);
    const read = await t.gql(CERTIFICATION, { id });
    expect(read.data!.certification).toEqual({ id, status: 'EXPIRED', expiresOn: today });
    const [stored] = await t.sql(`SELECT status FROM certification WHERE id = $1`, [id]);
    expect(stored.status).toBe('ACTIVE');

    const suspend = await t.gql(CHANGE, { id, status: 'SUSPENDED', reason: 'x' }, { token: kenya.member.token });
    expect(suspend.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE_TRANSITION', from: 'EXPIRED' });
    const revoke = await t.gql(CHANGE, { id, status: 'REVOKED', reason: 'fraud found' }, { token: kenya.member.token });
    expect(revoke.data!.changeCertificationStatus).toMatchObject({
      status: 'REVOKED',
      history: [
        { fromStatus: null, toStatus: 'ACTIVE' },
        { fromStatus: 'EXPIRED', toStatus: 'REVOKED', reason: 'fraud found' },
      ],
    });
  });

  it('records a certification issued and expired in the past as EXPIRED', async () => {
    const issued = await issue(kenya.member, {
      companyId: acme.companyId,
      issuedOn: '2020-01-01',
      expiresOn: '2023-01-01',
      activate: true,
    });
    expect(issued).toMatchObject({ status: 'EXPIRED', issuedOn: '2020-01-01' });
  });
});

const LIST = graphql(`
  query Certifications($filter: CertificationFilter, $first: Int!, $after: String) {
    certifications(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          status
          expiresOn
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Filter = NonNullable<VariablesOf<typeof LIST>['filter']>;

/** Every certification matching `filter`, page by page. */
async function listAll(filter: Filter, first = 2): Promise<{ ids: string[]; totalCount: number; statuses: string[] }> {
  const ids: string[] = [];
  const statuses: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const { data, errors }: GraphqlResponse<ResultOf<typeof LIST>> = await t.gql(LIST, { filter, first, after });
    expect(errors).toBeUndefined();
    totalCount = data!.certifications.totalCount;
    for (const { node } of data!.certifications.edges) {
      ids.push(node.id);
      statuses.push(node.status);
    }
    if (!data!.certifications.pageInfo.hasNextPage) break;
    after = data!.certifications.pageInfo.endCursor;
  }
  return { ids, totalCount, statuses };
}

describe('the public lists', () => {
  let listed: { kenyaSystem: string; europe: string };

  beforeAll(async () => {
    await t.sql(`DELETE FROM certification_status_change`);
    await t.sql(`DELETE FROM certification`);
    const scheme = 'Listed scheme';
    // Expiring in 10, 20, 30 days and one expired; one revoked; one of the EU regulator.
    for (const offset of [10, 20, 30])
      await issue(kenya.member, { companyId: acme.companyId, scheme, expiresOn: day(offset) });
    const system = await issue(kenya.member, {
      companyId: acme.companyId,
      aiSystemId: acme.aiSystemId,
      scheme,
      regime: 'MANDATORY',
      expiresOn: day(40),
      activate: true,
    });
    const expired = await issue(kenya.member, { companyId: acme.companyId, scheme, expiresOn: day(5), activate: true });
    await t.sql(`UPDATE certification SET issued_on = $2, expires_on = $3 WHERE id = $1`, [
      expired.id,
      day(-20),
      day(-1),
    ]);
    const revoked = await issue(kenya.member, { companyId: acme.companyId, scheme, expiresOn: day(50) });
    await t.gql(CHANGE, { id: revoked.id, status: 'REVOKED', reason: 'x' }, { token: kenya.member.token });
    const eu = await issue(europe.member, {
      companyId: bleu.companyId,
      aiSystemId: bleu.aiSystemId,
      expiresOn: day(60),
    });
    listed = { kenyaSystem: system.id, europe: eu.id };
  });

  it('pages through all, latest expiry first, each exactly once, for anyone', async () => {
    const all = await listAll({});
    expect(all.totalCount).toBe(7);
    expect(new Set(all.ids).size).toBe(7);
    const rows = await t.sql(`SELECT id FROM certification ORDER BY expires_on DESC, id DESC`);
    expect(all.ids).toEqual(rows.map((row) => row.id));
  });

  it('filters by holder, issuer, scheme, regime and status as read (EXPIRED included)', async () => {
    expect((await listAll({ companyId: acme.companyId })).totalCount).toBe(6);
    expect((await listAll({ aiSystemId: acme.aiSystemId })).ids).toEqual([listed.kenyaSystem]);
    expect((await listAll({ regulatorId: europe.regulatorId })).ids).toEqual([listed.europe]);
    expect((await listAll({ scheme: 'Listed scheme' })).totalCount).toBe(6);
    expect((await listAll({ regime: 'MANDATORY' })).ids).toEqual([listed.kenyaSystem]);
    expect((await listAll({ status: 'PENDING' })).statuses).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
    expect((await listAll({ status: 'ACTIVE' })).ids).toEqual([listed.kenyaSystem]);
    const expired = await listAll({ status: 'EXPIRED' });
    expect(expired).toMatchObject({ totalCount: 1, statuses: ['EXPIRED'] });
    expect((await listAll({ status: 'REVOKED' })).statuses).toEqual(['REVOKED']);
    expect((await listAll({ status: 'SUSPENDED' })).totalCount).toBe(0);
    expect((await listAll({ companyId: acme.companyId, status: 'EXPIRED', regime: 'VOLUNTARY' })).totalCount).toBe(1);
  });

  it('refuses a cursor of another list, naming it', async () => {
    const forged = Buffer.from(JSON.stringify(['Acme', acme.companyId])).toString('base64url');
    const { errors } = await t.gql(LIST, { filter: {}, first: 2, after: forged });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('shows each company’s and each system’s certifications, batched over a list of companies', async () => {
    const OWNERS = graphql(`
      query Owners {
        companies(first: 10) {
          edges {
            node {
              name
              certifications(first: 2) {
                totalCount
                edges {
                  node {
                    expiresOn
                  }
                }
              }
              aiSystems(first: 5) {
                edges {
                  node {
                    name
                    certifications(first: 5) {
                      totalCount
                      edges {
                        node {
                          id
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `);
    t.queries.length = 0;
    const { data, errors } = await t.gql(OWNERS);
    expect(errors).toBeUndefined();
    const byName = Object.fromEntries(data!.companies.edges.map(({ node }) => [node.name, node]));
    expect(byName['Acme Lending'].certifications).toEqual({
      totalCount: 6,
      edges: [{ node: { expiresOn: day(50) } }, { node: { expiresOn: day(40) } }],
    });
    expect(byName['Acme Lending'].aiSystems.edges[0].node.certifications).toEqual({
      totalCount: 1,
      edges: [{ node: { id: listed.kenyaSystem } }],
    });
    expect(byName['Bleu Vision'].certifications.totalCount).toBe(1);
    // Pages and counts: one statement each per level, whatever the number of companies and systems.
    expect(t.queries.filter((sql) => /FROM certification c/.test(sql))).toHaveLength(4);
  });
});
