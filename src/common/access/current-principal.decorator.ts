import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { actorOf } from './audit-actor.js';
import { PRINCIPAL, type RequestWithPrincipal } from './principal.js';

/** The caller as established by the access guard: a Principal, or null for an anonymous caller. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  return req[PRINCIPAL] ?? null;
});

/** The actor to record in the audit trail for this request: user, API key and request id. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  return actorOf(req);
});
