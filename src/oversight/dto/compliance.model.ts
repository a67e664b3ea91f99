import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { ComplianceState } from '../oversight-terms.js';

@ObjectType({ description: 'One requirement applied to one AI system: its status, and what keeps it from COMPLIANT.' })
export class RequirementCompliance {
  @Field(() => ID)
  requirementId: string;

  @Field(() => ID)
  aiSystemId: string;

  @Field(() => ComplianceState)
  status: ComplianceState;

  @Field(() => [String], {
    description:
      'Why it is not COMPLIANT (empty when it is): missing or pending filings, a missing or lapsed certification, ' +
      'a deployment ban or suspension in force; prefixed "voluntary:" under a voluntary requirement.',
  })
  reasons: string[];
}

@ObjectType({ isAbstract: true })
abstract class ComplianceAnswer {
  @Field(() => String, { nullable: true, description: 'The jurisdiction asked about; null: everywhere.' })
  jurisdiction: string | null;

  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => ComplianceState, {
    description: 'The worst status of the rows (NON_COMPLIANT, PENDING_REVIEW, COMPLIANT); NOT_REQUIRED when none.',
  })
  status: ComplianceState;

  @Field(() => [RequirementCompliance], {
    description: 'One per requirement and AI system it applies to, worst first.',
  })
  requirements: RequirementCompliance[];
}

@ObjectType({
  description:
    "A company's compliance on a date, computed from the registry's records when asked (never stored): the " +
    'requirements that apply to its AI systems and how each stands.',
})
export class ComplianceStatus extends ComplianceAnswer {
  @Field(() => ID)
  companyId: string;
}

@ObjectType({ description: "An AI system's compliance on a date, computed when asked (never stored)." })
export class SystemCompliance extends ComplianceAnswer {}

@ObjectType()
export class ComplianceCount {
  @Field(() => ComplianceState)
  status: ComplianceState;

  @Field(() => Int, { description: 'Companies whose overall status it is.' })
  companies: number;
}

@ObjectType({ description: 'How many companies of a jurisdiction have each overall compliance status on a date.' })
export class ComplianceOverview {
  @Field()
  jurisdiction: string;

  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => Int, {
    description: 'Companies incorporated in, or with an AI system deployed in, a party the jurisdiction covers.',
  })
  companies: number;

  @Field(() => [ComplianceCount], { description: 'One per status, worst first, zeros included.' })
  counts: ComplianceCount[];

  @Field({
    description:
      'When these counts were computed. They are kept until a filing, requirement, certification, enforcement ' +
      'action, AI system, deployment, company or participation changes, and for at most a minute.',
  })
  computedAt: Date;
}
