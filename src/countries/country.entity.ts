import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DevelopmentStatus } from './development-status.js';
import { Party } from './party.entity.js';

@ObjectType({ description: 'A country or territory with an officially assigned ISO 3166-1 code.' })
@Entity('country')
@Check('CHK_country_development_status', `"development_status" IN ('DEVELOPED', 'DEVELOPING', 'LEAST_DEVELOPED')`)
@Check('CHK_country_codes', `"iso3" ~ '^[A-Z]{3}$' AND "iso2" ~ '^[A-Z]{2}$' AND "numeric_code" ~ '^[0-9]{3}$'`)
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-3 code, the public id of a country.' })
  @PrimaryColumn({ type: 'varchar', length: 3 })
  iso3: string;

  @OneToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'iso3', referencedColumnName: 'code' })
  party?: Relation<Party>;

  @Field({ description: 'ISO 3166-1 alpha-2 code.' })
  @Index('UQ_country_iso2', { unique: true })
  @Column({ type: 'char', length: 2 })
  iso2: string;

  @Field({ description: 'ISO 3166-1 numeric code, the same as the UN M49 code (three digits, leading zeros kept).' })
  @Index('UQ_country_numeric_code', { unique: true })
  @Column({ name: 'numeric_code', type: 'char', length: 3 })
  numericCode: string;

  @Field({ description: 'Common English name.' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'Official English name.' })
  @Column({ name: 'official_name', type: 'text' })
  officialName: string;

  @Field(() => String, { nullable: true, description: 'UN M49 region (Africa, Americas, Asia, Europe, Oceania).' })
  @Index('IDX_country_region')
  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 sub-region, for example "Northern Europe".' })
  @Index('IDX_country_subregion')
  @Column({ type: 'text', nullable: true })
  subregion: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'UN M49 intermediate region where one exists, for example "South America".',
  })
  @Column({ name: 'intermediate_region', type: 'text', nullable: true })
  intermediateRegion: string | null;

  @Field({ description: 'Member state of the United Nations (193 in all).' })
  @Index('IDX_country_un_member')
  @Column({ name: 'un_member', type: 'boolean' })
  unMember: boolean;

  @Field(() => DevelopmentStatus)
  @Index('IDX_country_development_status')
  @Column({ name: 'development_status', type: 'varchar', length: 16 })
  developmentStatus: DevelopmentStatus;
}
