import { registerEnumType } from '@nestjs/graphql';

export enum DevelopmentStatus {
  DEVELOPED = 'DEVELOPED',
  DEVELOPING = 'DEVELOPING',
  LEAST_DEVELOPED = 'LEAST_DEVELOPED',
}

registerEnumType(DevelopmentStatus, {
  name: 'DevelopmentStatus',
  description:
    "UNCTAD's classification: developed economies are Europe, Northern America, Australia, Israel, Japan, New Zealand " +
    'and the Republic of Korea; least developed countries are those on the UN LDC list today; all others are developing.',
});
