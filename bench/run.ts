// `npm run bench`: starts the built server on a fresh database and drives it over HTTP with autocannon.
// Settings: DATABASE_URL (a server to create the bench database on; embedded PostgreSQL otherwise),
// BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS (default 10),
// BENCH_LOG_LEVEL (the server's LOG_LEVEL, default info), BENCH_ONLY (substring of scenario names),
// BENCH_DISCLOSURES_FROM (a database on the same server that `npm run generate:disclosures` filled: the bench
// database starts as a copy of it instead of generating the registry again), GEN_SCALE (the generated registry's
// size, default 1: 1,000,000 filings), BENCH_CPU_PROF (a folder for the server's CPU profile), BENCH_ROUNDS
// (rounds of ours-then-floor after the first pair, default 2: the ratio is the median of all pairs').
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from '../src/common/free-port.js';
import { projectFile } from '../src/common/project-file.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../src/database/throwaway-postgres.js';
import { generateDisclosures } from './generate-disclosures.js';
import { GENERATED, generateGovernance } from './generate-governance.js';
import { generateOversight } from './generate-oversight.js';
import { BENCH_REGULATOR } from './oversight-scenarios.js';
import { scenarios } from './scenarios.js';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const BENCH_ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password-1' };

/** Signs in `times` times in a row; returns the last token and the mean time of one sign-in. */
async function measureLogin(url: string, times: number): Promise<{ token: string; meanMs: number }> {
  const body = JSON.stringify({
    query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    variables: { e: BENCH_ADMIN.email, p: BENCH_ADMIN.password },
  });
  let token = '';
  const started = performance.now();
  for (let i = 0; i < times; i += 1) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    token = ((await response.json()) as any).data.login.token;
  }
  return { token, meanMs: (performance.now() - started) / times };
}
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BENCH_REGULATOR_USER = { email: 'bench-regulator@example.org', password: 'bench-regulator-password-1' };

/** One GraphQL request; throws on errors. */
async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = (await (
    await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) })
  ).json()) as any;
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body.data;
}

/** A REGULATOR user made a member of the bench regulator through the API (as the admin), signed in: its token. */
async function regulatorToken(url: string, adminToken: string): Promise<string> {
  const { createUser } = await graphql(
    url,
    `
      mutation ($input: CreateUserInput!) {
        createUser(input: $input) {
          id
        }
      }
    `,
    { input: { ...BENCH_REGULATOR_USER, roles: ['REGULATOR'] } },
    adminToken,
  );
  await graphql(
    url,
    `
      mutation ($input: GrantMembershipInput!) {
        grantMembership(input: $input) {
          id
        }
      }
    `,
    { input: { userId: createUser.id, regulatorId: BENCH_REGULATOR } },
    adminToken,
  );
  const { login } = await graphql(
    url,
    `
      mutation ($e: String!, $p: String!) {
        login(email: $e, password: $p) {
          token
        }
      }
    `,
    {
      e: BENCH_REGULATOR_USER.email,
      p: BENCH_REGULATOR_USER.password,
    },
  );
  return login.token;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** CPU time (user + system, all threads) the process has used so far, in milliseconds. */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Reads `url` in full as it streams in; with the server's peak RSS meanwhile (sampled every 250 ms). */
async function streamThrough(url: string, pid: number) {
  let peakRss = 0;
  const sampler = setInterval(() => void rssMb(pid).then((mb) => (peakRss = Math.max(peakRss, mb))), 250);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`GET ${url}: HTTP ${response.status}`);
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  return { lines, mb: Math.round(bytes / 1e6), seconds: +((performance.now() - started) / 1000).toFixed(1), peakRss };
}

/** Mean latency of `times` requests sent one at a time. */
async function sequentialMs(
  url: string,
  body: string,
  headers: Record<string, string>,
  times: number,
): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < times; i += 1) await (await fetch(url, { method: 'POST', headers, body })).arrayBuffer();
  return (performance.now() - started) / times;
}

/** `clients` connections sending `body` to `url` for `seconds`; each response's latency goes into `latencies`. */
function drive(
  url: string,
  headers: Record<string, string>,
  body: string,
  seconds: number,
  latencies?: number[],
  clients = connections,
): Promise<autocannon.Result> {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, method: 'POST', headers, body, connections: clients, duration: seconds },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

/**
 * Our throughput over the floor's in BENCH_ROUNDS more rounds of `duration` seconds each, ours then the floor's in
 * each round, beside the first pair: the machine's noise moves both alike within a round, so the median of the
 * rounds' ratios is steadier than one pair (the way compare.sh measures against PostGraphile).
 */
async function roundRatios(ours: () => Promise<autocannon.Result>, floor: () => Promise<autocannon.Result>) {
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const mine = (await ours()).requests.average;
    ratios.push(mine / Math.max(1, (await floor()).requests.average));
  }
  return ratios;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/**
 * Drives `url` for a warm-up then `duration` seconds with `connections` clients: throughput, latency percentiles
 * and the CPU `pid` spent per request. Then half as long with one client: the latency of a request that waits for
 * no other. With 10 clients on 2 cores a request queues behind the others, so the loaded p95 is about five times
 * the time one request takes, whatever serves it.
 */
