import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.databaseAppUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL: /],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /^DATABASE_URL: must use the postgres/],
    [{ DATABASE_URL: 'postgres://localhost' }, /^DATABASE_URL: names no database/],
    [{ PORT: 'eighty' }, /^PORT: must be a whole number/],
    [{ PORT: '70000' }, /^PORT: must be between/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: must be one of/],
    [{ EMBEDDED_PG_PORT: '80' }, /^EMBEDDED_PG_PORT: /],
    [{ NODE_ENV: 'production' }, /^TOKEN_SECRET: is required in production/],
    [{ TOKEN_SECRET: 'short' }, /^TOKEN_SECRET: must be at least 32 characters/],
    [{ CORS_ORIGINS: 'example.org' }, /^CORS_ORIGINS: /],
    [{ GRAPHQL_INTROSPECTION: 'maybe' }, /^GRAPHQL_INTROSPECTION: /],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'a@example.org' }, /^BOOTSTRAP_ADMIN_PASSWORD: /],
    [{ DATABASE_APP_URL: 'postgres://app@localhost/db' }, /^DATABASE_APP_URL: needs DATABASE_URL or DATABASE_HOST/],
    [{ DATABASE_URL: 'postgres://o@h/db', DATABASE_APP_URL: 'postgres://h/db' }, /^DATABASE_APP_URL: names no user/],
    [{ DATABASE_URL: 'postgres://o@h/db', DATABASE_APP_URL: 'postgres://a@h' }, /^DATABASE_APP_URL: names no database/],
    [{ DATABASE_USER: 'registry' }, /^DATABASE_HOST: is required with DATABASE_USER/],
    [{ DATABASE_HOST: 'db', DATABASE_NAME: 'registry' }, /^DATABASE_USER: is required/],
    [{ DATABASE_HOST: 'db', DATABASE_USER: 'registry' }, /^DATABASE_NAME: is required/],
    [{ DATABASE_HOST: 'db/x', DATABASE_USER: 'u', DATABASE_NAME: 'n' }, /^DATABASE_HOST: must be a host/],
    [{ DATABASE_HOST: 'db', DATABASE_USER: 'u', DATABASE_NAME: 'n', DATABASE_PORT: 'x' }, /^DATABASE_PORT: /],
    [{ DATABASE_URL: 'postgres://h/d', DATABASE_HOST: 'db' }, /^DATABASE_URL: set either DATABASE_URL or/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN: must be at least 16/],
    [{ METRICS_ENABLED: 'perhaps' }, /^METRICS_ENABLED: /],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('turns introspection and open CORS off in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32) });
    expect(config.introspection).toBe(false);
    expect(config.corsOrigins).toEqual([]);
    expect(loadConfig({}).corsOrigins).toBe(true);
  });

  it('accepts a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/app' }).databaseUrl).toBe(
      'postgres://u@127.0.0.1:5432/app',
    );
  });

  it('builds the database URL from its parts, encoding each, so that any password works', () => {
    const password = 'p@ss:w/rd?#%20 ü';
    const config = loadConfig({
      DATABASE_HOST: 'db',
      DATABASE_PORT: '6432',
      DATABASE_USER: 'registry',
      DATABASE_PASSWORD: password,
      DATABASE_NAME: 'registry',
    });
    expect(config.databaseVariable).toBe('DATABASE_HOST');
    const url = new URL(config.databaseUrl!);
    expect(decodeURIComponent(url.password)).toBe(password);
    expect([url.hostname, url.port, url.username, url.pathname]).toEqual(['db', '6432', 'registry', '/registry']);
    expect(loadConfig({ DATABASE_HOST: 'db', DATABASE_USER: 'u', DATABASE_NAME: 'n' }).databaseUrl).toBe(
      'postgres://u@db:5432/n',
    );
    expect(loadConfig({}).databaseVariable).toBe('DATABASE_URL');
  });

  it('serves metrics in development, and in production only with METRICS_TOKEN', () => {
    const production = { NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32) };
    expect(loadConfig({}).metricsEnabled).toBe(true);
    expect(loadConfig({ METRICS_ENABLED: 'false' }).metricsEnabled).toBe(false);
    expect(loadConfig(production).metricsEnabled).toBe(false);
    const withToken = loadConfig({ ...production, METRICS_TOKEN: 'a-token-of-16-chars' });
    expect([withToken.metricsEnabled, withToken.metricsToken]).toEqual([true, 'a-token-of-16-chars']);
  });
});
