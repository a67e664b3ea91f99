import { registerMembershipScope } from '../auth/membership-scopes.js';

/** The organisation kind of a regulator: its members are its staff; access rules name it as their scope. */
export const REGULATOR = 'regulator';

registerMembershipScope({
  kind: REGULATOR,
  inputField: 'regulatorId',
  description: 'The regulator to join, for its staff (give exactly one organisation).',
});
