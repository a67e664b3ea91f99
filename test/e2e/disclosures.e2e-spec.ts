import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { projectFile } from '../../src/common/project-file.js';
import { companyWithFiler, registerAISystem } from '../fixtures/companies.js';
import {
  COMPLETE_CONTENT,
  CREATE_DRAFT,
  draftDisclosure,
  fileDisclosure,
  insertTestTemplate,
  SUBMIT,
  TEST_TEMPLATE,
  UPDATE_DRAFT,
} from '../fixtures/disclosures.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

const run = promisify(execFile);

let t: TestApp;
let acme: { companyId: string; aiSystemId: string; filer: SignedInUser };
let rival: { companyId: string; aiSystemId: string; filer: SignedInUser };

beforeAll(async () => {
  // A filer here files hundreds of changes in a minute, more than the default limit per caller allows.
  t = await startTestApp({ mutationsPerMinute: 10_000 });
  await insertTestTemplate(t);
  const a = await companyWithFiler(t, { filerEmail: 'filer@acme.example', name: 'Acme Lending' });
  const b = await companyWithFiler(t, { filerEmail: 'filer@rival.example', name: 'Rival Analytics' });
  acme = { ...a, aiSystemId: await registerAISystem(t, a.filer, a.companyId, { name: 'CreditScore' }) };
  rival = { ...b, aiSystemId: await registerAISystem(t, b.filer, b.companyId, { name: 'FaceMatch' }) };
});
afterAll(() => t.close());

const ids = (party: typeof acme) => ({ companyId: party.companyId, aiSystemId: party.aiSystemId });

const DISCLOSURE = graphql(`
  query Disclosure($id: ID, $accessionNumber: String) {
    disclosure(id: $id, accessionNumber: $accessionNumber) {
      id
      status
      accessionNumber
      content
      confidential {
        path
        reason
      }
      contentHash
      publicHash
      amendsId
      company {
        name
      }
    }
  }
`);

const WITHDRAW = graphql(`
  mutation Withdraw($id: ID!) {
    withdrawDraft(id: $id) {
      id
      status
    }
  }
`);

const AMEND = graphql(`
  mutation Amend($originalId: ID!, $type: AmendmentType!, $reason: String!) {
    amendDisclosure(originalId: $originalId, type: $type, reason: $reason) {
      id
      status
      amendsId
      amendmentType
      content
    }
  }
`);

const HISTORY = graphql(`
  query History($accessionNumber: String!) {
    disclosureHistory(accessionNumber: $accessionNumber) {
      id
      accessionNumber
      amendmentType
    }
  }
`);

const VERIFY = graphql(`
  query Verify($companyId: ID!) {
    verifyLedger(companyId: $companyId) {
      valid
      checked
      firstBrokenAccessionNumber
      reason
    }
  }
`);

