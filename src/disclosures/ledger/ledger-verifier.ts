import { canonicalHash, publicView, type Redaction } from './content-hash.js';

/** One filing as the ledger holds it. `content` is the full content when known (online), absent offline. */
export interface LedgerEntry {
  accessionNumber: string;
  companyId: string;
  ledgerSeq: number;
  contentHash: string;
  publicHash: string;
  previousHash: string | null;
  redactions: Redaction[];
  publicContent: unknown;
  content?: unknown;
}

export interface LedgerVerdict {
  valid: boolean;
  /** Filings checked, up to and including the first broken one. */
  checked: number;
  firstBrokenAccessionNumber: string | null;
  reason: string | null;
}

/**
 * Checks filings one at a time, each company's in ledger order (companies may interleave), so that a long
 * ledger is never held in memory: every hash recomputed from the content it covers, every link to the filing
 * before. Without the full content (offline, from the public export), a filing with confidential fields can only
 * have its public hash checked; one without any has both.
 */
export class LedgerVerifier {
  private readonly lastOf = new Map<string, { seq: number; hash: string }>();
  private checked = 0;
  private broken: { accessionNumber: string; reason: string } | null = null;

  add(entry: LedgerEntry): boolean {
    if (this.broken) return false;
    this.checked++;
    const problem = this.problemOf(entry);
    if (problem) {
      this.broken = { accessionNumber: String(entry?.accessionNumber ?? `#${this.checked}`), reason: problem };
      return false;
    }
    this.lastOf.set(entry.companyId, { seq: entry.ledgerSeq, hash: entry.contentHash });
    return true;
  }

  fail(accessionNumber: string, reason: string): void {
    this.broken ??= { accessionNumber, reason };
  }

  verdict(): LedgerVerdict {
    return {
      valid: this.broken === null,
      checked: this.checked,
      firstBrokenAccessionNumber: this.broken?.accessionNumber ?? null,
      reason: this.broken?.reason ?? null,
    };
  }

  private problemOf(entry: LedgerEntry): string | null {
    if (typeof entry !== 'object' || entry === null || typeof entry.companyId !== 'string') {
      return 'it is not a ledger entry';
    }
    const last = this.lastOf.get(entry.companyId) ?? { seq: 0, hash: null };
    if (entry.ledgerSeq !== last.seq + 1) {
      return `ledger position ${entry.ledgerSeq} follows ${last.seq}: a filing is missing or out of order`;
    }
    if (entry.previousHash !== last.hash) return 'its previous hash is not the hash of the filing before it';
    const redactions = Array.isArray(entry.redactions) ? entry.redactions : [];
    if ('content' in entry) {
      if (canonicalHash(entry.content) !== entry.contentHash) return 'its content does not match its content hash';
      if (canonicalHash(publicView(entry.content, redactions)) !== entry.publicHash) {
        return 'its public view does not match its public hash';
      }
      return null;
    }
    if (canonicalHash(entry.publicContent) !== entry.publicHash) {
      return 'its public content does not match its public hash';
    }
    if (!redactions.length && canonicalHash(entry.publicContent) !== entry.contentHash) {
      return 'its content does not match its content hash';
    }
    return null;
  }
}
