import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { companyWithFiler, registerAISystem } from '../fixtures/companies.js';
import {
  COMPLETE_CONTENT,
  draftDisclosure,
  fileDisclosure,
  insertTestTemplate,
  SUBMIT,
} from '../fixtures/disclosures.js';
import { regulatorWithMember } from '../fixtures/regulators.js';
import { ADD_FINDING, DECIDE_REVIEW, openReview, reviewAndDecide, START_REVIEW } from '../fixtures/reviews.js';
import { grantMembership, LOGIN, type SignedInUser } from '../fixtures/users.js';
import { ReviewQueueRepository } from '../../src/oversight/review-queue.repository.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
/** France's regulator, with two staff members. */
let cnil: { regulatorId: string; member: SignedInUser; colleague: SignedInUser };
let anpd: { regulatorId: string; member: SignedInUser };
let euOffice: { regulatorId: string; member: SignedInUser };
let acme: { companyId: string; filer: SignedInUser; french: string; brazilian: string };
let rival: { companyId: string; filer: SignedInUser; french: string };

beforeAll(async () => {
  // Filers and regulators here make hundreds of changes in a minute.
  t = await startTestApp({ mutationsPerMinute: 10_000 });
  await insertTestTemplate(t);
  admin = await t.signUp('admin@oversight.example', [Role.ADMIN]);
  const france = await regulatorWithMember(t, admin, {
    memberEmail: 'analyst@cnil.example',
    name: 'Commission nationale de l’informatique et des libertés',
    jurisdiction: 'FRA',
  });
  const colleague = await t.signUp('colleague@cnil.example', [Role.REGULATOR]);
  await grantMembership(t, admin, colleague.id, { regulatorId: france.regulatorId });
  cnil = { ...france, colleague };
  anpd = await regulatorWithMember(t, admin, {
    memberEmail: 'analyst@anpd.example',
    name: 'Autoridade Nacional de Proteção de Dados',
    jurisdiction: 'BRA',
  });
  euOffice = await regulatorWithMember(t, admin, {
    memberEmail: 'analyst@ai-office.example',
    name: 'European AI Office',
    jurisdiction: 'EU',
  });
  const a = await companyWithFiler(t, { filerEmail: 'filer@acme.example', name: 'Acme Lending' });
  acme = {
    ...a,
    french: await registerAISystem(t, a.filer, a.companyId, { name: 'CreditScore FR', jurisdictions: ['FRA'] }),
    brazilian: await registerAISystem(t, a.filer, a.companyId, { name: 'CreditScore BR', jurisdictions: ['BRA'] }),
  };
  const b = await companyWithFiler(t, { filerEmail: 'filer@rival.example', name: 'Rival Analytics' });
  rival = {
    ...b,
    french: await registerAISystem(t, b.filer, b.companyId, { name: 'FaceMatch', jurisdictions: ['FRA'] }),
  };
});
afterAll(() => t.close());

/** A filing by Acme about one of its systems, with the risks and the note withheld from the public. */
async function confidentialFiling(aiSystemId = acme.french, content: object = COMPLETE_CONTENT): Promise<string> {
  const id = await draftDisclosure(t, acme.filer, { companyId: acme.companyId, aiSystemId }, content, [
    { path: '/risks', reason: 'TRADE_SECRET' },
    { path: '/internalNote', reason: 'LEGAL_RESTRICTION' },
  ]);
  const { errors } = await t.gql(SUBMIT, { id }, { token: acme.filer.token });
  if (errors) throw new Error(`submitDisclosure failed: ${JSON.stringify(errors)}`);
  return id;
}

async function statusOf(id: string): Promise<string> {
  const [row] = await t.sql<{ status: string }>(`SELECT status FROM disclosure WHERE id = $1`, [id]);
  return row.status;
}

async function actionsOn(entityId: string): Promise<string[]> {
  const rows = await t.sql<{ action: string }>(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
    entityId,
  ]);
  return rows.map((row) => row.action);
}

const codeOf = (answer: { errors?: { extensions?: Record<string, any> }[] }) => answer.errors?.[0]?.extensions?.code;

