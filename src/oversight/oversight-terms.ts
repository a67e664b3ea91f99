import { registerEnumType } from '@nestjs/graphql';

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  REQUEST_AMENDMENT = 'REQUEST_AMENDMENT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

export enum FindingSeverity {
  INFO = 'INFO',
  MINOR = 'MINOR',
  MAJOR = 'MAJOR',
  CRITICAL = 'CRITICAL',
}
registerEnumType(FindingSeverity, { name: 'FindingSeverity' });

export enum Regime {
  VOLUNTARY = 'VOLUNTARY',
  MANDATORY = 'MANDATORY',
}
registerEnumType(Regime, {
  name: 'Regime',
  description: 'VOLUNTARY (never makes anyone non-compliant) or MANDATORY.',
});

/** Stored statuses; EXPIRED is computed from expiresOn when read, so it is never stale. */
export enum CertificationStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CertificationStatus, { name: 'CertificationStatus' });

export enum EnforcementKind {
  MONETARY_PENALTY = 'MONETARY_PENALTY',
  DEPLOYMENT_RESTRICTION = 'DEPLOYMENT_RESTRICTION',
  DEPLOYMENT_SUSPENSION = 'DEPLOYMENT_SUSPENSION',
  DEPLOYMENT_BAN = 'DEPLOYMENT_BAN',
  WARNING = 'WARNING',
  CORRECTIVE_ORDER = 'CORRECTIVE_ORDER',
}
registerEnumType(EnforcementKind, { name: 'EnforcementKind' });

export enum EnforcementStatus {
  OPEN = 'OPEN',
  UNDER_APPEAL = 'UNDER_APPEAL',
  RESOLVED = 'RESOLVED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(EnforcementStatus, { name: 'EnforcementStatus' });

export enum ComplianceState {
  COMPLIANT = 'COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
  PENDING_REVIEW = 'PENDING_REVIEW',
  NOT_REQUIRED = 'NOT_REQUIRED',
}
registerEnumType(ComplianceState, { name: 'ComplianceState' });
