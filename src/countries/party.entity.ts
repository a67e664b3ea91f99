import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { PartyKind } from './party-kind.js';

/** Anyone who can take part in an initiative or belong to a group: a country (code = ISO alpha-3) or an organisation. */
@ObjectType({ description: 'A country or a supranational organisation (EU, AU) that can take part in initiatives.' })
@Entity('party')
@Check('CHK_party_kind', `"kind" IN ('COUNTRY', 'ORGANIZATION')`)
@Check('CHK_party_code', `"code" ~ '^[A-Z]{2,8}$'`)
export class Party {
  @Field({
    description: 'ISO 3166-1 alpha-3 code for a country; a short upper-case code (EU, AU) for an organisation.',
  })
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Field(() => PartyKind)
  @Column({ type: 'varchar', length: 16 })
  kind: PartyKind;

  @Field()
  @Column({ type: 'text' })
  name: string;
}
