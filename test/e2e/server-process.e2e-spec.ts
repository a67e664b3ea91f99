import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { graphql } from '../graphql/graphql.js';
import { freePort, postGraphql, startServerProcess } from '../harness/server-process.js';

const G7_QUERY = graphql(`
  {
    countries(first: 10, filter: { groupKey: "G7" }) {
      totalCount
      edges {
        node {
          iso3
          name
        }
      }
    }
  }
`);

describe('configuration errors stop the process with a message naming the variable', () => {
  it.each([
    ['malformed', 'not-a-url'],
    ['of another scheme', 'mysql://127.0.0.1/registry'],
  ])('DATABASE_URL %s', async (_case, databaseUrl) => {
    const server = startServerProcess({ DATABASE_URL: databaseUrl, PORT: String(await freePort()) });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/^Configuration error: DATABASE_URL: /m);
  });

  it('DATABASE_URL naming a server that does not answer', async () => {
    const server = startServerProcess({
      DATABASE_URL: `postgres://postgres:secret-word@127.0.0.1:${await freePort()}/registry`,
      PORT: String(await freePort()),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Configuration error: DATABASE_URL: could not connect/);
    expect(server.output()).not.toContain('secret-word');
  });

  it('PORT that is not a number', async () => {
    const server = startServerProcess({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toBe('Configuration error: PORT: must be a whole number, got "eighty"');
  });
});

describe('embedded default database', () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the G7 query with no DATABASE_URL, keeps its data across a stop and start, and exits cleanly', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'registry-embedded-'));
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    };

    const first = startServerProcess(env);
    await first.waitUntilReady(120000);
    const g7 = await postGraphql(first.port, G7_QUERY, { 'x-request-id': 'embedded-g7-check' });
    expect(g7.data!.countries.totalCount).toBe(7);
    expect(g7.data!.countries.edges.map((edge) => edge.node.iso3)).toEqual([
      'CAN',
      'DEU',
      'FRA',
      'GBR',
      'ITA',
      'JPN',
      'USA',
    ]);
    const un = await postGraphql(
      first.port,
      graphql(`
        {
          countries(filter: { unMember: true }) {
            totalCount
          }
        }
      `),
    );
    expect(un.data!.countries.totalCount).toBe(193);

    // Write something the seed would never write, straight into the embedded server.
    const password = (await readFile(path.join(dataDir, 'postgres-password'), 'utf8')).trim();
    const client = new pg.Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/registry`,
    });
    await client.connect();
    await client.query(
      `INSERT INTO country_group (key, name) VALUES ('PERSISTENCE_CHECK', 'Written before a restart')`,
    );
    await client.end();

    expect(await first.stop('SIGTERM')).toBe(0);
    // Structured logs: one JSON line per request, carrying its id.
    const requestLine = first
      .output()
      .split('\n')
      .find((line) => line.includes('embedded-g7-check'));
    expect(JSON.parse(requestLine!)).toMatchObject({
      req: { id: 'embedded-g7-check', method: 'POST' },
      res: { statusCode: 200 },
    });
    expect(first.output()).toMatch(/applied migrations/);
    // No TOKEN_SECRET outside production: one is generated, kept beside the data, and said so.
    expect(first.output()).toMatch(/TOKEN_SECRET is not set: generated a random one/);
    const tokenSecret = await readFile(path.join(dataDir, 'token-secret'), 'utf8');
    expect(tokenSecret.trim().length).toBeGreaterThanOrEqual(32);
    expect(first.output()).not.toContain(tokenSecret.trim());

    const second = startServerProcess(env);
    await second.waitUntilReady(120000);
    const kept = await postGraphql(
      second.port,
      graphql(`
        {
          countryGroup(key: "PERSISTENCE_CHECK") {
            name
          }
        }
      `),
    );
    expect(kept.data!.countryGroup).toEqual({ name: 'Written before a restart' });
    expect(await second.stop('SIGINT')).toBe(0);
    // Nothing to migrate the second time: the data directory was reused, not initialised again.
    expect(second.output()).not.toMatch(/applied migrations|initialising embedded/);
    expect(second.output()).toMatch(/using the generated secret kept in/);
  }, 240000);
});
