import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A part of a template's content: one top-level property of its schema." })
export class DisclosureTemplateSection {
  @Field({ description: 'The property of the content that holds the section.' })
  key: string;

  @Field()
  title: string;

  @Field(() => Int, { description: 'Reading order, from the lowest.' })
  order: number;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
