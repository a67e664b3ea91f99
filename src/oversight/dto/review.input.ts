import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsTrimmedText } from '../../companies/dto/company-fields.js';
import { InputArgs } from '../../common/graphql/input-args.js';
import { FindingSeverity, ReviewDecision } from '../oversight-terms.js';

/** RFC 6901: '' or '/'-separated tokens, '~' only as '~0' or '~1'. */
const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/;

@ArgsType()
export class StartReviewArgs {
  @Field(() => ID, { description: 'A SUBMITTED filing about an AI system deployed in the regulator’s jurisdiction.' })
  @IsUUID()
  disclosureId: string;

  @Field(() => ID, { nullable: true, description: 'The regulator to act for; needed only by staff of several.' })
  @IsOptional()
  @IsUUID()
  regulatorId?: string | null;
}

@InputType()
export class AddFindingInput {
  @Field({ description: 'JSON Pointer of the field of the content it is about, for example /risks/0 ("" for all).' })
  @MaxLength(500)
  @Matches(JSON_POINTER, { message: 'must be a JSON Pointer such as /risks/0/mitigation, or "" for the whole filing' })
  fieldPath: string;

  @Field(() => FindingSeverity)
  @IsEnum(FindingSeverity)
  severity: FindingSeverity;

  @Field({ description: 'The requirement the field falls short of: 1 to 500 characters.' })
  @IsTrimmedText(1, 500)
  requirement: string;

  @Field({ description: '1 to 5000 characters.' })
  @IsTrimmedText(1, 5000)
  comment: string;
}

@ArgsType()
export class AddFindingArgs extends InputArgs(AddFindingInput) {
  @Field(() => ID)
  @IsUUID()
  reviewId: string;
}

@ArgsType()
export class DecideReviewArgs {
  @Field(() => ID)
  @IsUUID()
  reviewId: string;

  @Field(() => ReviewDecision)
  @IsEnum(ReviewDecision)
  decision: ReviewDecision;

  @Field({ description: 'The reasons, public once decided: 1 to 5000 characters.' })
  @IsTrimmedText(1, 5000)
  summary: string;
}
