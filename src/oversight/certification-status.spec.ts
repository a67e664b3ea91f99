import { describe, expect, it } from '@jest/globals';
import { canMoveCertification } from './certification-status.js';
import { CertificationStatus } from './oversight-terms.js';

const ALL = Object.values(CertificationStatus);

describe('certification status moves', () => {
  it('allows exactly PENDING -> ACTIVE, ACTIVE <-> SUSPENDED and anything live -> REVOKED', () => {
    const allowed = ALL.flatMap((from) =>
      ALL.filter((to) => canMoveCertification(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'PENDING>ACTIVE',
        'PENDING>REVOKED',
        'ACTIVE>SUSPENDED',
        'ACTIVE>REVOKED',
        'SUSPENDED>ACTIVE',
        'SUSPENDED>REVOKED',
        'EXPIRED>REVOKED',
      ].sort(),
    );
  });

  it('never moves to EXPIRED or PENDING (the first is computed, the second only where it starts)', () => {
    for (const from of ALL) {
      expect(canMoveCertification(from, CertificationStatus.EXPIRED)).toBe(false);
      expect(canMoveCertification(from, CertificationStatus.PENDING)).toBe(false);
    }
  });

  it('keeps REVOKED final', () => {
    expect(ALL.filter((to) => canMoveCertification(CertificationStatus.REVOKED, to))).toEqual([]);
  });
});
