import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
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
  http(): ReturnType<typeof request>;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string },
  ): Promise<GraphqlResponse<T>>;
  /** Runs SQL directly against this file's database, to check what was stored. */
  sql<R extends Record<string, any> = Record<string, any>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export const TEST_TOKEN_SECRET = 'test-token-secret-that-is-long-enough-0123456789';

/** The real application on a database of its own; call `close()` in afterAll. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const queries: string[] = [];
  const app = await createApp({
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
  });
  await app.init();
  const server = app.getHttpServer();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  return {
    app,
    database,
    queries,
    http: () => request(server),
    async gql(query, variables, options) {
      let req = request(server).post('/graphql').set('content-type', 'application/json');
      if (options?.token) req = req.set('authorization', `Bearer ${options.token}`);
      const response = await req.send({ query, variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    async sql(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async close() {
      await pool.end();
      await app.close();
      await database.drop();
    },
  };
}
