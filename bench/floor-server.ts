// The floor for the bench: bare node:http + pg, one hand-written prepared statement per request in which
// PostgreSQL builds the whole JSON body, passed through as text. POST /<scenario name> runs that scenario's
// `floor` statement; nothing else. Settings: DATABASE_URL, PORT, PG_POOL (default 10).
import http from 'node:http';
import pg from 'pg';
import { scenarios } from './scenarios.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL ?? 10) });
// Connections end when the bench drops its database; that is not this server's error.
pool.on('error', () => undefined);
const asText = { getTypeParser: () => (value: string) => value };
const statements = new Map(
  scenarios
    .filter((scenario) => scenario.floor)
    .map((scenario, index) => [
      `/${encodeURIComponent(scenario.name)}`,
      {
        name: `floor_${index}`,
        text: scenario.floor!.sql,
        values: scenario.floor!.params ?? [],
        rowMode: 'array' as const,
        types: asText,
      },
    ]),
);

const server = http.createServer((req, res) => {
  const statement = statements.get(req.url ?? '');
  req.resume();
  req.on('end', () => {
    if (!statement) return void res.writeHead(404).end();
    pool.query<[string]>(statement).then(
      ({ rows }) => void res.writeHead(200, { 'content-type': 'application/json' }).end(rows[0][0]),
      (error: Error) => void res.writeHead(500).end(JSON.stringify({ errors: [{ message: error.message }] })),
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
