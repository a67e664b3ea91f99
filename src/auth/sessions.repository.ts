import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction.js';
import { PrincipalCache } from './principal-cache.js';

/** A logged-out access token, as the audit trail records it. */
export interface RevokedTokenView {
  /** The token's id (`jti`). */
  id: string;
  userId: string;
  expiresAt: Date;
}

/** Owns revoked_token: access tokens ended by `logout` before their expiry. */
@Injectable()
export class SessionsRepository {
  readonly entityType = 'access_token';

  constructor(private readonly callers: PrincipalCache) {}

  /** Records the token as logged out; a second logout of one token cannot happen (the first refuses it). */
  async revoke(tx: Tx, token: { id: string; userId: string; expiresAt: Date }): Promise<RevokedTokenView> {
    this.callers.forgetOnCommit(tx);
    await tx.rows(
      `INSERT INTO revoked_token (jti, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`,
      [token.id, token.userId, token.expiresAt],
    );
    return { id: token.id, userId: token.userId, expiresAt: token.expiresAt };
  }

  /**
   * Removes up to `limit` entries of tokens that have expired since (they are refused as expired anyway), so that
   * the table holds about the tokens logged out within one token lifetime.
   */
  async purgeExpired(tx: Tx, limit = 100): Promise<void> {
    await tx.rows(
      `DELETE FROM revoked_token WHERE jti IN (
         SELECT jti FROM revoked_token WHERE expires_at < now() ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)`,
      [limit],
    );
  }
}
