import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Organization } from '../auth/organization.entity.js';
import { Country } from '../countries/country.entity.js';

@ObjectType({ description: 'A company that deploys AI systems and files disclosures about them.' })
@Entity('company')
@Index('IDX_company_name_id', ['name', 'id'])
@Index('IDX_company_sector_name', ['sector', 'name', 'id'])
@Index('IDX_company_country_name', ['countryIso3', 'name', 'id'])
// The name search (case-insensitive substring): the migration creates it as a pg_trgm GIN index on name.
@Index('IDX_company_name_trgm', { synchronize: false })
// The check digits (ISO 7064 mod 97-10) are checked by the service, which can name the field.
@Check('CHK_company_lei', `"lei" ~ '^[0-9A-Z]{18}[0-9]{2}$'`)
@Check('CHK_company_website', `"website" ~ '^https?://'`)
export class Company {
  /** The id of its organisation (auth's), through which users are its members. */
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'id' })
  organization?: Relation<Organization>;

  @Field({ description: 'Legal name.' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'ISO alpha-3 code of the country of incorporation.' })
  @Column({ name: 'country_iso3', type: 'varchar', length: 3 })
  countryIso3: string;

  @Field(() => String, {
    nullable: true,
    description: 'Legal Entity Identifier (ISO 17442): 20 characters ending in two mod-97 check digits.',
  })
  @Index('UQ_company_lei', { unique: true })
  @Column({ type: 'char', length: 20, nullable: true })
  lei: string | null;

  @Field(() => String, { nullable: true, description: 'Economic sector, as the company states it.' })
  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_iso3', referencedColumnName: 'iso3' })
  country?: Relation<Country>;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
