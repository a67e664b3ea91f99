import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { UnauthenticatedError } from '../common/errors/app-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import type { LoginResult } from './dto/login-result.model.js';
import { decoyPasswordHash, verifyPassword } from './password-hasher.js';
import { RateLimitRefusal, RateLimits } from './rate-limits.js';
import { SecurityEvents } from './security-events.js';
import { UsersRepository } from './users.repository.js';

/** What an access token says: the user, the user's token generation when it was issued, and its own id. */
export interface AccessTokenClaims {
  sub: string;
  gen: number;
  jti: string;
}

/** Sign-in with email and password, for an access token. */
@Injectable()
export class SignInService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly rateLimits: RateLimits,
    private readonly writes: AuditedWrites,
    private readonly events: SecurityEvents,
  ) {
    // Computed now, so that even the first unknown-email sign-in costs one verification, like every other.
    void decoyPasswordHash();
  }

  /**
   * The limits are taken first: an attempt they refuse checks nothing. Wrong email, wrong password and a disabled
   * account then get the same answer, and all three run one scrypt verification and write one audit event, so that
   * neither the message nor the time tells which it was.
   */
  async login(email: string, password: string, req: FastifyRequest): Promise<LoginResult> {
    const address = req.ip;
    let attempt;
    try {
      attempt = this.rateLimits.beginSignIn(address, email);
    } catch (error) {
      if (error instanceof RateLimitRefusal) {
        this.events.rateLimited(error.kind, req, { retryAfterSeconds: error.extensions.retryAfterSeconds as number });
      }
      throw error;
    }
    const credentials = await this.users.credentials(email);
    const matches = await verifyPassword(password, credentials?.passwordHash ?? (await decoyPasswordHash()));
    const requestId = String(req.id);
    if (!credentials || !matches || credentials.disabled) {
      const reason = !credentials ? 'unknown_account' : !matches ? 'wrong_password' : 'disabled';
      const userId = credentials?.id ?? null;
      await this.audit({ userId: null, apiKeyId: null, requestId }, 'auth.sign_in_failed', userId, {
        address,
        reason,
      });
      this.events.signIn(false, req, { userId, reason });
      throw new UnauthenticatedError('the email or the password is wrong');
    }
    attempt.succeeded();
    const claims: AccessTokenClaims = { sub: credentials.id, gen: credentials.tokenGeneration, jti: randomUUID() };
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    const token = await this.jwt.signAsync(claims, { expiresIn: this.config.tokenTtlSeconds });
    await this.audit({ userId: credentials.id, apiKeyId: null, requestId }, 'auth.sign_in', credentials.id, {
      address,
      tokenId: claims.jti,
    });
    this.events.signIn(true, req, { userId: credentials.id });
    return { token, expiresAt, user: (await this.users.view(credentials.id))! };
  }

  /** One event per checked sign-in, on the account when there is one. */
  private audit(actor: AuditActor, action: string, userId: string | null, after: object): Promise<void> {
    return this.db.transaction((tx) =>
      this.writes.record(tx, actor, { action, entityType: 'user', entityId: userId ?? 'unknown', after }),
    );
  }
}
