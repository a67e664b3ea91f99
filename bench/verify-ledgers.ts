// Checks companies' disclosure ledgers as an outside verifier would, independently of how they were written: in
// ledger order, each filing's content_hash and public_hash are the SHA-256 of the RFC 8785 canonical JSON (the
// `canonicalize` package) of its content and of its public view (public_content, or the content when nothing is
// withheld), ledger_seq runs 1..n, previous_hash is the previous filing's content_hash (null for the first), and
// the ledger head holds the last seq and hash.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type pg from 'pg';

export interface LedgerVerification {
  companies: number;
  filings: number;
  /** The first 100 problems found. */
  problems: string[];
}

interface FilingRow {
  company_id: string;
  ledger_seq: number;
  accession_number: string;
  content: unknown;
  public_content: unknown;
  content_hash: string;
  public_hash: string;
  previous_hash: string | null;
}

const BATCH = 500;
const sha256 = (value: unknown) => createHash('sha256').update(canonicalize(value)!, 'utf8').digest('hex');

/** The ledgers of `companyIds`, or of every company with one. */
export async function verifyLedgers(client: pg.Client, companyIds: string[] | 'all'): Promise<LedgerVerification> {
  const result: LedgerVerification = { companies: 0, filings: 0, problems: [] };
  const problem = (text: string) => void (result.problems.length < 100 && result.problems.push(text));

  const verifyBatch = async (ids: string[]) => {
    const { rows } = await client.query<FilingRow>(
      `SELECT company_id, ledger_seq, accession_number, content, public_content, content_hash, public_hash,
         previous_hash
       FROM disclosure WHERE company_id = ANY($1::uuid[]) AND ledger_seq IS NOT NULL
       ORDER BY company_id, ledger_seq`,
      [ids],
    );
    const heads = new Map(
      (
        await client.query<{ company_id: string; last_seq: number; last_hash: string }>(
          'SELECT company_id, last_seq, last_hash FROM disclosure_ledger_head WHERE company_id = ANY($1::uuid[])',
          [ids],
        )
      ).rows.map((head) => [head.company_id, head]),
    );
    let previous: FilingRow | undefined;
    const closeLedger = (last: FilingRow | undefined) => {
      if (!last) return;
      result.companies += 1;
      const head = heads.get(last.company_id);
      if (head?.last_seq !== last.ledger_seq || head.last_hash !== last.content_hash) {
        problem(`${last.company_id}: the ledger head does not name its last filing ${last.accession_number}`);
      }
    };
    for (const row of rows) {
      const first = previous?.company_id !== row.company_id;
      if (first) closeLedger(previous);
      result.filings += 1;
      const at = `${row.company_id} #${row.ledger_seq} (${row.accession_number})`;
      if (row.ledger_seq !== (first ? 1 : previous!.ledger_seq + 1)) problem(`${at}: out of sequence`);
      if (row.previous_hash !== (first ? null : previous!.content_hash))
        problem(`${at}: previous_hash breaks the chain`);
      if (sha256(row.content) !== row.content_hash) problem(`${at}: content_hash is not the content's`);
      if (sha256(row.public_content ?? row.content) !== row.public_hash) {
        problem(`${at}: public_hash is not the public view's`);
      }
      previous = row;
    }
    closeLedger(previous);
  };

  if (companyIds !== 'all') {
    for (let i = 0; i < companyIds.length; i += BATCH) await verifyBatch(companyIds.slice(i, i + BATCH));
    return result;
  }
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await client.query<{ company_id: string }>(
      'SELECT company_id FROM disclosure_ledger_head WHERE company_id > $1 ORDER BY company_id LIMIT $2',
      [after, BATCH],
    );
    if (!rows.length) return result;
    await verifyBatch(rows.map((row) => row.company_id));
    after = rows[rows.length - 1].company_id;
  }
}
