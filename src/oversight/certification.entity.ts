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
import type { CertificationStatus, Regime } from './oversight-terms.js';
import { Regulator } from './regulator.entity.js';

/**
 * A certification a regulator issued to a company, or to one of its AI systems. The stored status is PENDING,
 * ACTIVE, SUSPENDED or REVOKED; EXPIRED is computed from expires_on at read time.
 */
@Entity('certification')
@Check('CHK_certification_status', `"status" IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'REVOKED')`)
@Check('CHK_certification_regime', `"regime" IN ('VOLUNTARY', 'MANDATORY')`)
@Check('CHK_certification_period', `"expires_on" > "issued_on"`)
@Index('IDX_certification_company', ['companyId', 'expiresOn', 'id'])
@Index('IDX_certification_system', ['aiSystemId', 'expiresOn', 'id'], { where: '"ai_system_id" IS NOT NULL' })
@Index('IDX_certification_regulator', ['regulatorId', 'issuedOn', 'id'])
@Index('IDX_certification_scheme', ['scheme', 'id'])
@Index('IDX_certification_status', ['status', 'expiresOn', 'id'])
export class Certification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The issuer. */
  @Column({ name: 'regulator_id', type: 'uuid' })
  regulatorId: string;

  @ManyToOne(() => Regulator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulator_id' })
  regulator?: Relation<Regulator>;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  /** Null: the company as a whole. Otherwise one of the company's own systems. */
  @Column({ name: 'ai_system_id', type: 'uuid', nullable: true })
  aiSystemId: string | null;

  @ManyToOne(() => AISystem, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'ai_system_id', referencedColumnName: 'id' },
    { name: 'company_id', referencedColumnName: 'companyId' },
  ])
  aiSystem?: Relation<AISystem>;

  /** The certification scheme, for example "ISO/IEC 42001". */
  @Column({ type: 'text' })
  scheme: string;

  @Column({ type: 'varchar', length: 16 })
  regime: Regime;

  @Column({ type: 'varchar', length: 16 })
  status: CertificationStatus;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
