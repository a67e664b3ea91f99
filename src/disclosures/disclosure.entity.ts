import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { AISystem } from '../companies/ai-system.entity.js';
import { Company } from '../companies/company.entity.js';
import type { AmendmentType, ConfidentialityReason, DisclosureStatus } from './disclosure-terms.js';
import { DisclosureTemplate } from './templates/disclosure-template.entity.js';

export interface ConfidentialMark {
  /** JSON Pointer into the content. */
  path: string;
  reason: ConfidentialityReason;
}

const FILED = `"status" NOT IN ('DRAFT', 'WITHDRAWN')`;

/**
 * One filing under one template version. Drafts change; from submission on, the content, its hashes and its place
 * in the company's ledger never change (a trigger in the migration refuses), only the status moves on.
 */
@Entity('disclosure')
@Check(
  'CHK_disclosure_status',
  `"status" IN ('DRAFT', 'WITHDRAWN', 'SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'AMENDMENT_REQUESTED', 'SUPERSEDED')`,
)
@Check(
  'CHK_disclosure_filed',
  `(${FILED}) = ("accession_number" IS NOT NULL) AND (${FILED}) = ("submitted_at" IS NOT NULL) AND (${FILED}) = ("ledger_seq" IS NOT NULL) AND (${FILED}) = ("content_hash" IS NOT NULL) AND (${FILED}) = ("public_hash" IS NOT NULL)`,
)
@Check('CHK_disclosure_period', `"reporting_period" ~ '^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$'`)
@Check(
  'CHK_disclosure_amendment',
  `("amends_id" IS NULL) = ("amendment_type" IS NULL) AND ("amends_id" IS NULL) = ("amendment_reason" IS NULL) AND ("amendment_type" IS NULL OR "amendment_type" IN ('CORRECTION', 'RESTATEMENT', 'SUPPLEMENT', 'WITHDRAWAL')) AND "amends_id" <> "id"`,
)
@Check('CHK_disclosure_content', `jsonb_typeof("content") = 'object' AND jsonb_typeof("confidential") = 'array'`)
@Check('CHK_disclosure_accession', `"accession_number" ~ '^AID-[0-9]{4}-[0-9]{6,}$'`)
@Check('CHK_disclosure_hashes', `"content_hash" ~ '^[0-9a-f]{64}$' AND "public_hash" ~ '^[0-9a-f]{64}$'`)
@Unique('UQ_disclosure_accession_number', ['accessionNumber'])
@Unique('UQ_disclosure_company_ledger_seq', ['companyId', 'ledgerSeq'])
// Public lists: newest filings first, each filter on its own index.
@Index('IDX_disclosure_submitted', ['submittedAt', 'id'], { where: '"submitted_at" IS NOT NULL' })
@Index('IDX_disclosure_company_submitted', ['companyId', 'submittedAt', 'id'], { where: '"submitted_at" IS NOT NULL' })
@Index('IDX_disclosure_system_submitted', ['aiSystemId', 'submittedAt', 'id'], { where: '"submitted_at" IS NOT NULL' })
@Index('IDX_disclosure_template_submitted', ['templateKey', 'submittedAt', 'id'], {
  where: '"submitted_at" IS NOT NULL',
})
@Index('IDX_disclosure_kind_submitted', ['kind', 'submittedAt', 'id'], { where: '"submitted_at" IS NOT NULL' })
@Index('IDX_disclosure_status_submitted', ['status', 'submittedAt', 'id'], { where: '"submitted_at" IS NOT NULL' })
// Whether a template version is used (the trigger that freezes used versions asks, and publishing does).
@Index('IDX_disclosure_template_version', ['templateKey', 'templateVersion'])
// The review queue: filings awaiting review in submission order, with their AI system (read from the index alone).
@Index('IDX_disclosure_review_queue', ['submittedAt', 'id', 'aiSystemId'], { where: `"status" = 'SUBMITTED'` })
// A system's filings under a template by period, with what compliance reads of them (INCLUDE: index-only probes,
// one per system and template): written by hand in its migration.
@Index('IDX_disclosure_system_template_period', { synchronize: false })
// A company's drafts, for its filers.
@Index('IDX_disclosure_company_draft', ['companyId', 'createdAt', 'id'], { where: `"status" = 'DRAFT'` })
// An original's amendments, in order.
@Index('IDX_disclosure_amends', ['amendsId', 'createdAt', 'id'], { where: '"amends_id" IS NOT NULL' })
export class Disclosure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  @Column({ name: 'ai_system_id', type: 'uuid' })
  aiSystemId: string;

  // The system must be the company's own.
  @ManyToOne(() => AISystem, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'ai_system_id', referencedColumnName: 'id' },
    { name: 'company_id', referencedColumnName: 'companyId' },
  ])
  aiSystem?: Relation<AISystem>;

  @Column({ name: 'template_key', type: 'varchar', length: 64 })
  templateKey: string;

  @Column({ name: 'template_version', type: 'integer' })
  templateVersion: number;

  @ManyToOne(() => DisclosureTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'template_key', referencedColumnName: 'key' },
    { name: 'template_version', referencedColumnName: 'version' },
  ])
  template?: Relation<DisclosureTemplate>;

  /** The template's kind, copied so that the kind filter reads one index. */
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  /** 'YYYY', 'YYYY-Qn', 'YYYY-Hn' or 'YYYY-MM'. */
  @Column({ name: 'reporting_period', type: 'varchar', length: 7 })
  reportingPeriod: string;

  @Column({ type: 'varchar', length: 24 })
  status: DisclosureStatus;

  @Column({ type: 'jsonb' })
  content: unknown;

  @Column({ type: 'jsonb' })
  confidential: ConfidentialMark[];

  /** The content with its confidential fields nulled; null when nothing is confidential (then it is the content). */
  @Column({ name: 'public_content', type: 'jsonb', nullable: true })
  publicContent: unknown;

  /** AID-YYYY-NNNNNN: the year of submission and a number that is never reused. */
  @Column({ name: 'accession_number', type: 'varchar', length: 24, nullable: true })
  accessionNumber: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Position in the company's ledger, from 1. */
  @Column({ name: 'ledger_seq', type: 'integer', nullable: true })
  ledgerSeq: number | null;

  /** SHA-256 (hex) of the RFC 8785 canonical form of the content. */
  @Column({ name: 'content_hash', type: 'char', length: 64, nullable: true })
  contentHash: string | null;

  /** SHA-256 (hex) of the RFC 8785 canonical form of the public view of the content. */
  @Column({ name: 'public_hash', type: 'char', length: 64, nullable: true })
  publicHash: string | null;

  /** The content hash of the company's previous filing in its ledger; null for its first. */
  @Column({ name: 'previous_hash', type: 'char', length: 64, nullable: true })
  previousHash: string | null;

  /** The original filing this one amends (never an amendment). */
  @Column({ name: 'amends_id', type: 'uuid', nullable: true })
  amendsId: string | null;

  @ManyToOne(() => Disclosure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'amends_id' })
  amends?: Relation<Disclosure>;

  @Column({ name: 'amendment_type', type: 'varchar', length: 16, nullable: true })
  amendmentType: AmendmentType | null;

  @Column({ name: 'amendment_reason', type: 'text', nullable: true })
  amendmentReason: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
