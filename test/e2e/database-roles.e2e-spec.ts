import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { APP_PRIVILEGES } from '../../src/app-database.js';
import { derivedAppRole } from '../../src/database/app-role.js';
import { freePort, startServerProcess } from '../harness/server-process.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { createTestDatabase } from '../harness/test-database.js';

let t: TestApp;
let service: pg.Client;
beforeAll(async () => {
  t = await startTestApp();
  service = new pg.Client({ connectionString: t.database.appUrl });
  await service.connect();
});
afterAll(async () => {
  await service.end();
  await t.close();
});

/** The SQLSTATE a statement run as the service's role fails with (undefined when it succeeds). */
async function refusal(sql: string): Promise<string | undefined> {
  try {
    await service.query('BEGIN');
    await service.query(sql);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await service.query('ROLLBACK');
  }
}

describe("the service's database role", () => {
  it('is what the application connects as, and is neither a superuser nor an owner', async () => {
    const connections = await t.sql(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ai-governance-registry'`,
    );
    expect(connections).toEqual([{ usename: derivedAppRole(t.database.url).name }]);
    const [role] = (
      await service.query(
        `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls,
                (SELECT count(*)::int FROM pg_tables WHERE pg_has_role(current_user, tableowner, 'MEMBER')) AS owned
         FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows;
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owned: 0 });
  });

  it.each([
    ['disable the append-only triggers', `ALTER TABLE audit_event DISABLE TRIGGER USER`, '42501'],
    ['turn off triggers for the session', `SET session_replication_role = replica`, '42501'],
    ['update an event', `UPDATE audit_event SET action = 'tampered'`, '42501'],
    ['delete an event', `DELETE FROM audit_event`, '42501'],
    ['truncate the trail', `TRUNCATE audit_event`, '42501'],
    ['alter a table', `ALTER TABLE company ADD COLUMN note text`, '42501'],
    ['drop a table', `DROP TABLE api_key`, '42501'],
    ['change reference data', `UPDATE country SET name = 'x' WHERE iso3 = 'KEN'`, '42501'],
    ['read the migrations', `SELECT * FROM migrations`, '42501'],
  ])('may not %s', async (_what, sql, code) => {
    expect(await refusal(sql)).toBe(code);
  });

  it('may read and append to the audit trail, and nothing more', async () => {
    const { rows } = await service.query(
      `SELECT p.privilege, has_table_privilege(current_user, 'audit_event', p.privilege) AS granted
       FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)`,
    );
    expect(
      Object.fromEntries(rows.map((row: { privilege: string; granted: boolean }) => [row.privilege, row.granted])),
    ).toEqual({
      SELECT: true,
      INSERT: true,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
      REFERENCES: false,
      TRIGGER: false,
    });
  });

  it('has exactly the privileges APP_PRIVILEGES lists, and every table is listed', async () => {
    const tables = await t.sql<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    expect(tables.map((table) => table.name).filter((name) => !(name in APP_PRIVILEGES))).toEqual([]);
    const granted = await t.sql<{ table: string; privileges: string[] }>(
      `SELECT table_name AS table, array_agg(privilege_type::text ORDER BY privilege_type) AS privileges
       FROM information_schema.role_table_grants WHERE grantee = $1 AND table_schema = 'public' GROUP BY table_name`,
      [derivedAppRole(t.database.url).name],
    );
    expect(Object.fromEntries(granted.map((row) => [row.table, row.privileges]))).toEqual(
      Object.fromEntries(Object.entries(APP_PRIVILEGES).map(([table, allowed]) => [table, [...allowed].sort()])),
    );
  });
});

describe('start-up', () => {
  it('refuses a DATABASE_APP_URL that connects as the owner', async () => {
    const database = await createTestDatabase();
    try {
      const server = startServerProcess({
        DATABASE_URL: database.url,
        DATABASE_APP_URL: database.url,
        PORT: String(await freePort()),
      });
      expect(await server.exited).toBe(1);
      expect(server.output()).toMatch(/Configuration error: DATABASE_APP_URL: the service's role \S+ is a superuser/);
    } finally {
      await database.drop();
    }
  });

  it('serves with a DATABASE_APP_URL naming a role of its own', async () => {
    const database = await createTestDatabase();
    try {
      const server = startServerProcess({
        DATABASE_URL: database.url,
        DATABASE_APP_URL: database.appUrl,
        PORT: String(await freePort()),
      });
      await server.waitUntilReady();
      expect(await server.stop()).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
