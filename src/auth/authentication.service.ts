import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest as Request } from 'fastify';
import { PRINCIPAL, type Principal, type RequestWithPrincipal } from '../common/access/principal.js';
import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '../common/errors/app-errors.js';
import { hashMatches, hashSecret, parseApiKey } from './api-key-secret.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { PrincipalCache } from './principal-cache.js';
import { PrincipalsRepository, type PrincipalRow } from './principals.repository.js';
import type { AccessTokenClaims } from './sign-in.service.js';

/** The request field holding the caller's lookup while it is under way. */
const AUTHENTICATING = Symbol('authenticating');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An API key's use is recorded (lastUsedAt) at most this often per key and replica. */
const KEY_USE_RECORDED_EVERY_MS = 60_000;

/** What a request sends to say who calls: an access token, an API key, or an Authorization header of neither form. */
type Credential = { kind: 'token' | 'key'; value: string } | { kind: 'malformed' };

/** The credential `req` sends (X-API-Key first, then the Authorization header); null when it sends none. */
function credentialIn(req: Request): Credential | null {
  const apiKeyHeader = req.headers['x-api-key'];
  if (typeof apiKeyHeader === 'string') return { kind: 'key', value: apiKeyHeader };
  const authorization = req.headers.authorization;
  if (!authorization) return null;
  const [scheme, value] = authorization.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer' && value) return { kind: 'token', value };
  if (scheme?.toLowerCase() === 'apikey' && value) return { kind: 'key', value };
  return { kind: 'malformed' };
}

/**
 * Establishes who is calling from the Authorization header (`Bearer <access token>` or `ApiKey <key>`) or
 * X-API-Key. The user is read from the database (one prepared statement, which also checks the token's generation
 * and that it was not logged out), so that disabling a user, logging out, signing out everywhere, revoking a key or
 * changing roles takes effect on the next request, on every replica. An access token seen before is answered from
 * the PrincipalCache, which every such change empties on every replica; so is an API key seen before. Both are kept
 * by a hash (never the credential itself).
 */
@Injectable()
export class AuthenticationService {
  /** When each API key's use was last recorded by this replica. */
  private readonly keyUses = new LRUCache<string, number>({ max: 10_000 });

  constructor(
    private readonly jwt: JwtService,
    private readonly principals: PrincipalsRepository,
    private readonly keys: ApiKeysRepository,
    private readonly callers: PrincipalCache,
  ) {}

  /** The caller of `req`: a Principal, null when anonymous; throws UNAUTHENTICATED for bad credentials. */
  authenticate(
    req: Request & RequestWithPrincipal & { [AUTHENTICATING]?: Promise<Principal | null> },
  ): Promise<Principal | null> {
    if (req[PRINCIPAL] !== undefined) return Promise.resolve(req[PRINCIPAL]);
    // Root fields run concurrently and each passes the guard: they share one lookup (and its failure).
    req[AUTHENTICATING] ??= this.fromHeaders(req).then((principal) => (req[PRINCIPAL] = principal));
    return req[AUTHENTICATING];
  }

  /**
   * The caller of `req` when it is known without any work: established already for this request, or an access
   * token (and nothing else) whose caller the PrincipalCache kept. Undefined otherwise: `authenticate` must run.
   */
  known(req: Request & RequestWithPrincipal): Principal | null | undefined {
    if (req[PRINCIPAL] !== undefined) return req[PRINCIPAL];
    const credential = credentialIn(req);
    if (credential?.kind !== 'token') return undefined;
    const principal = this.callers.find(tokenKey(credential.value));
    if (principal) req[PRINCIPAL] = principal;
    return principal;
  }

  private async fromHeaders(req: Request): Promise<Principal | null> {
    const credential = credentialIn(req);
    if (!credential) return null;
    if (credential.kind === 'token') return this.fromAccessToken(credential.value);
    if (credential.kind === 'key') return this.fromApiKey(credential.value);
    throw new UnauthenticatedError('the Authorization header must be "Bearer <access token>" or "ApiKey <key>"');
  }

  private async fromAccessToken(token: string): Promise<Principal> {
    const keptAs = tokenKey(token);
    const kept = this.callers.find(keptAs);
    if (kept) return kept;
    const readAt = this.callers.beforeRead();
    let claims: AccessTokenClaims & { exp: number };
    try {
      const payload = await this.jwt.verifyAsync<Record<string, unknown>>(token, { algorithms: ['HS256'] });
      // Every token this service issues expires, names a user, its generation and its own id; one that does not was
      // not issued here (or before tokens could be revoked: its holder signs in again).
      const { sub, exp, gen, jti } = payload;
      if (
        typeof exp !== 'number' ||
        typeof sub !== 'string' ||
        !UUID.test(sub) ||
        !Number.isSafeInteger(gen) ||
        typeof jti !== 'string' ||
        !UUID.test(jti)
      ) {
        throw new Error('malformed claims');
      }
      claims = { sub, exp, gen: gen as number, jti };
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired ? 'the access token has expired; sign in again' : 'the access token is not valid',
      );
    }
    const row = await this.principals.byAccessToken(claims.sub, claims.gen, claims.jti);
    if (!row || row.disabled || !row.tokenValid) throw new UnauthenticatedError('the access token is no longer valid');
    const principal = toPrincipal(row, { token: { id: claims.jti, expiresAt: new Date(claims.exp * 1000) } });
    this.callers.keep(keptAs, principal, claims.exp * 1000, readAt);
    return principal;
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new UnauthenticatedError('the API key is not valid');
    const secretHash = hashSecret(parsed.secret);
    const keptAs = `key ${parsed.prefix} ${secretHash}`;
    let principal = this.callers.find(keptAs);
    if (!principal) {
      const readAt = this.callers.beforeRead();
      const row = await this.principals.byApiKeyPrefix(parsed.prefix);
      if (!row || !hashMatches(secretHash, row.secretHash) || !row.usable || row.disabled) {
        throw new UnauthenticatedError('the API key is not valid, has expired or was revoked');
      }
      principal = toPrincipal(row, { apiKeyId: row.keyId, readOnly: row.readOnly });
      this.callers.keep(keptAs, principal, row.expiresAt.getTime(), readAt);
    }
    await this.recordUse(principal.apiKeyId!);
    return principal;
  }

  /** lastUsedAt, written at most once a minute per key by this replica (and by the statement, across replicas). */
  private async recordUse(keyId: string): Promise<void> {
    const now = Date.now();
    if (now - (this.keyUses.get(keyId) ?? 0) < KEY_USE_RECORDED_EVERY_MS) return;
    this.keyUses.set(keyId, now);
    await this.keys.touch(keyId);
  }
}

/** How a token's caller is kept: by its SHA-256, so that memory never holds the tokens themselves. */
function tokenKey(token: string): string {
  return `token ${createHash('sha256').update(token).digest('base64')}`;
}

function toPrincipal(
  row: PrincipalRow,
  credential: { token: NonNullable<Principal['token']> } | { apiKeyId: string; readOnly: boolean },
): Principal {
  return {
    userId: row.id,
    email: row.email,
    apiKeyId: 'apiKeyId' in credential ? credential.apiKeyId : null,
    token: 'token' in credential ? credential.token : null,
    readOnly: 'readOnly' in credential && credential.readOnly,
    roles: new Set(row.roles),
    memberships: new Set(row.memberships),
  };
}
