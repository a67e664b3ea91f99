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
  type Relation,
} from 'typeorm';
import { Organization } from '../auth/organization.entity.js';
import { Party } from '../countries/party.entity.js';

@ObjectType({ description: 'A public authority that reviews disclosures within its jurisdiction.' })
@Entity('regulator')
@Index('IDX_regulator_name_id', ['name', 'id'])
@Check('CHK_regulator_website', `"website" ~ '^https?://'`)
// One regulator of a name per jurisdiction, ignoring case and runs of spaces: the migration creates it on
// (jurisdiction, lower(regexp_replace(btrim(name), '\s+', ' ', 'g'))).
@Index('UQ_regulator_jurisdiction_name', { synchronize: false })
export class Regulator {
  /** The id of its organisation (auth's), through which users are its staff. */
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'id' })
  organization?: Relation<Organization>;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field({
    description: 'Code of the party whose jurisdiction it covers: a country (alpha-3) or an organisation (EU).',
  })
  @Index('IDX_regulator_jurisdiction')
  @Column({ type: 'varchar', length: 8 })
  jurisdiction: string;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction', referencedColumnName: 'code' })
  party?: Relation<Party>;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
