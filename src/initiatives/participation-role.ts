import { registerEnumType } from '@nestjs/graphql';

export enum ParticipationRole {
  MEMBER = 'MEMBER',
  ADHERENT = 'ADHERENT',
  SIGNATORY = 'SIGNATORY',
  ENDORSER = 'ENDORSER',
  OBSERVER = 'OBSERVER',
  DRAFTING_PARTY = 'DRAFTING_PARTY',
  RATIFIED = 'RATIFIED',
}

registerEnumType(ParticipationRole, {
  name: 'ParticipationRole',
  description: 'How a party takes part in an initiative.',
});
