import { DisclosureStatus } from '../disclosures/disclosure-terms.js';
import type { DecidedStatus } from '../disclosures/disclosures.service.js';
import { ReviewDecision } from './oversight-terms.js';

/** A review holds at most this many findings, so that a filing's findings are one bounded list. */
export const MAX_FINDINGS_PER_REVIEW = 100;

/** The status a decision gives the filing. */
export function decidedStatus(decision: ReviewDecision): DecidedStatus {
  switch (decision) {
    case ReviewDecision.ACCEPT:
      return DisclosureStatus.ACCEPTED;
    case ReviewDecision.REJECT:
      return DisclosureStatus.REJECTED;
    case ReviewDecision.REQUEST_AMENDMENT:
      return DisclosureStatus.AMENDMENT_REQUESTED;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days elapsed from `since` to `now` (0 on the day of submission, never negative). */
export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}
