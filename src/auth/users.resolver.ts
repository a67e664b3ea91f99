import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import { IdArgs } from '../common/graphql/id.args.js';
import type { Page } from '../common/pagination/connection.js';
import { PageArgs } from '../common/pagination/page-args.js';
import { GrantMembershipArgs } from './dto/grant-membership.input.js';
import { UserConnection } from './dto/user-connection.model.js';
import { RoleArgs, UserIdArgs } from './dto/user.args.js';
import { CreateUserArgs } from './dto/user.input.js';
import { User } from './user.entity.js';
import type { UserView } from './users.repository.js';
import { UsersService } from './users.service.js';

/** Account administration: admins only. */
@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly accounts: UsersService) {}

  @Query(() => UserConnection, { name: 'users', description: 'All users, by email.' })
  @Allow(Role.ADMIN)
  users(@Args() args: PageArgs): Promise<Page<UserView>> {
    return this.accounts.list(args);
  }

  @Query(() => User, { nullable: true })
  @Allow(Role.ADMIN)
  user(@Args() { id }: IdArgs): Promise<UserView | null> {
    return this.accounts.view(id);
  }

  @Mutation(() => User)
  @Allow(Role.ADMIN)
  createUser(@Args() { input }: CreateUserArgs, @Actor() actor: AuditActor): Promise<UserView> {
    return this.accounts.createUser(input, actor);
  }

  @Mutation(() => User)
  @Allow(Role.ADMIN)
  grantRole(@Args() { userId, role }: RoleArgs, @Actor() actor: AuditActor): Promise<UserView> {
    return this.accounts.grantRole(userId, role, actor);
  }

  @Mutation(() => User, { description: 'The last active admin cannot lose ADMIN (CONFLICT).' })
  @Allow(Role.ADMIN)
  revokeRole(@Args() { userId, role }: RoleArgs, @Actor() actor: AuditActor): Promise<UserView> {
    return this.accounts.revokeRole(userId, role, actor);
  }

  @Mutation(() => User)
  @Allow(Role.ADMIN)
  grantMembership(@Args() { input }: GrantMembershipArgs, @Actor() actor: AuditActor): Promise<UserView> {
    return this.accounts.grantMembership(input, actor);
  }

  @Mutation(() => User, { description: 'Removes a membership by its id.' })
  @Allow(Role.ADMIN)
  revokeMembership(@Args() { id }: IdArgs, @Actor() actor: AuditActor): Promise<UserView> {
    return this.accounts.revokeMembership(id, actor);
  }

  @Mutation(() => User, {
    description:
      'Disables a user: their access tokens end for good and their API keys stop working until enableUser. ' +
      'The last active admin cannot be disabled (CONFLICT).',
  })
  @Allow(Role.ADMIN)
  disableUser(@Args() { userId }: UserIdArgs, @Actor() actor: AuditActor): Promise<UserView> {
    return this.accounts.disableUser(userId, actor);
  }

  @Mutation(() => User, { description: 'Enables a disabled user, who signs in again (old tokens stay ended).' })
  @Allow(Role.ADMIN)
  enableUser(@Args() { userId }: UserIdArgs, @Actor() actor: AuditActor): Promise<UserView> {
    return this.accounts.enableUser(userId, actor);
  }
}
