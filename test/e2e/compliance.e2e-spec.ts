import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { companyWithFiler, registerAISystem } from '../fixtures/companies.js';
import { fileDisclosure, insertTestTemplate, TEST_TEMPLATE } from '../fixtures/disclosures.js';
import { regulatorWithMember } from '../fixtures/regulators.js';
import { DECIDE_REVIEW, openReview } from '../fixtures/reviews.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql, type VariablesOf } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

const SET = graphql(`
  mutation SetRequirement($input: SetDisclosureRequirementInput!) {
    setDisclosureRequirement(input: $input) {
      id
      title
      regime
      jurisdiction
      riskLevels
      organizationRoles
      templates {
        key
        minVersion
      }
      certificationRequired
      certificationScheme
      effectiveFrom
      effectiveUntil
      regulator {
        name
      }
      initiative {
        key
      }
    }
  }
`);

const STATUS = graphql(`
  query Compliance($companyId: ID!, $jurisdiction: String, $asOf: LocalDate) {
    complianceStatus(companyId: $companyId, jurisdiction: $jurisdiction, asOf: $asOf) {
      status
      jurisdiction
      asOf
      company {
        name
      }
      requirements {
        status
        reasons
        requirement {
          id
          title
        }
        aiSystem {
          id
        }
      }
    }
  }
`);

const OVERVIEW = graphql(`
  query Overview($jurisdiction: String!, $asOf: LocalDate) {
    complianceOverview(jurisdiction: $jurisdiction, asOf: $asOf) {
      jurisdiction
      asOf
      companies
      counts {
        status
        companies
      }
    }
  }
`);

const OVERVIEW_KEPT = graphql(`
  query OverviewKept($jurisdiction: String!, $asOf: LocalDate) {
    complianceOverview(jurisdiction: $jurisdiction, asOf: $asOf) {
      computedAt
      counts {
        status
        companies
      }
    }
  }
`);

