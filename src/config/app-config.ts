import path from 'node:path';
import { ConfigError } from './config.error.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  /**
   * Absent means: run an embedded PostgreSQL whose data lives under `dataDir`. From DATABASE_URL, or built (and
   * URL-encoded) from DATABASE_HOST, DATABASE_PORT, DATABASE_USER, DATABASE_PASSWORD and DATABASE_NAME.
   */
  databaseUrl: string | undefined;
  /**
   * The role request traffic runs as. Absent: `<owner>_app`, which the service creates and grants (see
   * app-role.ts); DATABASE_URL stays the owner's, for migrations and the seed.
   */
  databaseAppUrl: string | undefined;
  /** The variable to name when the database cannot be reached: DATABASE_URL or DATABASE_HOST. */
  databaseVariable: 'DATABASE_URL' | 'DATABASE_HOST';
  port: number;
  host: string;
  logLevel: LogLevel;
  dataDir: string;
  embeddedPostgresPort: number;
  databasePoolSize: number;
  shutdownTimeoutMs: number;
  nodeEnv: 'development' | 'production' | 'test';
  /** Signs access tokens. Required in production; elsewhere generated and kept in DATA_DIR when unset. */
  tokenSecret: string | undefined;
  tokenTtlSeconds: number;
  /** Signed-in callers kept between requests (see PrincipalCache); 0 reads every caller on every request. */
  principalCacheSize: number;
  /** Allowed browser origins; `true` reflects any origin (development default), `[]` allows none. */
  corsOrigins: string[] | true;
  introspection: boolean;
  /** How many proxies in front may set X-Forwarded-For (0: none). */
  trustProxyHops: number;
  /** Failed sign-ins per address (or IPv6 /64) per minute. */
  loginAttemptsPerMinute: number;
  /** Sign-ins per account per minute, successful or not. */
  loginAttemptsPerAccountPerMinute: number;
  mutationsPerMinute: number;
  /** Lifetime of an API key created without an expiry, in days. */
  apiKeyTtlDays: number;
  /** The longest lifetime an API key may be given, in days. */
  apiKeyMaxTtlDays: number;
  maxQueryDepth: number;
  maxQueryComplexity: number;
  maxQueryAliases: number;
  maxQueryTokens: number;
  bootstrapAdmin: { email: string; password: string } | undefined;
  /** Whether /metrics is served and requests are counted (off in production unless METRICS_TOKEN is set). */
  metricsEnabled: boolean;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
}

export const MIN_METRICS_TOKEN_LENGTH = 16;

export const MIN_TOKEN_SECRET_LENGTH = 32;

export const APP_CONFIG = Symbol('APP_CONFIG');

type Env = Record<string, string | undefined>;

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function databaseUrl(env: Env, name = 'DATABASE_URL'): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must use the postgres:// scheme, got "${url.protocol}"`);
  }
  if (!url.hostname) throw new ConfigError(name, 'has no host');
  if (url.pathname.length <= 1) throw new ConfigError(name, 'names no database (the path after the host)');
  return raw;
}

function databaseAppUrl(env: Env, ownerFromParts: boolean): string | undefined {
  const url = databaseUrl(env, 'DATABASE_APP_URL');
  if (url === undefined) return undefined;
  if (optional(env, 'DATABASE_URL') === undefined && !ownerFromParts) {
    throw new ConfigError(
      'DATABASE_APP_URL',
      'needs DATABASE_URL or DATABASE_HOST (the owner, for migrations); embedded PostgreSQL sets up its own service role',
    );
  }
  if (!new URL(url).username) throw new ConfigError('DATABASE_APP_URL', 'names no user (the role the service runs as)');
  return url;
}

const DATABASE_PARTS = ['DATABASE_HOST', 'DATABASE_PORT', 'DATABASE_USER', 'DATABASE_PASSWORD', 'DATABASE_NAME'];

/**
 * The database URL from its parts, each URL-encoded: a password may hold any character (`@`, `:`, `/`, `%`), which
 * a URL written by hand (or by docker compose, which cannot encode) would break on.
 */
