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
import { LocalDateScalar } from '../common/graphql/scalars.js';
import { CertificationStatus, Regime } from './oversight-terms.js';
import { Regulator } from './regulator.entity.js';

/**
 * A certification a regulator issued to a company, or to one of its AI systems. The stored status is PENDING,
 * ACTIVE, SUSPENDED or REVOKED; EXPIRED is computed from expires_on at read time.
 */
@ObjectType({
  description: 'A certification a regulator issued to a company, or to one of its AI systems, under a scheme.',
})
@Entity('certification')
@Check('CHK_certification_status', `"status" IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'REVOKED')`)
@Check('CHK_certification_regime', `"regime" IN ('VOLUNTARY', 'MANDATORY')`)
@Check('CHK_certification_period', `"expires_on" > "issued_on"`)
// Each filter of the public list reads an index in the list's order (expires_on, id), newest expiry first.
@Index('IDX_certification_company', ['companyId', 'expiresOn', 'id'])
@Index('IDX_certification_system', ['aiSystemId', 'expiresOn', 'id'], { where: '"ai_system_id" IS NOT NULL' })
@Index('IDX_certification_regulator', ['regulatorId', 'expiresOn', 'id'])
@Index('IDX_certification_scheme', ['scheme', 'expiresOn', 'id'])
@Index('IDX_certification_regime', ['regime', 'expiresOn', 'id'])
@Index('IDX_certification_status', ['status', 'expiresOn', 'id'])
export class Certification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The issuer. */
  @Field(() => ID, { description: 'The issuing regulator.' })
  @Column({ name: 'regulator_id', type: 'uuid' })
  regulatorId: string;

  @ManyToOne(() => Regulator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulator_id' })
  regulator?: Relation<Regulator>;

  @Field(() => ID)
  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  /** Null: the company as a whole. Otherwise one of the company's own systems. */
  @Field(() => ID, { nullable: true, description: 'The certified AI system; null when the company as a whole is.' })
  @Column({ name: 'ai_system_id', type: 'uuid', nullable: true })
  aiSystemId: string | null;

  @ManyToOne(() => AISystem, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'ai_system_id', referencedColumnName: 'id' },
    { name: 'company_id', referencedColumnName: 'companyId' },
  ])
  aiSystem?: Relation<AISystem>;

  /** The certification scheme, for example "ISO/IEC 42001". */
  @Field({ description: 'The certification scheme, for example "ISO/IEC 42001".' })
  @Column({ type: 'text' })
  scheme: string;

  @Field(() => Regime)
  @Column({ type: 'varchar', length: 16 })
  regime: Regime;

  /** As read: EXPIRED is computed by the repository (see certification-status.ts), never stored. */
  @Field(() => CertificationStatus, {
    description: 'EXPIRED once expiresOn has come (UTC) unless it was revoked; computed when read, never stored.',
  })
  @Column({ type: 'varchar', length: 16 })
  status: CertificationStatus;

  @Field(() => LocalDateScalar)
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Field(() => LocalDateScalar, { description: 'The first day it no longer holds.' })
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
