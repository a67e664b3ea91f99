import { registerEnumType } from '@nestjs/graphql';

/** DRAFT -> SUBMITTED -> UNDER_REVIEW -> ACCEPTED | REJECTED | AMENDMENT_REQUESTED; SUPERSEDED; a draft may be WITHDRAWN. */
export enum DisclosureStatus {
  DRAFT = 'DRAFT',
  WITHDRAWN = 'WITHDRAWN',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  AMENDMENT_REQUESTED = 'AMENDMENT_REQUESTED',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(DisclosureStatus, {
  name: 'DisclosureStatus',
  description:
    'DRAFT (private to the filers) or WITHDRAWN (a draft given up); from submission on: SUBMITTED, UNDER_REVIEW, ' +
    'ACCEPTED, REJECTED, AMENDMENT_REQUESTED, or SUPERSEDED once an amendment of it is accepted.',
});

export enum AmendmentType {
  CORRECTION = 'CORRECTION',
  RESTATEMENT = 'RESTATEMENT',
  SUPPLEMENT = 'SUPPLEMENT',
  WITHDRAWAL = 'WITHDRAWAL',
}

registerEnumType(AmendmentType, { name: 'AmendmentType', description: 'What an amendment does to its original.' });

/** Why a field is withheld from the public. */
export enum ConfidentialityReason {
  TRADE_SECRET = 'TRADE_SECRET',
  SECURITY_RISK = 'SECURITY_RISK',
  PERSONAL_DATA = 'PERSONAL_DATA',
  LEGAL_RESTRICTION = 'LEGAL_RESTRICTION',
}

registerEnumType(ConfidentialityReason, {
  name: 'ConfidentialityReason',
  description: 'Why a field of a filing is withheld from the public.',
});
