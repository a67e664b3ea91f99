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
import { Party } from '../countries/party.entity.js';
import { SourceConfidence } from './source-confidence.js';

@ObjectType({
  description: "A national AI strategy: the year it was first released, its title and the record's source.",
})
@Entity('national_ai_strategy')
@Check('CHK_national_ai_strategy_year', `"released_year" BETWEEN 1950 AND 2100`)
@Check('CHK_national_ai_strategy_confidence', `"confidence" IN ('HIGH', 'MEDIUM', 'LOW')`)
@Check('CHK_national_ai_strategy_title', `length(btrim("title")) BETWEEN 1 AND 500`)
@Check('CHK_national_ai_strategy_source', `"source_url" ~ '^https?://[^[:space:]]+$'`)
// Read by party (Country.strategies, the adoption counts) and listed by year, party, title (the keyset).
@Index('UQ_national_ai_strategy_party_title', ['partyCode', 'title'], { unique: true })
@Index('IDX_national_ai_strategy_party_year', ['partyCode', 'releasedYear'])
@Index('IDX_national_ai_strategy_year_party_title', ['releasedYear', 'partyCode', 'title'])
export class NationalAiStrategy {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Code of the party it belongs to: a country (alpha-3) or an organisation (EU).' })
  @Column({ name: 'party_code', type: 'varchar', length: 8 })
  partyCode: string;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_code', referencedColumnName: 'code' })
  party?: Relation<Party>;

  @Field(() => Int, { description: 'Year of first release.' })
  @Column({ name: 'released_year', type: 'smallint' })
  releasedYear: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field({ description: 'Where the record comes from (http or https URL).' })
  @Column({ name: 'source_url', type: 'text' })
  sourceUrl: string;

  @Field(() => SourceConfidence)
  @Column({ type: 'varchar', length: 8 })
  confidence: SourceConfidence;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