const QUEUE = graphql(`
  query Queue($regulatorId: ID!, $first: Int!, $after: String) {
    reviewQueue(regulatorId: $regulatorId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          waitingSince
          ageDays
          disclosure {
            id
            status
            accessionNumber
            content
            company {
              name
            }
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

const SEEN = graphql(`
  query Seen($id: ID!) {
    disclosure(id: $id) {
      id
      status
      content
      reviews {
        id
        decision
        summary
        decidedAt
        reviewerId
        regulator {
          name
        }
        findings {
          fieldPath
          severity
          requirement
          comment
        }
      }
    }
  }
`);

describe('regulator website', () => {
  const CREATE = graphql(`
    mutation CreateWithWebsite($input: CreateRegulatorInput!) {
      createRegulator(input: $input) {
        id
        website
      }
    }
  `);
  const UPDATE = graphql(`
    mutation UpdateRegulator($id: ID!, $input: UpdateRegulatorInput!) {
      updateRegulator(id: $id, input: $input) {
        name
        website
      }
    }
  `);

  it('is an optional http(s) URL, changed or cleared on its own; anything else is BAD_USER_INPUT naming it', async () => {
    const created = await t.gql(
      CREATE,
      {
        input: { name: 'Garante per la protezione dei dati', jurisdiction: 'ITA', website: 'HTTPS://www.garante.it/' },
      },
      { token: admin.token },
    );
    const id = created.data!.createRegulator.id;
    expect(created.data?.createRegulator.website).toBe('https://www.garante.it/');

    const bad = await t.gql(UPDATE, { id, input: { website: 'ftp://garante.it' } }, { token: admin.token });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.website' });
    const noScheme = await t.gql(
      CREATE,
      { input: { name: 'No website', jurisdiction: 'ITA', website: 'garante.it' } },
      { token: admin.token },
    );
    expect(noScheme.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.website' });

    const moved = await t.gql(UPDATE, { id, input: { website: 'https://garanteprivacy.it' } }, { token: admin.token });
    expect(moved.data?.updateRegulator).toEqual({
      name: 'Garante per la protezione dei dati',
      website: 'https://garanteprivacy.it',
    });
    const cleared = await t.gql(UPDATE, { id, input: { website: null } }, { token: admin.token });
    expect(cleared.data?.updateRegulator.website).toBeNull();
    const renamed = await t.gql(UPDATE, { id, input: { name: 'Garante privacy' } }, { token: admin.token });
    expect(renamed.data?.updateRegulator).toEqual({ name: 'Garante privacy', website: null });
    expect(await actionsOn(id)).toEqual([
      'regulator.create',
      'regulator.update',
      'regulator.update',
      'regulator.update',
    ]);
  });
});

describe('the review queue', () => {
  let bfdi: { regulatorId: string; member: SignedInUser };
  const queued: string[] = [];

  beforeAll(async () => {
    // Germany's queue is this block's own: nothing else here is deployed in DEU.
    bfdi = await regulatorWithMember(t, admin, {
      memberEmail: 'analyst@bfdi.example',
      name: 'Bundesbeauftragte für den Datenschutz',
      jurisdiction: 'DEU',
    });
    const german = await registerAISystem(t, acme.filer, acme.companyId, {
      name: 'Scoring DE',
      jurisdictions: ['DEU'],
    });
    for (let i = 0; i < 5; i++) {
      queued.push((await fileDisclosure(t, acme.filer, { companyId: acme.companyId, aiSystemId: german })).id);
    }
    // Out of the queue: one about a system deployed elsewhere, one under review already, a draft.
    await fileDisclosure(t, acme.filer, { companyId: acme.companyId, aiSystemId: acme.brazilian });
    const reviewed = (await fileDisclosure(t, acme.filer, { companyId: acme.companyId, aiSystemId: german })).id;
    await openReview(t, bfdi.member, reviewed);
    await draftDisclosure(t, acme.filer, { companyId: acme.companyId, aiSystemId: german }, COMPLETE_CONTENT);
    // The third one has waited ten days (moved back the way time would have: around the filing's freeze).
    await t.sql(
      `SET session_replication_role = replica;
       UPDATE disclosure SET submitted_at = submitted_at - interval '10 days' WHERE id = '${queued[2]}';
       RESET session_replication_role;`,
    );
  });

  it('lists SUBMITTED filings about systems deployed in the jurisdiction, oldest first, page by page', async () => {
    const first = await t.gql(QUEUE, { regulatorId: bfdi.regulatorId, first: 2 }, { token: bfdi.member.token });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.reviewQueue;
    expect(page1.totalCount).toBe(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(
      QUEUE,
      { regulatorId: bfdi.regulatorId, first: 2, after: page1.pageInfo.endCursor },
      { token: bfdi.member.token },
    );
    const third = await t.gql(
      QUEUE,
      { regulatorId: bfdi.regulatorId, first: 2, after: second.data!.reviewQueue.pageInfo.endCursor },
      { token: bfdi.member.token },
    );
    expect(third.data!.reviewQueue.pageInfo.hasNextPage).toBe(false);
    const nodes = [page1, second.data!.reviewQueue, third.data!.reviewQueue].flatMap((page) =>
      page.edges.map((edge) => edge.node),
    );
    expect(nodes.map((node) => node.disclosure.id)).toEqual([queued[2], queued[0], queued[1], queued[3], queued[4]]);
    expect(nodes.map((node) => node.ageDays)).toEqual([10, 0, 0, 0, 0]);
    expect(nodes.every((node) => node.disclosure.status === 'SUBMITTED')).toBe(true);
    const waiting = nodes.map((node) => Date.parse(node.waitingSince));
    expect([...waiting].sort((a, b) => a - b)).toEqual(waiting);
    expect(nodes[0].disclosure.company.name).toBe('Acme Lending');
  });

  it('pages the same way when it hashes the jurisdiction’s systems instead of walking the queue', async () => {
    const pages = async () => {
      const ids: string[] = [];
      let after: string | null | undefined = null;
      do {
        const { data }: GraphqlResponse<ResultOf<typeof QUEUE>> = await t.gql(
          QUEUE,
          { regulatorId: bfdi.regulatorId, first: 2, after },
          { token: bfdi.member.token },
        );
        ids.push(...data!.reviewQueue.edges.map((edge) => edge.node.disclosure.id));
        after = data!.reviewQueue.pageInfo.hasNextPage ? data!.reviewQueue.pageInfo.endCursor : null;
      } while (after);
      return ids;
    };
    const queue = t.app.get(ReviewQueueRepository);
    const walked = await pages();
    const walkLength = queue.walkLength;
    try {
      // Walks cut short before, at and after the page fills: each answer is the same.
      for (const walk of [1, 2, 3, 4]) {
        queue.walkLength = walk;
        expect(await pages()).toEqual(walked);
      }
    } finally {
      queue.walkLength = walkLength;
    }
    expect(walked).toEqual([queued[2], queued[0], queued[1], queued[3], queued[4]]);
  });

  it('answers every field of the filings, not only what a summary page reads', async () => {
    const { data, errors } = await t.gql(
      graphql(`
        query QueueInFull($regulatorId: ID!) {
          reviewQueue(regulatorId: $regulatorId, first: 1) {
            edges {
              node {
                disclosure {
                  accessionNumber
                  contentHash
                  ledgerSeq
                  createdAt
                }
              }
            }
          }
        }
      `),
      { regulatorId: bfdi.regulatorId },
      { token: bfdi.member.token },
    );
    expect(errors).toBeUndefined();
    const [filing] = await t.sql<{ contentHash: string; ledgerSeq: number; createdAt: Date }>(
      `SELECT content_hash AS "contentHash", ledger_seq AS "ledgerSeq", created_at AS "createdAt" FROM disclosure
       WHERE id = $1`,
      [queued[2]],
    );
    expect(data!.reviewQueue.edges[0].node.disclosure).toMatchObject({
      contentHash: filing.contentHash,
      ledgerSeq: filing.ledgerSeq,
      createdAt: filing.createdAt.toISOString(),
    });
  });

  it('reads a page in one statement', async () => {
    t.queries.length = 0;
    const { data, errors } = await t.gql(
      graphql(`
        query QueueIds($regulatorId: ID!) {
          reviewQueue(regulatorId: $regulatorId, first: 100) {
            edges {
              node {
                ageDays
                disclosure {
                  id
                  accessionNumber
                  company {
                    name
                    createdAt
                  }
                }
              }
            }
          }
        }
      `),
      { regulatorId: bfdi.regulatorId },
      { token: bfdi.member.token },
    );
    expect(errors).toBeUndefined();
    expect(t.queries.filter((sql) => /\bFROM disclosure\b/.test(sql))).toHaveLength(1);
    // The companies come with the page: no lookup of their own.
    expect(t.queries.filter((sql) => /\bFROM company\b/.test(sql))).toHaveLength(0);
    const [company] = await t.sql<{ createdAt: Date }>(`SELECT created_at AS "createdAt" FROM company WHERE id = $1`, [
      acme.companyId,
    ]);
    expect(data!.reviewQueue.edges[0].node.disclosure.company).toEqual({
      name: 'Acme Lending',
      createdAt: company.createdAt.toISOString(),
    });
  });

  it('is for the regulator’s staff only', async () => {
    const outsider = await t.gql(QUEUE, { regulatorId: bfdi.regulatorId, first: 5 }, { token: cnil.member.token });
    expect(codeOf(outsider)).toBe('FORBIDDEN');
    const filer = await t.gql(QUEUE, { regulatorId: bfdi.regulatorId, first: 5 }, { token: acme.filer.token });
    expect(codeOf(filer)).toBe('FORBIDDEN');
    const anonymous = await t.gql(QUEUE, { regulatorId: bfdi.regulatorId, first: 5 });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const cursor = await t.gql(
      QUEUE,
      { regulatorId: bfdi.regulatorId, first: 5, after: 'not-a-cursor' },
      { token: bfdi.member.token },
    );
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('gives a kept caller the first page the resolver gives, without reading the caller, and leaves the rest to it', async () => {
    const { data } = await t.gql(LOGIN, { email: bfdi.member.email, password: bfdi.member.password });
    const token = data!.login.token;
    const variables = { regulatorId: bfdi.regulatorId, first: 3 };
    t.queries.length = 0;
    // First sight of the token: the access guard and the resolver, the caller read and kept.
    const throughNest = await t.gql(QUEUE, variables, { token });
    const firstStatements = t.queries.length;
    t.queries.length = 0;
    const fast = await t.gql(QUEUE, variables, { token });
    expect(fast).toEqual(throughNest);
    expect(fast.data!.reviewQueue.edges).toHaveLength(3);
    // The page and its count; no caller read.
    expect(t.queries).toHaveLength(firstStatements - 1);
    expect(t.queries.filter((sql) => sql.includes('revoked_token'))).toEqual([]);

    // Anything but a valid first page goes to the resolver, with its errors naming the field.
    for (const [args, field] of [
      [{ ...variables, first: 0 }, 'first'],
      [{ ...variables, first: 101 }, 'first'],
      [{ ...variables, after: 'not-a-cursor' }, 'after'],
    ] as const) {
      const refused = await t.gql(QUEUE, args, { token });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // A regulator the caller is not staff of, malformed or not: the access guard refuses first, as ever.
    expect(codeOf(await t.gql(QUEUE, { ...variables, regulatorId: 'not-an-id' }, { token }))).toBe('FORBIDDEN');
    // A kept caller the rule does not admit: the access guard refuses, as ever.
    await t.gql(QUEUE, variables, { token: cnil.member.token });
    expect(codeOf(await t.gql(QUEUE, variables, { token: cnil.member.token }))).toBe('FORBIDDEN');
  });

  it('covers an EU member state’s systems for the EU’s regulator, in full', async () => {
    const filed = await confidentialFiling();
    const ids: string[] = [];
    let after: string | null | undefined = null;
    do {
      const { data }: GraphqlResponse<ResultOf<typeof QUEUE>> = await t.gql(
        QUEUE,
        { regulatorId: euOffice.regulatorId, first: 100, after },
        { token: euOffice.member.token },
      );
      ids.push(...data!.reviewQueue.edges.map((edge) => edge.node.disclosure.id));
      const mine = data!.reviewQueue.edges.find((edge) => edge.node.disclosure.id === filed);
      if (mine) expect(mine.node.disclosure.content).toEqual(COMPLETE_CONTENT);
      after = data!.reviewQueue.pageInfo.hasNextPage ? data!.reviewQueue.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toContain(filed);
    expect(ids).toEqual(expect.arrayContaining(queued));
    const brazil = await t.gql(QUEUE, { regulatorId: anpd.regulatorId, first: 100 }, { token: anpd.member.token });
    expect(brazil.data!.reviewQueue.edges.map((edge) => edge.node.disclosure.id)).not.toContain(filed);
  });
});

describe('the workflow', () => {
  it('opens a review (UNDER_REVIEW), takes findings, and decides, each change with its audit event', async () => {
    const id = await confidentialFiling();
    const started = await t.gql(START_REVIEW, { disclosureId: id }, { token: cnil.member.token });
    expect(started.errors).toBeUndefined();
    const review = started.data!.startReview;
    expect(review).toMatchObject({ disclosureId: id, regulatorId: cnil.regulatorId, reviewerId: cnil.member.id });
    expect(await statusOf(id)).toBe('UNDER_REVIEW');

    const finding = await t.gql(
      ADD_FINDING,
      {
        reviewId: review.id,
        input: {
          fieldPath: '/risks/0/mitigation',
          severity: 'MAJOR',
          requirement: 'Guidance 4.2: mitigations are specific',
          comment: ' "Quarterly" says when, not how. ',
        },
      },
      { token: cnil.colleague.token },
    );
    expect(finding.data?.addFinding).toMatchObject({
      reviewId: review.id,
      fieldPath: '/risks/0/mitigation',
      severity: 'MAJOR',
      comment: '"Quarterly" says when, not how.',
      createdBy: cnil.colleague.id,
    });

    const decided = await t.gql(
      DECIDE_REVIEW,
      { reviewId: review.id, decision: 'REQUEST_AMENDMENT', summary: 'Mitigations need detail.' },
      { token: cnil.member.token },
    );
    expect(decided.data?.decideReview).toMatchObject({
      decision: 'REQUEST_AMENDMENT',
      summary: 'Mitigations need detail.',
      disclosure: { id, status: 'AMENDMENT_REQUESTED' },
    });
    expect(await statusOf(id)).toBe('AMENDMENT_REQUESTED');
    expect(await actionsOn(id)).toEqual([
      'disclosure.create_draft',
      'disclosure.update_draft',
      'disclosure.submit',
      'disclosure.start_review',
      'disclosure.request_amendment',
    ]);
    expect(await actionsOn(review.id)).toEqual(['review.open', 'review.decide']);
    expect(await actionsOn(finding.data!.addFinding.id)).toEqual(['review.add_finding']);
  });

  it('rejects and accepts', async () => {
    const rejected = await confidentialFiling();
    await reviewAndDecide(t, cnil.member, rejected, 'REJECT');
    expect(await statusOf(rejected)).toBe('REJECTED');
    const accepted = await confidentialFiling();
    await reviewAndDecide(t, cnil.member, accepted, 'ACCEPT');
    expect(await statusOf(accepted)).toBe('ACCEPTED');
  });

  it('keeps one open review per filing: a second is CONFLICT, alone or at the same moment', async () => {
    const id = await confidentialFiling();
    await openReview(t, cnil.member, id);
    const again = await t.gql(START_REVIEW, { disclosureId: id }, { token: cnil.colleague.token });
    expect(codeOf(again)).toBe('CONFLICT');

    const raced = await confidentialFiling();
    const answers = await Promise.all([
      t.gql(START_REVIEW, { disclosureId: raced }, { token: cnil.member.token }),
      t.gql(START_REVIEW, { disclosureId: raced }, { token: euOffice.member.token }),
    ]);
    expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const reviews = await t.sql(`SELECT id FROM review WHERE disclosure_id = $1`, [raced]);
    expect(reviews).toHaveLength(1);
  });

  it('refuses a second decision (CONFLICT) and names the current state of any other transition, changing nothing', async () => {
    const id = await confidentialFiling();
    const reviewId = await reviewAndDecide(t, cnil.member, id, 'ACCEPT');
    const events = await t.sql(`SELECT count(*)::int AS count FROM audit_event`);

    const twice = await t.gql(
      DECIDE_REVIEW,
      { reviewId, decision: 'REJECT', summary: 'On second thoughts.' },
      { token: cnil.member.token },
    );
    // Decided once: a later decision gets the answer a concurrent one gets.
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      decision: 'ACCEPT',
      from: 'ACCEPTED',
      to: 'REJECTED',
    });
    expect(twice.errors?.[0].message).toContain('ACCEPTED');

    const reopened = await t.gql(START_REVIEW, { disclosureId: id }, { token: cnil.member.token });
    expect(reopened.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      from: 'ACCEPTED',
      to: 'UNDER_REVIEW',
    });

    const late = await t.gql(
      ADD_FINDING,
      { reviewId, input: { fieldPath: '', severity: 'INFO', requirement: 'Any', comment: 'Too late.' } },
      { token: cnil.member.token },
    );
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE_TRANSITION', from: 'ACCEPTED' });

    expect(await statusOf(id)).toBe('ACCEPTED');
    const [review] = await t.sql(`SELECT decision, summary FROM review WHERE id = $1`, [reviewId]);
    expect(review).toEqual({ decision: 'ACCEPT', summary: 'Reviewed against the transparency guidance.' });
    expect(await t.sql(`SELECT count(*)::int AS count FROM audit_event`)).toEqual(events);
  });

  it('is refused by the database too, whatever the code does', async () => {
    const id = await confidentialFiling();
    await expect(t.sql(`UPDATE disclosure SET status = 'ACCEPTED' WHERE id = $1`, [id])).rejects.toThrow(
      /cannot go from SUBMITTED to ACCEPTED/,
    );
    const reviewId = await reviewAndDecide(t, cnil.member, id, 'REJECT');
    await expect(t.sql(`UPDATE review SET decision = 'ACCEPT' WHERE id = $1`, [reviewId])).rejects.toThrow(
      /is decided/,
    );
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const id = await confidentialFiling();
    const reviewId = await openReview(t, cnil.member, id);
    for (const [input, field] of [
      [{ fieldPath: 'risks/0', severity: 'MINOR', requirement: 'R', comment: 'C' }, 'input.fieldPath'],
      [{ fieldPath: '/risks/~2', severity: 'MINOR', requirement: 'R', comment: 'C' }, 'input.fieldPath'],
      [{ fieldPath: '/summary', severity: 'MINOR', requirement: '   ', comment: 'C' }, 'input.requirement'],
    ] as const) {
      const { errors } = await t.gql(ADD_FINDING, { reviewId, input }, { token: cnil.member.token });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const blank = await t.gql(
      DECIDE_REVIEW,
      { reviewId, decision: 'ACCEPT', summary: ' ' },
      { token: cnil.member.token },
    );
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'summary' });
    expect(await t.sql(`SELECT id FROM review_finding WHERE review_id = $1`, [reviewId])).toEqual([]);
    expect(await statusOf(id)).toBe('UNDER_REVIEW');
  });

  it('holds at most 100 findings a review', async () => {
    const reviewId = await openReview(t, cnil.member, await confidentialFiling());
    const input = { fieldPath: '/summary', severity: 'INFO' as const, requirement: 'R', comment: 'C' };
    for (let i = 0; i < 100; i++) {
      const { errors } = await t.gql(ADD_FINDING, { reviewId, input }, { token: cnil.member.token });
      expect(errors).toBeUndefined();
    }
    expect(codeOf(await t.gql(ADD_FINDING, { reviewId, input }, { token: cnil.member.token }))).toBe('CONFLICT');
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM review_finding WHERE review_id = $1`, [
      reviewId,
    ]);
    expect(count).toBe(100);
  });

  it('is for regulators: a filer may not review, and another regulator’s staff may not act on a review', async () => {
    const id = await confidentialFiling();
    expect(codeOf(await t.gql(START_REVIEW, { disclosureId: id }, { token: acme.filer.token }))).toBe('FORBIDDEN');
    const reviewId = await openReview(t, cnil.member, id);
    const finding = {
      reviewId,
      input: { fieldPath: '/summary', severity: 'MINOR' as const, requirement: 'R', comment: 'C' },
    };
    // The EU's office covers France, but the review is France's.
    expect(codeOf(await t.gql(ADD_FINDING, finding, { token: euOffice.member.token }))).toBe('FORBIDDEN');
    const decision = { reviewId, decision: 'ACCEPT' as const, summary: 'Fine.' };
    expect(codeOf(await t.gql(DECIDE_REVIEW, decision, { token: anpd.member.token }))).toBe('FORBIDDEN');
    expect(await statusOf(id)).toBe('UNDER_REVIEW');
  });

  it('does not find drafts, nor reviews that do not exist', async () => {
    const draft = await draftDisclosure(t, acme.filer, { companyId: acme.companyId, aiSystemId: acme.french });
    expect(codeOf(await t.gql(START_REVIEW, { disclosureId: draft }, { token: cnil.member.token }))).toBe('NOT_FOUND');
    const missing = { reviewId: '00000000-0000-4000-8000-000000000000', decision: 'ACCEPT' as const, summary: 'x' };
    expect(codeOf(await t.gql(DECIDE_REVIEW, missing, { token: cnil.member.token }))).toBe('NOT_FOUND');
  });
});

