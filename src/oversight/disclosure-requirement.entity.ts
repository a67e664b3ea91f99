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
import { Party } from '../countries/party.entity.js';
import { Initiative } from '../initiatives/initiative.entity.js';
import type { Regime } from './oversight-terms.js';
import { Regulator } from './regulator.entity.js';

/**
 * What must be disclosed, by whom: issued by a regulator for its jurisdiction, or attached to an initiative by a
 * curator (then it applies in the parties taking part in the initiative on the date asked about). Empty risk
 * level or role lists mean all.
 */
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
@Index('IDX_disclosure_requirement_regulator', ['regulatorId', 'effectiveFrom'], {
  where: '"regulator_id" IS NOT NULL',
})
export class DisclosureRequirement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'regulator_id', type: 'uuid', nullable: true })
  regulatorId: string | null;

  @ManyToOne(() => Regulator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulator_id' })
  regulator?: Relation<Regulator>;

  /** The regulator's jurisdiction (a party code), for a regulator's requirement. */
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

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  regime: Regime;

  /** Risk levels it applies to; empty: all. */
  @Column({ name: 'risk_levels', type: 'varchar', array: true })
  riskLevels: string[];

  /** Organisation roles it applies to; empty: all. */
  @Column({ name: 'organization_roles', type: 'varchar', array: true })
  organizationRoles: string[];

  /** [{ key, minVersion }]: a filing under each template (at that version or later) is expected. */
  @Column({ type: 'jsonb' })
  templates: { key: string; minVersion: number }[];

  @Column({ name: 'certification_required', type: 'boolean' })
  certificationRequired: boolean;

  /** The scheme a required certification must be of; null: any. */
  @Column({ name: 'certification_scheme', type: 'text', nullable: true })
  certificationScheme: string | null;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'effective_until', type: 'date', nullable: true })
  effectiveUntil: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
