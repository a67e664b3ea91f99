import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { projectFile } from '../../src/common/project-file.js';
import { freePort, startServerProcess } from '../harness/server-process.js';
import { createTestDatabase } from '../harness/test-database.js';

/**
 * CI has no Docker engine, so this test runs the built service the way docker/compose.yaml runs it: with exactly
 * the environment the file gives the `app` service, interpolated as compose does, and only the database (and the
 * port) swapped for the test's.
 */
interface ComposeFile {
  services: Record<string, { environment?: Record<string, string | number | boolean | null>; restart?: string }>;
}

const compose = parse(readFileSync(projectFile('docker/compose.yaml'), 'utf8')) as ComposeFile;

/** Compose's variable interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $$. */
function interpolate(value: string, variables: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, name?: string, colon?: string, operator?: string, argument?: string, bare?: string) => {
      if (match === '$$') return '$';
      if (bare) return variables[bare] ?? '';
      const given = variables[name!];
      const missing = given === undefined || (colon === ':' && given === '');
      if (operator === '-') return missing ? argument! : given!;
      if (operator === '?') {
        if (missing) throw new Error(`required variable ${name} is missing a value: ${argument}`);
        return given!;
      }
      return given ?? '';
    },
  );
}

/** The `app` service's environment as compose would pass it, given the variables of the shell running compose. */
function appEnvironment(variables: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(compose.services.app.environment ?? {}).map(([name, value]) => [
      name,
      interpolate(value === null ? '' : String(value), variables),
    ]),
  );
}

/** A password that breaks a URL written without encoding. */
const AWKWARD_PASSWORD = 'p@ss:w/rd?#%2F[1] ü';
const VARIABLES = {
  POSTGRES_PASSWORD: AWKWARD_PASSWORD,
  TOKEN_SECRET: 'compose-test-token-secret-0123456789abcdef',
  BOOTSTRAP_ADMIN_EMAIL: 'compose-admin@example.org',
  BOOTSTRAP_ADMIN_PASSWORD: 'compose admin passphrase',
};

describe('docker/compose.yaml', () => {
  it('gives the service its database by parts and every secret from the environment, with no defaults', () => {
    const env = appEnvironment(VARIABLES);
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_HOST: 'db',
      DATABASE_USER: 'registry',
      DATABASE_PASSWORD: AWKWARD_PASSWORD,
      DATABASE_NAME: 'registry',
      TOKEN_SECRET: VARIABLES.TOKEN_SECRET,
      BOOTSTRAP_ADMIN_EMAIL: VARIABLES.BOOTSTRAP_ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: VARIABLES.BOOTSTRAP_ADMIN_PASSWORD,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    // Without a password or a token secret, compose itself refuses to start, naming the variable.
    expect(() => appEnvironment({ ...VARIABLES, TOKEN_SECRET: undefined })).toThrow(
      /^required variable TOKEN_SECRET is missing a value: set TOKEN_SECRET/,
    );
    expect(() => appEnvironment({ ...VARIABLES, POSTGRES_PASSWORD: '' })).toThrow(/POSTGRES_PASSWORD/);
    // A configuration error exits 1; the restart policy gives up after a few tries instead of looping.
    expect(compose.services.app.restart).toMatch(/^on-failure:\d$/);
  });

  it('the Dockerfile runs what this test runs', () => {
    const dockerfile = readFileSync(projectFile('docker/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
  });

  it('starts with exactly that environment (the test database swapped in) and answers /health/ready', async () => {
    const database = await createTestDatabase();
    const server = new URL(database.url);
    const env = {
      ...appEnvironment(VARIABLES),
      DATABASE_HOST: server.hostname,
      DATABASE_PORT: server.port || '5432',
      DATABASE_USER: decodeURIComponent(server.username),
      DATABASE_NAME: database.name,
      // A server that trusts local connections ignores the password, so the awkward one is what reaches the URL;
      // a server that checks passwords (the embedded one) gets its own.
      ...(server.password ? { DATABASE_PASSWORD: decodeURIComponent(server.password) } : {}),
      PORT: String(await freePort()),
    };
    const process = startServerProcess(env);
    try {
      await process.waitUntilReady(120000);
      const ready = await fetch(`http://127.0.0.1:${process.port}/health/ready`);
      expect(ready.status).toBe(200);
      // BOOTSTRAP_ADMIN_* reached the service: the first admin signs in.
      const login = await fetch(`http://127.0.0.1:${process.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation SignIn($e: String!, $p: String!) { login(email: $e, password: $p) { user { roles } } }',
          variables: { e: VARIABLES.BOOTSTRAP_ADMIN_EMAIL, p: VARIABLES.BOOTSTRAP_ADMIN_PASSWORD },
        }),
      });
      expect(((await login.json()) as any).data.login.user.roles).toEqual(['ADMIN']);
      expect(process.output()).not.toContain(AWKWARD_PASSWORD);
      expect(await process.stop('SIGTERM')).toBe(0);
    } finally {
      process.child.kill('SIGKILL');
      await database.drop();
    }
  }, 180000);

  it('without TOKEN_SECRET (set empty, as compose passes an unset optional one) the service exits 1 with one line', async () => {
    const env = { ...appEnvironment(VARIABLES), TOKEN_SECRET: '', PORT: String(await freePort()) };
    const process = startServerProcess(env);
    expect(await process.exited).toBe(1);
    expect(process.output().trim()).toBe('Configuration error: TOKEN_SECRET: is required in production');
  });
});
