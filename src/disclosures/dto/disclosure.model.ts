import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../../common/pagination/connection.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { AmendmentType, ConfidentialityReason, DisclosureStatus } from '../disclosure-terms.js';

@ObjectType({ description: 'A field of a filing marked confidential: withheld from the public, for a reason.' })
export class ConfidentialField {
  @Field({ description: 'JSON Pointer of the field in the content, for example /risks/0/mitigation.' })
  path: string;

  @Field(() => ConfidentialityReason)
  reason: ConfidentialityReason;
}

/**
 * A filing as a caller may see it. `content` is resolved for the caller: the full content for the company's
 * filers, the public view (confidential fields null) for everyone else.
 */
@ObjectType('Disclosure', {
  description:
    'A filing (impact assessment, transparency report...) about one AI system under one template version. ' +
    'Drafts are seen by the company filers only; from submission on, the content never changes.',
})
export class DisclosureView {
  @Field(() => ID)
  id: string;

  @Field(() => DisclosureStatus)
  status: DisclosureStatus;

  @Field(() => ID)
  companyId: string;

  @Field(() => ID)
  aiSystemId: string;

  @Field()
  templateKey: string;

  @Field(() => Int)
  templateVersion: number;

  @Field({ description: "The template's kind: IMPACT_ASSESSMENT, TRANSPARENCY_REPORT..." })
  kind: string;

  @Field({ description: 'YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM.' })
  reportingPeriod: string;

  @Field(() => String, {
    nullable: true,
    description: 'AID-YYYY-NNNNNN: the year of submission and a number never reused; null for a draft.',
  })
  accessionNumber: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Int, { nullable: true, description: "Position in the company's ledger, from 1." })
  ledgerSeq: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of the full content.',
  })
  contentHash: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of the public view (`content` as the public sees it).',
  })
  publicHash: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The content hash of the company's previous filing; null for its first.",
  })
  previousHash: string | null;

  @Field(() => ID, { nullable: true, description: 'The original filing this one amends.' })
  amendsId: string | null;

  @Field(() => AmendmentType, { nullable: true })
  amendmentType: AmendmentType | null;

  @Field(() => String, { nullable: true })
  amendmentReason: string | null;

  @Field(() => [ConfidentialField], { description: 'Which fields are withheld from the public, and why.' })
  confidential: ConfidentialField[];

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;
}

@ObjectType()
export class DisclosureConnection extends Connection(DisclosureView, 'Disclosure') {}

@ObjectType({ description: 'One field that differs between two filings.' })
export class DisclosureChange {
  @Field({ description: 'JSON Pointer of the field.' })
  path: string;

  @Field({ description: 'ADDED, REMOVED or CHANGED.' })
  change: string;

  @Field(() => GraphQLJSON, { nullable: true })
  oldValue: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  newValue: unknown;
}

@ObjectType({ description: "The outcome of recomputing a company's ledger." })
export class LedgerVerification {
  @Field()
  valid: boolean;

  @Field(() => Int, { description: 'Filings checked, up to and including the first broken one.' })
  checked: number;

  @Field(() => String, { nullable: true, description: 'The first filing whose content or link does not match.' })
  firstBrokenAccessionNumber: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;
}
