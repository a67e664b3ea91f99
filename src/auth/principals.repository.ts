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

export interface ApiKeyPrincipalRow extends PrincipalRow {
  keyId: string;
  secretHash: string;
  usable: boolean;
}

const PRINCIPAL_COLUMNS = `u.id, u.email, u.disabled_at IS NOT NULL AS disabled,
  ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id)::text[] AS roles,
  ARRAY(SELECT o.kind || ':' || o.id FROM user_membership m JOIN organization o ON o.id = m.organization_id
        WHERE m.user_id = u.id) AS memberships`;

/** Reads a caller for authentication, in one statement per request (it runs on every signed-in request). */
@Injectable()
export class PrincipalsRepository {
  constructor(private readonly db: Database) {}

  byUserId(userId: string): Promise<PrincipalRow | undefined> {
    return firstRow<PrincipalRow>(this.db.reads, `SELECT ${PRINCIPAL_COLUMNS} FROM app_user u WHERE u.id = $1`, [
      userId,
    ]);
  }

  /** The key's owner, with the key's secret hash: the one read of it. */
  byApiKeyPrefix(prefix: string): Promise<ApiKeyPrincipalRow | undefined> {
    return firstRow<ApiKeyPrincipalRow>(
      this.db.reads,
      `SELECT ${PRINCIPAL_COLUMNS}, k.id AS "keyId", k.secret_hash AS "secretHash",
         (k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())) AS usable
       FROM api_key k JOIN app_user u ON u.id = k.user_id WHERE k.prefix = $1`,
      [prefix],
    );
  }
}
