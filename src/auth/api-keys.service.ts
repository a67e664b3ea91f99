import { Inject, Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../common/errors/app-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import type { ApiKey } from './api-key.entity.js';
import { generateApiKey } from './api-key-secret.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import type { CreateApiKeyInput } from './dto/api-key.input.js';
import type { CreatedApiKey } from './dto/created-api-key.model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A signed-in user's API keys. */
@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly keys: ApiKeysRepository,
    private readonly writes: AuditedWrites,
  ) {}

  ofUser(userId: string): Promise<ApiKey[]> {
    return this.keys.ofUser(userId);
  }

  /**
   * A key for the caller, who must have signed in (a key does not make keys: a leaked key cannot outlive its own
   * expiry or revocation by minting another), with roles among the caller's and an expiry within the bounds.
   */
  async create(principal: Principal, input: CreateApiKeyInput, actor: AuditActor, tx?: Tx): Promise<CreatedApiKey> {
    if (!principal.token) throw new ForbiddenError('API keys are created by a signed-in user, not with an API key');
    const now = Date.now();
    const expiresAt = input.expiresAt ?? new Date(now + this.config.apiKeyTtlDays * DAY_MS);
    if (expiresAt.getTime() <= now) throw BadUserInputError.field('input.expiresAt', 'must be in the future');
    if (expiresAt.getTime() > now + this.config.apiKeyMaxTtlDays * DAY_MS) {
      throw BadUserInputError.field('input.expiresAt', `must be at most ${this.config.apiKeyMaxTtlDays} days away`);
    }
    const held = Object.values(Role).filter((role) => principal.roles.has(role));
    const roles = input.roles ? [...new Set(input.roles)].sort() : held;
    const notHeld = roles.filter((role) => !principal.roles.has(role));
    if (notHeld.length > 0) {
      throw BadUserInputError.field('input.roles', `names roles you do not hold: ${notHeld.join(', ')}`);
    }
    const generated = generateApiKey();
    const apiKey = await this.db.within(tx, (tx) =>
      this.writes.create(tx, actor, { action: 'api_key.create', entityType: this.keys.entityType }, () =>
        this.keys.insert(tx, {
          userId: principal.userId,
          name: input.name,
          prefix: generated.prefix,
          secretHash: generated.secretHash,
          expiresAt,
          readOnly: input.readOnly ?? false,
          roles,
        }),
      ),
    );
    return { apiKey, key: generated.key };
  }

  /** The owner revokes their own keys; an admin any key. Takes effect on the next request. */
  revoke(principal: Principal, id: string, isAdmin: boolean, actor: AuditActor, tx?: Tx): Promise<ApiKey> {
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.keys, id, 'api_key.revoke', async (before) => {
        if (before.userId !== principal.userId && !isAdmin) throw new NotFoundError(this.keys.label, id);
        await this.keys.revoke(tx, id);
      }),
    );
  }
}
