import { Injectable, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from '../common/access/principal.js';
import { ThinFields } from '../common/graphql/thin-fields.js';
import type { RequestContext } from '../common/request-context.js';
import { declaredRule, refusalOf } from './access-rules.js';
import { AuthenticationService } from './authentication.service.js';

/**
 * Root queries for signed-in callers answered without Nest's pipeline, for the admitted caller of a hot read.
 * The fast path answers only when the caller is known without any work (AuthenticationService.known: a kept access
 * token) and the query's own declared rule admits it, read from the resolver method's decorators as the access
 * guard reads it; `answer` also declines (undefined) arguments it does not take as they are. Every other request
 * (first sight of a token, an API key, a refusal, arguments to validate) goes to the decorated resolver behind the
 * access guard: authentication, refusals, their security log lines and the errors naming the field are unchanged.
 */
@Injectable()
export class SignedInFastPaths {
  constructor(
    private readonly thinFields: ThinFields,
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
  ) {}

  registerQuery<Args extends Record<string, unknown>>(
    resolver: Type,
    field: string,
    answer: (args: Args, principal: Principal, context: RequestContext, info: GraphQLResolveInfo) => unknown,
  ): void {
    const handler = (resolver.prototype as Record<string, unknown>)[field];
    const rule = typeof handler === 'function' ? declaredRule(this.reflector, handler, resolver) : null;
    if (!rule || rule.public) throw new Error(`${resolver.name}.${field}: not a query for signed-in callers`);
    this.thinFields.registerFastField('Query', field, (_root: unknown, args: Args, context, info) => {
      const principal = this.authentication.known(context.req);
      if (!principal || refusalOf(principal, rule, args)) return undefined;
      return answer(args, principal, context, info);
    });
  }
}
