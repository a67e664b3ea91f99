// Checks generated ledgers with the registry's own rules, independently of how they were written: the ledger
// verifier (every content_hash and public_hash recomputed as SHA-256 of the RFC 8785 canonical JSON, ledger_seq
// 1..n, each previous_hash the hash of the filing before), the ledger heads, and each filing's content against its
// template version as a submission would be checked, with only confidential marks the template allows.
import type pg from 'pg';
import { LedgerVerifier } from '../src/disclosures/ledger/ledger-verifier.js';
import type { ConfidentialMark } from '../src/disclosures/disclosure.entity.js';
import { ContentValidators, type ValidatedTemplate } from '../src/disclosures/templates/content-validators.js';
import { isAtOrBelow } from '../src/disclosures/templates/json-pointer.js';

export interface LedgerVerification {
  companies: number;
  filings: number;
  /** The first problems found (at most 20). */
  problems: string[];
}

interface FilingRow {
  accessionNumber: string;
  companyId: string;
  ledgerSeq: number;
  contentHash: string;
  publicHash: string;
  previousHash: string | null;
  confidential: ConfidentialMark[];
  publicContent: unknown;
  content: unknown;
  template: string;
}

type Template = ValidatedTemplate & { confidentialFields: string[] };

const BATCH = 500;

/** The ledgers of `companyIds`, or of every company with one. */
export async function verifyLedgers(client: pg.Client, companyIds: string[] | 'all'): Promise<LedgerVerification> {
  const result: LedgerVerification = { companies: 0, filings: 0, problems: [] };
  const problem = (text: string) => void (result.problems.length < 20 && result.problems.push(text));
  const verifier = new LedgerVerifier();
  const validators = new ContentValidators();
  const templates = new Map(
    (
      await client.query<Template>(
        `SELECT key, version, schema, published_at AS "publishedAt", confidential_fields AS "confidentialFields"
         FROM disclosure_template`,
      )
    ).rows.map((template) => [`${template.key}@${template.version}`, template]),
  );

  const verifyBatch = async (ids: string[]) => {
    const { rows } = await client.query<FilingRow>(
      `SELECT accession_number AS "accessionNumber", company_id AS "companyId", ledger_seq AS "ledgerSeq",
         content_hash AS "contentHash", public_hash AS "publicHash", previous_hash AS "previousHash", confidential,
         coalesce(public_content, content) AS "publicContent", content,
         template_key || '@' || template_version AS template
       FROM disclosure WHERE company_id = ANY($1::uuid[]) AND ledger_seq IS NOT NULL
       ORDER BY company_id, ledger_seq`,
      [ids],
    );
    const heads = new Map(
      (
        await client.query<{ companyId: string; lastSeq: number; lastHash: string }>(
          `SELECT company_id AS "companyId", last_seq AS "lastSeq", last_hash AS "lastHash"
           FROM disclosure_ledger_head WHERE company_id = ANY($1::uuid[])`,
          [ids],
        )
      ).rows.map((head) => [head.companyId, head]),
    );
    rows.forEach((row, i) => {
      result.filings += 1;
      verifier.add({ ...row, redactions: row.confidential });
      const template = templates.get(row.template)!;
      for (const { path, message } of validators.submissionProblems(template, row.content)) {
        problem(`${row.accessionNumber}: ${path} ${message}`);
      }
      for (const { path } of row.confidential) {
        if (!template.confidentialFields.some((field) => isAtOrBelow(path, field))) {
          problem(`${row.accessionNumber}: ${path} may not be confidential under ${row.template}`);
        }
      }
      if (rows[i + 1]?.companyId !== row.companyId) {
        result.companies += 1;
        const head = heads.get(row.companyId);
        if (head?.lastSeq !== row.ledgerSeq || head.lastHash !== row.contentHash) {
          problem(`${row.companyId}: the ledger head does not name its last filing ${row.accessionNumber}`);
        }
      }
    });
  };

  if (companyIds === 'all') {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await client.query<{ id: string }>(
        'SELECT company_id AS id FROM disclosure_ledger_head WHERE company_id > $1 ORDER BY company_id LIMIT $2',
        [after, BATCH],
      );
      if (!rows.length) break;
      await verifyBatch(rows.map((row) => row.id));
      after = rows[rows.length - 1].id;
    }
  } else {
    for (let i = 0; i < companyIds.length; i += BATCH) await verifyBatch(companyIds.slice(i, i + BATCH));
  }
  const verdict = verifier.verdict();
  if (!verdict.valid) problem(`ledger broken at ${verdict.firstBrokenAccessionNumber}: ${verdict.reason}`);
  return result;
}
