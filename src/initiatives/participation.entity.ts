import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { LocalDateScalar } from '../common/graphql/scalars.js';
import { Party } from '../countries/party.entity.js';
import { DatePrecision } from './date-precision.js';
import { Initiative } from './initiative.entity.js';
import { ParticipationRole } from './participation-role.js';

/**
 * One fact of participation, on two timelines. World: true from `validFrom` (inclusive) to `validTo` (exclusive,
 * null: still true). Registry: known from `recordedAt` until `retractedAt` (null: still believed). Rows are never
 * updated except to retract them, and never deleted; a correction retracts a row and records its replacement.
 */
@ObjectType({ description: 'A party taking part in an initiative, in a role, over a period, on a source.' })
@Entity('participation')
@Check(
  'CHK_participation_role',
  `"role" IN ('MEMBER', 'ADHERENT', 'SIGNATORY', 'ENDORSER', 'OBSERVER', 'DRAFTING_PARTY', 'RATIFIED')`,
)
@Check(
  'CHK_participation_precision',
  `"valid_from_precision" IN ('DAY', 'MONTH', 'YEAR') AND ("valid_to" IS NULL) = ("valid_to_precision" IS NULL) AND ("valid_to_precision" IS NULL OR "valid_to_precision" IN ('DAY', 'MONTH', 'YEAR'))`,
)
@Check('CHK_participation_period', `"valid_to" IS NULL OR "valid_to" > "valid_from"`)
@Check(
  'CHK_participation_retraction',
  `("retracted_at" IS NULL) = ("retraction_reason" IS NULL) AND ("retracted_at" IS NULL OR "retracted_at" >= "recorded_at")`,
)
@Check('CHK_participation_source_url', `"source_url" ~ '^https?://'`)
// Needs the btree_gist extension (created by the migration) for the equality parts.
@Exclusion(
  'EXC_participation_live_period',
  `USING gist ("party_code" WITH =, "initiative_id" WITH =, "role" WITH =, daterange("valid_from", "valid_to") WITH &&) WHERE ("retracted_at" IS NULL)`,
)
@Index('IDX_participation_initiative_party', ['initiativeId', 'partyCode', 'id'])
// Its dates and registry times too, so that counting a party's initiatives on a date reads the index alone.
@Index('IDX_participation_party_initiative', [
  'partyCode',
  'initiativeId',
  'validFrom',
  'validTo',
  'retractedAt',
  'recordedAt',
])
// Rows not retracted (knownAt = now), with INCLUDE columns: written by hand in their migration.
@Index('IDX_participation_live_party_initiative', { synchronize: false })
@Index('IDX_participation_live_initiative_party', { synchronize: false })
@Index('IDX_participation_recorded_at', ['recordedAt', 'id'])
@Index('IDX_participation_retracted_at', ['retractedAt', 'id'])
@Index('IDX_participation_valid_from', ['validFrom', 'id'])
@Index('IDX_participation_valid_to', ['validTo', 'id'])
export class Participation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Code of the party (ISO alpha-3 for a country, EU for the European Union).' })
  @Column({ name: 'party_code', type: 'varchar', length: 8 })
  partyCode: string;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_code', referencedColumnName: 'code' })
  party?: Relation<Party>;

  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @ManyToOne(() => Initiative, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'initiative_id' })
  initiative?: Relation<Initiative>;

  @Field(() => ParticipationRole)
  @Column({ type: 'varchar', length: 16 })
  role: ParticipationRole;

  @Field(() => LocalDateScalar, { description: 'First day it was true in the world.' })
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => DatePrecision)
  @Column({ name: 'valid_from_precision', type: 'varchar', length: 8 })
  validFromPrecision: DatePrecision;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day it was no longer true; null: still true.' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => DatePrecision, { nullable: true })
  @Column({ name: 'valid_to_precision', type: 'varchar', length: 8, nullable: true })
  validToPrecision: DatePrecision | null;

  @Field({ description: 'When the registry recorded it.' })
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the registry stopped believing it; null: still believed.' })
  @Column({ name: 'retracted_at', type: 'timestamptz', nullable: true })
  retractedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was retracted.' })
  @Column({ name: 'retraction_reason', type: 'text', nullable: true })
  retractionReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The row this one replaced, when it was recorded as a correction.' })
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => Participation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: Relation<Participation>;

  @Field({ description: 'Where the fact comes from.' })
  @Column({ name: 'source_url', type: 'text' })
  sourceUrl: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'source_title', type: 'text', nullable: true })
  sourceTitle: string | null;

  @Field(() => String, { nullable: true, description: 'What the source says, or how sure the record is.' })
  @Column({ name: 'source_note', type: 'text', nullable: true })
  sourceNote: string | null;
}
