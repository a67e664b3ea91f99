import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import type { ConfidentialMark } from './disclosure.entity.js';

/** A filing as its ledger line: what the hashes cover and how it links. */
export interface LedgerRow {
  accessionNumber: string;
  companyId: string;
  aiSystemId: string;
  templateKey: string;
  templateVersion: number;
  kind: string;
  reportingPeriod: string;
  status: string;
  submittedAt: Date;
  ledgerSeq: number;
  contentHash: string;
  publicHash: string;
  previousHash: string | null;
  confidential: ConfidentialMark[];
  publicContent: unknown;
  amendsAccessionNumber: string | null;
  amendmentType: string | null;
  amendmentReason: string | null;
}

const LEDGER_COLUMNS = `d.accession_number AS "accessionNumber", d.company_id AS "companyId",
  d.ai_system_id AS "aiSystemId", d.template_key AS "templateKey", d.template_version AS "templateVersion",
  d.kind, d.reporting_period AS "reportingPeriod", d.status, d.submitted_at AS "submittedAt",
  d.ledger_seq AS "ledgerSeq", d.content_hash AS "contentHash", d.public_hash AS "publicHash",
  d.previous_hash AS "previousHash", d.confidential,
  coalesce(d.public_content, d.content) AS "publicContent",
  (SELECT o.accession_number FROM disclosure o WHERE o.id = d.amends_id) AS "amendsAccessionNumber",
  d.amendment_type AS "amendmentType", d.amendment_reason AS "amendmentReason"`;

/** The ledger read in order, a batch at a time (each batch one indexed range: memory stays flat). */
@Injectable()
export class DisclosureLedgerRepository {
  constructor(private readonly db: Database) {}

  /** One company's filings after position `afterSeq`, with their full content. */
  companyBatch(companyId: string, afterSeq: number, limit: number): Promise<(LedgerRow & { content: unknown })[]> {
    return this.db.reads.rows(
      `SELECT ${LEDGER_COLUMNS}, d.content FROM disclosure d
       WHERE d.company_id = $1 AND d.ledger_seq > $2 ORDER BY d.ledger_seq LIMIT $3`,
      [companyId, afterSeq, limit],
    );
  }

  /** Every filing's public line, by company then ledger position, after the given position. */
  exportBatch(after: { companyId: string; ledgerSeq: number } | null, limit: number): Promise<LedgerRow[]> {
    return this.db.reads.rows(
      `SELECT ${LEDGER_COLUMNS} FROM disclosure d
       WHERE d.ledger_seq IS NOT NULL
         AND ($1::uuid IS NULL OR (d.company_id, d.ledger_seq) > ($1::uuid, $2::int))
       ORDER BY d.company_id, d.ledger_seq LIMIT $3`,
      [after?.companyId ?? null, after?.ledgerSeq ?? 0, limit],
    );
  }
}
