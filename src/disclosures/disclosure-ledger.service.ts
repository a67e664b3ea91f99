import { Injectable } from '@nestjs/common';
import { DisclosureLedgerRepository, type LedgerRow } from './disclosure-ledger.repository.js';
import { LedgerVerifier, type LedgerVerdict } from './ledger/ledger-verifier.js';

const BATCH = 500;

/** One line of the public export (`/exports/disclosures.jsonl`): what `disclosures:verify` checks offline. */
export type ExportedFiling = Omit<LedgerRow, 'confidential' | 'submittedAt'> & {
  submittedAt: string;
  redactions: LedgerRow['confidential'];
};

@Injectable()
export class DisclosureLedgerService {
  constructor(private readonly ledger: DisclosureLedgerRepository) {}

  /** Recomputes every hash and link of the company's ledger from the stored content. */
  async verify(companyId: string): Promise<LedgerVerdict> {
    const verifier = new LedgerVerifier();
    for (let afterSeq = 0; ;) {
      const rows = await this.ledger.companyBatch(companyId, afterSeq, BATCH);
      for (const row of rows) {
        if (!verifier.add({ ...row, redactions: row.confidential })) return verifier.verdict();
      }
      if (rows.length < BATCH) return verifier.verdict();
      afterSeq = rows[rows.length - 1].ledgerSeq;
    }
  }

  /** Every filing's public line, streamed in ledger order, a batch in memory at a time. */
  async *exportLines(): AsyncGenerator<ExportedFiling> {
    let after: { companyId: string; ledgerSeq: number } | null = null;
    for (;;) {
      const rows = await this.ledger.exportBatch(after, BATCH);
      for (const { confidential, submittedAt, ...row } of rows) {
        yield { ...row, submittedAt: submittedAt.toISOString(), redactions: confidential };
      }
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1];
      after = { companyId: last.companyId, ledgerSeq: last.ledgerSeq };
    }
  }
}
