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
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Company } from './company.entity.js';
import { LifecycleStage, OrganizationRole, RiskLevel } from './ai-system-terms.js';

@ObjectType({ description: 'An AI system a company develops or deploys, and files disclosures about.' })
@Entity('ai_system')
@Check('CHK_ai_system_risk_level', `"risk_level" IN ('MINIMAL', 'LIMITED', 'HIGH', 'UNACCEPTABLE')`)
@Check(
  'CHK_ai_system_organization_role',
  `"organization_role" IN ('MODEL_DEVELOPER', 'APPLICATION_DEVELOPER', 'DEPLOYER')`,
)
@Check(
  'CHK_ai_system_lifecycle_stage',
  `"lifecycle_stage" IN ('DESIGN', 'DATA', 'DEVELOPMENT', 'VALIDATION', 'DEPLOYMENT', 'MONITORING', 'RETIREMENT')`,
)
@Index('IDX_ai_system_company_name', ['companyId', 'name', 'id'])
@Index('IDX_ai_system_risk_level', ['riskLevel', 'id'])
// One system of a name per company, ignoring case and runs of spaces: the migration creates it on
// (company_id, lower(regexp_replace(btrim(name), '\s+', ' ', 'g'))).
@Index('UQ_ai_system_company_name', { synchronize: false })
// The target of disclosure's (ai_system_id, company_id) foreign key: a filing's system belongs to its company.
@Unique('UQ_ai_system_id_company', ['id', 'companyId'])
export class AISystem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'What the system is for.' })
  @Column({ type: 'text' })
  purpose: string;

  @Field(() => RiskLevel)
  @Column({ name: 'risk_level', type: 'varchar', length: 16 })
  riskLevel: RiskLevel;

  @Field(() => OrganizationRole)
  @Column({ name: 'organization_role', type: 'varchar', length: 24 })
  organizationRole: OrganizationRole;

  @Field(() => LifecycleStage)
  @Column({ name: 'lifecycle_stage', type: 'varchar', length: 16 })
  lifecycleStage: LifecycleStage;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
