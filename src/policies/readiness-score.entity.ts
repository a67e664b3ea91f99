import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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
import { Country } from '../countries/country.entity.js';

const RANKS = ['rank', 'ict_rank', 'skills_rank', 'rnd_rank', 'industry_rank', 'finance_rank'];

@ObjectType({
  description:
    "A country's ranks in one edition of UNCTAD's Frontier Technologies Readiness Index (1 is the most ready); " +
    'component ranks are null where the edition is not published with them.',
})
@Entity('readiness_score')
@Check('CHK_readiness_score_year', `"year" BETWEEN 2000 AND 2100`)
@Check(
  'CHK_readiness_score_ranks',
  RANKS.map((rank) => `("${rank}" IS NULL OR "${rank}" BETWEEN 1 AND 1000)`).join(' AND '),
)
@Index('UQ_readiness_score_country_year', ['countryIso3', 'year'], { unique: true })
// The ranking of one year, in rank order (keyset on rank, country).
@Index('IDX_readiness_score_year_rank', ['year', 'rank', 'countryIso3'])
export class ReadinessScore {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'ISO alpha-3 code of the country.' })
  @Column({ name: 'country_iso3', type: 'varchar', length: 3 })
  countryIso3: string;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_iso3', referencedColumnName: 'iso3' })
  country?: Relation<Country>;

  @Field(() => Int, { description: 'Year of the index edition (2024: the Technology and Innovation Report 2025).' })
  @Column({ type: 'smallint' })
  year: number;

  @Field(() => Int, { description: 'Overall rank.' })
  @Column({ type: 'smallint' })
  rank: number;

  @Field(() => Int, { nullable: true, description: 'Rank on ICT deployment.' })
  @Column({ name: 'ict_rank', type: 'smallint', nullable: true })
  ictRank: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank on skills.' })
  @Column({ name: 'skills_rank', type: 'smallint', nullable: true })
  skillsRank: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank on research and development activity.' })
  @Column({ name: 'rnd_rank', type: 'smallint', nullable: true })
  rndRank: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank on industry activity.' })
  @Column({ name: 'industry_rank', type: 'smallint', nullable: true })
  industryRank: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank on access to finance.' })
  @Column({ name: 'finance_rank', type: 'smallint', nullable: true })
  financeRank: number | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
