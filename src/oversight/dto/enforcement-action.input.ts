import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, ValidateBy, ValidateNested } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { DecimalScalar, LocalDateScalar } from '../../common/graphql/scalars.js';
import { IsTrimmedText } from '../../companies/dto/company-fields.js';
import { amountProblem, currencyOf } from '../enforcement-penalty.js';
import { EnforcementKind, EnforcementStatus } from '../oversight-terms.js';

const IsPositiveAmount = () =>
  ValidateBy({
    name: 'isPositiveAmount',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && amountProblem(value, null) === null,
      defaultMessage: () => 'must be more than zero',
    },
  });

const IsCurrency = () =>
  ValidateBy({
    name: 'isCurrency',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && currencyOf(value) !== null,
      defaultMessage: () => 'must be an ISO 4217 currency code, such as EUR or USD',
    },
  });

@InputType('MoneyInput', { description: 'An exact amount of money in one currency.' })
export class MoneyInput {
  @Field(() => DecimalScalar, { description: 'More than zero, written as a string: "1234567.89".' })
  @IsString()
  @IsPositiveAmount()
  amount: string;

  @Field({ description: 'ISO 4217 alphabetic code, any case: EUR, USD, KES...' })
  @IsCurrency()
  currency: string;
}

@InputType()
export class RecordEnforcementActionInput {
  @Field(() => ID)
  @IsUUID()
  companyId: string;

  @Field(() => ID, { nullable: true, description: 'One of the company’s AI systems, when it is about one.' })
  @IsOptional()
  @IsUUID()
  aiSystemId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A filing of the company (about that system, if given).' })
  @IsOptional()
  @IsUUID()
  disclosureId?: string | null;

  @Field(() => EnforcementKind)
  @IsEnum(EnforcementKind)
  kind: EnforcementKind;

  @Field({ description: 'The provision it rests on, 1 to 2000 characters.' })
  @IsTrimmedText(1, 2000)
  legalBasis: string;

  @Field(() => LocalDateScalar, { description: 'Never in the future.' })
  @IsString()
  decidedOn: string;

  @Field(() => LocalDateScalar)
  @IsString()
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'After effectiveFrom; left out: open-ended.' })
  @IsOptional()
  @IsString()
  effectiveUntil?: string | null;

  @Field({ description: 'What the public reads, 1 to 5000 characters.' })
  @IsTrimmedText(1, 5000)
  publicSummary: string;

  @Field(() => MoneyInput, { nullable: true, description: 'Required for a MONETARY_PENALTY; refused otherwise.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  penalty?: MoneyInput | null;

  @Field(() => ID, { nullable: true, description: 'The deciding regulator, when you act for several.' })
  @IsOptional()
  @IsUUID()
  regulatorId?: string | null;
}

@ArgsType()
export class RecordEnforcementActionArgs extends InputArgs(RecordEnforcementActionInput) {}

@ArgsType()
export class UpdateEnforcementStatusArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => EnforcementStatus, { description: 'UNDER_APPEAL, RESOLVED or WITHDRAWN.' })
  @IsEnum(EnforcementStatus)
  status: EnforcementStatus;

  @Field({ description: 'Why, 1 to 2000 characters; kept in the history.' })
  @IsTrimmedText(1, 2000)
  reason: string;
}
