import { describe, expect, it } from '@jest/globals';
import { canMoveEnforcement } from './enforcement-status.js';
import { EnforcementStatus } from './oversight-terms.js';

const ALL = Object.values(EnforcementStatus);

describe('enforcement status moves', () => {
  it('allows exactly OPEN -> UNDER_APPEAL and OPEN or UNDER_APPEAL -> RESOLVED | WITHDRAWN', () => {
    const allowed = ALL.flatMap((from) =>
      ALL.filter((to) => canMoveEnforcement(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'OPEN>UNDER_APPEAL',
        'OPEN>RESOLVED',
        'OPEN>WITHDRAWN',
        'UNDER_APPEAL>RESOLVED',
        'UNDER_APPEAL>WITHDRAWN',
      ].sort(),
    );
  });

  it('keeps RESOLVED and WITHDRAWN final, and never goes back to OPEN', () => {
    for (const status of ALL) {
      expect(canMoveEnforcement(EnforcementStatus.RESOLVED, status)).toBe(false);
      expect(canMoveEnforcement(EnforcementStatus.WITHDRAWN, status)).toBe(false);
      expect(canMoveEnforcement(status, EnforcementStatus.OPEN)).toBe(false);
    }
  });
});
