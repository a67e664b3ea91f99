import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../common/access/principal.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { ChangeListener } from '../database/change-listener.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';

/** The channel the `principals_changed` triggers notify on (migration PrincipalChangeNotify). */
export const PRINCIPALS_CHANGED = 'principals_changed';

/** However reliable the notifications, a kept caller is read again after this long. */
const LONGEST_KEPT_MS = 60_000;

interface KeptCaller {
  principal: Principal;
  /** When the credential itself expires (the access token's `exp`, the API key's `expires_at`). */
  expiresAtMs: number;
}

/**
 * Signed-in callers already read, by a hash of the exact credential they sent (AuthenticationService), so that a
 * request with a credential seen before costs no token verification and no database read. Every replica forgets all of them whenever a table a
 * caller is read from changes: a `principals_changed` notification (the triggers send one at the commit of any
 * change, from any replica or from plain SQL) or, on the replica that made the change, its commit itself. So
 * logout, revocation, disabling and role changes still take effect on the next request, on every replica, within
 * the time a notification takes.
 *
 * When notifications cannot be trusted (the listening connection is down, not yet up, or failed its heartbeat)
 * nothing is kept or answered from here: every caller is read from the database, as with no cache. A read that
 * began before a change and ends after it is not kept (`generation`), so a caller read before a revocation is
 * never kept past it. Bounded in entries (PRINCIPAL_CACHE_SIZE, 0 turns it off) and in age.
 */
@Injectable()
export class PrincipalCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PrincipalCache.name);
  private readonly kept: LRUCache<string, KeptCaller> | undefined;
  private listener: ChangeListener | undefined;
  private listening = false;
  private closing = false;
  /** Moves on every change and every gap in the notifications; a read is kept only if it did not move meanwhile. */
  private generation = 0;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const max = config.principalCacheSize;
    this.kept = max > 0 ? new LRUCache({ max, ttl: LONGEST_KEPT_MS }) : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.kept || !this.db.connected) return;
    this.listener = this.db.listener(PRINCIPALS_CHANGED, {
      changed: () => this.forget(),
      listening: (up) => {
        this.forget();
        this.listening = up;
        if (up) this.logger.log('listening for changes to callers: signed-in callers are kept between requests');
        else if (!this.closing) {
          this.logger.warn('not listening for changes to callers: every caller is read on every request');
        }
      },
    });
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.listener?.stop();
  }

  /** The caller kept for exactly this credential, if any and still valid. */
  find(credential: string): Principal | undefined {
    if (!this.listening) return undefined;
    const kept = this.kept?.get(credential);
    if (!kept) return undefined;
    if (kept.expiresAtMs > Date.now()) return kept.principal;
    this.kept!.delete(credential);
    return undefined;
  }

  /** A token to give `keep` for a read about to start: the read is kept only if nothing changed while it ran. */
  beforeRead(): number {
    return this.generation;
  }

  keep(credential: string, principal: Principal, expiresAtMs: number, readAt: number): void {
    if (this.listening && readAt === this.generation) this.kept?.set(credential, { principal, expiresAtMs });
  }

  /** Forgets every kept caller once `tx` commits: for the replica making a change, before it answers. */
  forgetOnCommit(tx: Tx): void {
    tx.onCommitted(this, () => this.forget());
  }

  private forget(): void {
    this.generation++;
    this.kept?.clear();
  }
}
