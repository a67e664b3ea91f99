import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import { ForbiddenError } from '../common/errors/app-errors.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersService } from './users.service.js';

/** Ending access tokens before they expire: the caller's own (`logout`) or all of the user's. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersService,
    private readonly writes: AuditedWrites,
  ) {}

  /** Ends the access token the request was made with. */
  async logout(principal: Principal, actor: AuditActor, tx?: Tx): Promise<boolean> {
    const token = principal.token;
    if (!token) throw new ForbiddenError('logout ends an access token; an API key is revoked with revokeApiKey');
    await this.db.within(tx, async (tx) => {
      await this.writes.create(tx, actor, { action: 'auth.logout', entityType: this.sessions.entityType }, () =>
        this.sessions.revoke(tx, { id: token.id, userId: principal.userId, expiresAt: token.expiresAt }),
      );
      await this.sessions.purgeExpired(tx);
    });
    return true;
  }

  /** Ends every access token of the caller, this one included (API keys stay: revokeApiKey ends those). */
  async logoutEverywhere(principal: Principal, actor: AuditActor, tx?: Tx): Promise<boolean> {
    await this.users.endAllTokens(principal.userId, actor, tx);
    return true;
  }
}
