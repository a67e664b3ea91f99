import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { firstRow } from '../database/sql-runner.js';

export interface StoredRequest {
  requestHash: string;
  statusCode: number | null;
  response: string | null;
  /** How long ago the first request began, in milliseconds (measured by the database clock). */
  ageMs: number;
}

/** Owns idempotency_key. Every statement is a single autocommitted one: a key is claimed before the work starts. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly db: Database) {}

  /**
   * Claims `key` for `caller`: true when this request is the first with it (or the key it found had expired). The
   * primary key makes exactly one of many concurrent claims win.
   */
  async claim(caller: string, key: string, requestHash: string, ttlSeconds: number): Promise<boolean> {
    const claimed = await firstRow<{ claimed: boolean }>(
      this.db.reads,
      `INSERT INTO idempotency_key AS k (caller, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (caller, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = NULL, response = NULL, created_at = now(),
             expires_at = EXCLUDED.expires_at
         WHERE k.expires_at <= now()
       RETURNING true AS claimed`,
      [caller, key, requestHash, ttlSeconds],
    );
    return claimed !== undefined;
  }

  async read(caller: string, key: string): Promise<StoredRequest | undefined> {
    return firstRow<StoredRequest>(
      this.db.reads,
      `SELECT request_hash AS "requestHash", status_code AS "statusCode", response,
              (extract(epoch FROM now() - created_at) * 1000)::float8 AS "ageMs"
       FROM idempotency_key WHERE caller = $1 AND key = $2 AND expires_at > now()`,
      [caller, key],
    );
  }

  async complete(caller: string, key: string, statusCode: number, response: string): Promise<void> {
    await this.db.reads.rows(
      `UPDATE idempotency_key SET status_code = $3, response = $4 WHERE caller = $1 AND key = $2`,
      [caller, key, statusCode, response],
    );
  }

  /** Frees a key whose request changed nothing (refused, rate-limited, failed), so that a retry runs again. */
  async release(caller: string, key: string): Promise<void> {
    await this.db.reads.rows(`DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND status_code IS NULL`, [
      caller,
      key,
    ]);
  }

  async purgeExpired(): Promise<number> {
    const purged = await this.db.reads.rows(`DELETE FROM idempotency_key WHERE expires_at <= now() RETURNING 1`);
    return purged.length;
  }
}
