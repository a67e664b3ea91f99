import { describe, expect, it } from '@jest/globals';
import { DisclosureStatus } from '../disclosures/disclosure-terms.js';
import { ReviewDecision } from './oversight-terms.js';
import { ageInDays, decidedStatus } from './review-rules.js';

describe('decidedStatus', () => {
  it('gives each decision its filing status', () => {
    expect(decidedStatus(ReviewDecision.ACCEPT)).toBe(DisclosureStatus.ACCEPTED);
    expect(decidedStatus(ReviewDecision.REJECT)).toBe(DisclosureStatus.REJECTED);
    expect(decidedStatus(ReviewDecision.REQUEST_AMENDMENT)).toBe(DisclosureStatus.AMENDMENT_REQUESTED);
  });
});

describe('ageInDays', () => {
  const submitted = new Date('2026-03-01T18:00:00Z');

  it('counts whole days elapsed', () => {
    expect(ageInDays(submitted, new Date('2026-03-01T23:59:59Z'))).toBe(0);
    expect(ageInDays(submitted, new Date('2026-03-02T17:59:59Z'))).toBe(0);
    expect(ageInDays(submitted, new Date('2026-03-02T18:00:00Z'))).toBe(1);
    expect(ageInDays(submitted, new Date('2026-04-01T18:00:00Z'))).toBe(31);
  });

  it('is never negative (a clock a little behind the database’s)', () => {
    expect(ageInDays(submitted, new Date('2026-03-01T17:59:59Z'))).toBe(0);
  });
});
