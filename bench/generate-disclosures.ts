// The disclosure registry at the scale it is built for, made deterministically in SQL (hashes of row numbers, no
// randomness: the same rows on every run): 100,000 companies (each with its organisation), 200,000 AI systems
// deployed in 1-3 parties each (the EU and big economies most often), and 1,000,000 filings under the three seeded
// templates, valid at submission under them: mostly accepted, some under review, rejected, or superseded by an
// accepted amendment; 3% with a confidential field. Each company's filings are a valid ledger (ledger_seq 1..n,
// previous_hash = the previous filing's content_hash, content_hash and public_hash the SHA-256 of the RFC 8785
// canonical JSON of the content and of its public view) with its ledger head; accession numbers come from the
// registry's sequence in order of submission, and the search vector is built as a submission builds it. The
// content is built in SQL as canonical text (bench/canonical-sql.ts) and hashed there; the ledgers of a sample of
// companies are then checked with the registry's own verifier and template validators (bench/verify-ledgers.ts).
//
// Alone, on a migrated and seeded database (npm run migration:run):
//   npm run generate:disclosures -- postgres://...   (or DATABASE_URL)
// GEN_SCALE (default 1) scales the three counts; GEN_WORKERS (default 2) connections insert the filings;
// GEN_VERIFY is how many companies' ledgers to check (default 300), or `all`.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { CONTENT, PUBLIC_CONTENT, TEMPLATE_SLOTS, TEMPLATES } from './disclosure-content.js';
import * as V from './disclosure-vocabulary.js';
import { below, expand, literal, pick, sha256Hex, skewed, textArray, unit } from './generator-sql.js';
import { generatedId, uuidSql } from './generated-id.js';
import { verifyLedgers, type LedgerVerification } from './verify-ledgers.js';

export const DISCLOSURES_GENERATED = { companies: 100_000, aiSystems: 200_000, disclosures: 1_000_000 } as const;

/** Submissions fall between these instants, more of them towards the end (the registry grows). */
const FIRST_SUBMISSION = '2023-01-02T00:00:00Z';
const LAST_SUBMISSION = '2026-11-15T00:00:00Z';
const SUBMISSION_SPAN_S = (Date.parse(LAST_SUBMISSION) - Date.parse(FIRST_SUBMISSION)) / 1000;

/** Filings older than a month have mostly been reviewed. */
const RECENT_STATUSES = expand<string>([
  ['SUBMITTED', 6],
  ['UNDER_REVIEW', 4],
]);
const OLDER_STATUSES = expand<string>([
  ['ACCEPTED', 78],
  ['UNDER_REVIEW', 6],
  ['SUBMITTED', 4],
  ['REJECTED', 5],
  ['AMENDMENT_REQUESTED', 7],
]);

export interface GenerationReport {
  companies: number;
  aiSystems: number;
  deployments: number;
  disclosures: number;
  amendments: number;
  confidential: number;
  ledgers: number;
  /** Seconds per step. */
  steps: Record<string, number>;
  seconds: number;
  databaseBytes: number;
  disclosureTableBytes: number;
  verification: LedgerVerification;
}

export interface GenerateOptions {
  /** Multiplies the three counts (a quick run: 0.01). */
  scale?: number;
  /** Connections that insert the filings side by side (default 2: text search work keeps a core busy each). */
  workers?: number;
  /** Companies whose ledgers are checked afterwards (default 300, the largest filers among them), or 'all'. */
  verify?: number | 'all';
  log?: (line: string) => void;
}

