import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DisclosureTemplateSection } from './dto/template-section.model.js';

/**
 * What a filing must contain, as data: one row per key and version. The content contract is a JSON Schema (draft
 * 2020-12) whose `required` keywords say what must be there at submission (drafts may leave it out). A version
 * that any filing uses never changes: the database refuses (trigger in the migration).
 */
@ObjectType({
  description:
    'What a filing must contain, as versioned data: its sections, the JSON Schema (draft 2020-12) of its content, ' +
    'the fields required at submission and those a filer may mark confidential. A version used by a filing never ' +
    'changes; a change is a new version.',
})
@Entity('disclosure_template')
@Check('CHK_disclosure_template_key', `"key" ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'`)
@Check('CHK_disclosure_template_version', `"version" >= 1`)
@Check('CHK_disclosure_template_kind', `"kind" ~ '^[A-Z][A-Z0-9_]{1,63}$'`)
export class DisclosureTemplate {
  @Field({ description: 'unctad-impact-assessment, oecd-haip-reporting-framework...' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Field(() => Int)
  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** IMPACT_ASSESSMENT, TRANSPARENCY_REPORT, or another that a template introduces. */
  @Field({ description: 'IMPACT_ASSESSMENT, TRANSPARENCY_REPORT, HAIP_REPORT, or another a template introduces.' })
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Column({ name: 'issuing_body', type: 'text' })
  issuingBody: string;

  @Field({ description: 'What the template is for and where its fields come from.' })
  @Column({ type: 'text' })
  description: string;

  /** Where the template's fields come from. */
  @Field({ description: 'Where its fields come from.' })
  @Column({ name: 'source_url', type: 'text' })
  sourceUrl: string;

  /** [{ key, title, order, description? }]: the content's top-level properties, in reading order. */
  @Field(() => [DisclosureTemplateSection])
  @Column({ type: 'jsonb' })
  sections: DisclosureTemplateSection[];

  /** The JSON Schema (draft 2020-12) of the content. */
  @Field(() => GraphQLJSONObject, { description: 'The JSON Schema (draft 2020-12) of the content.' })
  @Column({ type: 'jsonb' })
  schema: Record<string, unknown>;

  /** JSON Pointers of the fields required at submission, derived from the schema's `required` keywords. */
  @Field(() => [String], {
    description:
      "JSON Pointers of the fields required at submission (drafts may lack them), from the schema's `required` " +
      'keywords; `*` stands for every item of an array (/risks/*/category).',
  })
  @Column({ name: 'required_fields', type: 'text', array: true })
  requiredFields: string[];

  /** JSON Pointers of the fields a filer may mark confidential. */
  @Field(() => [String], {
    description: 'JSON Pointers of the fields a filer may mark confidential, with everything below them.',
  })
  @Column({ name: 'confidential_fields', type: 'text', array: true })
  confidentialFields: string[];

  @Field({ description: 'When this version was published (or last replaced, while no filing used it).' })
  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
