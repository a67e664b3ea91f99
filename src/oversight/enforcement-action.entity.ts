import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { AISystem } from '../companies/ai-system.entity.js';
import { Company } from '../companies/company.entity.js';
import { Disclosure } from '../disclosures/disclosure.entity.js';
import { LocalDateScalar } from '../common/graphql/scalars.js';
import { EnforcementKind, EnforcementStatus } from './oversight-terms.js';
import { Regulator } from './regulator.entity.js';

/** A regulator's decision against a company (and optionally one of its systems or filings). Public. */
@ObjectType({
  description:
    "A regulator's decision against a company (and optionally one of its AI systems or filings): a penalty, a restriction, a warning...",
})
@Entity('enforcement_action')
@Check(
  'CHK_enforcement_kind',
  `"kind" IN ('MONETARY_PENALTY', 'DEPLOYMENT_RESTRICTION', 'DEPLOYMENT_SUSPENSION', 'DEPLOYMENT_BAN', 'WARNING', 'CORRECTIVE_ORDER')`,
)
@Check('CHK_enforcement_status', `"status" IN ('OPEN', 'UNDER_APPEAL', 'RESOLVED', 'WITHDRAWN')`)
// A penalty has an amount and a currency; nothing else has either.
@Check(
  'CHK_enforcement_penalty',
  `("kind" = 'MONETARY_PENALTY') = ("penalty_amount" IS NOT NULL) AND ("penalty_amount" IS NULL) = ("penalty_currency" IS NULL) AND ("penalty_amount" IS NULL OR "penalty_amount" > 0) AND ("penalty_currency" IS NULL OR "penalty_currency" ~ '^[A-Z]{3}$')`,
)
@Check('CHK_enforcement_effective', `"effective_until" IS NULL OR "effective_until" > "effective_from"`)
@Index('IDX_enforcement_company', ['companyId', 'decidedOn', 'id'])
@Index('IDX_enforcement_system', ['aiSystemId', 'decidedOn', 'id'], { where: '"ai_system_id" IS NOT NULL' })
@Index('IDX_enforcement_regulator', ['regulatorId', 'decidedOn', 'id'])
@Index('IDX_enforcement_jurisdiction', ['jurisdiction', 'decidedOn', 'id'])
@Index('IDX_enforcement_kind', ['kind', 'decidedOn', 'id'])
@Index('IDX_enforcement_status', ['status', 'decidedOn', 'id'])
export class EnforcementAction {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The regulator that decided.' })
  @Column({ name: 'regulator_id', type: 'uuid' })
  regulatorId: string;

  @ManyToOne(() => Regulator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulator_id' })
  regulator?: Relation<Regulator>;

  /** The regulator's jurisdiction when it decided, copied so that the jurisdiction filter reads one index. */
  @Field({ description: "The deciding regulator's jurisdiction (a party code) when it decided." })
  @Column({ type: 'varchar', length: 8 })
  jurisdiction: string;

  @Field(() => ID)
  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'ai_system_id', type: 'uuid', nullable: true })
  aiSystemId: string | null;

  @ManyToOne(() => AISystem, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'ai_system_id', referencedColumnName: 'id' },
    { name: 'company_id', referencedColumnName: 'companyId' },
  ])
  aiSystem?: Relation<AISystem>;

  @Field(() => ID, { nullable: true, description: 'The filing it concerns, if any.' })
  @Column({ name: 'disclosure_id', type: 'uuid', nullable: true })
  disclosureId: string | null;

  @ManyToOne(() => Disclosure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'disclosure_id' })
  disclosure?: Relation<Disclosure>;

  @Field(() => EnforcementKind)
  @Column({ type: 'varchar', length: 32 })
  kind: EnforcementKind;

  @Field(() => EnforcementStatus)
  @Column({ type: 'varchar', length: 16 })
  status: EnforcementStatus;

  @Field({ description: 'The provision it rests on.' })
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Field(() => LocalDateScalar)
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  @Field(() => LocalDateScalar)
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The first day it no longer applies; null: open-ended.',
  })
  @Column({ name: 'effective_until', type: 'date', nullable: true })
  effectiveUntil: string | null;

  @Field()
  @Column({ name: 'public_summary', type: 'text' })
  publicSummary: string;

  /** Exact decimal, read and written as text: never a floating-point number. */
  @Column({ name: 'penalty_amount', type: 'numeric', precision: 20, scale: 2, nullable: true })
  penaltyAmount: string | null;

  /** ISO 4217 alphabetic code. */
  @Column({ name: 'penalty_currency', type: 'char', length: 3, nullable: true })
  penaltyCurrency: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
