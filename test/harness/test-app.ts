import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { UsersService } from '../../src/auth/users.service.js';
import { systemActor } from '../../src/common/access/audit-actor.js';
import type { Role } from '../../src/common/access/role.js';
import { createApp } from '../../src/create-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  /** Every SQL statement the application sent, in order; clear it with `queries.length = 0`. */
  queries: string[];
  /** Every log line the application wrote (at the level given to startTestApp; default silent). */
  logs: string[];
  http(): ReturnType<typeof request>;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; apiKey?: string; headers?: Record<string, string> },
  ): Promise<GraphqlResponse<T>>;
  /** Runs SQL directly against this file's database, to check what was stored. */
  sql<R extends Record<string, any> = Record<string, any>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Creates a user directly (no audit actor) and signs them in; returns their id and an access token. */
  signUp(email: string, roles?: Role[], password?: string): Promise<{ id: string; token: string; password: string }>;
  close(): Promise<void>;
}

export const TEST_TOKEN_SECRET = 'test-token-secret-that-is-long-enough-0123456789';

/** The real application on a database of its own; call `close()` in afterAll. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const queries: string[] = [];
  const logs: string[] = [];
  const logSink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await createApp(
    {
      config: {
        ...loadConfig({}),
        logLevel: 'silent',
        nodeEnv: 'test',
        tokenSecret: TEST_TOKEN_SECRET,
        trustProxyHops: 1,
        ...overrides,
      },
      databaseUrl: database.url,
      onQuery: (sql) => queries.push(sql),
    },
    logSink,
  );
  await app.init();
  const server = app.getHttpServer();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const testApp: TestApp = {
    app,
    database,
    queries,
    logs,
    http: () => request(server),
    async gql(query, variables, options) {
      let req = request(server).post('/graphql').set('content-type', 'application/json');
      if (options?.token) req = req.set('authorization', `Bearer ${options.token}`);
      if (options?.apiKey) req = req.set('authorization', `ApiKey ${options.apiKey}`);
      for (const [name, value] of Object.entries(options?.headers ?? {})) req = req.set(name, value);
      const response = await req.send({ query, variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    async sql(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async signUp(email, roles = [], password = `password-of-${email}`) {
      const user = await app.get(UsersService).createUser({ email, password, roles }, systemActor('test'));
      const { data, errors } = await testApp.gql<{ login: { token: string } }>(
        `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
        { email, password },
        // Each sign-up counts as a sign-in attempt; spread them over addresses to keep clear of the limit.
        {
          headers: { 'x-forwarded-for': `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
        },
      );
      if (errors) throw new Error(`sign-in failed: ${JSON.stringify(errors)}`);
      return { id: user.id, token: data!.login.token, password };
    },
    async close() {
      await pool.end();
      await app.close();
      await database.drop();
    },
  };
  return testApp;
}
