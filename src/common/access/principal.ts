import type { Role } from './role.js';

/** Who is calling: a signed-in user, directly (access token) or through one of their API keys. */
export interface Principal {
  userId: string;
  email: string;
  /** Set when the request was authenticated with an API key; the key acts with its owner's rights. */
  apiKeyId: string | null;
  /** Set when the request was authenticated with an access token: its id (`jti`) and expiry, for `logout`. */
  token: { id: string; expiresAt: Date } | null;
  /** A read-only API key: it runs no mutation. */
  readOnly: boolean;
  roles: ReadonlySet<Role>;
  /** The organisations the user is a member of, as `membershipKey(kind, id)`. */
  memberships: ReadonlySet<string>;
}

/** How a membership of the organisation `id` of kind `kind` ("company", "regulator"...) is written in a Principal. */
export function membershipKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}

export function isMemberOf(principal: Principal, kind: string, id: string): boolean {
  return principal.memberships.has(membershipKey(kind, id));
}

/** The request field where the access guard leaves the caller (null: anonymous). */
export const PRINCIPAL = Symbol('principal');

export interface RequestWithPrincipal {
  [PRINCIPAL]?: Principal | null;
  id?: string | number | object;
}
