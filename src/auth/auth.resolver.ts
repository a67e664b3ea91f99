import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Public, SignedIn } from '../common/access/access.decorator.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { ApiKey } from './api-key.entity.js';
import { AuthService } from './auth.service.js';
import { CreateApiKeyArgs, CreatedApiKey, IdArgs, LoginArgs, LoginResult } from './dto/auth.inputs.js';
import { User } from './user.entity.js';
import { UsersRepository, type UserView } from './users.repository.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
  ) {}

  @Mutation(() => LoginResult, {
    description: 'Signs in. After LOGIN_ATTEMPTS_PER_MINUTE failures from one address, that address waits.',
  })
  @Public()
  login(@Args() { email, password }: LoginArgs, @Context('req') req: Request): Promise<LoginResult> {
    return this.auth.login(email, password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  }

  @Query(() => User, { nullable: true, description: 'The caller with roles and memberships; null when anonymous.' })
  @Public()
  me(@CurrentPrincipal() principal: Principal | null): Promise<UserView | null> | null {
    return principal ? this.users.view(principal.userId) : null;
  }

  @Query(() => [ApiKey], { description: "The caller's API keys, newest first (secrets are never shown again)." })
  @SignedIn()
  apiKeys(@CurrentPrincipal() principal: Principal): Promise<ApiKey[]> {
    return this.auth.apiKeysOf(principal.userId);
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates an API key acting with the caller’s rights.' })
  @SignedIn()
  createApiKey(
    @Args() { input }: CreateApiKeyArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<CreatedApiKey> {
    return this.auth.createApiKey(principal, input, actor);
  }

  @Mutation(() => ApiKey, {
    description: 'Revokes one of the caller’s keys (admins: any key), from the next request on.',
  })
  @SignedIn()
  revokeApiKey(
    @Args() { id }: IdArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<ApiKey> {
    return this.auth.revokeApiKey(principal, id, principal.roles.has(Role.ADMIN), actor);
  }
}
