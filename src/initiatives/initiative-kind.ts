import { registerEnumType } from '@nestjs/graphql';

export enum InitiativeKind {
  PRINCIPLES = 'PRINCIPLES',
  DECLARATION = 'DECLARATION',
  CONVENTION = 'CONVENTION',
  RESOLUTION = 'RESOLUTION',
  RECOMMENDATION = 'RECOMMENDATION',
  PARTNERSHIP = 'PARTNERSHIP',
  STATEMENT = 'STATEMENT',
}

registerEnumType(InitiativeKind, { name: 'InitiativeKind', description: 'What kind of instrument an initiative is.' });
