import type { Role } from './role.js';

/** Who is calling: a signed-in user, directly (access token) or through one of their API keys. */
export interface Principal {
  userId: string;
  email: string;
  /** Set when the request was authenticated with an API key; the key acts with its owner's rights. */
  apiKeyId: string | null;
  roles: ReadonlySet<Role>;
  companyIds: ReadonlySet<string>;
  regulatorIds: ReadonlySet<string>;
}

/** The request field where the access guard leaves the caller (null: anonymous). */
export const PRINCIPAL = Symbol('principal');

export interface RequestWithPrincipal {
  [PRINCIPAL]?: Principal | null;
  id?: string | number | object;
}
