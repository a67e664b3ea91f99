import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A template a requirement expects a filing under, at a version or later.' })
export class RequirementTemplate {
  @Field({ description: 'The template key, for example unctad-transparency-report.' })
  key: string;

  @Field(() => Int, { description: 'The oldest version of the template a filing may use.' })
  minVersion: number;
}
