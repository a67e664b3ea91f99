import type { Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../common/access/access.decorator.js';
import { isMemberOf, type Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { ForbiddenError } from '../common/errors/app-errors.js';

export const ACCESS_TOKEN_ONLY = 'access:token-only';

export interface Rule extends AccessRule {
  accessTokenOnly?: boolean;
}

/** The access rule declared on a resolver method (or its class), as the access guard applies it; null: none. */
export function declaredRule(reflector: Reflector, handler: object, owner: object): Rule | null {
  const targets = [handler, owner] as Parameters<Reflector['getAllAndOverride']>[1];
  const declared = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
  const accessTokenOnly = reflector.getAllAndOverride<boolean | undefined>(ACCESS_TOKEN_ONLY, targets);
  return declared ? { ...declared, accessTokenOnly } : null;
}

/**
 * Why a signed-in `principal` may not call a field under `rule` with `args` (its kind of credential, its roles, its
 * memberships), or null when it may. Read-only keys and rate limits are the guard's, for mutations.
 */
export function refusalOf(principal: Principal, rule: Rule, args: Record<string, unknown>): ForbiddenError | null {
  if (rule.accessTokenOnly && !principal.token) {
    return new ForbiddenError('this needs a signed-in user (an access token), not an API key');
  }
  const roles = rule.roles ?? [];
  if (roles.length > 0 && !roles.some((role) => principal.roles.has(role))) {
    return new ForbiddenError(`this needs one of the roles ${roles.join(', ')}`);
  }
  const scope = rule.scope;
  // Admins act on any organisation where the rule lets admins in at all.
  if (!scope || (rule.roles?.includes(Role.ADMIN) && principal.roles.has(Role.ADMIN))) return null;
  const id = scope.id(args);
  return typeof id === 'string' && isMemberOf(principal, scope.kind, id)
    ? null
    : new ForbiddenError(`you are not a member of this ${scope.kind}`);
}
