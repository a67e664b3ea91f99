import { Extensions, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { Connection } from '../../common/pagination/connection.js';
import { DatePrecision } from '../date-precision.js';
import { ParticipationRole } from '../participation-role.js';

@ObjectType({ description: 'The countries taking part in exactly `initiativeCount` of the selected initiatives.' })
export class DistributionBucket {
  @Field(() => Int)
  initiativeCount: number;

  @Field(() => Int)
  countryCount: number;

  @Field(() => [String], { description: 'Their ISO alpha-3 codes, in order.' })
  countryCodes: string[];
}

@ObjectType({ description: 'How many countries take part in how many of the selected initiatives (Figure 12).' })
export class ParticipationDistribution {
  @Field(() => Int, { description: 'Countries counted: the sum of the buckets.' })
  total: number;

  @Field(() => Int, { description: 'Initiatives selected (N); the buckets run from 0 to N.' })
  initiativeCount: number;

  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => [DistributionBucket])
  @Extensions({ listSize: 10 })
  buckets: DistributionBucket[];
}

@ObjectType({ description: 'A participation in force, as a cell of the matrix.' })
export class ParticipationCell {
  @Field(() => ID)
  participationId: string;

  @Field()
  initiativeKey: string;

  @Field(() => ParticipationRole)
  role: ParticipationRole;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => DatePrecision)
  validFromPrecision: DatePrecision;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo: string | null;

  @Field(() => DatePrecision, { nullable: true })
  validToPrecision: DatePrecision | null;
}

@ObjectType({ description: 'One country of the matrix and its cells: the selected initiatives it takes part in.' })
export class ParticipationMatrixRow {
  @Field()
  iso3: string;

  @Field(() => [ParticipationCell])
  @Extensions({ listSize: 10 })
  cells: ParticipationCell[];
}

@ObjectType()
export class ParticipationMatrixConnection extends Connection(ParticipationMatrixRow) {}

export enum ParticipationChangeKind {
  RECORDED = 'RECORDED',
  RETRACTED = 'RETRACTED',
  JOINED = 'JOINED',
  LEFT = 'LEFT',
}

registerEnumType(ParticipationChangeKind, {
  name: 'ParticipationChangeKind',
  description:
    'RECORDED, RETRACTED: the registry learned or withdrew a row; JOINED, LEFT: a participation began or ended in the world.',
});

@ObjectType({ description: 'One change: a row recorded or retracted, or a participation that began or ended.' })
export class ParticipationChange {
  @Field(() => ParticipationChangeKind)
  kind: ParticipationChangeKind;

  @Field({ description: 'When: registry time, or midnight UTC of the world date.' })
  at: Date;

  @Field(() => ID)
  participationId: string;
}

@ObjectType()
export class ParticipationChangeConnection extends Connection(ParticipationChange) {}
