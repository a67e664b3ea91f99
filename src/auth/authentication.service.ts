import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { PRINCIPAL, type Principal, type RequestWithPrincipal } from '../common/access/principal.js';
import type { Role } from '../common/access/role.js';
import { UnauthenticatedError } from '../common/errors/app-errors.js';
import { parseApiKey, secretMatches } from './api-key-secret.js';
import { preparedQuery } from '../database/prepared-query.js';

interface PrincipalRow {
  id: string;
  email: string;
  disabled: boolean;
  roles: Role[];
  companyIds: string[];
  regulatorIds: string[];
}

/** Everything the access checks need about a user, in one statement. */
const PRINCIPAL_SELECT = `SELECT u.id, u.email, u.disabled_at IS NOT NULL AS disabled,
  ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id)::text[] AS roles,
  ARRAY(SELECT m.company_id FROM user_membership m WHERE m.user_id = u.id AND m.company_id IS NOT NULL)::text[] AS "companyIds",
  ARRAY(SELECT m.regulator_id FROM user_membership m WHERE m.user_id = u.id AND m.regulator_id IS NOT NULL)::text[] AS "regulatorIds"`;

/**
 * Establishes who is calling from the Authorization header (`Bearer <access token>` or `ApiKey <key>`) or
 * X-API-Key. The user is read from the database on every authenticated request, so that disabling a user,
 * revoking a key or changing roles takes effect on the next request.
 */
@Injectable()
export class AuthenticationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
  ) {}

  /** The caller of `req`: a Principal, null when anonymous; throws UNAUTHENTICATED for bad credentials. */
  async authenticate(req: Request & RequestWithPrincipal): Promise<Principal | null> {
    if (req[PRINCIPAL] !== undefined) return req[PRINCIPAL];
    const principal = await this.fromHeaders(req);
    req[PRINCIPAL] = principal;
    return principal;
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
      const payload = await this.jwt.verifyAsync<{ sub: string }>(token, { algorithms: ['HS256'] });
      userId = payload.sub;
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired ? 'the access token has expired; sign in again' : 'the access token is not valid',
      );
    }
    const [row]: PrincipalRow[] = await preparedQuery(this.db, `${PRINCIPAL_SELECT} FROM app_user u WHERE u.id = $1`, [
      userId,
    ]);
    if (!row || row.disabled) throw new UnauthenticatedError('the access token is no longer valid');
    return toPrincipal(row, null);
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new UnauthenticatedError('the API key is not valid');
    const [row]: (PrincipalRow & { keyId: string; secretHash: string; usable: boolean })[] = await preparedQuery(
      this.db,
      `${PRINCIPAL_SELECT}, k.id AS "keyId", k.secret_hash AS "secretHash",
         (k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())) AS usable
       FROM api_key k JOIN app_user u ON u.id = k.user_id WHERE k.prefix = $1`,
      [parsed.prefix],
    );
    if (!row || !secretMatches(parsed.secret, row.secretHash) || !row.usable || row.disabled) {
      throw new UnauthenticatedError('the API key is not valid, has expired or was revoked');
    }
    // Recorded at most once a minute per key, to keep writes off the read path.
    await this.db.query(
      `UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [row.keyId],
    );
    return toPrincipal(row, row.keyId);
  }
}

function toPrincipal(row: PrincipalRow, apiKeyId: string | null): Principal {
  return {
    userId: row.id,
    email: row.email,
    apiKeyId,
    roles: new Set(row.roles),
    companyIds: new Set(row.companyIds),
    regulatorIds: new Set(row.regulatorIds),
  };
}
