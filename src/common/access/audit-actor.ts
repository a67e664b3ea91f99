import type { Principal, RequestWithPrincipal } from './principal.js';
import { PRINCIPAL } from './principal.js';

/** Who acted, recorded with every change: a user (directly or through an API key) and the request. */
export interface AuditActor {
  userId: string | null;
  apiKeyId: string | null;
  requestId: string | null;
}

/** The actor to record for changes made while serving `req`. */
export function actorOf(req: RequestWithPrincipal): AuditActor {
  const principal: Principal | null | undefined = req[PRINCIPAL];
  return {
    userId: principal?.userId ?? null,
    apiKeyId: principal?.apiKeyId ?? null,
    requestId: typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : null,
  };
}

/** Changes made outside any request (command line, first-start bootstrap, test set-up): no user acted. */
export function systemActor(origin: string): AuditActor {
  return { userId: null, apiKeyId: null, requestId: origin };
}
