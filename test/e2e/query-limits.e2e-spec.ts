import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { startServerOnTestDatabase, type ServerProcess } from '../harness/server-process.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const codeOf = (answer: { errors?: { extensions?: Record<string, any> }[] }) => answer.errors?.[0]?.extensions?.code;

describe('refusals happen before any SQL runs', () => {
  it('refuses a query of 10,001 fields', async () => {
    t.queries.length = 0;
    // Not typed: built at run time.
    const answer = await t.gql(`{ countries { edges { node { ${'iso3 '.repeat(10_001)} } } } }`);
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('GRAPHQL_PARSE_FAILED');
    expect(answer.errors![0].message).toMatch(/more tha. 10000 tokens/);
    expect(t.queries).toEqual([]);
  });

  it('still refuses it when the token limit is raised', async () => {
    const roomy = await startTestApp({ maxQueryTokens: 1_000_000 });
    try {
      roomy.queries.length = 0;
      const answer = await roomy.gql(`{ countries { edges { node { ${'iso3 '.repeat(10_001)} } } } }`);
      expect(answer.status).toBe(400);
      expect(['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX']).toContain(codeOf(answer));
      expect(roomy.queries).toEqual([]);
    } finally {
      await roomy.close();
    }
  });

  const memberCountFlood = (aliases: number) =>
    `{ countryGroup(key: "G7") { ${Array.from({ length: aliases }, (_, i) => `m${i}: memberCount(asOf: "${2000 + (i % 20)}-01-01")`).join(' ')} } }`;

  it('refuses a flood of aliases of a field that runs SQL', async () => {
    t.queries.length = 0;
    const answer = await t.gql(memberCountFlood(200));
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors![0].message).toMatch(/Aliases limit of 30 exceeded/);
    expect(t.queries).toEqual([]);
  });

  it('counts each alias of a SQL-backed field towards the cost, whatever the alias limit', async () => {
    const roomy = await startTestApp({ maxQueryAliases: 100_000, maxQueryTokens: 1_000_000 });
    try {
      roomy.queries.length = 0;
      const answer = await roomy.gql(memberCountFlood(6_000));
      expect(codeOf(answer)).toBe('QUERY_TOO_COMPLEX');
      expect(answer.errors![0].extensions!.cost).toBeGreaterThan(6_000);
      expect(roomy.queries).toEqual([]);
    } finally {
      await roomy.close();
    }
  });

  it('refuses 2,400 aliased totalCount fields', async () => {
    t.queries.length = 0;
    const answer = await t.gql(
      `{ ${Array.from({ length: 2_400 }, (_, i) => `c${i}: countries(first: 1) { totalCount }`).join(' ')} }`,
    );
    expect(answer.status).toBe(400);
    expect(t.queries).toEqual([]);
  });

  it('answers a variable nested 6,000 arrays deep as the caller’s error, not a crash', async () => {
    // The body is written by hand: JSON libraries of the test client itself recurse too deeply on such a value.
    const deep = `${'['.repeat(6_000)}"x"${']'.repeat(6_000)}`;
    const post = (query: string, variables: string) =>
      t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send(`{"query": ${JSON.stringify(query)}, "variables": ${variables}}`);
    const declared = await post('query ($key: String!) { countryGroup(key: $key) { key } }', `{"key": ${deep}}`);
    expect(declared.status).toBe(400);
    expect(declared.body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    const unused = await post('{ countryGroup(key: "G7") { key } }', `{"unused": ${deep}}`);
    expect(unused.status).toBeLessThan(500);
    expect(unused.body.errors?.[0]?.extensions?.code ?? 'ok').not.toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('standard tooling', () => {
  it('accepts the real introspection query (what GraphiQL and code generators send)', async () => {
    const answer = await t.gql(getIntrospectionQuery());
    expect(answer.errors).toBeUndefined();
    const types = (answer.data!.__schema as { types: { name: string }[] }).types.map((type) => type.name);
    expect(types).toEqual(expect.arrayContaining(['Country', 'Query', 'Mutation']));
  });
});

describe('memory', () => {
  let running: Awaited<ReturnType<typeof startServerOnTestDatabase>>;
  let server: ServerProcess;
  beforeAll(async () => {
    running = await startServerOnTestDatabase({ LOG_LEVEL: 'warn' });
    server = running.server;
  });
  afterAll(() => running.stop());

  const rssMb = async () =>
    Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${server.child.pid}/status`, 'utf8'))![1]) / 1024;

  it('keeps nothing of variables a query does not declare: 1,000 requests with a distinct 100 KB one each', async () => {
    const url = `http://127.0.0.1:${server.port}/graphql`;
    const send = (i: number) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ countryGroup(key: "G7") { memberCount } }',
          variables: { unused: `${i}:${'x'.repeat(100_000)}` },
        }),
      }).then((response) => response.json() as Promise<{ data?: unknown }>);
    for (let i = 0; i < 50; i += 1) await send(i); // warm up: JIT, pools, caches
    const before = await rssMb();
    for (let batch = 0; batch < 100; batch += 1) {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, j) => send(1_000 + batch * 10 + j)));
      for (const answer of answers) expect(answer.data).toEqual({ countryGroup: { memberCount: 7 } });
    }
    const after = await rssMb();
    expect(after - before).toBeLessThan(50);
  });
});
