import { Injectable } from '@nestjs/common';
import type { Role } from '../common/access/role.js';
import { Database } from '../database/database.js';
import { firstRow } from '../database/sql-runner.js';

/** Everything the access checks need about a user. */
export interface PrincipalRow {
  id: string;
  email: string;
  disabled: boolean;
  roles: Role[];
  /** `kind:id` of each organisation the user is a member of (see membershipKey). */
  memberships: string[];
}

export interface TokenPrincipalRow extends PrincipalRow {
  /** The token's generation is the user's current one and its id was not logged out. */
  tokenValid: boolean;
}

export interface ApiKeyPrincipalRow extends PrincipalRow {
  keyId: string;
  secretHash: string;
  usable: boolean;
  /** The key's own expiry: a caller kept for it is not answered past it. */
  expiresAt: Date;
  readOnly: boolean;
}

/** The user's columns; `roles` is the SQL condition on `r.role` of the roles that count. */
const principalColumns = (roles: string) => `u.id, u.email, u.disabled_at IS NOT NULL AS disabled,
  ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id AND ${roles})::text[] AS roles,
  ARRAY(SELECT o.kind || ':' || o.id FROM user_membership m JOIN organization o ON o.id = m.organization_id
        WHERE m.user_id = u.id) AS memberships`;

/** Reads a caller for authentication, in one statement per request (it runs on every signed-in request). */
@Injectable()
export class PrincipalsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The token's user, and whether the token still holds: the generation comparison is on the row already read and
   * the logout check one primary-key probe, in the same prepared statement.
   */
  byAccessToken(userId: string, generation: number, tokenId: string): Promise<TokenPrincipalRow | undefined> {
    return firstRow<TokenPrincipalRow>(
      this.db.reads,
      `SELECT ${principalColumns('TRUE')},
         (u.token_generation = $2 AND NOT EXISTS (SELECT 1 FROM revoked_token t WHERE t.jti = $3)) AS "tokenValid"
       FROM app_user u WHERE u.id = $1`,
      [userId, generation, tokenId],
    );
  }

  /** The key's owner, with the key's secret hash (the one read of it); roles are the key's that the owner holds. */
  byApiKeyPrefix(prefix: string): Promise<ApiKeyPrincipalRow | undefined> {
    return firstRow<ApiKeyPrincipalRow>(
      this.db.reads,
      `SELECT ${principalColumns('r.role = ANY (k.roles)')}, k.id AS "keyId", k.secret_hash AS "secretHash",
         (k.revoked_at IS NULL AND k.expires_at > now()) AS usable, k.expires_at AS "expiresAt",
         k.read_only AS "readOnly"
       FROM api_key k JOIN app_user u ON u.id = k.user_id WHERE k.prefix = $1`,
      [prefix],
    );
  }
}
