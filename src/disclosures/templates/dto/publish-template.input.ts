import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { InputArgs } from '../../../common/graphql/input-args.js';

/** As the table's check, shorter: the audit trail names a version `key@version` in 64 characters. */
export const TEMPLATE_KEY = /^[a-z0-9][a-z0-9-]{1,52}[a-z0-9]$/;
export const TEMPLATE_KEY_MESSAGE =
  'must be 3 to 54 lowercase letters, digits and hyphens, such as unctad-impact-assessment';
export const MAX_TEMPLATE_VERSION = 1_000_000;

@InputType({ description: "A part of a template's content: one top-level property of its schema." })
export class DisclosureTemplateSectionInput {
  @Field({ description: 'The top-level property of the schema that holds the section.' })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'must be a property name such as humanOversight' })
  key: string;

  @Field()
  @IsString()
  @Length(1, 300)
  title: string;

  @Field(() => Int, { description: 'Reading order, from the lowest; each section its own.' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  order: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string | null;
}

@InputType()
export class PublishDisclosureTemplateInput {
  @Field({ description: 'The regime, such as unctad-impact-assessment; a new key starts at version 1.' })
  @Matches(TEMPLATE_KEY, { message: TEMPLATE_KEY_MESSAGE })
  key: string;

  @Field(() => Int, {
    description: 'The next version of the key, or a published version that no filing uses yet (it is replaced).',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_TEMPLATE_VERSION)
  version: number;

  @Field({ description: 'IMPACT_ASSESSMENT, TRANSPARENCY_REPORT, HAIP_REPORT, or a new kind.' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, {
    message: 'must be upper case letters, digits and underscores, such as HAIP_REPORT',
  })
  kind: string;

  @Field()
  @IsString()
  @Length(1, 300)
  name: string;

  @Field()
  @IsString()
  @Length(1, 300)
  issuingBody: string;

  @Field({ description: 'What the template is for and where its fields come from.' })
  @IsString()
  @Length(1, 5000)
  description: string;

  @Field({ description: 'Where its fields come from (http or https).' })
  @Length(1, 2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http or https URL' })
  sourceUrl: string;

  @Field(() => [DisclosureTemplateSectionInput], { description: 'One per top-level property of the schema.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DisclosureTemplateSectionInput)
  sections: DisclosureTemplateSectionInput[];

  @Field(() => GraphQLJSONObject, {
    description:
      'The JSON Schema (draft 2020-12) of the content: an object whose properties are the sections, ' +
      '"additionalProperties": false, a maxLength on every string and a maxItems on every array; `required` ' +
      'keywords say what must be there at submission. No `pattern` or `patternProperties`.',
  })
  @IsObject()
  schema: Record<string, unknown>;

  @Field(() => [String], { description: 'JSON Pointers of the fields a filer may mark confidential (may be empty).' })
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  confidentialFields: string[];
}

@ArgsType()
export class PublishDisclosureTemplateArgs extends InputArgs(PublishDisclosureTemplateInput) {}