describe('drafts', () => {
  it('takes partial content, refuses content of the wrong type naming its path, and changes nothing then', async () => {
    const id = await draftDisclosure(t, acme.filer, ids(acme), { summary: 'work in progress' });
    const wrong = await t.gql(
      UPDATE_DRAFT,
      { id, input: { content: { summary: 42, risks: 'none', unknownField: true } } },
      { token: acme.filer.token },
    );
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (wrong.errors![0].extensions!.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['/summary', '/risks']));
    const [{ content }] = await t.sql(`SELECT content FROM disclosure WHERE id = $1`, [id]);
    expect(content).toEqual({ summary: 'work in progress' });
  });

  it('refuses a submission with missing fields, listing each path, and leaves the draft a draft', async () => {
    const id = await draftDisclosure(t, acme.filer, ids(acme), { risks: [{ category: 'privacy' }] });
    const { errors } = await t.gql(SUBMIT, { id }, { token: acme.filer.token });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (errors![0].extensions!.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['/risks/0/mitigation', '/summary']);
    const [row] = await t.sql(`SELECT status, accession_number FROM disclosure WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'DRAFT', accession_number: null });
  });

  it('refuses content nested thousands deep or far too large before it runs, never with a server error', async () => {
    const id = await draftDisclosure(t, acme.filer, ids(acme), { summary: 'before' });
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = [deep];
    const nested = await t.gql(
      UPDATE_DRAFT,
      { id, input: { content: { summary: deep } } },
      { token: acme.filer.token },
    );
    // Refused with the variables, before any resolver runs (HTTP 400).
    expect(nested.status).toBe(400);
    expect(nested.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const huge = await t.gql(
      UPDATE_DRAFT,
      { id, input: { content: { summary: 'x'.repeat(2_000_000) } } },
      { token: acme.filer.token },
    );
    expect(huge.status).toBeLessThan(500);
    expect(huge.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    const [{ content }] = await t.sql(`SELECT content FROM disclosure WHERE id = $1`, [id]);
    expect(content).toEqual({ summary: 'before' });
  });

  it('refuses a confidential mark the template does not allow', async () => {
    const id = await draftDisclosure(t, acme.filer, ids(acme));
    const { errors } = await t.gql(
      UPDATE_DRAFT,
      { id, input: { confidential: [{ path: '/summary', reason: 'TRADE_SECRET' }] } },
      { token: acme.filer.token },
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confidential.0.path' });
  });

  it('refuses an AI system of another company, naming aiSystemId', async () => {
    const { errors } = await t.gql(
      CREATE_DRAFT,
      {
        input: {
          companyId: acme.companyId,
          aiSystemId: rival.aiSystemId,
          templateKey: TEST_TEMPLATE.key,
          reportingPeriod: '2026',
        },
      },
      { token: acme.filer.token },
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.aiSystemId' });
  });

  it('are private: another company’s filer and the public find nothing, and change nothing', async () => {
    const id = await draftDisclosure(t, acme.filer, ids(acme), { summary: 'private draft' });
    const anonymous = await t.gql(DISCLOSURE, { id });
    expect(anonymous.data?.disclosure).toBeNull();
    const other = await t.gql(DISCLOSURE, { id }, { token: rival.filer.token });
    expect(other.data?.disclosure).toBeNull();
    const own = await t.gql(DISCLOSURE, { id }, { token: acme.filer.token });
    expect(own.data?.disclosure?.content).toEqual({ summary: 'private draft' });

    for (const attempt of [
      t.gql(UPDATE_DRAFT, { id, input: { content: { summary: 'hijacked' } } }, { token: rival.filer.token }),
      t.gql(SUBMIT, { id }, { token: rival.filer.token }),
      t.gql(WITHDRAW, { id }, { token: rival.filer.token }),
      t.gql(AMEND, { originalId: id, type: 'CORRECTION', reason: 'x' }, { token: rival.filer.token }),
    ]) {
      expect((await attempt).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const [row] = await t.sql(`SELECT status, content FROM disclosure WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'DRAFT', content: { summary: 'private draft' } });
  });

  it('can be withdrawn, once', async () => {
    const id = await draftDisclosure(t, acme.filer, ids(acme));
    expect((await t.gql(WITHDRAW, { id }, { token: acme.filer.token })).data?.withdrawDraft.status).toBe('WITHDRAWN');
    const again = await t.gql(WITHDRAW, { id }, { token: acme.filer.token });
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
  });
});

