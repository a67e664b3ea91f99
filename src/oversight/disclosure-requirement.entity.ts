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
import { OrganizationRole, RiskLevel } from '../companies/ai-system-terms.js';
import { LocalDateScalar } from '../common/graphql/scalars.js';
import { Party } from '../countries/party.entity.js';
import { Initiative } from '../initiatives/initiative.entity.js';
import { RequirementTemplate } from './dto/requirement-template.model.js';
import { Regime } from './oversight-terms.js';
import { Regulator } from './regulator.entity.js';

/**
 * What must be disclosed, by whom: issued by a regulator for its jurisdiction, or attached to an initiative by a
 * curator (then it applies in the parties taking part in the initiative on the date asked about). Empty risk
 * level or role lists mean all.
 */
@ObjectType({
  description:
    "What must be disclosed, by whom: a regulator's requirement for its jurisdiction, or one attached to an " +
    'initiative (it applies where the parties taking part in it on the date are). Empty riskLevels or ' +
    'organizationRoles mean all.',
})
@Entity('disclosure_requirement')
@Check('CHK_disclosure_requirement_regime', `"regime" IN ('VOLUNTARY', 'MANDATORY')`)
// Exactly one issuer: a regulator (with its jurisdiction) or an initiative.
@Check(
  'CHK_disclosure_requirement_issuer',
  `("regulator_id" IS NULL) <> ("initiative_id" IS NULL) AND ("regulator_id" IS NULL) = ("jurisdiction" IS NULL)`,
)
@Check(
  'CHK_disclosure_requirement_risk_levels',
  `"risk_levels" <@ ARRAY['MINIMAL', 'LIMITED', 'HIGH', 'UNACCEPTABLE']::varchar[]`,
)
@Check(
  'CHK_disclosure_requirement_roles',
  `"organization_roles" <@ ARRAY['MODEL_DEVELOPER', 'APPLICATION_DEVELOPER', 'DEPLOYER']::varchar[]`,
)
@Check('CHK_disclosure_requirement_period', `"effective_until" IS NULL OR "effective_until" > "effective_from"`)
@Check(
  'CHK_disclosure_requirement_templates',
  `jsonb_typeof("templates") = 'array' AND jsonb_array_length("templates") >= 1`,
)
@Index('IDX_disclosure_requirement_jurisdiction', ['jurisdiction', 'effectiveFrom'], {
  where: '"jurisdiction" IS NOT NULL',
})
@Index('IDX_disclosure_requirement_initiative', ['initiativeId', 'effectiveFrom'], {
  where: '"initiative_id" IS NOT NULL',
})
// The unfiltered list, by effective date.
@Index('IDX_disclosure_requirement_effective', ['effectiveFrom', 'id'])
@Index('IDX_disclosure_requirement_regulator', ['regulatorId', 'effectiveFrom'], {
  where: '"regulator_id" IS NOT NULL',
})
export class DisclosureRequirement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: "The issuing regulator, for a regulator's requirement." })
  @Column({ name: 'regulator_id', type: 'uuid', nullable: true })
  regulatorId: string | null;

  @ManyToOne(() => Regulator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulator_id' })
  regulator?: Relation<Regulator>;

  /** The regulator's jurisdiction (a party code), for a regulator's requirement. */
  @Field(() => String, { nullable: true, description: "The issuing regulator's jurisdiction (a party code)." })
  @Column({ type: 'varchar', length: 8, nullable: true })
  jurisdiction: string | null;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction', referencedColumnName: 'code' })
  party?: Relation<Party>;

  @Column({ name: 'initiative_id', type: 'uuid', nullable: true })
  initiativeId: string | null;

  @ManyToOne(() => Initiative, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'initiative_id' })
  initiative?: Relation<Initiative>;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => Regime)
  @Column({ type: 'varchar', length: 16 })
  regime: Regime;

  /** Risk levels it applies to; empty: all. */
  @Field(() => [RiskLevel], { description: 'The risk levels of the AI systems it applies to; empty: all.' })
  @Column({ name: 'risk_levels', type: 'varchar', array: true })
  riskLevels: RiskLevel[];

  /** Organisation roles it applies to; empty: all. */
  @Field(() => [OrganizationRole], { description: "The companies' roles for the systems it applies to; empty: all." })
  @Column({ name: 'organization_roles', type: 'varchar', array: true })
  organizationRoles: OrganizationRole[];

  /** [{ key, minVersion }]: a filing under each template (at that version or later) is expected. */
  @Field(() => [RequirementTemplate], {
    description: 'A filing about each system under each of these templates is expected, for every reporting year.',
  })
  @Column({ type: 'jsonb' })
  templates: RequirementTemplate[];

  @Field({ description: 'Whether an active certification of the system or its company is required too.' })
  @Column({ name: 'certification_required', type: 'boolean' })
  certificationRequired: boolean;

  /** The scheme a required certification must be of; null: any. */
  @Field(() => String, { nullable: true, description: 'The scheme a required certification must be of; null: any.' })
  @Column({ name: 'certification_scheme', type: 'text', nullable: true })
  certificationScheme: string | null;

  @Field(() => LocalDateScalar, { description: 'First day it applies.' })
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day it no longer applies; null: open-ended.' })
  @Column({ name: 'effective_until', type: 'date', nullable: true })
  effectiveUntil: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
