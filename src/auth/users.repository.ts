import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../common/access/role.js';
import type { Membership } from './membership.entity.js';
import type { User } from './user.entity.js';
import { preparedQuery } from '../database/prepared-query.js';

/** A user as clients (and the audit trail) see it: never the password hash. */
export type UserView = Omit<User, 'passwordHash'>;

const USER_VIEW = `SELECT u.id, u.email, u.disabled_at AS "disabledAt", u.created_at AS "createdAt",
  ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role)::text[] AS roles,
  COALESCE((SELECT json_agg(json_build_object('id', m.id, 'userId', m.user_id, 'companyId', m.company_id,
      'regulatorId', m.regulator_id, 'createdAt', m.created_at) ORDER BY m.created_at)
    FROM user_membership m WHERE m.user_id = u.id), '[]') AS memberships
  FROM app_user u`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Reads through `manager` inside a transaction, so that it sees its own writes (and can lock the row);
   * otherwise as a prepared statement.
   */
  async view(id: string, manager?: EntityManager, lock = false): Promise<UserView | null> {
    if (manager && lock) await manager.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = manager
      ? await manager.query(`${USER_VIEW} WHERE u.id = $1`, [id])
      : await preparedQuery(this.db, `${USER_VIEW} WHERE u.id = $1`, [id]);
    return row ? revive(row) : null;
  }

  async list(afterEmail: string | null, limit: number): Promise<UserView[]> {
    const rows = await preparedQuery(
      this.db,
      `${USER_VIEW} WHERE ($1::text IS NULL OR lower(u.email) > $1) ORDER BY lower(u.email) LIMIT $2`,
      [afterEmail, limit],
    );
    return rows.map(revive);
  }

  count(): Promise<number> {
    return preparedQuery(this.db, `SELECT count(*) AS count FROM app_user`).then(([row]) => row.count as number);
  }

  findCredentials(email: string): Promise<{ id: string; passwordHash: string; disabled: boolean } | undefined> {
    return this.db
      .query(
        `SELECT id, password_hash AS "passwordHash", disabled_at IS NOT NULL AS disabled FROM app_user WHERE lower(email) = lower($1)`,
        [email],
      )
      .then(([row]) => row);
  }

  async membership(id: string, manager: EntityManager): Promise<Membership | null> {
    const [row] = await manager.query(
      `SELECT id, user_id AS "userId", company_id AS "companyId", regulator_id AS "regulatorId", created_at AS "createdAt"
       FROM user_membership WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }
}

function revive(row: any): UserView {
  return {
    ...row,
    roles: row.roles as Role[],
    memberships: (row.memberships as any[]).map((m) => ({ ...m, createdAt: new Date(m.createdAt) })),
  };
}
