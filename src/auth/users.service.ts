import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Role } from '../common/access/role.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { Database } from '../database/database.js';
import { isUniqueViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import type { GrantMembershipInput } from './dto/grant-membership.input.js';
import type { CreateUserInput } from './dto/user.input.js';
import { membershipScopes } from './membership-scopes.js';
import { MembershipsRepository } from './memberships.repository.js';
import { hashPassword } from './password-hasher.js';
import { UsersRepository, type UserView } from './users.repository.js';

/**
 * What admins do to accounts. Every change goes through the write path with the user row locked, so that
 * concurrent changes to one user queue, and a change that changes nothing records nothing.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly writes: AuditedWrites,
  ) {}

  view(id: string): Promise<UserView | null> {
    return this.users.view(id);
  }

  async list(args: PageArgs): Promise<Page<UserView>> {
    const after = args.after ? decodeCursor(args.after, ['text'])[0] : null;
    const rows = await this.users.list(after, args.first + 1);
    return toPage(
      rows,
      args.first,
      (row) => [row.email.toLowerCase()],
      after !== null,
      () => this.users.count(),
    );
  }

  /** Also used by the command line and the first-start bootstrap, with a system actor. */
  async createUser(input: CreateUserInput, actor: AuditActor, tx?: Tx): Promise<UserView> {
    const passwordHash = await hashPassword(input.password);
    return this.db.within(tx, (tx) =>
      this.writes.create(tx, actor, { action: 'user.create', entityType: 'user' }, async () => {
        const id = await this.users.insert(tx, input.email.trim(), passwordHash).catch((error: unknown) => {
          if (isUniqueViolation(error, 'UQ_app_user_email')) {
            throw new ConflictError(`a user with the email ${input.email} exists`);
          }
          throw error;
        });
        for (const role of new Set(input.roles ?? [])) await this.users.grantRole(tx, id, role, actor.userId);
        return (await this.users.read(tx, id))!;
      }),
    );
  }

  grantRole(userId: string, role: Role, actor: AuditActor, tx?: Tx): Promise<UserView> {
    return this.changeUser(userId, 'user.grant_role', actor, tx, (tx) =>
      this.users.grantRole(tx, userId, role, actor.userId),
    );
  }

  /** The last active admin keeps ADMIN (CONFLICT). */
  revokeRole(userId: string, role: Role, actor: AuditActor, tx?: Tx): Promise<UserView> {
    if (role !== Role.ADMIN) {
      return this.changeUser(userId, 'user.revoke_role', actor, tx, (tx) => this.users.revokeRole(tx, userId, role));
    }
    return this.db.within(tx, async (tx) => {
      await this.users.lockActiveAdmins(tx);
      return this.changeUser(userId, 'user.revoke_role', actor, tx, async (tx, before) => {
        await this.users.revokeRole(tx, userId, role);
        await this.keepAnAdmin(tx, before, 'lose ADMIN');
      });
    });
  }

  /** Ends the user's access tokens for good (they stay dead after enableUser); the last active admin stays (CONFLICT). */
  disableUser(userId: string, actor: AuditActor, tx?: Tx): Promise<UserView> {
    return this.db.within(tx, async (tx) => {
      await this.users.lockActiveAdmins(tx);
      return this.changeUser(userId, 'user.disable', actor, tx, async (tx, before) => {
        await this.users.setDisabled(tx, userId, true);
        await this.keepAnAdmin(tx, before, 'be disabled');
      });
    });
  }

  /** Ends every access token the user holds (the request's own included), from the next request on. */
  endAllTokens(userId: string, actor: AuditActor, tx?: Tx): Promise<UserView> {
    return this.changeUser(userId, 'user.sign_out_everywhere', actor, tx, (tx) => this.users.endAllTokens(tx, userId));
  }

  /**
   * Refuses a change that left no active admin when `before` was one, so that the registry is never without someone
   * who can manage it. Runs under lockActiveAdmins: of two admins removing each other at once, the second sees the
   * first's change and is refused.
   */
  private async keepAnAdmin(tx: Tx, before: UserView, change: string): Promise<void> {
    const wasActiveAdmin = before.roles.includes(Role.ADMIN) && before.disabledAt === null;
    if (wasActiveAdmin && (await this.users.activeAdminCount(tx)) === 0) {
      throw new ConflictError(`${before.email} is the last active admin and cannot ${change}`);
    }
  }

  enableUser(userId: string, actor: AuditActor, tx?: Tx): Promise<UserView> {
    return this.changeUser(userId, 'user.enable', actor, tx, (tx) => this.users.setDisabled(tx, userId, false));
  }

  /** Makes the user a member of exactly one organisation, named by one of the registered scope fields. */
  grantMembership(input: GrantMembershipInput, actor: AuditActor, tx?: Tx): Promise<UserView> {
    const scopes = membershipScopes();
    const given = scopes.filter((scope) => input[scope.inputField] != null);
    if (given.length !== 1) {
      const field = (given[1] ?? scopes[0]).inputField;
      throw BadUserInputError.field(
        `input.${field}`,
        `give exactly one of ${scopes.map((scope) => scope.inputField).join(' and ')}`,
      );
    }
    const [scope] = given;
    const organizationId = input[scope.inputField]!;
    return this.changeUser(input.userId, 'user.grant_membership', actor, tx, async (tx) => {
      if (!(await this.memberships.organizationExists(tx, scope.kind, organizationId))) {
        throw BadUserInputError.field(`input.${scope.inputField}`, `names no ${scope.kind}`);
      }
      await this.memberships.add(tx, input.userId, organizationId);
    });
  }

  async revokeMembership(membershipId: string, actor: AuditActor, tx?: Tx): Promise<UserView> {
    const membership = await this.memberships.find(membershipId);
    if (!membership) throw new NotFoundError('membership', membershipId);
    return this.changeUser(membership.userId, 'user.revoke_membership', actor, tx, (tx) =>
      this.memberships.remove(tx, membershipId),
    );
  }

  private changeUser(
    userId: string,
    action: string,
    actor: AuditActor,
    tx: Tx | undefined,
    change: (tx: Tx, before: UserView) => Promise<unknown>,
  ): Promise<UserView> {
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.users, userId, action, (before) => change(tx, before)),
    );
  }
}
