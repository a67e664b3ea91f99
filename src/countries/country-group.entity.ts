import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A named group of parties (G7, G20, OECD, EU, BRICS, LDC...) with dated membership.' })
@Entity('country_group')
@Check('CHK_country_group_key', `"key" ~ '^[A-Z0-9_]{2,32}$'`)
export class CountryGroup {
  @Field({ description: 'Stable upper-case key, for example "G7".' })
  @PrimaryColumn({ type: 'varchar', length: 32 })
  key: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}
