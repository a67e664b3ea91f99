import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { companyWithFiler, registerAISystem } from '../fixtures/companies.js';
import { fileDisclosure, insertTestTemplate } from '../fixtures/disclosures.js';
import { regulatorWithMember } from '../fixtures/regulators.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let kenya: { regulatorId: string; member: SignedInUser };
let france: { regulatorId: string; member: SignedInUser };
/** Incorporated in Kenya, with two systems deployed there and a filing about the first. */
let acme: { companyId: string; aiSystemId: string; otherSystemId: string; filingId: string; filer: SignedInUser };
/** Incorporated in Kenya too, with a filing of its own. */
let rival: { companyId: string; aiSystemId: string; filingId: string; filer: SignedInUser };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp({ mutationsPerMinute: 10_000 });
  await insertTestTemplate(t);
  const admin = await t.signUp('admin@registry.example', [Role.ADMIN]);
  kenya = await regulatorWithMember(t, admin, {
    memberEmail: 'officer@odpc.go.ke',
    name: 'Data Protection Commissioner',
    jurisdiction: 'KEN',
  });
  france = await regulatorWithMember(t, admin, { memberEmail: 'agent@cnil.fr', name: 'CNIL', jurisdiction: 'FRA' });
  const a = await companyWithFiler(t, { filerEmail: 'filer@acme.example', name: 'Acme Lending', countryIso3: 'KEN' });
  const aiSystemId = await registerAISystem(t, a.filer, a.companyId, { name: 'CreditScore' });
  const otherSystemId = await registerAISystem(t, a.filer, a.companyId, { name: 'ChatDesk' });
  const filing = await fileDisclosure(t, a.filer, { companyId: a.companyId, aiSystemId });
  acme = { ...a, aiSystemId, otherSystemId, filingId: filing.id };
  const b = await companyWithFiler(t, {
    filerEmail: 'filer@rival.example',
    name: 'Rival Analytics',
    countryIso3: 'KEN',
  });
  const rivalSystem = await registerAISystem(t, b.filer, b.companyId, { name: 'FaceMatch' });
  const rivalFiling = await fileDisclosure(t, b.filer, { companyId: b.companyId, aiSystemId: rivalSystem });
  rival = { ...b, aiSystemId: rivalSystem, filingId: rivalFiling.id };
});
afterAll(() => t.close());

