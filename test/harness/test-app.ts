import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DocumentNode } from 'graphql';
import pg from 'pg';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { Role } from '../../src/common/access/role.js';
import { createApp } from '../../src/create-app.js';
import { signedInUser, type SignedInUser } from '../fixtures/users.js';
import { queryText, type TadaDocumentNode } from '../graphql/graphql.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface GqlOptions {
  token?: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

/** After a typed document: its variables (required when it declares required ones), then the options. */
export type GqlArguments<Variables> =
  Record<string, never> extends Variables
    ? [variables?: Variables, options?: GqlOptions]
    : [variables: Variables, options?: GqlOptions];

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  /** Every SQL statement the application sent, in order; clear it with `queries.length = 0`. */
  queries: string[];
  /** Every log line the application wrote (at the level given to startTestApp; default silent). */
  logs: string[];
  http(): ReturnType<typeof request>;
  /** Sends a typed document (`graphql(...)` from test/graphql/graphql.ts): data typed, variables checked. */
  gql<Result, Variables>(
    document: TadaDocumentNode<Result, Variables>,
    ...rest: GqlArguments<NoInfer<Variables>>
  ): Promise<GraphqlResponse<Result>>;
  /** Sends query text as it is, for operations that cannot be typed: malformed on purpose, or built at run time. */
  gql(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GraphqlResponse>;
  /** Runs SQL directly against this file's database as its owner (a superuser), to check what was stored. */
  sql<R extends Record<string, any> = Record<string, any>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Creates a user directly (no audit actor) and signs them in: `signedInUser` of test/fixtures/users.ts. */
  signUp(email: string, roles?: Role[], password?: string): Promise<SignedInUser>;
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
      // Like the service: requests run as its restricted role, so every test exercises the grants.
      databaseUrl: database.appUrl,
      onQuery: (sql) => queries.push(sql),
    },
    logSink,
  );
  await app.init();
  // Fastify registers its routes and plugins asynchronously; supertest needs them all in place.
  await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // pool.end() resolves before its connections have closed, so the forced DROP DATABASE in close() may terminate
  // one (57P01): expected there, and not an unhandled error of whichever test runs then.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  const testApp: TestApp = {
    app,
    database,
    queries,
    logs,
    http: () => request(server),
    async gql(
      document: DocumentNode | string,
      variables?: unknown,
      options?: GqlOptions,
    ): Promise<GraphqlResponse<any>> {
      let req = request(server).post('/graphql').set('content-type', 'application/json');
      if (options?.token) req = req.set('authorization', `Bearer ${options.token}`);
      if (options?.apiKey) req = req.set('authorization', `ApiKey ${options.apiKey}`);
      for (const [name, value] of Object.entries(options?.headers ?? {})) req = req.set(name, value);
      const response = await req.send({ query: queryText(document), variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    async sql(text, params) {
      return (await pool.query(text, params)).rows;
    },
    signUp: (email, roles, password) => signedInUser(testApp, email, roles, password),
    async close() {
      await pool.end();
      await app.close();
      await database.drop();
    },
  };
  return testApp;
}
