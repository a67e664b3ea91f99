import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
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
  @Index('IDX_company_country')
  @Column({ name: 'country_iso3', type: 'varchar', length: 3 })
  countryIso3: string;

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