function databaseUrlFromParts(env: Env): string | undefined {
  const given = DATABASE_PARTS.filter((name) => env[name] !== undefined && env[name] !== '');
  if (given.length === 0) return undefined;
  if (optional(env, 'DATABASE_URL') !== undefined) {
    throw new ConfigError('DATABASE_URL', `set either DATABASE_URL or ${given.join(', ')}, not both`);
  }
  const host = optional(env, 'DATABASE_HOST');
  if (host === undefined) throw new ConfigError('DATABASE_HOST', `is required with ${given.join(', ')}`);
  if (!/^[A-Za-z0-9._-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(host)) {
    throw new ConfigError('DATABASE_HOST', `must be a host name or address, got "${host}"`);
  }
  const port = integer(env, 'DATABASE_PORT', 5432, 1, 65535);
  const user = optional(env, 'DATABASE_USER');
  if (user === undefined) throw new ConfigError('DATABASE_USER', 'is required with DATABASE_HOST');
  const database = optional(env, 'DATABASE_NAME');
  if (database === undefined) throw new ConfigError('DATABASE_NAME', 'is required with DATABASE_HOST');
  // The password is taken as it is (no trimming): spaces may be part of it.
  const password = env.DATABASE_PASSWORD ?? '';
  const credentials = encodeURIComponent(user) + (password ? `:${encodeURIComponent(password)}` : '');
  return `postgres://${credentials}@${host}:${port}/${encodeURIComponent(database)}`;
}

function metricsToken(env: Env): string | undefined {
  const token = optional(env, 'METRICS_TOKEN');
  if (token !== undefined && token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new ConfigError('METRICS_TOKEN', `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters long`);
  }
  return token;
}

function booleanFlag(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function tokenSecret(env: Env, nodeEnv: AppConfig['nodeEnv']): string | undefined {
  const secret = optional(env, 'TOKEN_SECRET');
  if (secret === undefined) {
    if (nodeEnv === 'production') throw new ConfigError('TOKEN_SECRET', 'is required in production');
    return undefined;
  }
  if (secret.length < MIN_TOKEN_SECRET_LENGTH) {
    throw new ConfigError('TOKEN_SECRET', `must be at least ${MIN_TOKEN_SECRET_LENGTH} characters long`);
  }
  return secret;
}

function corsOrigins(env: Env, nodeEnv: AppConfig['nodeEnv']): string[] | true {
  const raw = optional(env, 'CORS_ORIGINS');
  if (raw === undefined) return nodeEnv === 'production' ? [] : true;
  if (raw === '*') return true;
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin such as https://example.org`);
    }
  }
  return origins;
}

function bootstrapAdmin(env: Env): AppConfig['bootstrapAdmin'] {
  const email = optional(env, 'BOOTSTRAP_ADMIN_EMAIL');
  const password = env.BOOTSTRAP_ADMIN_PASSWORD;
  if (email === undefined && !password) return undefined;
  if (email === undefined) throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL', 'is required with BOOTSTRAP_ADMIN_PASSWORD');
  if (!password) throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD', 'is required with BOOTSTRAP_ADMIN_EMAIL');
  return { email, password };
}

function apiKeyLifetimes(env: Env): Pick<AppConfig, 'apiKeyTtlDays' | 'apiKeyMaxTtlDays'> {
  const apiKeyMaxTtlDays = integer(env, 'API_KEY_MAX_TTL_DAYS', 365, 1, 3650);
  const apiKeyTtlDays = integer(env, 'API_KEY_TTL_DAYS', Math.min(90, apiKeyMaxTtlDays), 1, 3650);
  if (apiKeyTtlDays > apiKeyMaxTtlDays) {
    throw new ConfigError(
      'API_KEY_TTL_DAYS',
      `must not exceed API_KEY_MAX_TTL_DAYS (${apiKeyMaxTtlDays}), got ${apiKeyTtlDays}`,
    );
  }
  return { apiKeyTtlDays, apiKeyMaxTtlDays };
}

/** Reads and validates the environment once at start-up; any problem throws a ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const fromParts = databaseUrlFromParts(env);
  const token = metricsToken(env);
  return {
    databaseUrl: fromParts ?? databaseUrl(env),
    databaseAppUrl: databaseAppUrl(env, fromParts !== undefined),
    databaseVariable: fromParts ? 'DATABASE_HOST' : 'DATABASE_URL',
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    dataDir: path.resolve(optional(env, 'DATA_DIR') ?? '.data'),
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    principalCacheSize: integer(env, 'PRINCIPAL_CACHE_SIZE', 10000, 0, 1000000),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    nodeEnv,
    tokenSecret: tokenSecret(env, nodeEnv),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 3600, 60, 30 * 24 * 3600),
    corsOrigins: corsOrigins(env, nodeEnv),
    introspection: booleanFlag(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    loginAttemptsPerMinute: integer(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 10000),
    loginAttemptsPerAccountPerMinute: integer(env, 'LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE', 10, 1, 10000),
    mutationsPerMinute: integer(env, 'MUTATIONS_PER_MINUTE', 120, 1, 100000),
    ...apiKeyLifetimes(env),
    maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
    maxQueryComplexity: integer(env, 'MAX_QUERY_COMPLEXITY', 5000, 10, 10000000),
    maxQueryAliases: integer(env, 'MAX_QUERY_ALIASES', 30, 0, 10000),
    maxQueryTokens: integer(env, 'MAX_QUERY_TOKENS', 10000, 100, 1000000),
    bootstrapAdmin: bootstrapAdmin(env),
    // In production, metrics are served only behind a token: without one they are off.
    metricsEnabled: booleanFlag(env, 'METRICS_ENABLED', true) && (nodeEnv !== 'production' || token !== undefined),
    metricsToken: token,
  };
}