const RECORD = graphql(`
  mutation Record($input: RecordEnforcementActionInput!) {
    recordEnforcementAction(input: $input) {
      id
      kind
      status
      jurisdiction
      legalBasis
      decidedOn
      effectiveFrom
      effectiveUntil
      publicSummary
      penalty {
        amount
        currency
      }
      regulator {
        name
      }
      company {
        name
      }
      aiSystem {
        name
      }
      disclosure {
        id
        accessionNumber
      }
      history {
        fromStatus
        toStatus
        reason
      }
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateStatus($id: ID!, $status: EnforcementStatus!, $reason: String!) {
    updateEnforcementStatus(id: $id, status: $status, reason: $reason) {
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

type RecordInput = VariablesOf<typeof RECORD>['input'];

const warning = (companyId: string): RecordInput => ({
  companyId,
  kind: 'WARNING',
  legalBasis: 'Data Protection Act 2019, s. 26',
  decidedOn: day(-3),
  effectiveFrom: day(-3),
  publicSummary: 'Warned for incomplete impact assessment.',
});

async function record(
  by: { token: string },
  input: RecordInput,
): Promise<ResultOf<typeof RECORD>['recordEnforcementAction']> {
  const { data, errors } = await t.gql(RECORD, { input }, { token: by.token });
  if (errors) throw new Error(`recordEnforcementAction failed: ${JSON.stringify(errors)}`);
  return data!.recordEnforcementAction;
}

async function counts(): Promise<Record<string, number>> {
  const [row] = await t.sql(
    `SELECT (SELECT count(*)::int FROM enforcement_action) AS actions,
            (SELECT count(*)::int FROM enforcement_status_change) AS changes,
            (SELECT count(*)::int FROM audit_event) AS events`,
  );
  return row;
}

const events = (id: string) =>
  t.sql(
    `SELECT action, actor_user_id, before, after FROM audit_event
     WHERE entity_type = 'enforcement_action' AND entity_id = $1 ORDER BY id`,
    [id],
  );

describe('money', () => {
  it('keeps a penalty of 1234567.89 EUR exact, through GraphQL, the table and the audit trail', async () => {
    const action = await record(kenya.member, {
      ...warning(acme.companyId),
      kind: 'MONETARY_PENALTY',
      aiSystemId: acme.aiSystemId,
      penalty: { amount: '1234567.89', currency: 'EUR' },
    });
    expect(action.penalty).toEqual({ amount: '1234567.89', currency: 'EUR' });
    const [stored] = await t.sql(
      `SELECT penalty_amount, penalty_amount::text AS text, penalty_currency FROM enforcement_action WHERE id = $1`,
      [action.id],
    );
    // pg hands numeric back as a string: nothing on the way was a floating-point number.
    expect(stored).toEqual({ penalty_amount: '1234567.89', text: '1234567.89', penalty_currency: 'EUR' });
    const [event] = await events(action.id);
    expect(event.after).toMatchObject({ penaltyAmount: '1234567.89', penaltyCurrency: 'EUR' });

    const read = await t.gql(
      graphql(`
        query Action($id: ID!) {
          enforcementAction(id: $id) {
            penalty {
              amount
              currency
            }
          }
        }
      `),
      { id: action.id },
    );
    expect(read.data!.enforcementAction!.penalty).toEqual({ amount: '1234567.89', currency: 'EUR' });
  });

  it('keeps amounts that no floating-point number can hold, and writes two decimals', async () => {
    const big = await record(kenya.member, {
      ...warning(acme.companyId),
      kind: 'MONETARY_PENALTY',
      penalty: { amount: '999999999999999999.99', currency: 'usd' },
    });
    expect(big.penalty).toEqual({ amount: '999999999999999999.99', currency: 'USD' });
    const whole = await record(kenya.member, {
      ...warning(acme.companyId),
      kind: 'MONETARY_PENALTY',
      penalty: { amount: '1500000', currency: 'JPY' },
    });
    expect(whole.penalty).toEqual({ amount: '1500000.00', currency: 'JPY' });
  });

  it('refuses bad amounts and currencies with BAD_USER_INPUT naming the field, storing nothing', async () => {
    const before = await counts();
    const penalty = (amount: unknown, currency: unknown = 'EUR') => ({
      ...warning(acme.companyId),
      kind: 'MONETARY_PENALTY',
      penalty: { amount, currency },
    });
    const cases: [unknown, string][] = [
      [penalty('1000', 'XYZ'), 'input.penalty.currency'],
      [penalty('1000', 'XAU'), 'input.penalty.currency'],
      [penalty('1000', 'EURO'), 'input.penalty.currency'],
      [penalty('1e3'), 'input.penalty.amount'],
      [penalty(1000), 'input.penalty.amount'],
      [penalty(1234567.89), 'input.penalty.amount'],
      [penalty('1.234'), 'input.penalty.amount'],
      [penalty('1'.repeat(19)), 'input.penalty.amount'],
      [penalty('-5.00'), 'input.penalty.amount'],
      [penalty('0.00'), 'input.penalty.amount'],
      [penalty(' 12'), 'input.penalty.amount'],
      [penalty('1500.5', 'JPY'), 'input.penalty.amount'],
      [{ ...warning(acme.companyId), kind: 'MONETARY_PENALTY' }, 'input.penalty'],
      [{ ...warning(acme.companyId), penalty: { amount: '10', currency: 'EUR' } }, 'input.penalty'],
    ];
    for (const [input, field] of cases) {
      // Not typed: some of these are values the schema's types would not let a typed client send.
      const { errors } = await t.gql(
        `mutation ($input: RecordEnforcementActionInput!) { recordEnforcementAction(input: $input) { id } }`,
        { input },
        { token: kenya.member.token },
      );
      expect([JSON.stringify(input).slice(-60), errors?.[0].extensions]).toEqual([
        JSON.stringify(input).slice(-60),
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an amount written as a number or with an exponent in the query text, naming it', async () => {
    for (const amount of ['1e3', '1000', '"1e3"']) {
      const { errors } = await t.gql(
        `mutation { recordEnforcementAction(input: { companyId: "${acme.companyId}", kind: MONETARY_PENALTY,
           legalBasis: "x", decidedOn: "${day(-1)}", effectiveFrom: "${day(-1)}", publicSummary: "x",
           penalty: { amount: ${amount}, currency: "EUR" } }) { id } }`,
        {},
        { token: kenya.member.token },
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.penalty.amount' });
    }
  });
});

describe('recording an enforcement action', () => {
  it('records one in the jurisdiction, OPEN, about a filing of the company, with its history and audit event', async () => {
    const action = await record(kenya.member, {
      ...warning(acme.companyId),
      kind: 'CORRECTIVE_ORDER',
      aiSystemId: acme.aiSystemId,
      disclosureId: acme.filingId,
      effectiveUntil: day(90),
      legalBasis: '  Data Protection Act 2019, s. 31  ',
    });
    expect(action).toMatchObject({
      kind: 'CORRECTIVE_ORDER',
      status: 'OPEN',
      jurisdiction: 'KEN',
      legalBasis: 'Data Protection Act 2019, s. 31',
      decidedOn: day(-3),
      effectiveUntil: day(90),
      penalty: null,
      regulator: { name: 'Data Protection Commissioner' },
      company: { name: 'Acme Lending' },
      aiSystem: { name: 'CreditScore' },
      disclosure: { id: acme.filingId },
      history: [{ fromStatus: null, toStatus: 'OPEN', reason: 'recorded' }],
    });
    expect(await events(action.id)).toEqual([
      {
        action: 'enforcement_action.record',
        actor_user_id: kenya.member.id,
        before: null,
        after: expect.objectContaining({ id: action.id, status: 'OPEN', disclosureId: acme.filingId }),
      },
    ]);
  });

  it('refuses a filing of another company, or about another system, naming the field', async () => {
    const before = await counts();
    const cases: [RecordInput, string][] = [
      [{ ...warning(acme.companyId), disclosureId: rival.filingId }, 'input.disclosureId'],
      [
        { ...warning(acme.companyId), aiSystemId: acme.otherSystemId, disclosureId: acme.filingId },
        'input.disclosureId',
      ],
      [{ ...warning(acme.companyId), aiSystemId: rival.aiSystemId }, 'input.aiSystemId'],
      [{ ...warning('00000000-0000-4000-8000-000000000000') }, 'input.companyId'],
      [{ ...warning(acme.companyId), decidedOn: day(2) }, 'input.decidedOn'],
      [{ ...warning(acme.companyId), effectiveUntil: day(-3) }, 'input.effectiveUntil'],
      [{ ...warning(acme.companyId), publicSummary: '' }, 'input.publicSummary'],
    ];
    for (const [input, field] of cases) {
      const { errors } = await t.gql(RECORD, { input }, { token: kenya.member.token });
      expect([field, errors?.[0].extensions]).toEqual([
        field,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a regulator of another jurisdiction, and anyone who is no regulator, changing nothing', async () => {
    const before = await counts();
    const foreign = await t.gql(RECORD, { input: warning(acme.companyId) }, { token: france.member.token });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const filer = await t.gql(RECORD, { input: warning(acme.companyId) }, { token: acme.filer.token });
    expect(filer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const named = await t.gql(
      RECORD,
      { input: { ...warning(acme.companyId), regulatorId: kenya.regulatorId } },
      { token: france.member.token },
    );
    expect(named.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('moving an enforcement action', () => {
  it('goes OPEN -> UNDER_APPEAL -> RESOLVED, keeping the history and one audit event per change', async () => {
    const { id } = await record(kenya.member, warning(acme.companyId));
    const appeal = await t.gql(UPDATE, { id, status: 'UNDER_APPEAL', reason: 'appeal lodged' }, kenya.member);
    expect(appeal.data!.updateEnforcementStatus.status).toBe('UNDER_APPEAL');
    const resolved = await t.gql(UPDATE, { id, status: 'RESOLVED', reason: 'appeal dismissed' }, kenya.member);
    expect(resolved.data!.updateEnforcementStatus).toMatchObject({
      status: 'RESOLVED',
      history: [
        { fromStatus: null, toStatus: 'OPEN', reason: 'recorded' },
        { fromStatus: 'OPEN', toStatus: 'UNDER_APPEAL', reason: 'appeal lodged' },
        { fromStatus: 'UNDER_APPEAL', toStatus: 'RESOLVED', reason: 'appeal dismissed' },
      ],
    });
    const trail = await events(id);
    expect(trail.map((event) => [event.action, event.before?.status ?? null, event.after.status])).toEqual([
      ['enforcement_action.record', null, 'OPEN'],
      ['enforcement_action.update_status', 'OPEN', 'UNDER_APPEAL'],
      ['enforcement_action.update_status', 'UNDER_APPEAL', 'RESOLVED'],
    ]);
  });

  it('refuses every other move naming the current state, and changes nothing', async () => {
    const open = await record(kenya.member, warning(acme.companyId));
    const appealed = await record(kenya.member, warning(acme.companyId));
    await t.gql(UPDATE, { id: appealed.id, status: 'UNDER_APPEAL', reason: 'x' }, kenya.member);
    const withdrawn = await record(kenya.member, warning(acme.companyId));
    await t.gql(UPDATE, { id: withdrawn.id, status: 'WITHDRAWN', reason: 'x' }, kenya.member);
    const before = await counts();
    const refused = [
      [open.id, 'OPEN', 'OPEN'],
      [appealed.id, 'OPEN', 'UNDER_APPEAL'],
      [appealed.id, 'UNDER_APPEAL', 'UNDER_APPEAL'],
      [withdrawn.id, 'RESOLVED', 'WITHDRAWN'],
      [withdrawn.id, 'UNDER_APPEAL', 'WITHDRAWN'],
    ] as const;
    for (const [id, status, current] of refused) {
      const { errors } = await t.gql(UPDATE, { id, status, reason: 'no' }, kenya.member);
      expect(errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE_TRANSITION', from: current, to: status });
      expect(errors?.[0].message).toContain(current);
    }
    expect(await counts()).toEqual(before);
  });

  it("lets only the deciding regulator's staff move it", async () => {
    const { id } = await record(kenya.member, warning(acme.companyId));
    const before = await counts();
    const foreign = await t.gql(UPDATE, { id, status: 'WITHDRAWN', reason: 'x' }, france.member);
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await t.gql(
      UPDATE,
      { id: '00000000-0000-4000-8000-000000000000', status: 'WITHDRAWN', reason: 'x' },
      kenya.member,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('is refused by the database too', async () => {
    const { id } = await record(kenya.member, warning(acme.companyId));
    await t.sql(`UPDATE enforcement_action SET status = 'RESOLVED' WHERE id = $1`, [id]);
    await expect(t.sql(`UPDATE enforcement_action SET status = 'OPEN' WHERE id = $1`, [id])).rejects.toThrow(
      /cannot go from RESOLVED to OPEN/,
    );
  });
});

const LIST = graphql(`
  query EnforcementActions($filter: EnforcementActionFilter, $first: Int!, $after: String) {
    enforcementActions(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          decidedOn
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

async function listAll(filter: Filter, first = 2): Promise<{ ids: string[]; decided: string[]; totalCount: number }> {
  const ids: string[] = [];
  const decided: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const { data, errors }: GraphqlResponse<ResultOf<typeof LIST>> = await t.gql(LIST, { filter, first, after });
    expect(errors).toBeUndefined();
    totalCount = data!.enforcementActions.totalCount;
    for (const { node } of data!.enforcementActions.edges) {
      ids.push(node.id);
      decided.push(node.decidedOn);
    }
    if (!data!.enforcementActions.pageInfo.hasNextPage) break;
    after = data!.enforcementActions.pageInfo.endCursor;
  }
  return { ids, decided, totalCount };
}

describe('the public lists', () => {
  let listed: { penalty: string; ban: string; rivalWarning: string };

  beforeAll(async () => {
    await t.sql(`DELETE FROM enforcement_status_change`);
    await t.sql(`DELETE FROM enforcement_action`);
    const ban = await record(kenya.member, {
      ...warning(acme.companyId),
      kind: 'DEPLOYMENT_BAN',
      aiSystemId: acme.otherSystemId,
      decidedOn: day(-30),
      effectiveFrom: day(-29),
    });
    const penalty = await record(kenya.member, {
      ...warning(acme.companyId),
      kind: 'MONETARY_PENALTY',
      aiSystemId: acme.aiSystemId,
      decidedOn: day(-10),
      penalty: { amount: '50000', currency: 'KES' },
    });
    await t.gql(UPDATE, { id: penalty.id, status: 'UNDER_APPEAL', reason: 'appealed' }, kenya.member);
    for (const offset of [-20, -5]) await record(kenya.member, { ...warning(acme.companyId), decidedOn: day(offset) });
    const rivalWarning = await record(kenya.member, { ...warning(rival.companyId), decidedOn: day(-1) });
    listed = { penalty: penalty.id, ban: ban.id, rivalWarning: rivalWarning.id };
  });

  it('pages through all, newest decision first, each exactly once, for anyone', async () => {
    const all = await listAll({});
    expect(all.totalCount).toBe(5);
    expect(all.decided).toEqual([day(-1), day(-5), day(-10), day(-20), day(-30)]);
    expect(new Set(all.ids).size).toBe(5);
  });

  it('filters by jurisdiction (any case), company, system, kind and status', async () => {
    expect((await listAll({ jurisdiction: 'ken' })).totalCount).toBe(5);
    expect((await listAll({ jurisdiction: 'FRA' })).totalCount).toBe(0);
    expect((await listAll({ companyId: rival.companyId })).ids).toEqual([listed.rivalWarning]);
    expect((await listAll({ aiSystemId: acme.otherSystemId })).ids).toEqual([listed.ban]);
    expect((await listAll({ kind: 'MONETARY_PENALTY' })).ids).toEqual([listed.penalty]);
    expect((await listAll({ status: 'UNDER_APPEAL' })).ids).toEqual([listed.penalty]);
    expect((await listAll({ status: 'OPEN', companyId: acme.companyId })).totalCount).toBe(3);
    expect((await listAll({ regulatorId: france.regulatorId })).totalCount).toBe(0);
  });

  it("shows each company's and each system's actions, batched over a list of companies", async () => {
    const OWNERS = graphql(`
      query EnforcementOwners {
        companies(first: 10) {
          edges {
            node {
              name
              enforcementActions(first: 2) {
                totalCount
                edges {
                  node {
                    kind
                    decidedOn
                  }
                }
              }
              aiSystems(first: 5) {
                edges {
                  node {
                    name
                    enforcementActions(first: 5) {
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
    expect(byName['Acme Lending'].enforcementActions).toEqual({
      totalCount: 4,
      edges: [
        { node: { kind: 'WARNING', decidedOn: day(-5) } },
        { node: { kind: 'MONETARY_PENALTY', decidedOn: day(-10) } },
      ],
    });
    const systems = Object.fromEntries(
      byName['Acme Lending'].aiSystems.edges.map(({ node }) => [node.name, node.enforcementActions]),
    );
    expect(systems).toEqual({
      ChatDesk: { totalCount: 1, edges: [{ node: { id: listed.ban } }] },
      CreditScore: { totalCount: 1, edges: [{ node: { id: listed.penalty } }] },
    });
    expect(byName['Rival Analytics'].enforcementActions.totalCount).toBe(1);
    expect(t.queries.filter((sql) => /FROM enforcement_action e/.test(sql))).toHaveLength(4);
  });
});
