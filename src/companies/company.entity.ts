import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
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

@ObjectType({ description: 'A company that deploys AI systems and files disclosures about them.' })
@Entity('company')
@Index('IDX_company_name_id', ['name', 'id'])
export class Company {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

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