async function measure(url: string, headers: Record<string, string>, body: string, pid: number) {
  const run = (seconds: number, latencies?: number[], clients = connections) =>
    drive(url, headers, body, seconds, latencies, clients);
  await run(2); // warm-up: JIT, pool, caches

  let peakRss = 0;
  const sampler = setInterval(() => void rssMb(pid).then((mb) => (peakRss = Math.max(peakRss, mb))), 250);
  const latencies: number[] = [];
  const cpuBefore = await cpuMs(pid);
  const result = await run(duration, latencies);
  const cpuUsed = (await cpuMs(pid)) - cpuBefore;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const alone: number[] = [];
  await run(Math.max(2, Math.round(duration / 2)), alone, 1);
  alone.sort((a, b) => a - b);
  return {
    'req/s': Math.round(result.requests.average),
    'p50 ms': +percentile(latencies, 50).toFixed(2),
    'p95 ms': +percentile(latencies, 95).toFixed(2),
    'p99 ms': +percentile(latencies, 99).toFixed(2),
    'p95 ms, 1 client': +percentile(alone, 95).toFixed(2),
    // Less noisy than req/s on a shared machine: what one request costs the server.
    'server CPU µs/req': Math.round((cpuUsed * 1000) / Math.max(1, result.requests.total)),
    errors: result.errors + result.non2xx,
    'peak RSS MB': peakRss,
  };
}

