import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import type { Role } from '../common/access/role.js';
import { Database } from '../database/database.js';
import { firstRow, type SqlRunner } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';
import { Membership } from './membership.entity.js';
import { PrincipalCache } from './principal-cache.js';
import { User } from './user.entity.js';

/** A user as clients (and the audit trail) see it: never the password hash. */
export type UserView = Omit<User, 'passwordHash'>;

/** What sign-in needs to check a password. */
export interface UserCredentials {
  id: string;
  passwordHash: string;
  disabled: boolean;
  /** Signed into the access token (see User.tokenGeneration). */
  tokenGeneration: number;
}

/**
 * The advisory transaction lock taken by every change that may leave no active admin, so that two such changes never
 * both count the other's admin as remaining ('admn'; the start-up lock is another number).
 */
const ACTIVE_ADMINS_LOCK = 0x61646d6e;

type UserViewRow = Omit<UserView, 'memberships'> & {
  memberships: (Omit<Membership, 'createdAt'> & { createdAt: string })[];
};

/** Owns app_user and user_role: accounts and their roles, read as clients see them. */
@Injectable()
export class UsersRepository implements AuditedRecords<UserView> {
  readonly entityType = 'user';

  private viewStatement: string | undefined;

  constructor(
    private readonly db: Database,
    private readonly callers: PrincipalCache,
  ) {}

  /** The user with roles and memberships in one statement (built once: it runs on every `me`). */
  private get viewSql(): string {
    return (this.viewStatement ??= `SELECT ${this.db.columns(User, 'u')},
      ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role)::text[] AS roles,
      COALESCE((SELECT json_agg(json_build_object('id', m.id, 'userId', m.user_id, 'organizationId', m.organization_id,
          'organizationKind', o.kind, 'createdAt', m.created_at) ORDER BY m.created_at)
        FROM user_membership m JOIN organization o ON o.id = m.organization_id WHERE m.user_id = u.id), '[]') AS memberships
      FROM app_user u`);
  }

  /** Outside transactions, as a prepared statement. */
  view(id: string): Promise<UserView | null> {
    return this.viewBy(this.db.reads, id);
  }

  /** Inside a transaction, so that it sees the transaction's own writes. */
  read(tx: Tx, id: string): Promise<UserView | null> {
    return this.viewBy(tx, id);
  }

  async lockAndRead(tx: Tx, id: string): Promise<UserView | null> {
    await tx.rows(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
    return this.viewBy(tx, id);
  }

  async list(afterEmail: string | null, limit: number): Promise<UserView[]> {
    const rows = await this.db.reads.rows<UserViewRow>(
      `${this.viewSql} WHERE ($1::text IS NULL OR lower(u.email) > $1) ORDER BY lower(u.email) LIMIT $2`,
      [afterEmail, limit],
    );
    return rows.map(revive);
  }

  async count(): Promise<number> {
    const [{ count }] = await this.db.reads.rows<{ count: number }>(`SELECT count(*) AS count FROM app_user`);
    return count;
  }

  /** The one read of a password hash. */
  credentials(email: string): Promise<UserCredentials | undefined> {
    return firstRow<UserCredentials>(
      this.db.reads,
      `SELECT id, password_hash AS "passwordHash", disabled_at IS NOT NULL AS disabled,
         token_generation AS "tokenGeneration"
       FROM app_user WHERE lower(email) = lower($1)`,
      [email],
    );
  }

  /** Whether an admin who is not disabled exists. */
  async adminExists(): Promise<boolean> {
    const [{ exists }] = await this.db.reads.rows<{ exists: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM user_role r JOIN app_user u ON u.id = r.user_id
                      WHERE r.role = 'ADMIN' AND u.disabled_at IS NULL) AS exists`,
    );
    return exists;
  }

  /**
   * Serialises the changes that may remove an active admin (revoking ADMIN, disabling) until `tx` ends. Taken before
   * the user's row lock, so it never waits while holding one; the count that follows sees every change committed
   * before.
   */
  async lockActiveAdmins(tx: Tx): Promise<void> {
    await tx.rows(`SELECT pg_advisory_xact_lock($1)`, [ACTIVE_ADMINS_LOCK]);
  }

  /** Admins who are not disabled, as `tx` sees them (its own changes included). */
  async activeAdminCount(tx: Tx): Promise<number> {
    const [{ count }] = await tx.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM user_role r JOIN app_user u ON u.id = r.user_id
       WHERE r.role = 'ADMIN' AND u.disabled_at IS NULL`,
    );
    return count;
  }

  /** Inserts an account; the unique index on lower(email) refuses a second one (UQ_app_user_email). */
  async insert(tx: Tx, email: string, passwordHash: string): Promise<string> {
    const [{ id }] = await tx.rows<{ id: string }>(
      `INSERT INTO app_user (email, password_hash) VALUES ($1, $2) RETURNING id`,
      [email, passwordHash],
    );
    return id;
  }

  async grantRole(tx: Tx, userId: string, role: Role, grantedBy: string | null): Promise<void> {
    this.callers.forgetOnCommit(tx);
    await tx.rows(
      `INSERT INTO user_role (user_id, role, granted_by) VALUES ($1, $2, $3) ON CONFLICT (user_id, role) DO NOTHING`,
      [userId, role, grantedBy],
    );
  }

  async revokeRole(tx: Tx, userId: string, role: Role): Promise<void> {
    this.callers.forgetOnCommit(tx);
    await tx.rows(`DELETE FROM user_role WHERE user_id = $1 AND role = $2`, [userId, role]);
  }

  /** Disabling also ends every access token issued so far: they stay dead once the user is enabled again. */
  async setDisabled(tx: Tx, userId: string, disabled: boolean): Promise<void> {
    this.callers.forgetOnCommit(tx);
    await tx.rows(
      disabled
        ? `UPDATE app_user SET disabled_at = now(), token_generation = token_generation + 1
           WHERE id = $1 AND disabled_at IS NULL`
        : `UPDATE app_user SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL`,
      [userId],
    );
  }

  /** Ends every access token of the user issued so far. */
  async endAllTokens(tx: Tx, userId: string): Promise<void> {
    this.callers.forgetOnCommit(tx);
    await tx.rows(`UPDATE app_user SET token_generation = token_generation + 1 WHERE id = $1`, [userId]);
  }

  private async viewBy(runner: SqlRunner, id: string): Promise<UserView | null> {
    const row = await firstRow<UserViewRow>(runner, `${this.viewSql} WHERE u.id = $1`, [id]);
    return row ? revive(row) : null;
  }
}

function revive(row: UserViewRow): UserView {
  return { ...row, memberships: row.memberships.map((m) => ({ ...m, createdAt: new Date(m.createdAt) })) };
}