describe('template versions', () => {
  const PUBLISH = graphql(`
    mutation Publish($input: PublishDisclosureTemplateInput!) {
      publishDisclosureTemplate(input: $input) {
        key
        version
      }
    }
  `);

  it('keep a used version as it was; a new version is used by new drafts, old drafts keep theirs', async () => {
    const used = await draftDisclosure(t, acme.filer, ids(acme), { summary: 'under version 1' });
    const admin = await t.signUp('templates-admin@example.org', [Role.ADMIN]);
    const input = {
      key: TEST_TEMPLATE.key,
      kind: TEST_TEMPLATE.kind,
      name: 'Test transparency report',
      issuingBody: 'Test body',
      description: 'For tests, second version',
      sourceUrl: 'https://example.org/template',
      sections: [
        { key: 'summary', title: 'Summary', order: 1 },
        { key: 'risks', title: 'Risks', order: 2 },
        { key: 'internalNote', title: 'Internal note', order: 3 },
      ],
      schema: TEST_TEMPLATE.schema,
      confidentialFields: TEST_TEMPLATE.confidentialFields,
    };
    const rewrite = await t.gql(PUBLISH, { input: { ...input, version: 1 } }, { token: admin.token });
    expect(rewrite.errors?.[0].extensions?.code).toBe('CONFLICT');
    const next = await t.gql(PUBLISH, { input: { ...input, version: 2 } }, { token: admin.token });
    expect(next.data?.publishDisclosureTemplate).toEqual({ key: TEST_TEMPLATE.key, version: 2 });

    const fresh = await t.gql(
      CREATE_DRAFT,
      { input: { ...ids(acme), templateKey: TEST_TEMPLATE.key, reportingPeriod: '2027' } },
      { token: acme.filer.token },
    );
    expect(fresh.data?.createDisclosureDraft.templateVersion).toBe(2);
    const [{ template_version }] = await t.sql(`SELECT template_version FROM disclosure WHERE id = $1`, [used]);
    expect(template_version).toBe(1);
  });
});

describe('submission', () => {
  it('files: accession number, hashes, ledger link; the content is frozen in the service and the database', async () => {
    const first = await fileDisclosure(t, rival.filer, ids(rival));
    const id = await draftDisclosure(t, rival.filer, ids(rival), COMPLETE_CONTENT, [
      { path: '/internalNote', reason: 'TRADE_SECRET' },
    ]);
    const { data, errors } = await t.gql(SUBMIT, { id }, { token: rival.filer.token });
    expect(errors).toBeUndefined();
    const filed = data!.submitDisclosure;
    expect(filed.status).toBe('SUBMITTED');
    expect(filed.accessionNumber).toMatch(new RegExp(`^AID-${new Date().getUTCFullYear()}-\\d{6,}$`));
    expect(filed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(filed.publicHash).not.toBe(filed.contentHash);
    const [previous] = await t.sql(`SELECT content_hash FROM disclosure WHERE id = $1`, [first.id]);
    expect(filed.previousHash).toBe(previous.content_hash);

    const update = await t.gql(
      UPDATE_DRAFT,
      { id, input: { content: { summary: 'rewritten' } } },
      { token: rival.filer.token },
    );
    expect(update.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
    await expect(t.sql(`UPDATE disclosure SET content = '{"summary":"x"}' WHERE id = $1`, [id])).rejects.toThrow(
      /cannot change/,
    );
    await expect(t.sql(`DELETE FROM disclosure WHERE id = $1`, [id])).rejects.toThrow(/cannot be deleted/);
  });

  it('shows the public the filing without its confidential fields, and the filers all of it', async () => {
    const id = await draftDisclosure(t, rival.filer, ids(rival), COMPLETE_CONTENT, [
      { path: '/risks', reason: 'SECURITY_RISK' },
    ]);
    const { data } = await t.gql(SUBMIT, { id }, { token: rival.filer.token });
    const accessionNumber = data!.submitDisclosure.accessionNumber!;

    const seen = (await t.gql(DISCLOSURE, { accessionNumber })).data!.disclosure!;
    expect(seen.content).toEqual({ ...COMPLETE_CONTENT, risks: null });
    expect(seen.confidential).toEqual([{ path: '/risks', reason: 'SECURITY_RISK' }]);
    const own = (await t.gql(DISCLOSURE, { accessionNumber }, { token: rival.filer.token })).data!.disclosure!;
    expect(own.content).toEqual(COMPLETE_CONTENT);
    const other = (await t.gql(DISCLOSURE, { accessionNumber }, { token: acme.filer.token })).data!.disclosure!;
    expect(other.content).toEqual({ ...COMPLETE_CONTENT, risks: null });
  });

  it('gives fifty concurrent submissions fifty distinct accession numbers, in one unbroken ledger', async () => {
    const drafts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        draftDisclosure(t, acme.filer, ids(acme), { ...COMPLETE_CONTENT, summary: `filing ${i}` }),
      ),
    );
    const answers = await Promise.all(drafts.map((id) => t.gql(SUBMIT, { id }, { token: acme.filer.token })));
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const numbers = answers.map((answer) => answer.data!.submitDisclosure.accessionNumber);
    expect(new Set(numbers).size).toBe(50);
    const seqs = answers.map((answer) => answer.data!.submitDisclosure.ledgerSeq!).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(50);
    const verdict = (await t.gql(VERIFY, { companyId: acme.companyId })).data!.verifyLedger;
    expect(verdict).toMatchObject({ valid: true, firstBrokenAccessionNumber: null });
    expect(verdict.checked).toBeGreaterThanOrEqual(50);
  });

  it('files one of two concurrent submissions of the same draft; the other is told it is filed', async () => {
    const id = await draftDisclosure(t, acme.filer, ids(acme), COMPLETE_CONTENT);
    const answers = await Promise.all([1, 2].map(() => t.gql(SUBMIT, { id }, { token: acme.filer.token })));
    const codes = answers.map((answer) => answer.errors?.[0].extensions?.code ?? 'OK').sort();
    // INVALID_STATE_TRANSITION naming SUBMITTED, whether the loser read the draft filed or found it so once it
    // held the lock.
    expect(codes).toEqual(['INVALID_STATE_TRANSITION', 'OK']);
    const [{ count }] = await t.sql(
      `SELECT count(*)::int AS count FROM audit_event WHERE entity_id = $1 AND action = 'disclosure.submit'`,
      [id],
    );
    expect(count).toBe(1);
  });
});

