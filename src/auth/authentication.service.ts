import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest as Request } from 'fastify';
import { PRINCIPAL, type Principal, type RequestWithPrincipal } from '../common/access/principal.js';
import { UnauthenticatedError } from '../common/errors/app-errors.js';
import { parseApiKey, secretMatches } from './api-key-secret.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { PrincipalsRepository, type PrincipalRow } from './principals.repository.js';

/** The request field holding the caller's lookup while it is under way. */
const AUTHENTICATING = Symbol('authenticating');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Establishes who is calling from the Authorization header (`Bearer <access token>` or `ApiKey <key>`) or
 * X-API-Key. The user is read from the database on every authenticated request, so that disabling a user,
 * revoking a key or changing roles takes effect on the next request.
 */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly jwt: JwtService,
    private readonly principals: PrincipalsRepository,
    private readonly keys: ApiKeysRepository,
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

  private async fromHeaders(req: Request): Promise<Principal | null> {
    const authorization = req.headers.authorization;
    const apiKeyHeader = req.headers['x-api-key'];
    if (typeof apiKeyHeader === 'string') return this.fromApiKey(apiKeyHeader);
    if (!authorization) return null;
    const [scheme, credential] = authorization.split(' ', 2);
    if (scheme?.toLowerCase() === 'bearer' && credential) return this.fromAccessToken(credential);
    if (scheme?.toLowerCase() === 'apikey' && credential) return this.fromApiKey(credential);
    throw new UnauthenticatedError('the Authorization header must be "Bearer <access token>" or "ApiKey <key>"');
  }

  private async fromAccessToken(token: string): Promise<Principal> {
    let userId: string;
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; exp?: unknown }>(token, { algorithms: ['HS256'] });
      // Every token this service issues expires and names a user; one that does not was not issued here.
      if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string' || !UUID.test(payload.sub)) {
        throw new Error('malformed claims');
      }
      userId = payload.sub;
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired ? 'the access token has expired; sign in again' : 'the access token is not valid',
      );
    }
    const row = await this.principals.byUserId(userId);
    if (!row || row.disabled) throw new UnauthenticatedError('the access token is no longer valid');
    return toPrincipal(row, null);
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new UnauthenticatedError('the API key is not valid');
    const row = await this.principals.byApiKeyPrefix(parsed.prefix);
    if (!row || !secretMatches(parsed.secret, row.secretHash) || !row.usable || row.disabled) {
      throw new UnauthenticatedError('the API key is not valid, has expired or was revoked');
    }
    await this.keys.touch(row.keyId);
    return toPrincipal(row, row.keyId);
  }
}

function toPrincipal(row: PrincipalRow, apiKeyId: string | null): Principal {
  return {
    userId: row.id,
    email: row.email,
    apiKeyId,
    roles: new Set(row.roles),
    memberships: new Set(row.memberships),
  };
}
