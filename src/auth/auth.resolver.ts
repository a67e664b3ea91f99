import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { FastifyRequest as Request } from 'fastify';
import { Public, SignedIn } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { IdArgs } from '../common/graphql/id.args.js';
import { AccessTokenOnly } from './access.guard.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';
import { CreateApiKeyArgs } from './dto/api-key.input.js';
import { CreatedApiKey } from './dto/created-api-key.model.js';
import { LoginArgs } from './dto/login.args.js';
import { LoginResult } from './dto/login-result.model.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';
import type { UserView } from './users.repository.js';

/** What a caller does for themselves: sign in, see who they are, manage their API keys. */
@Resolver()
export class AuthResolver {
  constructor(
    private readonly signIn: SignInService,
    private readonly keys: ApiKeysService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  @Mutation(() => LoginResult, {
    description:
      'Signs in. After LOGIN_ATTEMPTS_PER_MINUTE failures from one address, that address waits; after ' +
      'LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE attempts on one account (successful or not), that account waits.',
  })
  @Public()
  login(@Args() { email, password }: LoginArgs, @Context('req') req: Request): Promise<LoginResult> {
    return this.signIn.login(email, password, req);
  }

  @Mutation(() => Boolean, { description: 'Ends the access token this request was made with.' })
  @SignedIn()
  @AccessTokenOnly()
  logout(@CurrentPrincipal() principal: Principal, @Actor() actor: AuditActor): Promise<boolean> {
    return this.sessions.logout(principal, actor);
  }

  @Mutation(() => Boolean, {
    description: 'Ends every access token of the caller, this one included (API keys stay: see revokeApiKey).',
  })
  @SignedIn()
  @AccessTokenOnly()
  logoutEverywhere(@CurrentPrincipal() principal: Principal, @Actor() actor: AuditActor): Promise<boolean> {
    return this.sessions.logoutEverywhere(principal, actor);
  }

  @Query(() => User, { nullable: true, description: 'The caller with roles and memberships; null when anonymous.' })
  @Public()
  me(@CurrentPrincipal() principal: Principal | null): Promise<UserView | null> | null {
    return principal ? this.users.view(principal.userId) : null;
  }

  @Query(() => [ApiKey], { description: "The caller's API keys, newest first (secrets are never shown again)." })
  @SignedIn()
  apiKeys(@CurrentPrincipal() principal: Principal): Promise<ApiKey[]> {
    return this.keys.ofUser(principal.userId);
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Creates an API key for the caller, who must have signed in (an API key cannot create keys).',
  })
  @SignedIn()
  @AccessTokenOnly()
  createApiKey(
    @Args() { input }: CreateApiKeyArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<CreatedApiKey> {
    return this.keys.create(principal, input, actor);
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
    return this.keys.revoke(principal, id, principal.roles.has(Role.ADMIN), actor);
  }
}
