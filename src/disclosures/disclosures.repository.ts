import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { indexBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { RecordsById } from '../database/records-by-id.js';
import { firstRow } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';
import type { AmendmentType, DisclosureStatus } from './disclosure-terms.js';
import { Disclosure, type ConfidentialMark } from './disclosure.entity.js';

/** A filing as the service works with it: every column but the search vector. */
export type DisclosureRow = Omit<Disclosure, 'company' | 'aiSystem' | 'template' | 'amends'>;

export interface NewDraft {
  companyId: string;
  aiSystemId: string;
  templateKey: string;
  templateVersion: number;
  kind: string;
  reportingPeriod: string;
  content: object;
  confidential: ConfidentialMark[];
  amendsId: string | null;
  amendmentType: AmendmentType | null;
  amendmentReason: string | null;
  createdBy: string | null;
}

export interface Filing {
  accessionNumber: string;
  submittedAt: Date;
  ledgerSeq: number;
  contentHash: string;
  publicHash: string;
  previousHash: string | null;
  /** The public view when something is confidential, else null. */
  publicContent: unknown;
}

/** Owns disclosure and disclosure_ledger_head: drafts, filings and each company's ledger. */
@Injectable()
export class DisclosuresRepository extends RecordsById<DisclosureRow> implements AuditedRecords<DisclosureRow> {
  readonly entityType = 'disclosure';

  constructor(db: Database) {
    super(db, Disclosure, 'disclosure', 'd');
  }

  /** The full content of filings, by id (a listed row holds the public view only). */
  async contents(ids: readonly string[]): Promise<unknown[]> {
    const rows = await this.db.reads.rows<{ id: string; content: unknown }>(
      `SELECT d.id, d.content FROM disclosure d WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    return indexBy(ids, rows, (row) => row.id).map((row) => row?.content ?? null);
  }

  async byAccessionNumber(accessionNumber: string): Promise<DisclosureRow | null> {
    return (
      (await firstRow<DisclosureRow>(
        this.db.reads,
        `SELECT ${this.columns} FROM disclosure d WHERE d.accession_number = $1`,
        [accessionNumber],
      )) ?? null
    );
  }

  /** An original and its filed amendments (and, for its filers, the drafts among them), in the order filed. */
  chain(originalId: string, withDrafts: boolean): Promise<DisclosureRow[]> {
    return this.db.reads.rows<DisclosureRow>(
      `SELECT ${this.columns} FROM disclosure d
       WHERE (d.id = $1 OR d.amends_id = $1) AND ($2::boolean OR d.submitted_at IS NOT NULL)
         AND d.status <> 'WITHDRAWN'
       ORDER BY d.submitted_at NULLS LAST, d.created_at, d.id`,
      [originalId, withDrafts],
    );
  }

  /** The latest filed version of a chain: the original or its last filed amendment. */
  async latestFiled(tx: Tx, originalId: string): Promise<DisclosureRow | null> {
    return (
      (await firstRow<DisclosureRow>(
        tx,
        `SELECT ${this.columns} FROM disclosure d
         WHERE (d.id = $1 OR d.amends_id = $1) AND d.submitted_at IS NOT NULL
         ORDER BY d.ledger_seq DESC LIMIT 1`,
        [originalId],
      )) ?? null
    );
  }

  async insertDraft(tx: Tx, draft: NewDraft): Promise<DisclosureRow> {
    const [created] = await tx.rows<DisclosureRow>(
      `INSERT INTO disclosure AS d (company_id, ai_system_id, template_key, template_version, kind, reporting_period,
         status, content, confidential, amends_id, amendment_type, amendment_reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', $7::jsonb, $8::jsonb, $9, $10, $11, $12)
       RETURNING ${this.columns}`,
      [
        draft.companyId,
        draft.aiSystemId,
        draft.templateKey,
        draft.templateVersion,
        draft.kind,
        draft.reportingPeriod,
        JSON.stringify(draft.content),
        JSON.stringify(draft.confidential),
        draft.amendsId,
        draft.amendmentType,
        draft.amendmentReason,
        draft.createdBy,
      ],
    );
    return created;
  }

  async setDraftContent(tx: Tx, id: string, content: object, confidential: ConfidentialMark[]): Promise<void> {
    await tx.rows(
      `UPDATE disclosure SET content = $2::jsonb, confidential = $3::jsonb, updated_at = now()
       WHERE id = $1 AND status = 'DRAFT' AND (content, confidential) IS DISTINCT FROM ($2::jsonb, $3::jsonb)`,
      [id, JSON.stringify(content), JSON.stringify(confidential)],
    );
  }

  /**
   * Locks the original filing of `id`'s amendment chain (`id` itself when it is one), for the rest of the
   * transaction: status changes that touch several filings of a chain queue here first, so that two of them never
   * lock each other's filings in opposite orders.
   */
  async lockChain(tx: Tx, id: string): Promise<void> {
    await tx.rows(
      `SELECT o.id FROM disclosure o
       WHERE o.id = (SELECT coalesce(d.amends_id, d.id) FROM disclosure d WHERE d.id = $1) FOR UPDATE`,
      [id],
    );
  }

  /** The filings of a chain that are ACCEPTED now, with their ledger positions. */
  acceptedInChain(tx: Tx, originalId: string): Promise<{ id: string; ledgerSeq: number }[]> {
    return tx.rows<{ id: string; ledgerSeq: number }>(
      `SELECT d.id, d.ledger_seq AS "ledgerSeq" FROM disclosure d
       WHERE (d.id = $1 OR d.amends_id = $1) AND d.status = 'ACCEPTED'
       ORDER BY d.ledger_seq`,
      [originalId],
    );
  }

  async setStatus(tx: Tx, id: string, status: DisclosureStatus): Promise<void> {
    await tx.rows(`UPDATE disclosure SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  /**
   * The next accession number and the submission time. The number comes from a sequence, so it is never handed out
   * twice, even by a submission that rolls back (that leaves a gap, by design).
   */
  async nextAccessionNumber(tx: Tx): Promise<{ accessionNumber: string; submittedAt: Date }> {
    const [row] = await tx.rows<{ accessionNumber: string; submittedAt: Date }>(
      `SELECT 'AID-' || to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-'
                || lpad(nextval('disclosure_accession_seq')::text, 6, '0') AS "accessionNumber",
              now() AS "submittedAt"`,
    );
    return row;
  }

  /**
   * Appends a filing with hash `contentHash` to its company's ledger: moves the head (the row lock queues concurrent
   * submissions of one company), and returns the filing's position and the hash of the filing before it.
   */
  async advanceLedger(
    tx: Tx,
    companyId: string,
    contentHash: string,
  ): Promise<{ ledgerSeq: number; previousHash: string | null }> {
    const [head] = await tx.rows<{ ledgerSeq: number }>(
      `INSERT INTO disclosure_ledger_head AS h (company_id, last_seq, last_hash) VALUES ($1, 1, $2)
       ON CONFLICT (company_id) DO UPDATE SET last_seq = h.last_seq + 1, last_hash = EXCLUDED.last_hash
       RETURNING h.last_seq AS "ledgerSeq"`,
      [companyId, contentHash],
    );
    const previous = await firstRow<{ contentHash: string }>(
      tx,
      `SELECT content_hash AS "contentHash" FROM disclosure WHERE company_id = $1 AND ledger_seq = $2`,
      [companyId, head.ledgerSeq - 1],
    );
    return { ledgerSeq: head.ledgerSeq, previousHash: previous?.contentHash ?? null };
  }

  /**
   * Files the draft, and its search document: public text only, the AI system's and company's names weighted
   * first, then every string of the public view.
   */
  async file(tx: Tx, id: string, filing: Filing, publicText: unknown): Promise<void> {
    await tx.rows(
      `UPDATE disclosure d SET status = 'SUBMITTED', accession_number = $2, submitted_at = $3, ledger_seq = $4,
         content_hash = $5, public_hash = $6, previous_hash = $7, public_content = $8::jsonb, updated_at = $3
       WHERE d.id = $1 AND d.status = 'DRAFT'`,
      [
        id,
        filing.accessionNumber,
        filing.submittedAt,
        filing.ledgerSeq,
        filing.contentHash,
        filing.publicHash,
        filing.previousHash,
        filing.publicContent === null ? null : JSON.stringify(filing.publicContent),
      ],
    );
    await tx.rows(
      `INSERT INTO disclosure_search (disclosure_id, submitted_at, document)
       SELECT d.id, d.submitted_at,
         setweight(to_tsvector('english', coalesce((SELECT s.name FROM ai_system s WHERE s.id = d.ai_system_id), '')
           || ' ' || coalesce((SELECT c.name FROM company c WHERE c.id = d.company_id), '')), 'A')
           || jsonb_to_tsvector('english', $2::jsonb, '["string"]')
       FROM disclosure d WHERE d.id = $1`,
      [id, JSON.stringify(publicText)],
    );
  }
}
