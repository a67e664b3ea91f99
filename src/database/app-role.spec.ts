import { describe, expect, it } from '@jest/globals';
import { derivedAppRole, givenAppRole } from './app-role.js';

describe('derivedAppRole', () => {
  it("is <owner>_app on the owner's server and database, with a password derived from the owner's", () => {
    const role = derivedAppRole('postgres://registry:s3cret@db:5432/registry?sslmode=require');
    expect(role.name).toBe('registry_app');
    const url = new URL(role.url);
    expect([url.username, url.host, url.pathname, url.search]).toEqual([
      'registry_app',
      'db:5432',
      '/registry',
      '?sslmode=require',
    ]);
    expect(role.derivedPassword).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(decodeURIComponent(url.password)).toBe(role.derivedPassword);
  });

  it('gives every replica and database of one owner the same role and password, and another owner password another', () => {
    const one = derivedAppRole('postgres://registry:s3cret@db/registry');
    expect(derivedAppRole('postgres://registry:s3cret@other/test_db')).toMatchObject({
      name: one.name,
      derivedPassword: one.derivedPassword,
    });
    expect(derivedAppRole('postgres://registry:rotated@db/registry').derivedPassword).not.toBe(one.derivedPassword);
    expect(one.derivedPassword).not.toContain('s3cret');
  });

  it('has no password when the owner has none (trust or peer authentication)', () => {
    const role = derivedAppRole('postgres://postgres@127.0.0.1:5432/registry');
    expect(role).toMatchObject({ name: 'postgres_app', derivedPassword: null });
    expect(new URL(role.url).password).toBe('');
  });

  it('keeps the name within 63 bytes', () => {
    expect(Buffer.byteLength(derivedAppRole(`postgres://${'o'.repeat(63)}@h/db`).name)).toBeLessThanOrEqual(63);
  });
});

describe('givenAppRole', () => {
  it("is DATABASE_APP_URL's user, which the service neither creates nor changes", () => {
    expect(givenAppRole('postgres://svc%40x:pw@h/db')).toEqual({ url: 'postgres://svc%40x:pw@h/db', name: 'svc@x' });
  });
});
