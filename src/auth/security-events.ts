import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PRINCIPAL, type RequestWithPrincipal } from '../common/access/principal.js';
import type { RateLimitKind } from './rate-limits.js';

export type RefusalCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** What happened, as counted and logged (never a password, a token or a key). */
export type SecurityEvent =
  | { type: 'sign_in'; ok: boolean }
  | { type: 'refused'; code: RefusalCode }
  | { type: 'rate_limited'; kind: RateLimitKind };

type Request = Pick<FastifyRequest, 'ip' | 'id' | 'log'> & RequestWithPrincipal;

/** One report per request per refusal code or limit: the root fields of one request share their refusal. */
const REPORTED = Symbol('security events reported');

/**
 * Sign-ins, refusals and rate-limit refusals: each is logged as one structured line (`security` names the event;
 * with the caller's address as the HTTP layer sees it, behind TRUST_PROXY_HOPS proxies, the user id when known and
 * the request id) and passed to the listeners registered with `onEvent` (the metrics count them there).
 */
@Injectable()
export class SecurityEvents {
  private readonly listeners: ((event: SecurityEvent) => void)[] = [];

  /** Calls `listener` with every event from now on; returns the function that stops it. */
  onEvent(listener: (event: SecurityEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** A password was checked: `ok` when the sign-in succeeded. */
  signIn(ok: boolean, req: Request, details: { userId: string | null; reason?: string }): void {
    const line = { security: ok ? 'sign_in' : 'sign_in_failed', address: req.ip, userId: details.userId };
    if (ok) req.log.info(line, 'signed in');
    else req.log.warn({ ...line, reason: details.reason }, 'sign-in failed');
    this.emit({ type: 'sign_in', ok });
  }

  /** An operation was refused for who called it (UNAUTHENTICATED, FORBIDDEN). */
  refused(code: RefusalCode, req: Request, details: { operation?: string; reason: string }): void {
    if (!firstReport(req, code)) return;
    req.log.warn(
      {
        security: 'refused',
        code,
        address: req.ip,
        userId: req[PRINCIPAL]?.userId ?? null,
        operation: details.operation,
        reason: details.reason,
      },
      'refused',
    );
    this.emit({ type: 'refused', code });
  }

  /** A limit refused the request. */
  rateLimited(kind: RateLimitKind, req: Request, details: { retryAfterSeconds: number }): void {
    if (!firstReport(req, kind)) return;
    req.log.warn(
      {
        security: 'rate_limited',
        limit: kind,
        address: req.ip,
        userId: req[PRINCIPAL]?.userId ?? null,
        retryAfterSeconds: details.retryAfterSeconds,
      },
      'rate limited',
    );
    this.emit({ type: 'rate_limited', kind });
  }

  /** A listener that throws does not fail the request it reports on. */
  private emit(event: SecurityEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // The event is already logged; a counter that failed to count is not the caller's problem.
      }
    }
  }
}

function firstReport(req: Request & { [REPORTED]?: Set<string> }, what: string): boolean {
  const reported = (req[REPORTED] ??= new Set());
  if (reported.has(what)) return false;
  reported.add(what);
  return true;
}
