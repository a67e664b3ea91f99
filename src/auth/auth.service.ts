import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '../common/errors/app-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { returnedRows } from '../database/returning.js';
import type { ApiKey } from './api-key.entity.js';
import { generateApiKey } from './api-key-secret.js';
import type { CreateApiKeyInput, CreatedApiKey, LoginResult } from './dto/auth.inputs.js';
import { decoyPasswordHash, verifyPassword } from './password-hasher.js';
import { RateLimits } from './rate-limits.js';
import { UsersRepository } from './users.repository.js';
import { preparedQuery } from '../database/prepared-query.js';

const API_KEY_COLUMNS = `id, user_id AS "userId", name, prefix, created_at AS "createdAt", last_used_at AS "lastUsedAt",
  expires_at AS "expiresAt", revoked_at AS "revokedAt"`;
const API_KEY_VIEW = `SELECT ${API_KEY_COLUMNS} FROM api_key`;

/** Sign-in and API keys: what a signed-in user does for themselves. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimits,
  ) {
    // Computed now, so that even the first unknown-email sign-in costs one verification, like every other.
    void decoyPasswordHash();
  }

  /**
   * Wrong email, wrong password and a disabled account get the same answer, and all three run one scrypt
   * verification, so that neither the message nor the time tells which it was.
   */
  async login(email: string, password: string, address: string): Promise<LoginResult> {
    await this.rateLimits.assertLoginAllowed(address);
    const credentials = await this.users.findCredentials(email);
    const matches = await verifyPassword(password, credentials?.passwordHash ?? (await decoyPasswordHash()));
    if (!credentials || !matches || credentials.disabled) {
      await this.rateLimits.loginFailed(address);
      throw new UnauthenticatedError('the email or the password is wrong');
    }
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    const token = await this.jwt.signAsync({ sub: credentials.id }, { expiresIn: this.config.tokenTtlSeconds });
    return { token, expiresAt, user: (await this.users.view(credentials.id))! };
  }

  apiKeysOf(userId: string): Promise<ApiKey[]> {
    return preparedQuery(this.db, `${API_KEY_VIEW} WHERE user_id = $1 ORDER BY created_at DESC`, [userId]);
  }

  async createApiKey(principal: Principal, input: CreateApiKeyInput, actor: AuditActor): Promise<CreatedApiKey> {
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw BadUserInputError.field('input.expiresAt', 'must be in the future');
    }
    const generated = generateApiKey();
    return this.db.transaction(async (manager) => {
      const [apiKey]: ApiKey[] = await manager.query(
        `INSERT INTO api_key (user_id, name, prefix, secret_hash, expires_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${API_KEY_COLUMNS}`,
        [principal.userId, input.name, generated.prefix, generated.secretHash, input.expiresAt ?? null],
      );
      await this.audit.record(manager, actor, {
        action: 'api_key.create',
        entityType: 'api_key',
        entityId: apiKey.id,
        before: null,
        after: apiKey,
      });
      return { apiKey, key: generated.key };
    });
  }

  /** The owner revokes their own keys; an admin any key. Takes effect on the next request. */
  async revokeApiKey(principal: Principal, id: string, isAdmin: boolean, actor: AuditActor): Promise<ApiKey> {
    return this.db.transaction(async (manager) => {
      const [before]: ApiKey[] = await manager.query(`${API_KEY_VIEW} WHERE id = $1 FOR UPDATE`, [id]);
      if (!before || (before.userId !== principal.userId && !isAdmin)) throw new NotFoundError('API key', id);
      if (before.revokedAt) return before;
      const [after] = returnedRows<ApiKey>(
        await manager.query(
          `UPDATE api_key SET revoked_at = now() WHERE id = $1
         RETURNING ${API_KEY_COLUMNS}`,
          [id],
        ),
      );
      await this.audit.record(manager, actor, {
        action: 'api_key.revoke',
        entityType: 'api_key',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
