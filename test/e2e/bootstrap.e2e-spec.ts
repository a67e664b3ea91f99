import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { projectFile } from '../../src/common/project-file.js';
import { graphql } from '../graphql/graphql.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { freePort, postGraphql, startServerProcess } from '../harness/server-process.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

function runCli(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [projectFile('dist/src/cli/create-user.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.url, LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdin.end(stdin ?? '');
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function rolesOf(email: string): Promise<string[] | undefined> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT array_agg(r.role ORDER BY r.role) AS roles FROM app_user u JOIN user_role r ON r.user_id = u.id
       WHERE lower(u.email) = lower($1) GROUP BY u.id`,
      [email],
    );
    return rows[0]?.roles;
  } finally {
    await client.end();
  }
}

describe('the first admin', () => {
  it('comes from the command line, with the password from the environment', async () => {
    const { code, output } = await runCli(['--email', 'cli-admin@example.org', '--role', 'ADMIN'], {
      NEW_USER_PASSWORD: 'cli-admin-password-1',
    });
    expect(output).toMatch(/created cli-admin@example.org/);
    expect(code).toBe(0);
    expect(await rolesOf('cli-admin@example.org')).toEqual(['ADMIN']);
    expect(output).not.toContain('cli-admin-password-1');
  });

  it('comes from the command line, with the password from standard input', async () => {
    const { code } = await runCli(
      ['--email', 'stdin-curator@example.org', '--role', 'curator'],
      {},
      'stdin-password-123\n',
    );
    expect(code).toBe(0);
    expect(await rolesOf('stdin-curator@example.org')).toEqual(['CURATOR']);
  });

  it('refuses a short password and an unknown role, creating nothing', async () => {
    const short = await runCli(['--email', 'short@example.org', '--role', 'ADMIN'], { NEW_USER_PASSWORD: 'short' });
    expect(short.code).not.toBe(0);
    expect(short.output).toMatch(/password/);
    const unknown = await runCli(['--email', 'unknown@example.org', '--role', 'OWNER'], {
      NEW_USER_PASSWORD: 'long-enough-password',
    });
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toMatch(/--role: OWNER/);
    expect(await rolesOf('short@example.org')).toBeUndefined();
    expect(await rolesOf('unknown@example.org')).toBeUndefined();
  });

  it('comes from BOOTSTRAP_ADMIN_* at start-up when no admin exists, and only then', async () => {
    const fresh = await createTestDatabase();
    try {
      const env = {
        DATABASE_URL: fresh.url,
        PORT: String(await freePort()),
        TOKEN_SECRET: 'bootstrap-test-secret-0123456789-abcdef',
        BOOTSTRAP_ADMIN_EMAIL: 'first-admin@example.org',
        BOOTSTRAP_ADMIN_PASSWORD: 'first-admin-password-1',
      };
      const first = startServerProcess(env);
      await first.waitUntilReady();
      const login = await postGraphql(
        first.port,
        graphql(`
          mutation {
            login(email: "first-admin@example.org", password: "first-admin-password-1") {
              user {
                roles
              }
            }
          }
        `),
      );
      expect(login.data!.login.user.roles).toEqual(['ADMIN']);
      expect(await first.stop()).toBe(0);
      expect(first.output()).toMatch(/created the first admin/);
      expect(first.output()).not.toContain('first-admin-password-1');

      const second = startServerProcess({ ...env, BOOTSTRAP_ADMIN_PASSWORD: 'a-different-password-2' });
      await second.waitUntilReady();
      const again = await postGraphql(
        second.port,
        graphql(`
          mutation {
            login(email: "first-admin@example.org", password: "first-admin-password-1") {
              token
            }
          }
        `),
      );
      expect(again.errors).toBeUndefined();
      expect(await second.stop()).toBe(0);
      expect(second.output()).toMatch(/an admin exists/);
    } finally {
      await fresh.drop();
    }
  }, 120000);
});

/** Posts an operation with variables to a server process. */
async function post(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ data?: Record<string, any> | null; errors?: { extensions?: Record<string, any> }[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, any> | null;
    errors?: { extensions?: Record<string, any> }[];
  };
}

describe('BOOTSTRAP_ADMIN_* never fails a start', () => {
  it('leaves an existing user with that email as it is when no admin exists, and starts (exit 0 on SIGTERM)', async () => {
    const fresh = await createTestDatabase();
    try {
      const created = await runCli(['--email', 'taken@example.org', '--role', 'CURATOR'], {
        DATABASE_URL: fresh.url,
        NEW_USER_PASSWORD: 'taken-password-123',
      });
      expect(created.code).toBe(0);
      const server = startServerProcess({
        DATABASE_URL: fresh.url,
        PORT: String(await freePort()),
        TOKEN_SECRET: 'bootstrap-test-secret-0123456789-abcdef',
        BOOTSTRAP_ADMIN_EMAIL: 'Taken@example.org',
        BOOTSTRAP_ADMIN_PASSWORD: 'another-password-456',
      });
      await server.waitUntilReady();
      expect(await server.stop()).toBe(0);
      expect(server.output()).toMatch(/a user with the email Taken@example.org exists: left as it is/);
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT array_agg(r.role) AS roles FROM app_user u JOIN user_role r ON r.user_id = u.id GROUP BY u.id`,
        );
        expect(rows).toEqual([{ roles: ['CURATOR'] }]);
      } finally {
        await client.end();
      }
    } finally {
      await fresh.drop();
    }
  }, 120000);

  it('restarts (exit 0) after the only admin was refused stepping down or disabling themselves', async () => {
    const fresh = await createTestDatabase();
    try {
      const env = {
        DATABASE_URL: fresh.url,
        PORT: String(await freePort()),
        TOKEN_SECRET: 'bootstrap-test-secret-0123456789-abcdef',
        BOOTSTRAP_ADMIN_EMAIL: 'sole-admin@example.org',
        BOOTSTRAP_ADMIN_PASSWORD: 'sole-admin-password-1',
      };
      const first = startServerProcess(env);
      await first.waitUntilReady();
      const login = await post(
        first.port,
        `mutation { login(email: "sole-admin@example.org", password: "sole-admin-password-1") { token user { id } } }`,
      );
      const token = login.data!.login.token as string;
      const id = login.data!.login.user.id as string;
      const auth = { authorization: `Bearer ${token}` };
      const revoke = await post(
        first.port,
        `mutation ($id: ID!) { revokeRole(userId: $id, role: ADMIN) { id } }`,
        { id },
        auth,
      );
      expect(revoke.errors![0].extensions!.code).toBe('CONFLICT');
      const disable = await post(first.port, `mutation ($id: ID!) { disableUser(userId: $id) { id } }`, { id }, auth);
      expect(disable.errors![0].extensions!.code).toBe('CONFLICT');
      expect(await first.stop()).toBe(0);

      for (const email of ['sole-admin@example.org', 'someone-else@example.org']) {
        const again = startServerProcess({ ...env, BOOTSTRAP_ADMIN_EMAIL: email });
        await again.waitUntilReady();
        expect(await again.stop()).toBe(0);
        expect(again.output()).toMatch(/an admin exists: BOOTSTRAP_ADMIN_\* ignored/);
      }
    } finally {
      await fresh.drop();
    }
  }, 120000);
});
