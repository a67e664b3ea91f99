import { describe, expect, it } from '@jest/globals';
import { canonicalHash, publicView } from './content-hash.js';
import { LedgerVerifier, type LedgerEntry } from './ledger-verifier.js';

function filing(
  companyId: string,
  ledgerSeq: number,
  content: object,
  previousHash: string | null,
  redactions: { path: string; reason: string }[] = [],
): LedgerEntry {
  const view = publicView(content, redactions);
  return {
    accessionNumber: `AID-2026-${String(ledgerSeq).padStart(6, '0')}-${companyId}`,
    companyId,
    ledgerSeq,
    contentHash: canonicalHash(content),
    publicHash: canonicalHash(view),
    previousHash,
    redactions,
    publicContent: view,
    content,
  };
}

function offline(entry: LedgerEntry): LedgerEntry {
  const { content: _full, ...rest } = entry;
  return rest;
}

describe('canonicalHash', () => {
  it('does not depend on key order or number spelling', () => {
    expect(canonicalHash({ b: 1, a: [1.0, 'x'] })).toBe(canonicalHash(JSON.parse('{"a":[1e0,"x"],"b":1.00}')));
    expect(canonicalHash({ a: 1 })).not.toBe(canonicalHash({ a: 2 }));
  });
});

describe('publicView', () => {
  it('nulls each confidential field and leaves the content itself alone', () => {
    const content = { summary: 's', risks: [{ category: 'bias', mitigation: 'secret' }] };
    const view = publicView(content, [{ path: '/risks/0/mitigation', reason: 'TRADE_SECRET' }]);
    expect(view).toEqual({ summary: 's', risks: [{ category: 'bias', mitigation: null }] });
    expect(content.risks[0].mitigation).toBe('secret');
  });

  it('skips a pointer to nothing', () => {
    expect(publicView({ a: 1 }, [{ path: '/b/c', reason: 'TRADE_SECRET' }])).toEqual({ a: 1 });
  });
});

describe('LedgerVerifier', () => {
  const first = filing('A', 1, { summary: 'one' }, null);
  const second = filing('A', 2, { summary: 'two', secret: 'x' }, first.contentHash, [
    { path: '/secret', reason: 'TRADE_SECRET' },
  ]);
  const other = filing('B', 1, { summary: 'b' }, null);

  it('accepts valid chains of interleaved companies, online and offline', () => {
    for (const entries of [[first, other, second], [first, other, second].map(offline)]) {
      const verifier = new LedgerVerifier();
      entries.forEach((entry) => verifier.add(entry));
      expect(verifier.verdict()).toEqual({ valid: true, checked: 3, firstBrokenAccessionNumber: null, reason: null });
    }
  });

  it('names the filing whose content changed', () => {
    const verifier = new LedgerVerifier();
    verifier.add(first);
    verifier.add({ ...second, content: { summary: 'changed', secret: 'x' } });
    expect(verifier.verdict()).toMatchObject({ valid: false, firstBrokenAccessionNumber: second.accessionNumber });
  });

  it('offline, names a filing whose public content changed', () => {
    const verifier = new LedgerVerifier();
    verifier.add(offline({ ...first, publicContent: { summary: 'changed' } }));
    expect(verifier.verdict()).toMatchObject({ valid: false, firstBrokenAccessionNumber: first.accessionNumber });
  });

  it('names a broken link and a missing filing', () => {
    const relinked = new LedgerVerifier();
    relinked.add(first);
    relinked.add({ ...second, previousHash: 'f'.repeat(64) });
    expect(relinked.verdict().reason).toMatch(/previous hash/);

    const gap = new LedgerVerifier();
    gap.add(second);
    expect(gap.verdict()).toMatchObject({ valid: false, firstBrokenAccessionNumber: second.accessionNumber });
  });
});
