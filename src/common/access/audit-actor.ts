import type { Principal, RequestWithPrincipal } from './principal.js';
import { PRINCIPAL } from './principal.js';

/** The actor to record for changes made while serving `req`. */
export function actorOf(req: RequestWithPrincipal): {
  userId: string | null;
  apiKeyId: string | null;
  requestId: string | null;
} {
  const principal: Principal | null | undefined = req[PRINCIPAL];
  return {
    userId: principal?.userId ?? null,
    apiKeyId: principal?.apiKeyId ?? null,
    requestId: req.id === undefined ? null : String(req.id),
  };
}
