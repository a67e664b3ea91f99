import { Injectable, Logger, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest as Request } from 'fastify';
import type { GraphQLResolveInfo } from 'graphql';
import type { Principal, RequestWithPrincipal } from '../common/access/principal.js';
import { AppError, ForbiddenError, UnauthenticatedError } from '../common/errors/app-errors.js';
import { ErrorCode } from '../common/errors/error-codes.js';
import { ACCESS_TOKEN_ONLY, declaredRule, refusalOf, type Rule } from './access-rules.js';
import { AuthenticationService } from './authentication.service.js';
import { RateLimitRefusal, RateLimits } from './rate-limits.js';
import { SecurityEvents } from './security-events.js';

/**
 * With a signed-in rule: the caller must have signed in (an access token); an API key is FORBIDDEN. For what
 * manages credentials: creating API keys, logging out.
 */
export const AccessTokenOnly = () => SetMetadata(ACCESS_TOKEN_ONLY, true);

/**
 * The one gate in front of every query, mutation and HTTP route: deny by default. A handler without an
 * access rule is refused (and logged, since it is a programming error), whoever calls it. Every refusal is reported
 * to SecurityEvents (a log line with the caller's address, user and request id, and a count).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
    private readonly rateLimits: RateLimits,
    private readonly events: SecurityEvents,
  ) {}

  /** Rules per class and handler, read once: metadata never changes after start-up; the lookup is on every call. */
  private readonly rules = new WeakMap<object, WeakMap<object, Rule | null>>();

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const rule = this.ruleOf(context);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule: refused`);
      throw this.refuse(context, new ForbiddenError('this operation is not open to anyone'));
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
    return this.admit(rule, req, context).catch((error: unknown) => {
      throw this.refuse(context, error);
    });
  }

  private ruleOf(context: ExecutionContext): Rule | undefined {
    const handler = context.getHandler();
    const owner = context.getClass();
    let ofClass = this.rules.get(owner);
    if (!ofClass) this.rules.set(owner, (ofClass = new WeakMap()));
    let rule = ofClass.get(handler);
    if (rule === undefined) {
      rule = declaredRule(this.reflector, handler, owner);
      ofClass.set(handler, rule);
    }
    return rule ?? undefined;
  }

  private async admit(rule: Rule, req: Request & RequestWithPrincipal, context: ExecutionContext) {
    const isMutation = context.getArgByIndex<GraphQLResolveInfo>(3).parentType.name === 'Mutation';
    if (rule.public) {
      // Credentials are checked wherever they are sent: a bad or expired token is refused even on a public
      // field, so that a client learns of it instead of silently reading as the public.
      const principal = await this.authentication.authenticate(req);
      if (isMutation && principal) this.checkReadOnly(principal);
      return true;
    }
    const principal = await this.authentication.authenticate(req);
    if (!principal) throw new UnauthenticatedError();
    const refusal = refusalOf(principal, rule, rule.scope ? GqlExecutionContext.create(context).getArgs() : {});
    if (refusal) throw refusal;
    if (isMutation) {
      this.checkReadOnly(principal);
      await this.rateLimits.mutation(principal.userId);
    }
    return true;
  }

  private checkReadOnly(principal: Principal): void {
    if (principal.readOnly) throw new ForbiddenError('this API key is read-only: it runs no mutation');
  }

  /** Reports a refusal of a GraphQL operation to SecurityEvents; returns the error to throw. */
  private refuse(context: ExecutionContext, error: unknown): unknown {
    if (!(error instanceof AppError) || context.getType<string>() !== 'graphql') return error;
    const req = context.getArgByIndex<{ req?: Request & RequestWithPrincipal } | undefined>(2)?.req;
    if (!req) return error;
    const operation = context.getArgByIndex<GraphQLResolveInfo | undefined>(3)?.fieldName;
    if (error instanceof RateLimitRefusal) {
      this.events.rateLimited(error.kind, req, { retryAfterSeconds: error.extensions.retryAfterSeconds as number });
    } else {
      const code = error.extensions.code;
      if (code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.FORBIDDEN) {
        this.events.refused(code, req, { operation, reason: error.message });
      }
    }
    return error;
  }
}
