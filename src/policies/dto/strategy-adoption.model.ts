import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    "One group in one year: its member countries on 31 December of that year, and how many of them had released a national AI strategy by then (the report's Figure 11).",
})
export class StrategyAdoption {
  @Field()
  groupKey: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, {
    description: 'Countries in the group on 31 December (organisations such as the EU are not counted).',
  })
  memberCount: number;

  @Field(() => Int, { description: 'Of those, how many had released a national AI strategy by the end of the year.' })
  withStrategy: number;

  @Field(() => Int, { description: 'Of those, how many released their first national AI strategy in this year.' })
  firstReleasedInYear: number;

  @Field(() => Float, { nullable: true, description: 'withStrategy / memberCount (0 to 1); null for an empty group.' })
  share: number | null;
}
