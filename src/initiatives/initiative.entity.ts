import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LocalDateScalar } from '../common/graphql/scalars.js';
import { InitiativeKind } from './initiative-kind.js';

@ObjectType({ description: 'An AI governance initiative: principles, a declaration, a convention...' })
@Entity('initiative')
@Check('CHK_initiative_key', `"key" ~ '^[a-z0-9][a-z0-9_]{1,63}$'`)
@Check(
  'CHK_initiative_kind',
  `"kind" IN ('PRINCIPLES', 'DECLARATION', 'CONVENTION', 'RESOLUTION', 'RECOMMENDATION', 'PARTNERSHIP', 'STATEMENT')`,
)
@Check('CHK_initiative_url', `"url" IS NULL OR "url" ~ '^https?://'`)
@Index('IDX_initiative_kind_key', ['kind', 'key'])
@Index('IDX_initiative_binding_key', ['binding', 'key'])
@Index('IDX_initiative_adopted_on', ['adoptedOn'])
export class Initiative {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable lower-case key, for example "oecd_ai_2019"; never changes.' })
  @Index('UQ_initiative_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => InitiativeKind)
  @Column({ type: 'varchar', length: 16 })
  kind: InitiativeKind;

  @Field(() => String, { nullable: true, description: 'Who convened or adopted it.' })
  @Column({ name: 'convening_body', type: 'text', nullable: true })
  conveningBody: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was adopted, opened or issued.' })
  @Column({ name: 'adopted_on', type: 'date', nullable: true })
  adoptedOn: string | null;

  @Field({ description: 'Whether it binds its parties in law (a ratified convention does; principles do not).' })
  @Column({ type: 'boolean', default: false })
  binding: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
