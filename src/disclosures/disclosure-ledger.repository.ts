import type { Readable } from 'node:stream';
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

  /**
   * Every filing's public line (an ExportedFiling as JSON, built by PostgreSQL), by company then ledger position:
   * one statement over a consistent snapshot, streamed as bytes (Database.copyOut).
   */
  exportStream(): Promise<Readable> {
    return this.db.copyOut(
      `SELECT json_build_object(
         'accessionNumber', d.accession_number, 'companyId', d.company_id, 'aiSystemId', d.ai_system_id,
         'templateKey', d.template_key, 'templateVersion', d.template_version, 'kind', d.kind,
         'reportingPeriod', d.reporting_period, 'status', d.status, 'ledgerSeq', d.ledger_seq,
         'contentHash', d.content_hash, 'publicHash', d.public_hash, 'previousHash', d.previous_hash,
         'publicContent', coalesce(d.public_content, d.content),
         'amendsAccessionNumber', (SELECT o.accession_number FROM disclosure o WHERE o.id = d.amends_id),
         'amendmentType', d.amendment_type, 'amendmentReason', d.amendment_reason,
         'submittedAt', to_char(d.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'redactions', d.confidential)::text
       FROM disclosure d WHERE d.ledger_seq IS NOT NULL ORDER BY d.company_id, d.ledger_seq`,
    );
  }
}
