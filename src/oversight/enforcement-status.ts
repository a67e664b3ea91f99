import { EnforcementStatus } from './oversight-terms.js';

const { OPEN, UNDER_APPEAL, RESOLVED, WITHDRAWN } = EnforcementStatus;

/**
 * Where an enforcement action may go: OPEN -> UNDER_APPEAL, OPEN or UNDER_APPEAL -> RESOLVED | WITHDRAWN (both
 * final). The database's trigger enforces the same moves.
 */
const NEXT: Record<EnforcementStatus, readonly EnforcementStatus[]> = {
  [OPEN]: [UNDER_APPEAL, RESOLVED, WITHDRAWN],
  [UNDER_APPEAL]: [RESOLVED, WITHDRAWN],
  [RESOLVED]: [],
  [WITHDRAWN]: [],
};

export function canMoveEnforcement(from: EnforcementStatus, to: EnforcementStatus): boolean {
  return NEXT[from].includes(to);
}
