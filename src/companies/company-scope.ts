import { registerMembershipScope } from '../auth/membership-scopes.js';

/** The organisation kind of a company: its members are its filers; access rules name it as their scope. */
export const COMPANY = 'company';

registerMembershipScope({
  kind: COMPANY,
  inputField: 'companyId',
  description: 'The company to join, for a filer (give exactly one organisation).',
});
