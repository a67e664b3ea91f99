import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DisclosureLedgerRepository, type LedgerRow } from './disclosure-ledger.repository.js';
import { LedgerVerifier, type LedgerVerdict } from './ledger/ledger-verifier.js';

const BATCH = 500;
/** Exports streaming at once; more are refused until one ends. */
const MAX_CONCURRENT_EXPORTS = 2;

/** One line of the public export (`/exports/disclosures.jsonl`): what `disclosures:verify` checks offline. */
export type ExportedFiling = Omit<LedgerRow, 'confidential' | 'submittedAt'> & {
  submittedAt: string;
  redactions: LedgerRow['confidential'];
};

@Injectable()
export class DisclosureLedgerService {
  private exportsRunning = 0;

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

  /**
   * Every filing's public line (ExportedFiling as JSON, then a newline) in ledger order, streamed; null when as
   * many exports as allowed are running (each holds a connection and a snapshot until its reader is done).
   */
  async exportLines(): Promise<Readable | null> {
    if (this.exportsRunning >= MAX_CONCURRENT_EXPORTS) return null;
    this.exportsRunning += 1;
    let stream: Readable;
    try {
      stream = await this.ledger.exportStream();
    } catch (error) {
      this.exportsRunning -= 1;
      throw error;
    }
    stream.once('close', () => (this.exportsRunning -= 1));
    return stream;
  }
}
