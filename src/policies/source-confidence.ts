import { registerEnumType } from '@nestjs/graphql';

export enum SourceConfidence {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

registerEnumType(SourceConfidence, {
  name: 'SourceConfidence',
  description:
    'How well a record is sourced: HIGH, seen in an official or OECD source; MEDIUM, seen in one secondary source; ' +
    'LOW, inferred (for example a year reconstructed from counts).',
});