const REQUIREMENTS = graphql(`
  query Requirements($filter: DisclosureRequirementFilter, $first: Int!, $after: String) {
    disclosureRequirements(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        node {
          title
          jurisdiction
          initiative {
            key
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CREATE_INITIATIVE = graphql(`
  mutation CreateInitiativeForRequirements($input: CreateInitiativeInput!) {
    createInitiative(input: $input) {
      key
    }
  }
`);

const RECORD_PARTICIPATION = graphql(`
  mutation RecordParticipationForRequirements($input: RecordParticipationInput!) {
    recordParticipation(input: $input) {
      id
    }
  }
`);

type RequirementInput = VariablesOf<typeof SET>['input'];

const ISO_42001 = 'ISO/IEC 42001';

let t: TestApp;
let admin: SignedInUser;
let curator: SignedInUser;
let kenya: { regulatorId: string; member: SignedInUser };
let nigeria: { regulatorId: string; member: SignedInUser };
let bank: { companyId: string; filer: SignedInUser };
let scorer: string;

beforeAll(async () => {
  t = await startTestApp({ mutationsPerMinute: 10_000 });
  admin = await t.signUp('admin@example.org', [Role.ADMIN]);
  curator = await t.signUp('curator@example.org', [Role.CURATOR]);
  kenya = await regulatorWithMember(t, admin, {
    memberEmail: 'officer@ken.example.org',
    name: 'Kenya AI Office',
    jurisdiction: 'KEN',
  });
  nigeria = await regulatorWithMember(t, admin, {
    memberEmail: 'officer@nga.example.org',
    name: 'Nigeria Data Authority',
    jurisdiction: 'NGA',
  });
  await insertTestTemplate(t);
  bank = await companyWithFiler(t, { filerEmail: 'filer@bank.example.org', name: 'Nairobi Bank' });
  scorer = await registerAISystem(t, bank.filer, bank.companyId, { name: 'Loan scorer', riskLevel: 'HIGH' });
});
afterAll(() => t.close());

const requirement = (fields: Partial<RequirementInput> = {}): RequirementInput => ({
  title: 'High-risk systems: transparency report',
  regime: 'MANDATORY',
  riskLevels: ['HIGH'],
  organizationRoles: [],
  templates: [{ key: TEST_TEMPLATE.key, minVersion: 1 }],
  certificationRequired: true,
  certificationScheme: ISO_42001,
  effectiveFrom: '2026-01-01',
  ...fields,
});

async function setRequirement(token: string, fields: Partial<RequirementInput> = {}): Promise<string> {
  const { data, errors } = await t.gql(SET, { input: requirement(fields) }, { token });
  if (errors) throw new Error(`setDisclosureRequirement failed: ${JSON.stringify(errors)}`);
  return data!.setDisclosureRequirement.id;
}

async function statusOf(companyId: string, asOf: string, jurisdiction: string | null = 'KEN') {
  const { data, errors } = await t.gql(STATUS, { companyId, jurisdiction, asOf });
  expect(errors).toBeUndefined();
  return data!.complianceStatus!;
}

/** The status and reasons of each row, for the rows of one requirement. */
const rowsOf = (status: Awaited<ReturnType<typeof statusOf>>, requirementId: string) =>
  status.requirements
    .filter((row) => row.requirement.id === requirementId)
    .map((row) => ({ aiSystemId: row.aiSystem.id, status: row.status, reasons: row.reasons }));

const ISSUE_CERTIFICATION = graphql(`
  mutation IssueCertificationForCompliance($input: IssueCertificationInput!) {
    issueCertification(input: $input) {
      id
    }
  }
`);

const RECORD_ENFORCEMENT = graphql(`
  mutation RecordEnforcementForCompliance($input: RecordEnforcementActionInput!) {
    recordEnforcementAction(input: $input) {
      id
    }
  }
`);

const UPDATE_ENFORCEMENT = graphql(`
  mutation UpdateEnforcementForCompliance($id: ID!, $status: EnforcementStatus!, $reason: String!) {
    updateEnforcementStatus(id: $id, status: $status, reason: $reason) {
      status
    }
  }
`);

/** An ACTIVE certification, issued by the regulator `officer` acts for. */
async function certify(
  officer: SignedInUser,
  target: { companyId: string; aiSystemId: string | null },
  dates: { issuedOn: string; expiresOn: string },
): Promise<string> {
  const { data, errors } = await t.gql(
    ISSUE_CERTIFICATION,
    { input: { ...target, scheme: ISO_42001, regime: 'MANDATORY', activate: true, ...dates } },
    { token: officer.token },
  );
  if (errors) throw new Error(`issueCertification failed: ${JSON.stringify(errors)}`);
  return data!.issueCertification.id;
}

/** A ban (or suspension) decided on the day it takes effect, by the regulator `officer` acts for. */
async function enforce(
  officer: SignedInUser,
  target: { companyId: string; aiSystemId: string | null },
  fields: { kind?: 'DEPLOYMENT_BAN' | 'DEPLOYMENT_SUSPENSION'; effectiveFrom: string; effectiveUntil?: string },
): Promise<string> {
  const { data, errors } = await t.gql(
    RECORD_ENFORCEMENT,
    {
      input: {
        ...target,
        kind: fields.kind ?? 'DEPLOYMENT_BAN',
        legalBasis: 'AI Act, art. 5',
        decidedOn: fields.effectiveFrom,
        effectiveFrom: fields.effectiveFrom,
        effectiveUntil: fields.effectiveUntil,
        publicSummary: 'Deployment stopped pending an audit.',
      },
    },
    { token: officer.token },
  );
  if (errors) throw new Error(`recordEnforcementAction failed: ${JSON.stringify(errors)}`);
  return data!.recordEnforcementAction.id;
}

describe('a HIGH-risk system deployed where a MANDATORY requirement applies', () => {
  let requirementId: string;
  let filing: { id: string; accessionNumber: string };
  let reviewId: string;

  beforeAll(async () => {
    requirementId = await setRequirement(kenya.member.token);
  });

  it('is NON_COMPLIANT with nothing filed and no certification, saying what is missing', async () => {
    const status = await statusOf(bank.companyId, '2026-06-30');
    expect(status).toMatchObject({
      status: 'NON_COMPLIANT',
      jurisdiction: 'KEN',
      asOf: '2026-06-30',
      company: { name: 'Nairobi Bank' },
    });
    expect(rowsOf(status, requirementId)).toEqual([
      {
        aiSystemId: scorer,
        status: 'NON_COMPLIANT',
        reasons: [
          `no accepted filing under ${TEST_TEMPLATE.key} for period 2026`,
          `no active certification under ${ISO_42001}`,
        ],
      },
    ]);
  });

  it('is PENDING_REVIEW once filed and certified, while the filing is submitted or under review', async () => {
    filing = await fileDisclosure(t, bank.filer, { companyId: bank.companyId, aiSystemId: scorer });
    await certify(
      kenya.member,
      { companyId: bank.companyId, aiSystemId: scorer },
      { issuedOn: '2026-01-15', expiresOn: '2026-09-30' },
    );

    const submitted = await statusOf(bank.companyId, '2026-06-30');
    expect(submitted.status).toBe('PENDING_REVIEW');
    expect(rowsOf(submitted, requirementId)[0].reasons).toEqual([
      `filing ${filing.accessionNumber} submitted, awaiting review`,
    ]);

    reviewId = await openReview(t, kenya.member, filing.id);
    const underReview = await statusOf(bank.companyId, '2026-06-30');
    expect(underReview.status).toBe('PENDING_REVIEW');
    expect(rowsOf(underReview, requirementId)[0].reasons).toEqual([`filing ${filing.accessionNumber} under review`]);
  });

  it('is COMPLIANT once the filing is accepted and the certification active', async () => {
    const decided = await t.gql(
      DECIDE_REVIEW,
      { reviewId, decision: 'ACCEPT', summary: 'Complete and consistent.' },
      { token: kenya.member.token },
    );
    expect(decided.errors).toBeUndefined();
    const status = await statusOf(bank.companyId, '2026-06-30');
    expect(status.status).toBe('COMPLIANT');
    expect(rowsOf(status, requirementId)).toEqual([{ aiSystemId: scorer, status: 'COMPLIANT', reasons: [] }]);
  });

  it('is NON_COMPLIANT once the certification has expired, saying when', async () => {
    // Expired means expires_on <= asOf: on the day itself it no longer holds.
    for (const asOf of ['2026-09-30', '2026-11-01']) {
      const status = await statusOf(bank.companyId, asOf);
      expect(status.status).toBe('NON_COMPLIANT');
      expect(rowsOf(status, requirementId)[0].reasons).toEqual([`certification ${ISO_42001} expired on 2026-09-30`]);
    }
    expect((await statusOf(bank.companyId, '2026-09-29')).status).toBe('COMPLIANT');
  });

  it('is NON_COMPLIANT while a deployment ban is in force, naming the regulator and the date', async () => {
    const banId = await enforce(
      kenya.member,
      { companyId: bank.companyId, aiSystemId: scorer },
      { effectiveFrom: '2026-07-01' },
    );
    const banned = await statusOf(bank.companyId, '2026-07-15');
    expect(banned.status).toBe('NON_COMPLIANT');
    expect(rowsOf(banned, requirementId)[0].reasons).toEqual(['deployment banned by Kenya AI Office since 2026-07-01']);
    // Before it took effect, and once it is resolved, it counts no more.
    expect((await statusOf(bank.companyId, '2026-06-30')).status).toBe('COMPLIANT');
    const resolved = await t.gql(
      UPDATE_ENFORCEMENT,
      { id: banId, status: 'RESOLVED', reason: 'Audit passed' },
      { token: kenya.member.token },
    );
    expect(resolved.errors).toBeUndefined();
    expect((await statusOf(bank.companyId, '2026-07-15')).status).toBe('COMPLIANT');
  });

  it('counts a ban decided elsewhere only where it applies', async () => {
    // The bank deploys a system in Nigeria too, so Nigeria's regulator may suspend the whole company.
    await registerAISystem(t, bank.filer, bank.companyId, { name: 'Agent desk', jurisdictions: ['NGA'] });
    await enforce(
      nigeria.member,
      { companyId: bank.companyId, aiSystemId: null },
      { kind: 'DEPLOYMENT_SUSPENSION', effectiveFrom: '2026-07-01', effectiveUntil: '2026-12-31' },
    );
    // The scorer is deployed in Kenya only: Nigeria's suspension does not reach it through Kenya's requirement.
    expect((await statusOf(bank.companyId, '2026-07-15')).status).toBe('COMPLIANT');
  });

  it('says nothing is required before the requirement takes effect, or in a jurisdiction without requirements', async () => {
    expect(await statusOf(bank.companyId, '2025-12-31')).toMatchObject({ status: 'NOT_REQUIRED', requirements: [] });
    expect(await statusOf(bank.companyId, '2026-06-30', 'GHA')).toMatchObject({
      status: 'NOT_REQUIRED',
      requirements: [],
    });
  });

  it('applies to systems of the risk levels it names only', async () => {
    const chatbot = await registerAISystem(t, bank.filer, bank.companyId, { name: 'Chatbot', riskLevel: 'LIMITED' });
    const status = await statusOf(bank.companyId, '2026-06-30');
    expect(rowsOf(status, requirementId).map((row) => row.aiSystemId)).toEqual([scorer]);
    expect(status.requirements.some((row) => row.aiSystem.id === chatbot)).toBe(false);
  });
});

describe("a group's requirement (the EU's)", () => {
  it('applies in its member states on the date, and is asked about there too', async () => {
    const eu = await regulatorWithMember(t, admin, {
      memberEmail: 'officer@eu.example.org',
      name: 'EU AI Office',
      jurisdiction: 'EU',
    });
    const euRequirement = await setRequirement(eu.member.token, {
      title: 'EU high-risk registration',
      certificationRequired: false,
      certificationScheme: null,
      effectiveFrom: '2019-01-01',
    });
    const paris = await companyWithFiler(t, {
      filerEmail: 'filer@fr.example.org',
      name: 'Paris Vision',
      countryIso3: 'FRA',
    });
    const camera = await registerAISystem(t, paris.filer, paris.companyId, {
      riskLevel: 'HIGH',
      jurisdictions: ['FRA'],
    });
    const missing = [`no accepted filing under ${TEST_TEMPLATE.key} for period 2026`];
    for (const jurisdiction of ['EU', 'FRA', null]) {
      const status = await statusOf(paris.companyId, '2026-06-30', jurisdiction);
      expect(rowsOf(status, euRequirement)).toEqual([
        { aiSystemId: camera, status: 'NON_COMPLIANT', reasons: missing },
      ]);
    }
    // Not in another member state, and not in Kenya, where the bank's HIGH-risk system is deployed.
    expect((await statusOf(paris.companyId, '2026-06-30', 'DEU')).requirements).toEqual([]);
    expect(rowsOf(await statusOf(bank.companyId, '2026-06-30', null), euRequirement)).toEqual([]);
    // The United Kingdom left on 2020-01-31: the EU's requirement reached systems deployed there only before.
    const london = await registerAISystem(t, paris.filer, paris.companyId, {
      riskLevel: 'HIGH',
      jurisdictions: ['GBR'],
    });
    const reached = async (asOf: string) =>
      rowsOf(await statusOf(paris.companyId, asOf, null), euRequirement).map((row) => row.aiSystemId);
    expect((await reached('2019-06-30')).sort()).toEqual([camera, london].sort());
    expect(await reached('2020-06-30')).toEqual([camera]);
  });
});

describe('AISystem.compliance', () => {
  const SYSTEMS = graphql(`
    query SystemsCompliance($id: ID!, $asOf: LocalDate) {
      company(id: $id) {
        aiSystems(first: 10) {
          edges {
            node {
              name
              compliance(asOf: $asOf) {
                status
                jurisdiction
                requirements {
                  status
                  reasons
                }
              }
            }
          }
        }
      }
    }
  `);

  it('answers for every system of a page in one statement', async () => {
    t.queries.length = 0;
    const { data, errors } = await t.gql(SYSTEMS, { id: bank.companyId, asOf: '2026-06-30' });
    expect(errors).toBeUndefined();
    const systems = data!.company!.aiSystems.edges.map((edge) => edge.node);
    expect(systems).toEqual([
      { name: 'Agent desk', compliance: { status: 'NOT_REQUIRED', jurisdiction: null, requirements: [] } },
      { name: 'Chatbot', compliance: { status: 'NOT_REQUIRED', jurisdiction: null, requirements: [] } },
      {
        name: 'Loan scorer',
        compliance: { status: 'COMPLIANT', jurisdiction: null, requirements: [{ status: 'COMPLIANT', reasons: [] }] },
      },
    ]);
    expect(t.queries.filter((sql) => sql.includes('assessed AS'))).toHaveLength(1);
  });
});

describe('a requirement attached to an initiative', () => {
  let initiativeRequirement: string;
  let ghana: { companyId: string; filer: SignedInUser };
  let burundi: { companyId: string; filer: SignedInUser };
  let ghanaianSystem: string;

  beforeAll(async () => {
    const created = await t.gql(
      CREATE_INITIATIVE,
      { input: { key: 'accra_ai_compact_2026', name: 'Accra AI Compact', kind: 'DECLARATION' } },
      { token: curator.token },
    );
    expect(created.errors).toBeUndefined();
    const joined = await t.gql(
      RECORD_PARTICIPATION,
      {
        input: {
          partyCode: 'GHA',
          initiativeKey: 'accra_ai_compact_2026',
          role: 'SIGNATORY',
          validFrom: '2026-03-01',
          sourceUrl: 'https://example.org/accra-compact',
        },
      },
      { token: curator.token },
    );
    expect(joined.errors).toBeUndefined();
    initiativeRequirement = await setRequirement(curator.token, {
      initiativeKey: 'accra_ai_compact_2026',
      title: 'Accra compact: transparency',
      riskLevels: [],
      certificationRequired: false,
      certificationScheme: null,
    });
    // Incorporated in Ghana, which signed; its system is deployed in Burundi, which takes part in nothing.
    ghana = await companyWithFiler(t, {
      filerEmail: 'filer@gh.example.org',
      name: 'Accra Analytics',
      countryIso3: 'GHA',
    });
    ghanaianSystem = await registerAISystem(t, ghana.filer, ghana.companyId, { jurisdictions: ['BDI'] });
    burundi = await companyWithFiler(t, {
      filerEmail: 'filer@bi.example.org',
      name: 'Bujumbura AI',
      countryIso3: 'BDI',
    });
    await registerAISystem(t, burundi.filer, burundi.companyId, { jurisdictions: ['BDI'] });
  });

  it('applies to a company incorporated in a participating country, through all its matching systems', async () => {
    for (const jurisdiction of [null, 'GHA']) {
      const status = await statusOf(ghana.companyId, '2026-06-30', jurisdiction);
      expect(status.status).toBe('NON_COMPLIANT');
      expect(rowsOf(status, initiativeRequirement)).toEqual([
        {
          aiSystemId: ghanaianSystem,
          status: 'NON_COMPLIANT',
          reasons: [`no accepted filing under ${TEST_TEMPLATE.key} for period 2026`],
        },
      ]);
    }
  });

  it('does not apply before the country joined, nor in a country that takes part in nothing', async () => {
    expect(await statusOf(ghana.companyId, '2026-02-28', null)).toMatchObject({
      status: 'NOT_REQUIRED',
      requirements: [],
    });
    expect(await statusOf(burundi.companyId, '2026-06-30', null)).toMatchObject({
      status: 'NOT_REQUIRED',
      requirements: [],
    });
    // Asked about Burundi, where the system is deployed: the compact does not reach it there.
    expect((await statusOf(ghana.companyId, '2026-06-30', 'BDI')).requirements).toEqual([]);
  });

  it('is listed under its initiative', async () => {
    const { data } = await t.gql(REQUIREMENTS, { filter: { initiativeKey: 'accra_ai_compact_2026' }, first: 10 });
    expect(data!.disclosureRequirements).toMatchObject({
      totalCount: 1,
      edges: [
        {
          node: {
            title: 'Accra compact: transparency',
            jurisdiction: null,
            initiative: { key: 'accra_ai_compact_2026' },
          },
        },
      ],
    });
  });
});

describe('a VOLUNTARY requirement', () => {
  it('never makes anyone NON_COMPLIANT: what would is NOT_REQUIRED, with the reason marked voluntary', async () => {
    const lagos = await companyWithFiler(t, {
      filerEmail: 'filer@ng.example.org',
      name: 'Lagos Vision',
      countryIso3: 'NGA',
    });
    const camera = await registerAISystem(t, lagos.filer, lagos.companyId, { jurisdictions: ['NGA'] });
    const voluntary = await setRequirement(nigeria.member.token, {
      title: 'Voluntary code',
      regime: 'VOLUNTARY',
      riskLevels: [],
    });
    await enforce(nigeria.member, { companyId: lagos.companyId, aiSystemId: camera }, { effectiveFrom: '2026-05-01' });

    const status = await statusOf(lagos.companyId, '2026-06-30', 'NGA');
    expect(status.status).toBe('NOT_REQUIRED');
    expect(rowsOf(status, voluntary)).toEqual([
      {
        aiSystemId: camera,
        status: 'NOT_REQUIRED',
        reasons: [
          `voluntary: no accepted filing under ${TEST_TEMPLATE.key} for period 2026`,
          `voluntary: no active certification under ${ISO_42001}`,
          'voluntary: deployment banned by Nigeria Data Authority since 2026-05-01',
        ],
      },
    ]);
  });
});

describe('complianceOverview', () => {
  it("counts the jurisdiction's companies per overall status, zeros included", async () => {
    const counts = async (jurisdiction: string, asOf: string) => {
      const { data, errors } = await t.gql(OVERVIEW, { jurisdiction, asOf });
      expect(errors).toBeUndefined();
      return data!.complianceOverview;
    };
    // Kenya: the bank (compliant on 30 June, its certification expired by November).
    expect(await counts('KEN', '2026-06-30')).toEqual({
      jurisdiction: 'KEN',
      asOf: '2026-06-30',
      companies: 1,
      counts: [
        { status: 'NON_COMPLIANT', companies: 0 },
        { status: 'PENDING_REVIEW', companies: 0 },
        { status: 'COMPLIANT', companies: 1 },
        { status: 'NOT_REQUIRED', companies: 0 },
      ],
    });
    expect((await counts('ken', '2026-11-01')).counts[0]).toEqual({ status: 'NON_COMPLIANT', companies: 1 });
    // Burundi: both companies deploy there, neither is reached by a requirement there.
    expect((await counts('BDI', '2026-06-30')).counts).toEqual([
      { status: 'NON_COMPLIANT', companies: 0 },
      { status: 'PENDING_REVIEW', companies: 0 },
      { status: 'COMPLIANT', companies: 0 },
      { status: 'NOT_REQUIRED', companies: 2 },
    ]);
    // Ghana: the company incorporated there, reached by the compact.
    expect((await counts('GHA', '2026-06-30')).counts[0]).toEqual({ status: 'NON_COMPLIANT', companies: 1 });
  });

  it('is kept between requests and recounted as soon as a record that decides compliance changes', async () => {
    const overview = async () => {
      const { data, errors } = await t.gql(OVERVIEW_KEPT, { jurisdiction: 'KEN', asOf: '2026-06-30' });
      expect(errors).toBeUndefined();
      const { counts, computedAt } = data!.complianceOverview;
      return { nonCompliant: counts[0].companies, compliant: counts[2].companies, computedAt };
    };
    const first = await overview();
    expect(first).toMatchObject({ nonCompliant: 0, compliant: 1 });
    expect(await overview()).toEqual(first);

    const banId = await enforce(
      kenya.member,
      { companyId: bank.companyId, aiSystemId: null },
      { effectiveFrom: '2026-06-01' },
    );
    const banned = await overview();
    expect(banned).toMatchObject({ nonCompliant: 1, compliant: 0 });
    expect(Date.parse(banned.computedAt)).toBeGreaterThanOrEqual(Date.parse(first.computedAt));

    const resolved = await t.gql(
      UPDATE_ENFORCEMENT,
      { id: banId, status: 'RESOLVED', reason: 'Audit passed' },
      { token: kenya.member.token },
    );
    expect(resolved.errors).toBeUndefined();
    expect(await overview()).toMatchObject({ nonCompliant: 0, compliant: 1 });
  });

  it('refuses a jurisdiction that names no party', async () => {
    const { errors } = await t.gql(OVERVIEW, { jurisdiction: 'XXX' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jurisdiction' });
  });
});

describe('setting requirements', () => {
  const eventsOf = (id: string) =>
    t.sql(
      `SELECT action, actor_user_id, before, after FROM audit_event
       WHERE entity_type = 'disclosure_requirement' AND entity_id = $1 ORDER BY id`,
      [id],
    );
  const countRequirements = async () =>
    (await t.sql(`SELECT count(*)::int AS n FROM disclosure_requirement`))[0].n as number;

  it("stores the regulator's jurisdiction, risk levels in order, and one audit event per change", async () => {
    const { data, errors } = await t.gql(
      SET,
      {
        input: requirement({
          title: '  Annual transparency  ',
          riskLevels: ['UNACCEPTABLE', 'HIGH', 'HIGH'],
          effectiveUntil: '2030-01-01',
        }),
      },
      { token: kenya.member.token },
    );
    expect(errors).toBeUndefined();
    const created = data!.setDisclosureRequirement;
    expect(created).toMatchObject({
      title: 'Annual transparency',
      regime: 'MANDATORY',
      jurisdiction: 'KEN',
      riskLevels: ['HIGH', 'UNACCEPTABLE'],
      templates: [{ key: TEST_TEMPLATE.key, minVersion: 1 }],
      effectiveUntil: '2030-01-01',
      regulator: { name: 'Kenya AI Office' },
      initiative: null,
    });
    const [event] = await eventsOf(created.id);
    expect(event).toMatchObject({
      action: 'disclosureRequirement.create',
      actor_user_id: kenya.member.id,
      before: null,
      after: { title: 'Annual transparency', jurisdiction: 'KEN', regulatorId: kenya.regulatorId },
    });

    // Replacing it: one event with before and after; the same values again change nothing and record nothing.
    const changed = {
      id: created.id,
      title: 'Annual transparency',
      regime: 'VOLUNTARY' as const,
      effectiveUntil: null,
    };
    for (let i = 0; i < 2; i++) {
      const updated = await t.gql(SET, { input: requirement(changed) }, { token: kenya.member.token });
      expect(updated.errors).toBeUndefined();
      expect(updated.data!.setDisclosureRequirement).toMatchObject({ regime: 'VOLUNTARY', effectiveUntil: null });
    }
    const events = await eventsOf(created.id);
    expect(events.map((e) => e.action)).toEqual(['disclosureRequirement.create', 'disclosureRequirement.update']);
    expect(events[1]).toMatchObject({
      before: { regime: 'MANDATORY', effectiveUntil: '2030-01-01' },
      after: { regime: 'VOLUNTARY', effectiveUntil: null },
    });
  });

  it("lets no regulator set another regulator's requirements, and no filer any", async () => {
    const before = await countRequirements();
    const forNigeria = await t.gql(
      SET,
      { input: requirement({ regulatorId: nigeria.regulatorId }) },
      { token: kenya.member.token },
    );
    expect(forNigeria.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const nigerian = await setRequirement(nigeria.member.token, { title: 'Nigerian rule' });
    const takeover = await t.gql(SET, { input: requirement({ id: nigerian }) }, { token: kenya.member.token });
    expect(takeover.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.sql(`SELECT title FROM disclosure_requirement WHERE id = $1`, [nigerian]))[0].title).toBe(
      'Nigerian rule',
    );

    const byFiler = await t.gql(SET, { input: requirement() }, { token: bank.filer.token });
    expect(byFiler.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(SET, { input: requirement() });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // A curator sets an initiative's requirements only; a regulator, its regulator's only.
    const curatorAsRegulator = await t.gql(SET, { input: requirement() }, { token: curator.token });
    expect(curatorAsRegulator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const regulatorOnInitiative = await t.gql(
      SET,
      { input: requirement({ initiativeKey: 'oecd_ai_2019' }) },
      { token: kenya.member.token },
    );
    expect(regulatorOnInitiative.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await countRequirements()).toBe(before + 1);
  });

  it('refuses templates that do not exist at the version asked, naming each, and changes nothing', async () => {
    const before = await countRequirements();
    const { errors } = await t.gql(
      SET,
      {
        input: requirement({
          templates: [
            { key: TEST_TEMPLATE.key, minVersion: 2 },
            { key: 'no-such-template', minVersion: 1 },
            { key: TEST_TEMPLATE.key },
          ],
        }),
      },
      { token: kenya.member.token },
    );
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.fields.map((problem: { field: string }) => problem.field)).toEqual([
      'input.templates.0.key',
      'input.templates.1.key',
      'input.templates.2.key',
    ]);
    const other = await t.gql(
      SET,
      { input: requirement({ effectiveUntil: '2025-01-01', certificationRequired: false }) },
      { token: kenya.member.token },
    );
    expect(other.errors?.[0].extensions?.fields.map((problem: { field: string }) => problem.field)).toEqual([
      'input.effectiveUntil',
      'input.certificationScheme',
    ]);
    const both = await t.gql(
      SET,
      { input: requirement({ regulatorId: kenya.regulatorId, initiativeKey: 'oecd_ai_2019' }) },
      { token: kenya.member.token },
    );
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.initiativeKey' });
    expect(await countRequirements()).toBe(before);
  });

  it('lists requirements by jurisdiction, a page at a time', async () => {
    const first = await t.gql(REQUIREMENTS, { filter: { jurisdiction: 'ken' }, first: 1 });
    expect(first.errors).toBeUndefined();
    const page = first.data!.disclosureRequirements;
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((edge) => edge.node.jurisdiction)).toEqual(['KEN']);
    const second = await t.gql(REQUIREMENTS, {
      filter: { jurisdiction: 'KEN' },
      first: 10,
      after: page.pageInfo.endCursor,
    });
    expect(second.data!.disclosureRequirements.edges).toHaveLength(1);
    expect(second.data!.disclosureRequirements.pageInfo.hasNextPage).toBe(false);
    // A filter naming nothing is a mistake, not an empty list.
    for (const [filter, field] of [
      [{ jurisdiction: 'XXX' }, 'filter.jurisdiction'],
      [{ initiativeKey: 'no_such_initiative' }, 'filter.initiativeKey'],
    ] as const) {
      const { errors } = await t.gql(REQUIREMENTS, { filter, first: 1 });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