describe('jurisdiction', () => {
  it('keeps a French regulator off a filing about a system deployed only in Brazil: FORBIDDEN, nothing changes', async () => {
    const id = await confidentialFiling(acme.brazilian);
    const before = await t.sql(`SELECT count(*)::int AS count FROM audit_event`);
    const answer = await t.gql(START_REVIEW, { disclosureId: id }, { token: cnil.member.token });
    expect(codeOf(answer)).toBe('FORBIDDEN');
    expect(await statusOf(id)).toBe('SUBMITTED');
    expect(await t.sql(`SELECT id FROM review WHERE disclosure_id = $1`, [id])).toEqual([]);
    expect(await t.sql(`SELECT count(*)::int AS count FROM audit_event`)).toEqual(before);
    // Brazil's regulator may.
    await reviewAndDecide(t, anpd.member, id, 'ACCEPT');
    expect(await statusOf(id)).toBe('ACCEPTED');
  });

  it('lets the EU’s regulator review a filing about a system deployed in France (a member state)', async () => {
    const id = await confidentialFiling();
    const reviewId = await reviewAndDecide(t, euOffice.member, id, 'REJECT');
    const [review] = await t.sql(`SELECT regulator_id FROM review WHERE id = $1`, [reviewId]);
    expect(review.regulator_id).toBe(euOffice.regulatorId);
    expect(await statusOf(id)).toBe('REJECTED');
  });

  it('asks staff of several regulators which one they act for', async () => {
    const both = await t.signUp('analyst@two-hats.example', [Role.REGULATOR]);
    await grantMembership(t, admin, both.id, { regulatorId: cnil.regulatorId });
    await grantMembership(t, admin, both.id, { regulatorId: anpd.regulatorId });
    const id = await confidentialFiling();
    const unnamed = await t.gql(START_REVIEW, { disclosureId: id }, { token: both.token });
    expect(unnamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regulatorId' });
    const asBrazil = await t.gql(
      START_REVIEW,
      { disclosureId: id, regulatorId: anpd.regulatorId },
      { token: both.token },
    );
    expect(codeOf(asBrazil)).toBe('FORBIDDEN');
    const asFrance = await t.gql(
      START_REVIEW,
      { disclosureId: id, regulatorId: cnil.regulatorId },
      { token: both.token },
    );
    expect(asFrance.data?.startReview.regulatorId).toBe(cnil.regulatorId);
  });
});

describe('two deciders at the same moment', () => {
  it('store exactly one decision; the other is CONFLICT naming it, and the filing matches the stored decision', async () => {
    for (let round = 0; round < 6; round++) {
      const id = await confidentialFiling();
      const reviewId = await openReview(t, cnil.member, id);
      const answers = await Promise.all([
        t.gql(DECIDE_REVIEW, { reviewId, decision: 'ACCEPT', summary: 'Complete.' }, { token: cnil.member.token }),
        t.gql(DECIDE_REVIEW, { reviewId, decision: 'REJECT', summary: 'Incomplete.' }, { token: cnil.colleague.token }),
      ]);
      // The same answer however the two interleave: the loser read the review decided, or found it so once it
      // held the lock.
      expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
      const loser = answers.find((answer) => answer.errors)!;
      expect(loser.errors![0].message).toMatch(/was decided \((ACCEPT|REJECT)\)/);
      const winner = answers.find((answer) => !answer.errors)!.data!.decideReview;
      expect(loser.errors![0].extensions).toMatchObject({ decision: winner.decision });
      const [stored] = await t.sql(`SELECT decision, summary FROM review WHERE id = $1`, [reviewId]);
      expect(stored).toEqual({ decision: winner.decision, summary: winner.summary });
      expect(await statusOf(id)).toBe(winner.decision === 'ACCEPT' ? 'ACCEPTED' : 'REJECTED');
      expect(await actionsOn(reviewId)).toEqual(['review.open', 'review.decide']);
      const filingEvents = await actionsOn(id);
      expect(filingEvents.filter((action) => /accept|reject/.test(action))).toHaveLength(1);
    }
  });
});

describe('a finding and a decision at the same moment', () => {
  it('store the finding (it came first) or refuse it as INVALID_STATE_TRANSITION, never CONFLICT', async () => {
    const input = { fieldPath: '/summary', severity: 'MINOR' as const, requirement: 'Guidance 1', comment: 'Terse.' };
    for (let round = 0; round < 4; round++) {
      const reviewId = await openReview(t, cnil.member, await confidentialFiling());
      const [decided, finding] = await Promise.all([
        t.gql(DECIDE_REVIEW, { reviewId, decision: 'ACCEPT', summary: 'Complete.' }, { token: cnil.member.token }),
        t.gql(ADD_FINDING, { reviewId, input }, { token: cnil.colleague.token }),
      ]);
      expect(decided.errors).toBeUndefined();
      const [{ findings }] = await t.sql<{ findings: number }>(
        `SELECT count(*)::int AS findings FROM review_finding WHERE review_id = $1`,
        [reviewId],
      );
      if (finding.errors) expect(codeOf(finding)).toBe('INVALID_STATE_TRANSITION');
      expect(findings).toBe(finding.errors ? 0 : 1);
    }
  });
});

describe('amendments', () => {
  const AMEND = graphql(`
    mutation AmendForReview($originalId: ID!) {
      amendDisclosure(originalId: $originalId, type: CORRECTION, reason: "Mitigations detailed") {
        id
      }
    }
  `);

  async function fileAmendment(originalId: string): Promise<string> {
    const { data, errors } = await t.gql(AMEND, { originalId }, { token: acme.filer.token });
    if (errors) throw new Error(`amendDisclosure failed: ${JSON.stringify(errors)}`);
    const id = data!.amendDisclosure.id;
    const submitted = await t.gql(SUBMIT, { id }, { token: acme.filer.token });
    if (submitted.errors) throw new Error(`submitDisclosure failed: ${JSON.stringify(submitted.errors)}`);
    return id;
  }

  it('accepting an amendment supersedes the version accepted before it (the original, then an amendment)', async () => {
    const original = await confidentialFiling();
    await reviewAndDecide(t, cnil.member, original, 'ACCEPT');
    const first = await fileAmendment(original);
    await reviewAndDecide(t, cnil.member, first, 'ACCEPT');
    expect([await statusOf(original), await statusOf(first)]).toEqual(['SUPERSEDED', 'ACCEPTED']);
    expect((await actionsOn(original)).slice(-1)).toEqual(['disclosure.supersede']);

    const second = await fileAmendment(original);
    await reviewAndDecide(t, cnil.member, second, 'ACCEPT');
    expect([await statusOf(original), await statusOf(first), await statusOf(second)]).toEqual([
      'SUPERSEDED',
      'SUPERSEDED',
      'ACCEPTED',
    ]);
  });

  it('leaves the accepted version alone when an amendment is rejected', async () => {
    const original = await confidentialFiling();
    await reviewAndDecide(t, cnil.member, original, 'ACCEPT');
    const amendment = await fileAmendment(original);
    await reviewAndDecide(t, cnil.member, amendment, 'REJECT');
    expect([await statusOf(original), await statusOf(amendment)]).toEqual(['ACCEPTED', 'REJECTED']);
  });

  it('supersedes at once an older version accepted after a newer one', async () => {
    const original = await confidentialFiling();
    const originalReview = await openReview(t, cnil.member, original);
    const amendment = await fileAmendment(original);
    await reviewAndDecide(t, cnil.member, amendment, 'ACCEPT');
    const late = await t.gql(
      DECIDE_REVIEW,
      { reviewId: originalReview, decision: 'ACCEPT', summary: 'Fine as it was.' },
      { token: cnil.member.token },
    );
    expect(late.data?.decideReview.disclosure?.status).toBe('SUPERSEDED');
    expect([await statusOf(original), await statusOf(amendment)]).toEqual(['SUPERSEDED', 'ACCEPTED']);
    expect((await actionsOn(original)).slice(-2)).toEqual(['disclosure.accept', 'disclosure.supersede']);
  });
});

describe('who sees what', () => {
  let id: string;
  let decidedReview: string;

  beforeAll(async () => {
    id = await confidentialFiling();
    const reviewId = await openReview(t, cnil.member, id);
    await t.gql(
      ADD_FINDING,
      {
        reviewId,
        input: { fieldPath: '/risks', severity: 'CRITICAL', requirement: 'Art. 9', comment: 'Bias untested.' },
      },
      { token: cnil.member.token },
    );
    decidedReview = reviewId;
  });

  it('shows an open review and its findings to the company’s filers and the regulators in scope, not the public', async () => {
    for (const token of [acme.filer.token, cnil.colleague.token, euOffice.member.token]) {
      const { data } = await t.gql(SEEN, { id }, { token });
      expect(data?.disclosure?.reviews).toEqual([
        expect.objectContaining({
          decision: null,
          reviewerId: cnil.member.id,
          findings: [{ fieldPath: '/risks', severity: 'CRITICAL', requirement: 'Art. 9', comment: 'Bias untested.' }],
        }),
      ]);
    }
    for (const token of [undefined, rival.filer.token, anpd.member.token]) {
      const { data } = await t.gql(SEEN, { id }, { token });
      expect(data?.disclosure?.reviews).toEqual([]);
    }
  });

  it('shows the public a decided review’s decision, summary, date and regulator only', async () => {
    await t.gql(
      DECIDE_REVIEW,
      { reviewId: decidedReview, decision: 'REJECT', summary: 'Risk assessment incomplete.' },
      { token: cnil.member.token },
    );
    const { data } = await t.gql(SEEN, { id });
    expect(data?.disclosure?.reviews).toEqual([
      {
        id: decidedReview,
        decision: 'REJECT',
        summary: 'Risk assessment incomplete.',
        decidedAt: expect.any(String),
        reviewerId: null,
        regulator: { name: 'Commission nationale de l’informatique et des libertés' },
        findings: null,
      },
    ]);
    const filer = await t.gql(SEEN, { id }, { token: acme.filer.token });
    expect(filer.data?.disclosure?.reviews[0].findings).toHaveLength(1);
  });

  it('shows confidential fields to the regulators whose jurisdiction covers the system, and to no other', async () => {
    const withheld = { ...COMPLETE_CONTENT, risks: null, internalNote: null };
    const seenBy = async (token?: string) => (await t.gql(SEEN, { id }, { token })).data?.disclosure?.content;
    expect(await seenBy(cnil.member.token)).toEqual(COMPLETE_CONTENT);
    expect(await seenBy(euOffice.member.token)).toEqual(COMPLETE_CONTENT);
    expect(await seenBy(acme.filer.token)).toEqual(COMPLETE_CONTENT);
    expect(await seenBy(anpd.member.token)).toEqual(withheld);
    expect(await seenBy(rival.filer.token)).toEqual(withheld);
    expect(await seenBy()).toEqual(withheld);
  });

  it('applies the same rule to lists, history and diffs, a page of filings costing one check', async () => {
    const LIST = graphql(`
      query CompanyFilings($companyId: ID!) {
        disclosures(filter: { companyId: $companyId }, first: 100) {
          edges {
            node {
              id
              content
            }
          }
        }
      }
    `);
    t.queries.length = 0;
    const listed = await t.gql(LIST, { companyId: acme.companyId }, { token: cnil.member.token });
    const nodes = listed.data!.disclosures.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(10);
    expect(nodes.find((node) => node.id === id)?.content).toEqual(COMPLETE_CONTENT);
    expect(t.queries.filter((sql) => sql.includes('FROM regulator r'))).toHaveLength(1);
    t.queries.length = 0;
    const publicList = await t.gql(LIST, { companyId: acme.companyId });
    expect(publicList.data!.disclosures.edges.find((edge) => edge.node.id === id)?.node.content.risks).toBeNull();
    expect(t.queries.filter((sql) => sql.includes('FROM regulator r'))).toEqual([]);

    const changed = { ...COMPLETE_CONTENT, risks: [{ category: 'bias', mitigation: 'an external audit each month' }] };
    const other = await confidentialFiling(acme.french, changed);
    const DIFF = graphql(`
      query ReviewDiff($fromId: ID!, $toId: ID!) {
        disclosureDiff(fromId: $fromId, toId: $toId) {
          path
          change
        }
      }
    `);
    const inScope = await t.gql(DIFF, { fromId: id, toId: other }, { token: cnil.member.token });
    expect(inScope.data?.disclosureDiff).toEqual([{ path: '/risks/0/mitigation', change: 'CHANGED' }]);
    const outOfScope = await t.gql(DIFF, { fromId: id, toId: other }, { token: anpd.member.token });
    expect(outOfScope.data?.disclosureDiff).toEqual([]);

    const [{ accession_number: accessionNumber }] = await t.sql(
      `SELECT accession_number FROM disclosure WHERE id = $1`,
      [id],
    );
    const HISTORY = graphql(`
      query ReviewHistory($accessionNumber: String!) {
        disclosureHistory(accessionNumber: $accessionNumber) {
          id
          content
        }
      }
    `);
    const history = await t.gql(HISTORY, { accessionNumber }, { token: euOffice.member.token });
    expect(history.data?.disclosureHistory.map((version) => version.content)).toEqual([COMPLETE_CONTENT]);
    const publicHistory = await t.gql(HISTORY, { accessionNumber });
    expect(publicHistory.data?.disclosureHistory[0].content.internalNote).toBeNull();
  });

  it('lets the filers and the regulators in scope read its audit events, and no one else', async () => {
    const EVENTS = graphql(`
      query FilingEvents($id: ID!, $first: Int!, $after: String) {
        disclosure(id: $id) {
          auditEvents(first: $first, after: $after) {
            totalCount
            edges {
              node {
                action
                entityType
                actorUserId
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
    const expected = [
      'disclosure.reject',
      'review.decide',
      'review.add_finding',
      'review.open',
      'disclosure.start_review',
      'disclosure.submit',
      'disclosure.update_draft',
      'disclosure.create_draft',
    ];
    const regulator = await t.gql(EVENTS, { id, first: 100 }, { token: cnil.member.token });
    const events = regulator.data?.disclosure?.auditEvents;
    expect(events?.edges.map((edge) => edge.node.action)).toEqual(expected);
    expect(events?.totalCount).toBe(expected.length);
    expect(events?.edges[0].node.actorUserId).toBe(cnil.member.id);

    const page1 = await t.gql(EVENTS, { id, first: 3 }, { token: acme.filer.token });
    const page2 = await t.gql(
      EVENTS,
      { id, first: 100, after: page1.data?.disclosure?.auditEvents?.pageInfo.endCursor },
      { token: acme.filer.token },
    );
    expect(
      [page1, page2].flatMap((page) => page.data!.disclosure!.auditEvents!.edges.map((edge) => edge.node.action)),
    ).toEqual(expected);

    for (const token of [undefined, rival.filer.token, anpd.member.token]) {
      const { data, errors } = await t.gql(EVENTS, { id, first: 10 }, { token });
      expect(errors).toBeUndefined();
      expect(data?.disclosure?.auditEvents).toBeNull();
    }
  });
});