/** Where the plan of the generated rows is staged (unlogged tables); dropped at the end. */
const STAGE = 'bench_generator';

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // ended by DROP DATABASE when the bench fails meanwhile
  await client.connect();
  // Sorts of a million narrow rows in memory; commits need not wait for the disk; GIN's pending list merged into
  // the index in fewer, larger batches.
  await client.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '256MB'; SET synchronous_commit = off;
    SET gin_pending_list_limit = '64MB'`);
  return client;
}

/**
 * Fills the migrated, seeded database at `url`; refuses one it has filled already. Companies and systems are
 * written in one transaction, the filings in chunks by several connections: a failure leaves a partial registry
 * (generate on a fresh database).
 */
export async function generateDisclosures(url: string, options: GenerateOptions = {}): Promise<GenerationReport> {
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => undefined);
  const companies = Math.max(1, Math.round(DISCLOSURES_GENERATED.companies * scale));
  const systems = Math.max(companies, Math.round(DISCLOSURES_GENERATED.aiSystems * scale));
  const disclosures = Math.round(DISCLOSURES_GENERATED.disclosures * scale);
  const steps: Record<string, number> = {};
  const started = performance.now();
  const client = await connect(url);
  // On a shared machine the server's CPU time says more than the wall clock (when the server is local).
  const workersCpu = { seconds: 0 };
  const step = async (name: string, work: () => Promise<unknown>) => {
    const begun = performance.now();
    const cpuBefore = workersCpu.seconds + (await backendCpuSeconds(client));
    await work();
    steps[name] = +((performance.now() - begun) / 1000).toFixed(1);
    const used = workersCpu.seconds + (await backendCpuSeconds(client)) - cpuBefore;
    log(`  ${name}: ${steps[name]} s${Number.isNaN(used) ? '' : ` (PostgreSQL CPU ${used.toFixed(1)} s)`}`);
  };

  try {
    const kinds = await templateKinds(client);
    const existing = await client.query('SELECT 1 FROM company WHERE id = $1', [generatedId('company', 1)]);
    if (existing.rowCount) throw new Error('this database holds generated disclosures already');
    const parties = (
      await client.query<{ code: string; country: boolean }>(
        `SELECT p.code, c.iso3 IS NOT NULL AS country FROM party p LEFT JOIN country c ON c.iso3 = p.code ORDER BY p.code`,
      )
    ).rows;
    // Every party once besides the weighted ones, so that every jurisdiction has some systems.
    const withTail = (weighted: V.Weighted, codes: string[]) => [
      ...expand(weighted),
      ...codes.filter((code) => !weighted.some(([weightedCode]) => weightedCode === code)),
    ];
    const incorporation = withTail(
      V.INCORPORATION,
      parties.filter((party) => party.country).map((party) => party.code),
    );
    const deployment = withTail(
      V.DEPLOYMENT,
      parties.map((party) => party.code),
    );

    await client.query(`DROP SCHEMA IF EXISTS ${STAGE} CASCADE; CREATE SCHEMA ${STAGE}`);
    await client.query('BEGIN');
    await step('companies', () => insertCompanies(client, companies, incorporation));
    await step('AI systems and deployments', () => insertSystems(client, companies, systems, deployment));
    await client.query('COMMIT');
    await step('filings: ledger order, amendments, accession numbers', () =>
      planFilings(client, companies, disclosures),
    );
    await step('filings: canonical content hashed', async () => {
      await client.query(
        `CREATE UNLOGGED TABLE ${STAGE}.ledger AS
         SELECT x.*, lag(x.content_hash) OVER (PARTITION BY x.company_no ORDER BY x.seq) AS previous_hash
         FROM (SELECT f.*, ${sha256Hex(CONTENT)} AS content_hash,
                 CASE WHEN f.conf THEN ${sha256Hex(PUBLIC_CONTENT)} END AS public_only_hash
               FROM ${STAGE}.filing f JOIN ${STAGE}.system gs ON gs.s = f.s
               JOIN ${STAGE}.company gc ON gc.c = f.company_no) x`,
      );
      await client.query(`CREATE INDEX ON ${STAGE}.ledger (acc_no); ANALYZE ${STAGE}.ledger`);
    });
    const accession = (
      await client.query<{ lo: string; hi: string }>(`SELECT min(acc_no) AS lo, max(acc_no) AS hi FROM ${STAGE}.ledger`)
    ).rows[0];
    await step('disclosures inserted', async () => {
      // In order of submission, a chunk at a time, each committed; the next chunk to whichever connection is free.
      const chunks = 20;
      const lo = Number(accession.lo);
      const size = Math.ceil((Number(accession.hi) - lo + 1) / chunks);
      let next = 0;
      let inserted = 0;
      const worker = async () => {
        const own = await connect(url);
        const cpuBefore = await backendCpuSeconds(own);
        try {
          for (let chunk = next++; chunk < chunks; chunk = next++) {
            const { rowCount } = await insertDisclosures(
              own,
              kinds,
              lo + chunk * size,
              lo + (chunk + 1) * size - 1,
              false,
            );
            inserted += rowCount ?? 0;
            log(`    ${inserted} / ${disclosures}`);
          }
        } finally {
          workersCpu.seconds += (await backendCpuSeconds(own)) - cpuBefore;
          await own.end();
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, options.workers ?? 2) }, worker));
      // Amendments last: an original may be in a chunk that another connection had not committed yet.
      const { rowCount } = await insertDisclosures(client, kinds, lo, lo + chunks * size, true);
      log(`    ${inserted + (rowCount ?? 0)} / ${disclosures} (amendments last)`);
    });
    await step('ledger heads', () =>
      client.query(
        `INSERT INTO disclosure_ledger_head (company_id, last_seq, last_hash)
         SELECT DISTINCT ON (company_no) ${uuidSql('company', 'company_no')}, seq, content_hash
         FROM ${STAGE}.ledger ORDER BY company_no, seq DESC`,
      ),
    );
    await client.query(`DROP SCHEMA ${STAGE} CASCADE`);
    // As autovacuum would leave the tables at rest: statistics, the visibility map, GIN's pending list merged.
    await step('vacuum analyze', async () => {
      for (const table of [
        'organization',
        'company',
        'ai_system',
        'ai_system_deployment',
        'disclosure',
        'disclosure_search',
        'disclosure_ledger_head',
      ]) {
        await client.query(`VACUUM ANALYZE ${table}`);
      }
    });
    const seconds = +((performance.now() - started) / 1000).toFixed(1);

    const counts = (
      await client.query(
        `SELECT (SELECT count(*) FROM company)::int AS companies, (SELECT count(*) FROM ai_system)::int AS "aiSystems",
           (SELECT count(*) FROM ai_system_deployment)::int AS deployments,
           (SELECT count(*) FROM disclosure)::int AS disclosures,
           (SELECT count(*) FROM disclosure WHERE amends_id IS NOT NULL)::int AS amendments,
           (SELECT count(*) FROM disclosure WHERE public_content IS NOT NULL)::int AS confidential,
           (SELECT count(*) FROM disclosure_ledger_head)::int AS ledgers,
           pg_database_size(current_database())::float8 AS "databaseBytes",
           pg_total_relation_size('disclosure')::float8 AS "disclosureTableBytes"`,
      )
    ).rows[0];
    const sample = options.verify ?? 300;
    const verification = await verifyLedgers(
      client,
      sample === 'all' ? 'all' : sampleOf(companies, sample).map((n) => generatedId('company', n)),
    );
    log(
      `  verified: ${verification.companies} ledgers, ${verification.filings} filings (hashes, links, content valid under its template), ${verification.problems.length} problems`,
    );
    if (verification.problems.length) {
      throw new Error(`generated ledgers do not verify: ${verification.problems.slice(0, 5).join('; ')}`);
    }
    return { ...counts, steps, seconds, verification };
  } finally {
    await client.query(`ROLLBACK; DROP SCHEMA IF EXISTS ${STAGE} CASCADE`).catch(() => undefined);
    await client.end();
  }
}

/** CPU seconds the server process behind `client` has used, when it runs on this machine; NaN otherwise. */
async function backendCpuSeconds(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return processCpuSeconds(rows[0].pid);
}

/** User and system CPU time of a local process, in seconds; NaN when it cannot be read. */
async function processCpuSeconds(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** About `count` company numbers spread over 1..companies, with the twenty largest filers (1..20). */
function sampleOf(companies: number, count: number): number[] {
  const picked = new Set<number>();
  for (let n = 1; n <= Math.min(20, companies, count); n += 1) picked.add(n);
  for (let i = 0; i < count; i += 1) picked.add(1 + Math.floor((i * companies) / count));
  return [...picked];
}

async function templateKinds(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ key: string; kind: string }>(
    'SELECT key, kind FROM disclosure_template WHERE version = 1 AND key = ANY($1)',
    [TEMPLATES.map((template) => template.key)],
  );
  return TEMPLATES.map((template) => {
    const row = rows.find((found) => found.key === template.key);
    if (!row) throw new Error(`template ${template.key}@1 is missing: migrate and seed the database first`);
    return row.kind;
  });
}

async function insertCompanies(client: pg.Client, companies: number, incorporation: string[]): Promise<void> {
  const [first, second, third] = [V.NAME_FIRST, V.NAME_SECOND, V.NAME_THIRD];
  const names = first.length * second.length * third.length;
  const forms = Object.entries(V.LEGAL_FORMS).filter(([country]) => country);
  const legalForm = `CASE x.country ${forms.map(([country, list]) => `WHEN ${literal(country)} THEN ${pick(list, 'x.c', 104)}`).join(' ')} ELSE ${pick(V.LEGAL_FORMS[''], 'x.c', 104)} END`;
  // ISO 17442: 18 characters, then 98 - (the digits, letters as 10..35, followed by 00) mod 97.
  const digits = ['A', 'B', 'C', 'D', 'E', 'F'].reduce(
    (text, letter, i) => `replace(${text}, '${letter}', '${10 + i}')`,
    'l.base',
  );
  await client.query(
    `CREATE UNLOGGED TABLE ${STAGE}.company AS
     SELECT x.c, ${uuidSql('company', 'x.c')} AS id, x.country,
       x.first || ' ' || x.second || ' ' || x.third || ' ' || ${legalForm} AS name,
       lower(regexp_replace(x.first || x.second, '[^A-Za-z]', '', 'g')) || x.c || '.example' AS domain,
       CASE WHEN ${below('x.c', 105, 100)} < 75 THEN l.base || lpad((98 - ((${digits}) || '00')::numeric % 97)::text, 2, '0') END AS lei,
       CASE WHEN ${below('x.c', 106, 100)} < 90 THEN ${pick(expand(V.SECTORS), 'x.c', 107)} END AS sector,
       ${below('x.c', 108, 100)} < 80 AS has_website,
       timestamptz '2021-01-01' + (x.c * 600) * interval '1 second' AS created_at
     FROM (SELECT c, ${pick(incorporation, 'c', 101)} AS country, i,
             ${textArray(first)}[1 + i % ${first.length}] AS first,
             ${textArray(second)}[1 + (i / ${first.length}) % ${second.length}] AS second,
             ${textArray(third)}[1 + (i / ${first.length * second.length}) % ${third.length}] AS third
           FROM (SELECT c, (c::bigint * 7919) % ${names} AS i FROM generate_series(1, $1::int) c) n) x
     CROSS JOIN LATERAL (SELECT ${pick(V.LEI_ISSUERS, 'x.c', 109)} || '00' || upper(substr(md5('bench-lei-' || x.c), 1, 12)) AS base) l`,
    [companies],
  );
  // Planned on statistics: without them a join of a million filings to their companies may loop.
  await client.query(`CREATE INDEX ON ${STAGE}.company (c); ANALYZE ${STAGE}.company`);
  await client.query(
    `INSERT INTO organization (id, kind, created_at) SELECT id, 'company', created_at FROM ${STAGE}.company`,
  );
  await client.query(
    `INSERT INTO company (id, name, country_iso3, lei, sector, website, created_at, updated_at)
     SELECT id, name, country, lei, sector, CASE WHEN has_website THEN 'https://www.' || domain END, created_at, created_at
     FROM ${STAGE}.company`,
  );
}

async function insertSystems(client: pg.Client, companies: number, systems: number, deployment: string[]) {
  const purposes = V.PURPOSES.map(([[text]]) => text);
  const risks = V.PURPOSES.map(([[, tier]]) => tier);
  const purposeSlots = expand(V.PURPOSES.map(([, weight], index) => [String(index + 1), weight] as const));
  // Every company has one system; the others go mostly to the large filers. Names are unique within a company
  // (the registry refuses a second system of the same name): the number is the system's rank in its company.
  await client.query(
    `CREATE UNLOGGED TABLE ${STAGE}.system AS
     SELECT s, company_no, ${uuidSql('system', 's')} AS id,
       ${pick(V.SYSTEM_NAME_FIRST, 's', 201)} || ' ' || ${pick(V.SYSTEM_NAME_SECOND, 's', 202)} || ' '
         || row_number() OVER (PARTITION BY company_no ORDER BY s) AS name,
       ${textArray(purposes)}[p] AS purpose, ${textArray(risks)}[p] AS risk_level
     FROM (SELECT s, CASE WHEN s <= $1 THEN s ELSE ${skewed('s', 204, companies)} END AS company_no,
             ${pick(purposeSlots, 's', 205)}::int AS p
           FROM generate_series(1, $2::int) s) x`,
    [companies, systems],
  );
  await client.query(`CREATE INDEX ON ${STAGE}.system (s)`);
  await client.query(`ANALYZE ${STAGE}.system`);
  await client.query(
    `INSERT INTO ai_system (id, company_id, name, purpose, risk_level, organization_role, lifecycle_stage, created_at, updated_at)
     SELECT id, ${uuidSql('company', 'company_no')}, name, upper(left(purpose, 1)) || substr(purpose, 2), risk_level,
       ${pick(expand(V.ORGANIZATION_ROLES), 's', 206)}, ${pick(expand(V.LIFECYCLE_STAGES), 's', 207)},
       timestamptz '2022-06-01' + s * interval '1 minute', timestamptz '2022-06-01' + s * interval '1 minute'
     FROM ${STAGE}.system ORDER BY s`,
  );
  // 1 party (half of them), 2 (three in ten) or 3; the same party twice counts once.
  await client.query(
    `INSERT INTO ai_system_deployment (ai_system_id, party_code)
     SELECT DISTINCT gs.id, ${pick(deployment, 'gs.s * 4 + j', 208)}
     FROM ${STAGE}.system gs
     CROSS JOIN LATERAL generate_series(1, 1 + (${below('gs.s', 209, 10)} >= 5)::int + (${below('gs.s', 209, 10)} >= 8)::int) j`,
  );
}

/**
 * Who files what and when: each filing's company (few large filers, many small), system (one of the company's),
 * template, time; its place in the company's ledger; one in forty amends the company's previous filing (when that
 * one is not an amendment itself: an amendment points to an original), which is SUPERSEDED once the amendment is
 * accepted; status by age; accession numbers from the registry's sequence, in order of submission.
 */
async function planFilings(client: pg.Client, companies: number, disclosures: number): Promise<void> {
  await client.query(
    `CREATE UNLOGGED TABLE ${STAGE}.company_systems AS
     SELECT company_no, array_agg(s ORDER BY s) AS systems FROM ${STAGE}.system GROUP BY company_no`,
  );
  await client.query(
    `CREATE UNLOGGED TABLE ${STAGE}.filing0 AS
     SELECT b.d, b.company_no, b.submitted_at,
       cs.systems[1 + ${below('b.d', 301, 1_000_000)} % cardinality(cs.systems)] AS s,
       ${pick(TEMPLATE_SLOTS, 'b.d', 302)}::int AS t,
       row_number() OVER (PARTITION BY b.company_no ORDER BY b.submitted_at, b.d)::int AS seq
     FROM (SELECT d, ${skewed('d', 303, companies)} AS company_no,
             timestamptz '${FIRST_SUBMISSION}' + floor(${SUBMISSION_SPAN_S} * sqrt(${unit('d', 304)}))::int * interval '1 second' AS submitted_at
           FROM generate_series(1, $1::int) d) b
     JOIN ${STAGE}.company_systems cs ON cs.company_no = b.company_no`,
    [disclosures],
  );
  const c = 'WINDOW c AS (PARTITION BY company_no ORDER BY seq)';
  const status = `CASE WHEN submitted_at > timestamptz '${LAST_SUBMISSION}' - interval '30 days'
      THEN ${pick(RECENT_STATUSES, 'd', 305)} ELSE ${pick(OLDER_STATUSES, 'd', 306)} END`;
  const reasons = expand(V.AMENDMENT_REASONS);
  await client.query(
    `CREATE UNLOGGED TABLE ${STAGE}.filing AS
     SELECT o.*, nextval('disclosure_accession_seq') AS acc_no FROM (
       SELECT d, company_no, seq, submitted_at, ${below('d', 307, 100)} < 3 AS conf,
         CASE WHEN amends THEN prev_s ELSE s END AS s,
         CASE WHEN amends THEN prev_t ELSE t END AS t,
         CASE WHEN amends THEN prev_at ELSE submitted_at END AS period_at,
         CASE WHEN amends THEN prev_d END AS amends_d,
         CASE WHEN amends THEN ${below('d', 308, reasons.length)} + 1 END AS reason_no,
         CASE WHEN lead(amends) OVER c AND lead(status) OVER c = 'ACCEPTED' THEN 'SUPERSEDED' ELSE status END AS status
       FROM (SELECT w.*, candidate AND NOT lag(candidate, 1, true) OVER c AS amends, ${status} AS status
             FROM (SELECT f.*, seq > 1 AND ${below('d', 309, 40)} = 0 AS candidate, lag(d) OVER c AS prev_d,
                     lag(s) OVER c AS prev_s, lag(t) OVER c AS prev_t, lag(submitted_at) OVER c AS prev_at
                   FROM ${STAGE}.filing0 f ${c}) w
             ${c}) a
       ${c}
       ORDER BY submitted_at, d) o`,
  );
  await client.query(`ANALYZE ${STAGE}.filing`);
}

async function insertDisclosures(client: pg.Client, kinds: string[], from: number, to: number, amendments: boolean) {
  const reasons = expand(V.AMENDMENT_REASONS);
  const year = (column: string) => `extract(year FROM ${column} AT TIME ZONE 'UTC')::int`;
  // Annual reports cover the previous year; transparency reports the previous half-year.
  const period = `CASE x.t WHEN 2 THEN CASE WHEN extract(month FROM x.period_at AT TIME ZONE 'UTC') <= 6
      THEN (${year('x.period_at')} - 1) || '-H2' ELSE ${year('x.period_at')} || '-H1' END
    ELSE (${year('x.period_at')} - 1)::text END`;
  const byT = (values: string[]) => `(${textArray(values)})[x.t]`;
  return client.query(
    `WITH x AS MATERIALIZED (SELECT f.*, gs.id AS system_id, gs.name AS system_name, gc.name AS company_name,
             (${CONTENT})::jsonb AS content,
             CASE WHEN f.conf THEN (${PUBLIC_CONTENT})::jsonb END AS public_content
           FROM ${STAGE}.ledger f JOIN ${STAGE}.system gs ON gs.s = f.s JOIN ${STAGE}.company gc ON gc.c = f.company_no
           WHERE f.acc_no BETWEEN $1 AND $2 AND (f.amends_d IS NOT NULL) = $3
           ORDER BY f.acc_no),
     filed AS (INSERT INTO disclosure (id, company_id, ai_system_id, template_key, template_version, kind, reporting_period,
       status, content, confidential, public_content, accession_number, submitted_at, ledger_seq, content_hash,
       public_hash, previous_hash, amends_id, amendment_type, amendment_reason, created_by,
       created_at, updated_at)
     SELECT ${uuidSql('disclosure', 'x.d')}, ${uuidSql('company', 'x.company_no')}, x.system_id,
       ${byT(TEMPLATES.map((template) => template.key))}, 1, ${byT(kinds)}, ${period}, x.status, x.content,
       CASE WHEN x.conf THEN ${byT(TEMPLATES.map((template) => JSON.stringify([template.confidential])))}::jsonb ELSE '[]' END,
       x.public_content,
       'AID-' || ${year('x.submitted_at')} || '-' || lpad(x.acc_no::text, 6, '0'), x.submitted_at, x.seq,
       x.content_hash, coalesce(x.public_only_hash, x.content_hash), x.previous_hash,
       CASE WHEN x.amends_d IS NOT NULL THEN ${uuidSql('disclosure', 'x.amends_d')} END,
       ${textArray(reasons.map(([type]) => type))}[x.reason_no], ${textArray(reasons.map(([, reason]) => reason))}[x.reason_no],
       NULL,
       x.submitted_at - (1 + ${below('x.d', 401, 20)}) * interval '1 day',
       CASE WHEN x.status IN ('SUBMITTED') THEN x.submitted_at
         ELSE least(timestamptz '${LAST_SUBMISSION}', x.submitted_at + (1 + ${below('x.d', 402, 60)}) * interval '1 day') END
     FROM x ORDER BY x.acc_no RETURNING id)
     -- each filing's search document, as a submission writes it (DisclosuresRepository.file)
     INSERT INTO disclosure_search (disclosure_id, submitted_at, document)
     SELECT ${uuidSql('disclosure', 'x.d')}, x.submitted_at,
       setweight(to_tsvector('english', x.system_name || ' ' || x.company_name), 'A')
         || jsonb_to_tsvector('english', coalesce(x.public_content, x.content), '["string"]')
     FROM x`,
    [from, to, amendments],
  );
}

async function main(): Promise<void> {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('usage: npm run generate:disclosures -- postgres://... (or DATABASE_URL)\n');
    process.exit(2);
  }
  const report = await generateDisclosures(url, {
    scale: Number(process.env.GEN_SCALE ?? 1),
    workers: Number(process.env.GEN_WORKERS ?? 2),
    verify: process.env.GEN_VERIFY === 'all' ? 'all' : Number(process.env.GEN_VERIFY ?? 300),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
