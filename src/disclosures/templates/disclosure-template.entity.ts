import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a filing must contain, as data: one row per key and version. The content contract is a JSON Schema (draft
 * 2020-12) whose `required` keywords say what must be there at submission (drafts may leave it out). A version
 * that any filing uses never changes: the database refuses (trigger in the migration).
 */
@Entity('disclosure_template')
@Check('CHK_disclosure_template_key', `"key" ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'`)
@Check('CHK_disclosure_template_version', `"version" >= 1`)
@Check('CHK_disclosure_template_kind', `"kind" ~ '^[A-Z][A-Z0-9_]{1,63}$'`)
export class DisclosureTemplate {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** IMPACT_ASSESSMENT, TRANSPARENCY_REPORT, or another that a template introduces. */
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'issuing_body', type: 'text' })
  issuingBody: string;

  @Column({ type: 'text' })
  description: string;

  /** Where the template's fields come from. */
  @Column({ name: 'source_url', type: 'text' })
  sourceUrl: string;

  /** [{ key, title, order, description? }]: the content's top-level properties, in reading order. */
  @Column({ type: 'jsonb' })
  sections: unknown;

  /** The JSON Schema (draft 2020-12) of the content. */
  @Column({ type: 'jsonb' })
  schema: unknown;

  /** JSON Pointers of the fields required at submission, derived from the schema's `required` keywords. */
  @Column({ name: 'required_fields', type: 'text', array: true })
  requiredFields: string[];

  /** JSON Pointers of the fields a filer may mark confidential. */
  @Column({ name: 'confidential_fields', type: 'text', array: true })
  confidentialFields: string[];

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
