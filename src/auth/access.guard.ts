import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest as Request } from 'fastify';
import type { GraphQLResolveInfo } from 'graphql';
import { ACCESS_RULE, type AccessRule } from '../common/access/access.decorator.js';
import { isMemberOf, type Principal, type RequestWithPrincipal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/app-errors.js';
import { AuthenticationService } from './authentication.service.js';
import { RateLimits } from './rate-limits.js';

/**
 * The one gate in front of every query, mutation and HTTP route: deny by default. A handler without an
 * access rule is refused (and logged, since it is a programming error), whoever calls it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
    private readonly rateLimits: RateLimits,
  ) {}

  /** Rules per class and handler, read once: metadata never changes after start-up; the lookup is on every call. */
  private readonly rules = new WeakMap<object, WeakMap<object, AccessRule | null>>();

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const rule = this.ruleOf(context);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule: refused`);
      throw new ForbiddenError('this operation is not open to anyone');
    }
    if (context.getType<string>() !== 'graphql') {
      if (rule.public) return true;
      throw new ForbiddenError('this route is not open to anyone');
    }
    // GraphQL resolver arguments: (source, args, context, info).
    const req = context.getArgByIndex<{ req: Request & RequestWithPrincipal }>(2).req;
    const credentials = Boolean(req.headers.authorization || req.headers['x-api-key']);
    // Public reads without credentials are most of the traffic: answered without a promise.
    if (rule.public && !credentials) return true;
    return this.admit(rule, req, context);
  }

  private ruleOf(context: ExecutionContext): AccessRule | undefined {
    const handler = context.getHandler();
    const owner = context.getClass();
    let ofClass = this.rules.get(owner);
    if (!ofClass) this.rules.set(owner, (ofClass = new WeakMap()));
    let rule = ofClass.get(handler);
    if (rule === undefined) {
      rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, owner]) ?? null;
      ofClass.set(handler, rule);
    }
    return rule ?? undefined;
  }

  private async admit(rule: AccessRule, req: Request & RequestWithPrincipal, context: ExecutionContext) {
    if (rule.public) {
      // Credentials are checked wherever they are sent: a bad or expired token is refused even on a public
      // field, so that a client learns of it instead of silently reading as the public.
      await this.authentication.authenticate(req);
      return true;
    }
    const principal = await this.authentication.authenticate(req);
    if (!principal) throw new UnauthenticatedError();
    this.checkRoles(principal, rule);
    const gql = GqlExecutionContext.create(context);
    if (rule.scope) this.checkScope(principal, rule, gql.getArgs());
    if (gql.getInfo<GraphQLResolveInfo>().parentType.name === 'Mutation')
      await this.rateLimits.mutation(principal.userId);
    return true;
  }

  private checkRoles(principal: Principal, rule: AccessRule): void {
    const roles = rule.roles ?? [];
    if (roles.length > 0 && !roles.some((role) => principal.roles.has(role))) {
      throw new ForbiddenError(`this needs one of the roles ${roles.join(', ')}`);
    }
  }

  private checkScope(principal: Principal, rule: AccessRule, args: Record<string, unknown>): void {
    const scope = rule.scope!;
    // Admins act on any organisation where the rule lets admins in at all.
    if (rule.roles?.includes(Role.ADMIN) && principal.roles.has(Role.ADMIN)) return;
    const id = scope.id(args);
    if (typeof id !== 'string' || !isMemberOf(principal, scope.kind, id)) {
      throw new ForbiddenError(`you are not a member of this ${scope.kind}`);
    }
  }
}
