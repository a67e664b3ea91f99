import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { Database } from '../database/database.js';
import { firstRow } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';
import { ApiKey } from './api-key.entity.js';
import { PrincipalCache } from './principal-cache.js';

/** Owns api_key. Its secret hash is read only by authentication (principals.repository.ts). */
@Injectable()
export class ApiKeysRepository implements AuditedRecords<ApiKey> {
  readonly entityType = 'api_key';
  readonly label = 'API key';

  constructor(
    private readonly db: Database,
    private readonly callers: PrincipalCache,
  ) {}

  ofUser(userId: string): Promise<ApiKey[]> {
    return this.db.reads.rows<ApiKey>(
      `SELECT ${this.db.columns(ApiKey, 'k')} FROM api_key k WHERE k.user_id = $1 ORDER BY k.created_at DESC`,
      [userId],
    );
  }

  read(tx: Tx, id: string): Promise<ApiKey | null> {
    return firstRow<ApiKey>(tx, `SELECT ${this.db.columns(ApiKey, 'k')} FROM api_key k WHERE k.id = $1`, [id]).then(
      (key) => key ?? null,
    );
  }

  lockAndRead(tx: Tx, id: string): Promise<ApiKey | null> {
    return firstRow<ApiKey>(tx, `SELECT ${this.db.columns(ApiKey, 'k')} FROM api_key k WHERE k.id = $1 FOR UPDATE`, [
      id,
    ]).then((key) => key ?? null);
  }

  async insert(
    tx: Tx,
    key: Pick<ApiKey, 'userId' | 'name' | 'prefix' | 'secretHash' | 'expiresAt' | 'readOnly' | 'roles'>,
  ): Promise<ApiKey> {
    const [created] = await tx.rows<ApiKey>(
      `INSERT INTO api_key AS k (user_id, name, prefix, secret_hash, expires_at, read_only, roles)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${this.db.columns(ApiKey, 'k')}`,
      [key.userId, key.name, key.prefix, key.secretHash, key.expiresAt, key.readOnly, key.roles],
    );
    return created;
  }

  async revoke(tx: Tx, id: string): Promise<void> {
    this.callers.forgetOnCommit(tx);
    await tx.rows(`UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
  }

  /** Records use at most once a minute per key, to keep writes off the read path. */
  async touch(id: string): Promise<void> {
    await this.db.reads.rows(
      `UPDATE api_key SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
