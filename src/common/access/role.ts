import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  /** Manages users, roles, memberships and API keys. */
  ADMIN = 'ADMIN',
  /** Maintains governance data: initiatives, participation, groups, strategies. */
  CURATOR = 'CURATOR',
  /** Files disclosures for the companies they are a member of. */
  FILER = 'FILER',
  /** Reviews, certifies and enforces for the regulators they are a member of. */
  REGULATOR = 'REGULATOR',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a signed-in user may do; anonymous callers are the public.',
});
