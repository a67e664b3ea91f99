import { registerEnumType } from '@nestjs/graphql';

export enum PartyKind {
  COUNTRY = 'COUNTRY',
  ORGANIZATION = 'ORGANIZATION',
}

registerEnumType(PartyKind, {
  name: 'PartyKind',
  description: 'A party to an initiative is a country or a supranational organisation such as the EU.',
});
