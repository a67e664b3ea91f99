import { describe, expect, it } from '@jest/globals';
import { complianceReasons, STATUS_ORDER, type AssessedRow } from './compliance-rules.js';
import { ComplianceState, Regime } from './oversight-terms.js';

const row = (fields: Partial<AssessedRow>): AssessedRow => ({
  requirementId: 'r',
  aiSystemId: 's',
  regime: Regime.MANDATORY,
  status: ComplianceState.NON_COMPLIANT,
  filings: [],
  certificationMissing: false,
  certificationScheme: null,
  certification: null,
  bans: [],
  ...fields,
});

const filing = (status: string | null, minVersion = 1) => ({
  templateKey: 'unctad-transparency-report',
  minVersion,
  status,
  accessionNumber: status ? 'AID-2026-000042' : null,
});

describe('compliance reasons', () => {
  it('names the template and the year of a missing filing, and the version when a later one is required', () => {
    expect(complianceReasons(row({ filings: [filing(null), filing(null, 2)] }), '2026-06-30')).toEqual([
      'no accepted filing under unctad-transparency-report for period 2026',
      'no accepted filing under unctad-transparency-report (version 2 or later) for period 2026',
    ]);
  });

  it('says which filing awaits a decision, and which was turned down', () => {
    const reasons = ['SUBMITTED', 'UNDER_REVIEW', 'REJECTED', 'AMENDMENT_REQUESTED'].map(
      (status) => complianceReasons(row({ filings: [filing(status)] }), '2026-01-01')[0],
    );
    expect(reasons).toEqual([
      'filing AID-2026-000042 submitted, awaiting review',
      'filing AID-2026-000042 under review',
      'no accepted filing under unctad-transparency-report for period 2026: AID-2026-000042 was rejected',
      'no accepted filing under unctad-transparency-report for period 2026: an amendment of AID-2026-000042 was requested',
    ]);
  });

  it('tells an expired certification from a suspended, a future or a missing one', () => {
    const certification = (status: string, issuedOn = '2025-01-01') => ({
      scheme: 'ISO/IEC 42001',
      status,
      issuedOn,
      expiresOn: '2027-03-31',
    });
    const reason = (fact: ReturnType<typeof certification> | null, asOf = '2027-04-01') =>
      complianceReasons(
        row({ certificationMissing: true, certificationScheme: 'ISO/IEC 42001', certification: fact }),
        asOf,
      );
    expect(reason(certification('ACTIVE'))).toEqual(['certification ISO/IEC 42001 expired on 2027-03-31']);
    expect(reason(certification('SUSPENDED'))).toEqual(['certification ISO/IEC 42001 suspended']);
    expect(reason(certification('ACTIVE', '2027-06-01'))).toEqual(['no active certification under ISO/IEC 42001']);
    expect(reason(null)).toEqual(['no active certification under ISO/IEC 42001']);
    expect(complianceReasons(row({ certificationMissing: true, certificationScheme: null }), '2027-04-01')).toEqual([
      'no active certification under any scheme',
    ]);
  });

  it('names the regulator and the dates of a ban or a suspension', () => {
    const bans = [
      { kind: 'DEPLOYMENT_BAN', regulator: 'Kenya AI Office', effectiveFrom: '2026-07-01', effectiveUntil: null },
      {
        kind: 'DEPLOYMENT_SUSPENSION',
        regulator: 'EU AI Office',
        effectiveFrom: '2026-02-01',
        effectiveUntil: '2026-08-01',
      },
    ];
    expect(complianceReasons(row({ bans }), '2026-07-15')).toEqual([
      'deployment banned by Kenya AI Office since 2026-07-01',
      'deployment suspended by EU AI Office since 2026-02-01 until 2026-08-01',
    ]);
  });

  it('marks the reasons of a voluntary requirement that would otherwise make it NON_COMPLIANT', () => {
    const voluntary = row({ regime: Regime.VOLUNTARY, status: ComplianceState.NOT_REQUIRED, filings: [filing(null)] });
    expect(complianceReasons(voluntary, '2026-06-30')).toEqual([
      'voluntary: no accepted filing under unctad-transparency-report for period 2026',
    ]);
    const pending = row({
      regime: Regime.VOLUNTARY,
      status: ComplianceState.PENDING_REVIEW,
      filings: [filing('SUBMITTED')],
    });
    expect(complianceReasons(pending, '2026-06-30')).toEqual(['filing AID-2026-000042 submitted, awaiting review']);
  });

  it('orders statuses from best to worst', () => {
    expect(STATUS_ORDER).toEqual(['NOT_REQUIRED', 'COMPLIANT', 'PENDING_REVIEW', 'NON_COMPLIANT']);
  });
});
