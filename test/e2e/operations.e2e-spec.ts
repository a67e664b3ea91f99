import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { graphql, queryText } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const GROUP_KEYS = graphql(`
  {
    countryGroups {
      key
    }
  }
`);

describe('operations', () => {
  it('answers liveness without touching the database', async () => {
    t.queries.length = 0;
    const response = await t.http().get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(t.queries).toHaveLength(0);
  });

  it('answers readiness after checking the database', async () => {
    const response = await t.http().get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body.details.database.status).toBe('up');
  });

  it('answers readiness with 503 while the database refuses connections, and 200 again after', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${t.database.name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [t.database.name]);
      const down = await t.http().get('/health/ready').timeout(5000);
      expect(down.status).toBe(503);
      expect(down.body.details.database.status).toBe('down');
      expect((await t.http().get('/health/live')).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE "${t.database.name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    const up = await t.http().get('/health/ready');
    expect(up.status).toBe(200);
  });

  it('echoes a well-formed X-Request-Id and makes one up otherwise', async () => {
    const given = await t.http().get('/health/live').set('x-request-id', 'trace-42');
    expect(given.headers['x-request-id']).toBe('trace-42');
    const made = await t.http().get('/health/live').set('x-request-id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a request body over 1 MB with 413', async () => {
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: queryText(GROUP_KEYS), padding: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
  });

  it('hides internal failures behind INTERNAL_SERVER_ERROR without SQL or stack', async () => {
    await t.sql('ALTER TABLE country_group RENAME TO country_group_moved');
    try {
      const { errors } = await t.gql(GROUP_KEYS);
      expect(errors![0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(errors)).not.toMatch(/country_group|relation|stack/i);
    } finally {
      await t.sql('ALTER TABLE country_group_moved RENAME TO country_group');
    }
  });
});

describe('request logs', () => {
  it('carry the request id on the completion line and on any line written while serving', async () => {
    const logged = await startTestApp({ logLevel: 'info' });
    const send = (id: string) =>
      logged
        .http()
        .post('/graphql')
        .set('x-request-id', id)
        .send({ query: queryText(GROUP_KEYS) });
    try {
      expect((await send('trace-7')).status).toBe(200);
      await logged.sql('ALTER TABLE country_group RENAME TO country_group_moved');
      try {
        await send('trace-8');
      } finally {
        await logged.sql('ALTER TABLE country_group_moved RENAME TO country_group');
      }
      const lines = logged.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(expect.objectContaining({ reqId: 'trace-7', msg: 'request completed' }));
      expect(lines).toContainEqual(expect.objectContaining({ reqId: 'trace-8', msg: 'unexpected error' }));
    } finally {
      await logged.close();
    }
  });
});
