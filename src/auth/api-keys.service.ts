import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import { BadUserInputError, NotFoundError } from '../common/errors/app-errors.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import type { ApiKey } from './api-key.entity.js';
import { generateApiKey } from './api-key-secret.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import type { CreateApiKeyInput } from './dto/api-key.input.js';
import type { CreatedApiKey } from './dto/created-api-key.model.js';

/** A signed-in user's API keys. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: Database,
    private readonly keys: ApiKeysRepository,
    private readonly writes: AuditedWrites,
  ) {}

  ofUser(userId: string): Promise<ApiKey[]> {
    return this.keys.ofUser(userId);
  }

  async create(principal: Principal, input: CreateApiKeyInput, actor: AuditActor, tx?: Tx): Promise<CreatedApiKey> {
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw BadUserInputError.field('input.expiresAt', 'must be in the future');
    }
    const generated = generateApiKey();
    const apiKey = await this.db.within(tx, (tx) =>
      this.writes.create(tx, actor, { action: 'api_key.create', entityType: this.keys.entityType }, () =>
        this.keys.insert(tx, {
          userId: principal.userId,
          name: input.name,
          prefix: generated.prefix,
          secretHash: generated.secretHash,
          expiresAt: input.expiresAt ?? null,
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