describe('amendments', () => {
  it('point to the original, even when amending an amendment; the history lists them in order', async () => {
    const original = await fileDisclosure(t, rival.filer, ids(rival));
    const first = await t.gql(
      AMEND,
      { originalId: original.id, type: 'CORRECTION', reason: 'wrong mitigation' },
      { token: rival.filer.token },
    );
    expect(first.data?.amendDisclosure).toMatchObject({ status: 'DRAFT', amendsId: original.id });
    expect(first.data?.amendDisclosure.content).toEqual(COMPLETE_CONTENT);
    const firstId = first.data!.amendDisclosure.id;
    await t.gql(
      UPDATE_DRAFT,
      { id: firstId, input: { content: { ...COMPLETE_CONTENT, summary: 'corrected' } } },
      { token: rival.filer.token },
    );
    const firstFiled = (await t.gql(SUBMIT, { id: firstId }, { token: rival.filer.token })).data!.submitDisclosure;

    const second = await t.gql(
      AMEND,
      { originalId: firstId, type: 'SUPPLEMENT', reason: 'one more risk' },
      { token: rival.filer.token },
    );
    expect(second.data?.amendDisclosure.amendsId).toBe(original.id);
    expect(second.data?.amendDisclosure.content).toMatchObject({ summary: 'corrected' });
    const secondFiled = (await t.gql(SUBMIT, { id: second.data!.amendDisclosure.id }, { token: rival.filer.token }))
      .data!.submitDisclosure;

    const history = (await t.gql(HISTORY, { accessionNumber: secondFiled.accessionNumber! })).data!.disclosureHistory;
    expect(history.map((filing) => filing.accessionNumber)).toEqual([
      original.accessionNumber,
      firstFiled.accessionNumber,
      secondFiled.accessionNumber,
    ]);
    expect(history.map((filing) => filing.amendmentType)).toEqual([null, 'CORRECTION', 'SUPPLEMENT']);

    const DIFF = graphql(`
      query Diff($fromId: ID!, $toId: ID!) {
        disclosureDiff(fromId: $fromId, toId: $toId) {
          path
          change
          oldValue
          newValue
        }
      }
    `);
    const diff = (await t.gql(DIFF, { fromId: original.id, toId: firstId })).data!.disclosureDiff;
    expect(diff).toEqual([
      { path: '/summary', change: 'CHANGED', oldValue: COMPLETE_CONTENT.summary, newValue: 'corrected' },
    ]);
  });

  it('cannot amend a draft', async () => {
    const id = await draftDisclosure(t, rival.filer, ids(rival));
    const { errors } = await t.gql(
      AMEND,
      { originalId: id, type: 'CORRECTION', reason: 'x' },
      { token: rival.filer.token },
    );
    expect(errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
  });
});

describe('the public registry', () => {
  const LIST = graphql(`
    query List($filter: DisclosureFilter, $after: String) {
      disclosures(filter: $filter, first: 5, after: $after) {
        totalCount
        edges {
          node {
            accessionNumber
            status
            content
            company {
              name
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

  it('lists filed filings only, newest first, paged without repeats, searchable by public text', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page: GraphqlResponse<ResultOf<typeof LIST>> = await t.gql(LIST, {
        filter: { companyId: acme.companyId },
        after,
      });
      expect(page.errors).toBeUndefined();
      total = page.data!.disclosures.totalCount;
      for (const { node } of page.data!.disclosures.edges) {
        expect(node.accessionNumber).toBeTruthy();
        seen.add(node.accessionNumber!);
      }
      if (!page.data!.disclosures.pageInfo.hasNextPage) break;
      after = page.data!.disclosures.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
    const [{ count }] = await t.sql(
      `SELECT count(*)::int AS count FROM disclosure WHERE company_id = $1 AND submitted_at IS NOT NULL`,
      [acme.companyId],
    );
    expect(total).toBe(count);

    const id = await draftDisclosure(
      t,
      rival.filer,
      ids(rival),
      { ...COMPLETE_CONTENT, summary: 'Quokka detection in wildlife cameras', internalNote: 'zanzibar supplier' },
      [{ path: '/internalNote', reason: 'TRADE_SECRET' }],
    );
    await t.gql(SUBMIT, { id }, { token: rival.filer.token });
    const found = await t.gql(LIST, { filter: { text: 'quokka cameras' } });
    expect(found.data!.disclosures.edges.map(({ node }) => node.content)).toEqual([
      { ...COMPLETE_CONTENT, summary: 'Quokka detection in wildlife cameras', internalNote: null },
    ]);
    // A confidential field is not searchable.
    const hidden = await t.gql(LIST, { filter: { text: 'zanzibar' } });
    expect(hidden.data!.disclosures.totalCount).toBe(0);
    // Text and another condition: both hold for every match, and the count agrees.
    const ofRival = await t.gql(LIST, { filter: { text: 'quokka', companyId: rival.companyId } });
    expect(ofRival.data!.disclosures).toMatchObject({
      totalCount: 1,
      edges: [{ node: { content: { summary: expect.stringContaining('Quokka') } } }],
    });
    const ofAcme = await t.gql(LIST, { filter: { text: 'quokka', companyId: acme.companyId } });
    expect(ofAcme.data!.disclosures).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('pages a text search by relevance without repeats', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page: GraphqlResponse<ResultOf<typeof LIST>> = await t.gql(LIST, {
        filter: { text: 'bias or credit' },
        after,
      });
      expect(page.errors).toBeUndefined();
      total = page.data!.disclosures.totalCount;
      for (const { node } of page.data!.disclosures.edges) seen.add(node.accessionNumber!);
      if (!page.data!.disclosures.pageInfo.hasNextPage) break;
      after = page.data!.disclosures.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(5);
    expect(seen.size).toBe(total);
  });

  it('refuses a forged cursor and an empty date range, naming the argument', async () => {
    const forged = await t.gql(LIST, { after: Buffer.from('["x"]').toString('base64url') });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // A ranked search's cursor whose rank no real can hold.
    for (const rank of ['1e999', '1e-999']) {
      const after = Buffer.from(JSON.stringify([rank, '1', '00000000-0000-4000-8000-000000000000'])).toString(
        'base64url',
      );
      const outOfRange = await t.gql(LIST, { filter: { text: 'credit' }, after });
      expect(outOfRange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const range = await t.gql(LIST, {
      filter: { submittedFrom: '2026-02-01T00:00:00Z', submittedTo: '2026-01-01T00:00:00Z' },
    });
    expect(range.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.submittedTo' });
  });
});

describe('the ledger', () => {
  it('names exactly the filing changed behind the service’s back, online and in the offline export', async () => {
    const party = await companyWithFiler(t, { filerEmail: 'filer@ledger.example', name: 'Ledger Co' });
    const aiSystemId = await registerAISystem(t, party.filer, party.companyId);
    const filings = [];
    for (let i = 0; i < 3; i++) {
      filings.push(
        await fileDisclosure(
          t,
          party.filer,
          { companyId: party.companyId, aiSystemId },
          {
            ...COMPLETE_CONTENT,
            summary: `year ${i}`,
          },
        ),
      );
    }
    expect((await t.gql(VERIFY, { companyId: party.companyId })).data!.verifyLedger.valid).toBe(true);

    const tampered = filings[1];
    await t.sql(`ALTER TABLE disclosure DISABLE TRIGGER disclosure_frozen`);
    try {
      await t.sql(`UPDATE disclosure SET content = jsonb_set(content, '{summary}', '"edited"') WHERE id = $1`, [
        tampered.id,
      ]);
    } finally {
      await t.sql(`ALTER TABLE disclosure ENABLE TRIGGER disclosure_frozen`);
    }
    const verdict = (await t.gql(VERIFY, { companyId: party.companyId })).data!.verifyLedger;
    expect(verdict).toMatchObject({ valid: false, firstBrokenAccessionNumber: tampered.accessionNumber });

    const exported = await t.http().get('/exports/disclosures.jsonl').expect(200);
    expect(exported.headers['content-type']).toMatch(/jsonl/);
    const dir = await mkdtemp(path.join(tmpdir(), 'ledger-'));
    const file = path.join(dir, 'disclosures.jsonl');
    await writeFile(file, exported.text);
    const offline = await run('node', [projectFile('dist/src/cli/disclosures-verify.js'), file]).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect((offline as { code?: number }).code).toBe(1);
    expect(JSON.parse(offline.stdout)).toMatchObject({
      valid: false,
      firstBrokenAccessionNumber: tampered.accessionNumber,
    });
  });

  it('exports lines that verify offline when nothing was changed', async () => {
    const party = await companyWithFiler(t, { filerEmail: 'filer@clean.example', name: 'Clean Co' });
    const aiSystemId = await registerAISystem(t, party.filer, party.companyId);
    await fileDisclosure(t, party.filer, { companyId: party.companyId, aiSystemId });
    const exported = await t.http().get('/exports/disclosures.jsonl').expect(200);
    const lines = exported.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const clean = lines.filter((line) => line.companyId === party.companyId);
    expect(clean).toHaveLength(1);
    expect(clean[0]).toMatchObject({ ledgerSeq: 1, previousHash: null, redactions: [] });
    expect(clean[0]).not.toHaveProperty('content');
  });
});

describe('the audit trail', () => {
  it('records every change to a filing', async () => {
    const id = await draftDisclosure(t, acme.filer, ids(acme), COMPLETE_CONTENT);
    await t.gql(SUBMIT, { id }, { token: acme.filer.token });
    const events = await t.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_type = 'disclosure' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(events.map((event) => event.action)).toEqual([
      'disclosure.create_draft',
      'disclosure.update_draft',
      'disclosure.submit',
    ]);
  });
});
