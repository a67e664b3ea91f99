// `npm run bench:metrics`: what counting a request for /metrics costs on the hot path. Two copies of the
// application run in this process on one fresh database, one with metrics on and one with them off; rounds of
// `{ country(iso3: "KEN") { iso3 name } }` are sent to each in turn through Fastify's inject (no sockets, so the
// server's own work is what is measured), and the medians of the rounds' CPU and wall time per request compared.
// Settings: DATABASE_URL (a server to create the database on; embedded PostgreSQL otherwise), BENCH_ROUNDS (20),
// BENCH_REQUESTS (requests per round, 2000), BENCH_LOG_LEVEL (silent), BENCH_CONTROL=1 (both copies with metrics off:
// an A/A run, to see how far apart two identical copies measure on this machine).
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse } from 'graphql';
import pg from 'pg';
import { prepareAppDatabase } from '../src/app-database.js';
import { Metrics, OPERATION } from '../src/common/metrics/metrics.js';
import { loadConfig, type LogLevel } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../src/database/throwaway-postgres.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const perRound = Number(process.env.BENCH_REQUESTS ?? 2000);
const logLevel = (process.env.BENCH_LOG_LEVEL ?? 'silent') as LogLevel;
const control = process.env.BENCH_CONTROL === '1';
const offFirst = process.env.BENCH_FIRST === 'off';
const QUERY = JSON.stringify({ query: '{ country(iso3: "KEN") { iso3 name } }' });

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function round(app: NestFastifyApplication): Promise<{ cpuUs: number; wallUs: number }> {
  const fastify = app.getHttpAdapter().getInstance();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < perRound; i += 1) {
    const response = await fastify.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: QUERY,
    });
    if (response.statusCode !== 200) throw new Error(`unexpected answer: ${response.body}`);
  }
  const wallUs = ((performance.now() - started) * 1000) / perRound;
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / perRound, wallUs };
}

/**
 * What the end-to-end comparison cannot resolve on a busy machine: the time of the one call a response adds
 * (Metrics.requestCompleted: a WeakMap lookup, a counter increment, a histogram observation), a million times.
 */
function directCost(): string {
  const metrics = new Metrics();
  const operation = parse('query CountryByCode { country(iso3: "KEN") { iso3 name } }').definitions[0];
  const request = { [OPERATION]: operation, url: '/graphql' } as unknown as FastifyRequest;
  const reply = { elapsedTime: 0.3 } as FastifyReply;
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 1e6; i += 1) metrics.requestCompleted(request, reply);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return `direct cost of counting one response: median ${median(times).toFixed(0)} ns (5 runs of a million calls)`;
}

async function main(): Promise<void> {
  let embedded: ThrowawayPostgres | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startThrowawayPostgres('bench-metrics');
    serverUrl = embedded.url;
  }
  const database = `registry_bench_metrics_${process.pid}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const apps: NestFastifyApplication[] = [];
  try {
    const url = withDatabase(serverUrl, database);
    await prepareAppDatabase(url);
    const base = { ...loadConfig({}), logLevel, tokenSecret: 'x'.repeat(32) };
    for (const metricsEnabled of [true, false]) {
      const app = (await createApp({
        config: { ...base, metricsEnabled },
        databaseUrl: url,
      })) as NestFastifyApplication;
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      apps.push(app);
    }
    const [on, off] = apps;
    // Warm-up: graphql-jit compiles the query on its second sighting; prepared statements get planned.
    await round(on);
    await round(off);
    const results = { on: [] as { cpuUs: number; wallUs: number }[], off: [] as { cpuUs: number; wallUs: number }[] };
    for (let i = 0; i < rounds; i += 1) {
      // Alternate which goes first, so that neither always runs on a warmer (or busier) machine.
      if (i % 2 === 0) {
        results.on.push(await round(on));
        results.off.push(await round(off));
      } else {
        results.off.push(await round(off));
        results.on.push(await round(on));
      }
    }
    const summary = (key: 'cpuUs' | 'wallUs') => {
      const onMedian = median(results.on.map((r) => r[key]));
      const offMedian = median(results.off.map((r) => r[key]));
      const pairs = results.on.map((r, index) => r[key] - results.off[index][key]);
      return { on: onMedian, off: offMedian, pairedDelta: median(pairs), relative: median(pairs) / offMedian };
    };
    const cpu = summary('cpuUs');
    const wall = summary('wallUs');
    const show = (name: string, s: typeof cpu) =>
      `${name}: metrics on ${s.on.toFixed(1)} µs, off ${s.off.toFixed(1)} µs per request; median paired difference ` +
      `${s.pairedDelta.toFixed(1)} µs (${(s.relative * 100).toFixed(1)} %)`;
    process.stdout.write(`${directCost()}\n`);
    process.stdout.write(
      `${rounds} interleaved rounds of ${perRound} requests each, log level ${logLevel}, ` +
        `${control ? 'A/A control (both off)' : 'metrics on vs off'}, ${offFirst ? 'off' : 'on'} created first\n` +
        `${show('CPU ', cpu)}\n${show('wall', wall)}\n`,
    );
  } finally {
    for (const app of apps) await app.close();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  }
}

await main();
