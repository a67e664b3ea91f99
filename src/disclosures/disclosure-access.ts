import { isMemberOf, type Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { COMPANY } from '../companies/company-scope.js';

/**
 * Whether `principal` files for `companyId`: a FILER who is a member of the company. Only they see its drafts
 * and the confidential fields of its filings (regulators with jurisdiction join them with the oversight work).
 */
export function filesFor(principal: Principal | null | undefined, companyId: string): boolean {
  return !!principal && principal.roles.has(Role.FILER) && isMemberOf(principal, COMPANY, companyId);
}
