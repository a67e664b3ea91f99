import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Role } from '../common/access/role.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { isForeignKeyViolation, isUniqueViolation } from '../database/pg-errors.js';
import type { CreateUserInput, GrantMembershipInput } from './dto/auth.inputs.js';
import type { Membership } from './membership.entity.js';
import { hashPassword } from './password-hasher.js';
import { UsersRepository, type UserView } from './users.repository.js';

/**
 * What admins do to accounts. Every change runs in one transaction with its audit event, the user row locked
 * so that concurrent changes to one user are serialised.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  view(id: string): Promise<UserView | null> {
    return this.users.view(id);
  }

  async list(args: PageArgs): Promise<Page<UserView>> {
    const after = args.after ? String(decodeCursor(args.after, 1)[0]) : null;
    const rows = await this.users.list(after, args.first + 1);
    return toPage(
      rows,
      args.first,
      (row) => [row.email.toLowerCase()],
      after !== null,
      () => this.users.count(),
    );
  }

  /** Also used by the command line and the first-start bootstrap, with no actor. */
  async createUser(input: CreateUserInput, actor: AuditActor): Promise<UserView> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (manager) => {
      let id: string;
      try {
        [{ id }] = await manager.query(`INSERT INTO app_user (email, password_hash) VALUES ($1, $2) RETURNING id`, [
          input.email.trim(),
          passwordHash,
        ]);
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_app_user_email'))
          throw new ConflictError(`a user with the email ${input.email} exists`);
        throw error;
      }
      for (const role of new Set(input.roles)) {
        await manager.query(`INSERT INTO user_role (user_id, role, granted_by) VALUES ($1, $2, $3)`, [
          id,
          role,
          actor.userId,
        ]);
      }
      const after = (await this.users.view(id, manager))!;
      await this.audit.record(manager, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        before: null,
        after,
      });
      return after;
    });
  }

  grantRole(userId: string, role: Role, actor: AuditActor): Promise<UserView> {
    return this.changeUser(userId, 'user.grant_role', actor, (manager) =>
      manager.query(
        `INSERT INTO user_role (user_id, role, granted_by) VALUES ($1, $2, $3) ON CONFLICT (user_id, role) DO NOTHING`,
        [userId, role, actor.userId],
      ),
    );
  }

  revokeRole(userId: string, role: Role, actor: AuditActor): Promise<UserView> {
    return this.changeUser(userId, 'user.revoke_role', actor, (manager) =>
      manager.query(`DELETE FROM user_role WHERE user_id = $1 AND role = $2`, [userId, role]),
    );
  }

  disableUser(userId: string, actor: AuditActor): Promise<UserView> {
    return this.changeUser(userId, 'user.disable', actor, (manager) =>
      manager.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL`, [userId]),
    );
  }

  enableUser(userId: string, actor: AuditActor): Promise<UserView> {
    return this.changeUser(userId, 'user.enable', actor, (manager) =>
      manager.query(`UPDATE app_user SET disabled_at = NULL WHERE id = $1`, [userId]),
    );
  }

  async grantMembership(input: GrantMembershipInput, actor: AuditActor): Promise<UserView> {
    const targets = [input.companyId, input.regulatorId].filter(Boolean);
    if (targets.length !== 1) {
      throw BadUserInputError.field(
        input.companyId ? 'input.regulatorId' : 'input.companyId',
        'give exactly one of companyId and regulatorId',
      );
    }
    return this.changeUser(input.userId, 'user.grant_membership', actor, async (manager) => {
      try {
        await manager.query(
          `INSERT INTO user_membership (user_id, company_id, regulator_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [input.userId, input.companyId ?? null, input.regulatorId ?? null],
        );
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          const field = input.companyId ? 'input.companyId' : 'input.regulatorId';
          throw BadUserInputError.field(field, `names no ${input.companyId ? 'company' : 'regulator'}`);
        }
        throw error;
      }
    });
  }

  async revokeMembership(membershipId: string, actor: AuditActor): Promise<UserView> {
    const membership: Membership | null = await this.users.membership(membershipId, this.db.manager);
    if (!membership) throw new NotFoundError('membership', membershipId);
    return this.changeUser(membership.userId, 'user.revoke_membership', actor, (manager) =>
      manager.query(`DELETE FROM user_membership WHERE id = $1`, [membershipId]),
    );
  }

  /** Locks the user, applies `change`, and records one audit event with the user before and after. */
  private changeUser(
    userId: string,
    action: string,
    actor: AuditActor,
    change: (manager: EntityManager) => Promise<unknown>,
  ): Promise<UserView> {
    return this.db.transaction(async (manager) => {
      const before = await this.users.view(userId, manager, true);
      if (!before) throw new NotFoundError('user', userId);
      await change(manager);
      const after = (await this.users.view(userId, manager))!;
      await this.audit.record(manager, actor, { action, entityType: 'user', entityId: userId, before, after });
      return after;
    });
  }
}