async function main(): Promise<void> {
  let embedded: ThrowawayPostgres | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startThrowawayPostgres('bench');
    serverUrl = embedded.url;
  }
  const database = `registry_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  const copied = process.env.BENCH_DISCLOSURES_FROM;
  await admin.query(`CREATE DATABASE "${database}"${copied ? ` TEMPLATE "${copied.replaceAll('"', '""')}"` : ''}`);

  const port = await freePort();
  const startedAt = Date.now();
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = spawn(process.execPath, [...profile, projectFile('dist/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(serverUrl, database),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      NODE_ENV: 'production',
      TOKEN_SECRET: 'bench-token-secret-0123456789-0123456789',
      BOOTSTRAP_ADMIN_EMAIL: BENCH_ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      // The sign-in timing signs one account in BENCH_LOGINS times in a row.
      LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  let stopFloor = async (): Promise<unknown> => undefined;
  try {
    for (;;) {
      if (Date.now() - startedAt > 60000) throw new Error('server not ready after 60 s');
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      if (ready?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const readyMs = Date.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRss = await rssMb(server.pid!);
    console.log(`server ready in ${readyMs} ms (fresh database, migrations and seed included); idle RSS ${idleRss} MB`);
    const login = await measureLogin(url, Number(process.env.BENCH_LOGINS ?? 20));
    console.log(`login: ${login.meanMs.toFixed(1)} ms per sign-in (mean, one at a time; scrypt N=2^15)`);
    // The access check of a signed-in request (token verification and one user lookup), as the difference
    // between the same query with and without a token, one request at a time, interleaved to share the noise.
    const meBody = JSON.stringify({ query: '{ me { id } }' });
    const json = { 'content-type': 'application/json' };
    let anonymousMs = 0;
    let signedInMs = 0;
    for (let round = 0; round < 5; round += 1) {
      anonymousMs += await sequentialMs(url, meBody, json, 200);
      signedInMs += await sequentialMs(url, meBody, { ...json, authorization: `Bearer ${login.token}` }, 200);
    }
    const accessCheckUs = ((signedInMs - anonymousMs) / 5) * 1000;
    console.log(
      `access check: ${Math.round(accessCheckUs)} µs per signed-in request (${(anonymousMs / 5).toFixed(2)} vs ${(signedInMs / 5).toFixed(2)} ms)`,
    );
    console.log(
      `${duration} s per scenario, ${connections} connections, server LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'info'}\n`,
    );

    const floorPort = await freePort();
    const floor = spawn(process.execPath, [projectFile('dist/bench/floor-server.js')], {
      env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, database), PORT: String(floorPort) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    stopFloor = () => new Promise((resolve) => (floor.kill('SIGTERM'), floor.once('exit', resolve)));

    const selected = scenarios.filter((s) => !process.env.BENCH_ONLY || s.name.includes(process.env.BENCH_ONLY));
    const ordered = [
      ...selected.filter((s) => !s.dataset),
      ...selected.filter((s) => s.dataset === 'generated'),
      ...selected.filter((s) => s.dataset === 'disclosures'),
      ...selected.filter((s) => s.dataset === 'oversight'),
    ];
    let regulatorBearer = '';
    const generation: Record<string, unknown> = {};
    const generators = {
      generated: async () => {
        const client = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
        client.on('error', () => undefined); // ended by DROP DATABASE if generation fails
        await client.connect();
        try {
          await generateGovernance(client);
        } finally {
          await client.end();
        }
        return `${GENERATED.parties} parties x ${GENERATED.initiatives} initiatives, ${GENERATED.events} participation events`;
      },
      disclosures: async () => {
        const report = await generateDisclosures(withDatabase(serverUrl, database), {
          scale: Number(process.env.GEN_SCALE ?? 1),
          log: (line) => console.log(line),
        });
        generation.disclosures = report;
        return `${report.companies} companies, ${report.aiSystems} AI systems (${report.deployments} deployments), ${report.disclosures} disclosures (${report.amendments} amendments, ${report.confidential} with a confidential field); database ${(report.databaseBytes / 1e9).toFixed(2)} GB`;
      },
      // On the disclosure registry, generated first when it is not there yet.
      oversight: async (): Promise<string> => {
        if (!ready.has('disclosures')) {
          const started = Date.now();
          console.log(`generated ${await generators.disclosures()} in ${Date.now() - started} ms`);
          ready.add('disclosures');
        }
        const client = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
        client.on('error', () => undefined);
        await client.connect();
        try {
          const report = await generateOversight(client, (line) => console.log(line));
          generation.oversight = report;
          regulatorBearer = await regulatorToken(url, login.token);
          return `${report.regulators} regulators in ${report.jurisdictions} jurisdictions, ${report.requirements} requirements, ${report.certifications} certifications (+${report.certificationHistory} history rows), ${report.enforcementActions} enforcement actions (${report.penalties} penalties, +${report.enforcementHistory} history rows), ${report.reviews} reviews (${report.openReviews} open; filings now ${report.underReview} UNDER_REVIEW, ${report.accepted} ACCEPTED); oversight in ${report.seconds} s`;
        } finally {
          await client.end();
        }
      },
    };
    const ready = new Set<string>(copied ? ['disclosures'] : []);
    if (copied) console.log(`the disclosure registry copied from database ${copied}`);
    const results = [];
    for (const scenario of ordered) {
      if (scenario.dataset && !ready.has(scenario.dataset)) {
        const started = Date.now();
        const made = await generators[scenario.dataset]();
        console.log(`generated ${made} in ${Date.now() - started} ms`);
        ready.add(scenario.dataset);
      }
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (scenario.signedIn) {
        headers.authorization = `Bearer ${scenario.signedIn === 'regulator' ? regulatorBearer : login.token}`;
      }
      const first = await fetch(url, { method: 'POST', headers, body });
      const ourAnswer = await first.json();
      scenario.check(ourAnswer);
      const streaming = scenario.during
        ? streamThrough(`http://127.0.0.1:${port}${scenario.during}`, server.pid!)
        : undefined;
      const ours = await measure(url, headers, body, server.pid!);
      const row: Record<string, string | number> = { scenario: scenario.name, ...ours };
      if (streaming) {
        // The stream outlasts the scenario: its peak RSS counts until it ends.
        const streamed = await streaming;
        row['peak RSS MB'] = Math.max(ours['peak RSS MB'], streamed.peakRss);
        row.streamed = `${streamed.lines} lines, ${streamed.mb} MB in ${streamed.seconds} s`;
      }
      if (scenario.floor) {
        const floorUrl = `http://127.0.0.1:${floorPort}/${encodeURIComponent(scenario.name)}`;
        const floorAnswer = await (await fetch(floorUrl, { method: 'POST', body: '{}' })).json();
        scenario.check(floorAnswer);
        if (scenario.same && !isDeepStrictEqual(floorAnswer, ourAnswer)) {
          throw new Error(
            `${scenario.name}: the floor's answer differs from ours\n ours: ${JSON.stringify(ourAnswer).slice(0, 600)}\nfloor: ${JSON.stringify(floorAnswer).slice(0, 600)}`,
          );
        }
        const measured = await measure(floorUrl, {}, '{}', floor.pid!);
        row['floor req/s'] = measured['req/s'];
        row['floor p95 ms'] = measured['p95 ms'];
        row['floor p95 ms, 1 client'] = measured['p95 ms, 1 client'];
        row['floor CPU µs/req'] = measured['server CPU µs/req'];
        const ratios = [
          ours['req/s'] / Math.max(1, measured['req/s']),
          ...(await roundRatios(
            () => drive(url, headers, body, duration),
            () => drive(floorUrl, {}, '{}', duration),
          )),
        ].sort((a, b) => a - b);
        row['req/s vs floor'] = +percentile(ratios, 50).toFixed(2);
        row['ratio per round'] = ratios.map((ratio) => ratio.toFixed(2)).join(' ');
        // Apart from ours: a floor that times out (a live overview at 10 clients) is a figure, not our failure.
        row['floor errors'] = measured.errors;
      }
      results.push(row);
    }
    console.table(results);
    await mkdir(projectFile('.bench'), { recursive: true });
    const file = projectFile(`.bench/results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(
      file,
      JSON.stringify(
        { readyMs, idleRss, loginMs: login.meanMs, accessCheckUs, duration, connections, generation, results },
        null,
        2,
      ),
    );
    console.log(`\nwritten to ${path.relative(projectFile(''), file)}`);
    if (results.some((row) => Number(row.errors) > 0)) process.exitCode = 1;
  } catch (error) {
    console.error(error);
    throw error;
  } finally {
    await stopFloor();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
