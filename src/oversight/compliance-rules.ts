import { ComplianceState, Regime } from './oversight-terms.js';

/** From best to worst: a company's or a system's overall status is the worst of its rows (none: NOT_REQUIRED). */
export const STATUS_ORDER: readonly ComplianceState[] = [
  ComplianceState.NOT_REQUIRED,
  ComplianceState.COMPLIANT,
  ComplianceState.PENDING_REVIEW,
  ComplianceState.NON_COMPLIANT,
];

/** The best filing under one of a requirement's templates for the year, when it is not an accepted one. */
export interface FilingFact {
  templateKey: string;
  minVersion: number;
  /** SUBMITTED, UNDER_REVIEW, REJECTED, AMENDMENT_REQUESTED, SUPERSEDED; null: nothing filed. */
  status: string | null;
  accessionNumber: string | null;
}

/** The certification that comes closest to satisfying a requirement, when none does. */
export interface CertificationFact {
  scheme: string;
  status: string;
  issuedOn: string;
  expiresOn: string;
}

export interface BanFact {
  kind: string;
  regulator: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
}

/** One requirement applied to one AI system, as the compliance statement assesses it. */
export interface AssessedRow {
  requirementId: string;
  aiSystemId: string;
  regime: Regime;
  status: ComplianceState;
  /** The templates without an accepted filing for the year, in the requirement's order. */
  filings: FilingFact[];
  /** Set when a certification is required and none is active on the date. */
  certificationMissing: boolean;
  certificationScheme: string | null;
  certification: CertificationFact | null;
  /** Deployment bans and suspensions in force where the requirement reaches the system. */
  bans: BanFact[];
}

/** What keeps a row from COMPLIANT, in words a filer or a regulator can act on. */
export function complianceReasons(row: AssessedRow, asOf: string): string[] {
  const year = asOf.slice(0, 4);
  const reasons = [
    ...row.filings.map((filing) => filingReason(filing, year)),
    ...(row.certificationMissing ? [certificationReason(row.certification, row.certificationScheme, asOf)] : []),
    ...row.bans.map(banReason),
  ];
  // A voluntary requirement informs; what would make it NON_COMPLIANT is said, and marked voluntary.
  return row.regime === Regime.VOLUNTARY && row.status === ComplianceState.NOT_REQUIRED
    ? reasons.map((reason) => `voluntary: ${reason}`)
    : reasons;
}

function filingReason(filing: FilingFact, year: string): string {
  if (filing.status === 'UNDER_REVIEW') return `filing ${filing.accessionNumber} under review`;
  if (filing.status === 'SUBMITTED') return `filing ${filing.accessionNumber} submitted, awaiting review`;
  const version = filing.minVersion > 1 ? ` (version ${filing.minVersion} or later)` : '';
  const missing = `no accepted filing under ${filing.templateKey}${version} for period ${year}`;
  switch (filing.status) {
    case 'REJECTED':
      return `${missing}: ${filing.accessionNumber} was rejected`;
    case 'AMENDMENT_REQUESTED':
      return `${missing}: an amendment of ${filing.accessionNumber} was requested`;
    case 'SUPERSEDED':
      return `${missing}: ${filing.accessionNumber} was superseded`;
    default:
      return missing;
  }
}

function certificationReason(fact: CertificationFact | null, scheme: string | null, asOf: string): string {
  const none = `no active certification under ${scheme ?? 'any scheme'}`;
  if (!fact || fact.issuedOn > asOf) return none;
  if (fact.status === 'ACTIVE') return `certification ${fact.scheme} expired on ${fact.expiresOn}`;
  return `certification ${fact.scheme} ${fact.status.toLowerCase()}`;
}

function banReason(ban: BanFact): string {
  const what = ban.kind === 'DEPLOYMENT_BAN' ? 'banned' : 'suspended';
  const until = ban.effectiveUntil ? ` until ${ban.effectiveUntil}` : '';
  return `deployment ${what} by ${ban.regulator} since ${ban.effectiveFrom}${until}`;
}
