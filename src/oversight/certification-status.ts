import { CertificationStatus } from './oversight-terms.js';

const { PENDING, ACTIVE, SUSPENDED, REVOKED, EXPIRED } = CertificationStatus;

/**
 * Where a certification may go from its status as read: PENDING -> ACTIVE, ACTIVE <-> SUSPENDED, anything but
 * REVOKED -> REVOKED (final). An expired one may only be revoked: reactivating it would certify past its term.
 * The database's trigger enforces the same moves on the stored status.
 */
const NEXT: Record<CertificationStatus, readonly CertificationStatus[]> = {
  [PENDING]: [ACTIVE, REVOKED],
  [ACTIVE]: [SUSPENDED, REVOKED],
  [SUSPENDED]: [ACTIVE, REVOKED],
  [EXPIRED]: [REVOKED],
  [REVOKED]: [],
};

export function canMoveCertification(from: CertificationStatus, to: CertificationStatus): boolean {
  return NEXT[from].includes(to);
}
