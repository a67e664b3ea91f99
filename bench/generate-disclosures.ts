// The disclosure registry at the scale it is built for, made deterministically in SQL (hashes of the row numbers,
// no randomness: the same rows on every run): 100,000 companies (each with its organisation), 200,000 AI systems
// deployed in 1-3 parties each, and 1,000,000 filed disclosures over the three seeded templates, each company's
// filings a valid ledger (ledger_seq 1..n, previous_hash = the previous filing's content_hash, content_hash and
// public_hash the SHA-256 of the RFC 8785 canonical JSON of the content and of its public view), with accession
// numbers from the registry's sequence, in order of submission, and the ledger heads. The content is built in SQL
// as canonical text (bench/canonical-sql.ts) and hashed there; the result is checked with the `canonicalize`
// package on a sample of ledgers (bench/verify-ledgers.ts; GEN_VERIFY=all checks every one).
//
// Alone: `npm run generate:disclosures -- postgres://...` (or DATABASE_URL) on a migrated database;
// GEN_SCALE (default 1) scales the three counts, GEN_VERIFY (a number of companies, or `all`).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import {
  canonicalSql,
  jsonArray,
  jsonBoolean,
  jsonObject,
  jsonString,
  jsonStringArray,
  type CanonicalNode,
} from './canonical-sql.js';
import * as V from './disclosure-vocabulary.js';
import { verifyLedgers, type LedgerVerification } from './verify-ledgers.js';

export const DISCLOSURES_GENERATED = { companies: 100_000, aiSystems: 200_000, disclosures: 1_000_000 } as const;

/** Submissions fall between these instants, more of them towards the end (the registry grows). */
const FIRST_SUBMISSION = '2023-01-02T00:00:00Z';
const LAST_SUBMISSION = '2026-11-15T00:00:00Z';
const SUBMISSION_SPAN_S = (Date.parse(LAST_SUBMISSION) - Date.parse(FIRST_SUBMISSION)) / 1000;

/**
 * The id of generated record `n` of a kind ('company', 'system', 'disclosure'): a version-4-shaped UUID from an
 * MD5, the same in SQL (`uuidSql`) and here, so that the bench can name a generated company.
 */
export function generatedId(kind: string, n: number): string {
  const hex = createHash('md5').update(`bench-${kind}-${n}`).digest('hex');
  const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20)}`;
}
const uuidSql = (kind: string, n: string) =>
  `overlay(overlay(md5('bench-${kind}-' || (${n})::text) placing '4' from 13) placing '8' from 17)::uuid`;

const MAX_BIGINT = '9223372036854775807';
/** A deterministic pseudo-random non-negative bigint of `x` (a SQL integer expression) for `seed`. */
const hash = (x: string, seed: number) => `(hashint8extended((${x})::bigint, ${seed}) & ${MAX_BIGINT})`;
/** 0..n-1. */
const below = (x: string, seed: number, n: number) => `(${hash(x, seed)} % ${n})::int`;
/** [0, 1]. */
const unit = (x: string, seed: number) => `(${hash(x, seed)}::float8 / ${MAX_BIGINT}::float8)`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const textArray = (values: readonly string[]) => `(ARRAY[${values.map(literal).join(',')}]::text[])`;
const expand = <T>(weighted: V.Weighted<T>): T[] => weighted.flatMap(([value, weight]) => Array<T>(weight).fill(value));
/** One of `values` chosen by `x` and `seed`; the items k = 0, 1, 2... of one list, with a `step` coprime to the
 * list's length, are distinct. */
const pick = (values: readonly string[], x: string, seed: number, k = 0, step = 1) =>
  `${textArray(values)}[1 + (${below(x, seed, values.length)} + ${k * step}) % ${values.length}]`;
/** 1..n, most often small: n * u^2 puts about sqrt(1/n) of the mass on 1 (a few large filers, many small ones). */
const skewed = (x: string, seed: number, n: number) => `least(${n}, 1 + floor(${n} * power(${unit(x, seed)}, 2))::int)`;

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

interface TemplateSpec {
  key: string;
  kind: string;
  name: string;
  weight: number;
  content: CanonicalNode;
  /** The field its confidential filings withhold, and why. */
  confidential: { path: string; reason: string };
}

// The content of a filing: row `f` of the filings, its system `gs` (name, purpose) and company `gc` (name, domain).
const D = 'f.d';
const item = (k: number) => `${D} * 4 + ${k}`;
const risk = (k: number) => pick(V.RISKS, D, 11, k, 7);
const mitigation = (k: number) => pick(V.MITIGATIONS, D, 12, k, 5);

const IMPACT_ASSESSMENT = jsonObject({
  summary: jsonString(
    `'This assessment covers ' || gs.name || ', a system used for ' || gs.purpose || '. The most significant risk identified is ' || ${risk(0)} || ', addressed through ' || ${mitigation(0)} || '.'`,
  ),
  humanOversight: jsonObject({
    description: jsonString(pick(V.OVERSIGHT, D, 13)),
    mechanism: jsonString(pick(V.OVERSIGHT_MECHANISMS, D, 14)),
  }),
  lifecycleStages: jsonStringArray(`${textArray(V.STAGES_IN_ORDER)}[1 + ${below(D, 15, 3)}:5 + ${below(D, 16, 3)}]`),
  risks: jsonArray(
    [0, 1, 2].map((k) =>
      jsonObject({
        category: jsonString(risk(k)),
        likelihood: jsonString(pick(V.LEVELS, item(k), 17)),
        severity: jsonString(pick(V.SEVERITIES, item(k), 18)),
        mitigation: jsonString(mitigation(k)),
      }),
    ),
    `1 + ${below(D, 19, 3)}`,
  ),
  stakeholderGroups: jsonArray(
    [0, 1, 2].map((k) => {
      const consulted = `${below(item(k), 20, 4)} > 0`;
      return jsonObject({
        name: jsonString(pick(V.STAKEHOLDERS, D, 21, k, 5)),
        vulnerable: jsonBoolean(`${below(item(k), 22, 3)} = 0`),
        consulted: jsonBoolean(consulted),
        how: jsonString(
          `CASE WHEN ${consulted} THEN 'Consulted through ' || ${pick(V.CONSULTATION_METHODS, item(k), 23)} ELSE 'Not consulted in this reporting period' END`,
        ),
      });
    }),
    `1 + ${below(D, 24, 3)}`,
  ),
});

const TRANSPARENCY_REPORT = jsonObject({
  systemDescription: jsonString(`gs.name || ' is used for ' || gs.purpose || '. It is operated by ' || gc.name || '.'`),
  modelDescription: jsonString(`'The system is built on ' || ${pick(V.MODELS, D, 31)} || '.'`),
  trainingData: jsonObject({
    sources: jsonStringArray(
      `(ARRAY[${[0, 1, 2].map((k) => pick(V.DATA_SOURCES, D, 32, k, 5)).join(', ')}])[1:1 + ${below(D, 33, 3)}]`,
    ),
    provenance: jsonString(pick(V.PROVENANCE, D, 34)),
  }),
  dataGovernance: jsonString(`${pick(V.DATA_GOVERNANCE, D, 35, 0)} || ' ' || ${pick(V.DATA_GOVERNANCE, D, 35, 1)}`),
  riskManagement: jsonString(
    `'Key risks include ' || ${risk(0)} || ' and ' || ${risk(1)} || '. They are mitigated through ' || ${mitigation(0)} || '.'`,
  ),
  performanceAndLimitations: jsonString(
    `${pick(V.PERFORMANCE, D, 36, 0, 1)} || ' ' || ${pick(V.PERFORMANCE, D, 36, 1, 1)}`,
  ),
  contact: jsonString(`'ai-transparency@' || gc.domain`),
});

const HAIP_REPORT = jsonObject({
  riskIdentification: jsonString(
    `'Risks such as ' || ${risk(0)} || ' and ' || ${risk(1)} || ' are identified through ' || ${pick(V.EVALUATIONS, D, 41)} || ' before and after the deployment of ' || gs.name || '.'`,
  ),
  riskManagement: jsonString(`'We apply ' || ${mitigation(0)} || '. ' || ${pick(V.SECURITY, D, 42)}`),
  transparencyReporting: jsonString(
    `'Capabilities, limitations and appropriate uses of ' || gs.name || ' are documented ' || ${pick(V.PUBLICATION, D, 43)} || '.'`,
  ),
  organisationalGovernance: jsonString(`${pick(V.INCIDENTS, D, 44, 0)} || ' ' || ${pick(V.INCIDENTS, D, 44, 1)}`),
  contentAuthentication: jsonObject({
    description: jsonString(pick(V.AUTHENTICATION, D, 45)),
    watermarking: jsonBoolean(`${below(D, 46, 2)} = 0`),
  }),
  researchAndInvestment: jsonString(pick(V.RESEARCH, D, 47)),
  advancingHumanInterests: jsonString(
    `gs.name || ', used for ' || gs.purpose || ', is offered ' || ${pick(V.HUMAN_INTERESTS, D, 48)} || '.'`,
  ),
});

const TEMPLATES: TemplateSpec[] = [
  {
    key: 'unctad-impact-assessment',
    kind: 'IMPACT_ASSESSMENT',
    name: 'AI impact assessment',
    weight: 45,
    content: IMPACT_ASSESSMENT,
    confidential: { path: '/risks', reason: 'TRADE_SECRET' },
  },
  {
    key: 'unctad-transparency-report',
    kind: 'TRANSPARENCY_REPORT',
    name: 'AI transparency report',
    weight: 40,
    content: TRANSPARENCY_REPORT,
    confidential: { path: '/trainingData/sources', reason: 'TRADE_SECRET' },
  },
  {
    key: 'oecd-haip-reporting-framework',
    kind: 'HAIP_REPORT',
    name: 'Hiroshima AI Process reporting framework',
    weight: 15,
    content: HAIP_REPORT,
    confidential: { path: '/riskManagement', reason: 'SECURITY_RISK' },
  },
];
const TEMPLATE_SLOTS = expand(TEMPLATES.map((template, index) => [String(index + 1), template.weight] as const));

/** SQL: `expression` by the filing's template (f.t, 1-based). */
const byTemplate = (expression: (template: TemplateSpec) => string) =>
  `(CASE f.t ${TEMPLATES.map((template, index) => `WHEN ${index + 1} THEN ${expression(template)}`).join(' ')} END)`;
const CONTENT = byTemplate((template) => canonicalSql(template.content));
const PUBLIC_CONTENT = byTemplate((template) => canonicalSql(template.content, [template.confidential.path]));
const sha256Hex = (text: string) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;

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
  /** Companies whose ledgers are checked with `canonicalize` afterwards, or 'all'. */
  verify?: number | 'all';
  log?: (line: string) => void;
}

/** Fills a migrated, seeded database; refuses one it has filled already. */
export async function generateDisclosures(client: pg.Client, options: GenerateOptions = {}): Promise<GenerationReport> {
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => undefined);
  const companies = Math.max(1, Math.round(DISCLOSURES_GENERATED.companies * scale));
  const systems = Math.max(companies, Math.round(DISCLOSURES_GENERATED.aiSystems * scale));
  const disclosures = Math.round(DISCLOSURES_GENERATED.disclosures * scale);
  const steps: Record<string, number> = {};
  const started = performance.now();
  const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const cpu = async () => {
    const fields = (await readFile(`/proc/${backend}/stat`, 'utf8')).split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const step = async (name: string, run: () => Promise<unknown>) => {
    const begun = performance.now();
    const cpuBefore = await cpu();
    await run();
    steps[name] = +((performance.now() - begun) / 1000).toFixed(1);
    log(`  ${name}: ${steps[name]} s (PostgreSQL CPU ${((await cpu()) - cpuBefore).toFixed(1)} s)`);
  };

  const existing = await client.query('SELECT 1 FROM company WHERE id = $1', [generatedId('company', 1)]);
  if (existing.rowCount) throw new Error('this database holds generated disclosures already');
  const parties = (
    await client.query<{ code: string; country: boolean }>(
      `SELECT p.code, c.iso3 IS NOT NULL AS country FROM party p LEFT JOIN country c ON c.iso3 = p.code ORDER BY p.code`,
    )
  ).rows;
  if (!parties.length)
    throw new Error('the database has no parties: migrate and seed it first (npm run migration:run)');
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

  await client.query('BEGIN');
  try {
    // Sorts of a million narrow rows in memory; the session's commit need not wait for the disk.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await client.query(`SET LOCAL synchronous_commit = off`);
    if (process.env.GEN_X) await client.query(process.env.GEN_X);
    await step('templates', () => insertTemplates(client));
    const templates = await templateKinds(client);
    await step('companies', () => insertCompanies(client, companies, incorporation));
    await step('AI systems and deployments', () => insertSystems(client, companies, systems, deployment));
    await step('filings: ledger order, amendments, accession numbers', () =>
      planFilings(client, companies, disclosures),
    );
    await step('filings: canonical content hashed', () =>
      client.query(
        `CREATE TEMP TABLE gen_ledger ON COMMIT DROP AS
         SELECT x.*, lag(x.content_hash) OVER (PARTITION BY x.company_no ORDER BY x.seq) AS previous_hash
         FROM (SELECT f.*, ${sha256Hex(CONTENT)} AS content_hash,
                 CASE WHEN f.conf THEN ${sha256Hex(PUBLIC_CONTENT)} END AS public_only_hash
               FROM gen_filing f JOIN gen_system gs ON gs.s = f.s JOIN gen_company gc ON gc.c = f.company_no) x`,
      ),
    );
    await client.query('CREATE INDEX ON gen_ledger (acc_no)');
    const accession = (
      await client.query<{ lo: string; hi: string }>('SELECT min(acc_no) AS lo, max(acc_no) AS hi FROM gen_ledger')
    ).rows[0];
    await step('disclosures inserted', async () => {
      const chunks = 10;
      const lo = Number(accession.lo);
      const size = Math.ceil((Number(accession.hi) - lo + 1) / chunks);
      for (let chunk = 0; chunk < chunks; chunk += 1) {
        await insertDisclosures(client, templates, lo + chunk * size, lo + (chunk + 1) * size - 1);
        log(`    ${Math.min(disclosures, (chunk + 1) * size)} / ${disclosures}`);
      }
    });
    await step('ledger heads', () =>
      client.query(
        `INSERT INTO disclosure_ledger_head (company_id, last_seq, last_hash)
         SELECT DISTINCT ON (company_no) ${uuidSql('company', 'company_no')}, seq, content_hash
         FROM gen_ledger ORDER BY company_no, seq DESC`,
      ),
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // As autovacuum would leave the tables at rest: statistics, the visibility map, GIN's pending list merged.
  await step('vacuum analyze', async () => {
    for (const table of [
      'organization',
      'company',
      'ai_system',
      'ai_system_deployment',
      'disclosure',
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
    `  ledgers verified with canonicalize: ${verification.companies} companies, ${verification.filings} filings, ${verification.problems.length} problems`,
  );
  if (verification.problems.length)
    throw new Error(`generated ledgers do not verify: ${verification.problems.slice(0, 5).join('; ')}`);
  return { ...counts, steps, seconds, verification };
}

/** About `count` company numbers spread over 1..companies, with the twenty largest filers (1..20). */
function sampleOf(companies: number, count: number): number[] {
  const picked = new Set<number>();
  for (let n = 1; n <= Math.min(20, companies, count); n += 1) picked.add(n);
  for (let i = 0; i < count; i += 1) picked.add(1 + Math.floor((i * companies) / count));
  return [...picked];
}

/** Three minimal template rows, for a database where the seeded ones are missing (nothing changes otherwise). */
async function insertTemplates(client: pg.Client): Promise<void> {
  for (const template of TEMPLATES) {
    const top = 'fields' in template.content ? Object.keys(template.content.fields) : [];
    await client.query(
      `INSERT INTO disclosure_template (key, version, kind, name, issuing_body, description, source_url, sections,
         schema, required_fields, confidential_fields)
       VALUES ($1, 1, $2, $3, 'Bench', 'Generated for the bench.', 'https://example.org/templates', $4, $5, '{}', $6)
       ON CONFLICT DO NOTHING`,
      [
        template.key,
        template.kind,
        template.name,
        JSON.stringify(top.map((key, index) => ({ key, title: key, order: index + 1 }))),
        JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }),
        [template.confidential.path],
      ],
    );
  }
}

async function templateKinds(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ key: string; kind: string }>(
    'SELECT key, kind FROM disclosure_template WHERE version = 1 AND key = ANY($1)',
    [TEMPLATES.map((template) => template.key)],
  );
  return TEMPLATES.map((template) => rows.find((row) => row.key === template.key)!.kind);
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
    `CREATE TEMP TABLE gen_company ON COMMIT DROP AS
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
  await client.query(
    `INSERT INTO organization (id, kind, created_at) SELECT id, 'company', created_at FROM gen_company`,
  );
  await client.query(
    `INSERT INTO company (id, name, country_iso3, lei, sector, website, created_at, updated_at)
     SELECT id, name, country, lei, sector, CASE WHEN has_website THEN 'https://www.' || domain END, created_at, created_at
     FROM gen_company`,
  );
}

async function insertSystems(client: pg.Client, companies: number, systems: number, deployment: string[]) {
  const purposes = V.PURPOSES.map(([[text]]) => text);
  const risks = V.PURPOSES.map(([[, tier]]) => tier);
  const purposeSlots = expand(V.PURPOSES.map(([, weight], index) => [String(index + 1), weight] as const));
  // Every company has one system; the others go mostly to the large filers.
  await client.query(
    `CREATE TEMP TABLE gen_system ON COMMIT DROP AS
     SELECT s, company_no, ${uuidSql('system', 's')} AS id,
       ${pick(V.SYSTEM_NAME_FIRST, 's', 201)} || ' ' || ${pick(V.SYSTEM_NAME_SECOND, 's', 202)} || ' ' || (1 + ${below('s', 203, 6)}) AS name,
       ${textArray(purposes)}[p] AS purpose, ${textArray(risks)}[p] AS risk_level
     FROM (SELECT s, CASE WHEN s <= $1 THEN s ELSE ${skewed('s', 204, companies)} END AS company_no,
             ${pick(purposeSlots, 's', 205)}::int AS p
           FROM generate_series(1, $2::int) s) x`,
    [companies, systems],
  );
  await client.query('CREATE INDEX ON gen_system (s)');
  await client.query('ANALYZE gen_system');
  await client.query(
    `INSERT INTO ai_system (id, company_id, name, purpose, risk_level, organization_role, lifecycle_stage, created_at, updated_at)
     SELECT id, ${uuidSql('company', 'company_no')}, name, upper(left(purpose, 1)) || substr(purpose, 2), risk_level,
       ${pick(expand(V.ORGANIZATION_ROLES), 's', 206)}, ${pick(expand(V.LIFECYCLE_STAGES), 's', 207)},
       timestamptz '2022-06-01' + s * interval '1 minute', timestamptz '2022-06-01' + s * interval '1 minute'
     FROM gen_system ORDER BY s`,
  );
  // 1 party (half of them), 2 (three in ten) or 3; the same party twice counts once.
  await client.query(
    `INSERT INTO ai_system_deployment (ai_system_id, party_code)
     SELECT DISTINCT gs.id, ${pick(deployment, 'gs.s * 4 + j', 208)}
     FROM gen_system gs
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
    `CREATE TEMP TABLE gen_company_systems ON COMMIT DROP AS
     SELECT company_no, array_agg(s ORDER BY s) AS systems FROM gen_system GROUP BY company_no`,
  );
  await client.query(
    `CREATE TEMP TABLE gen_filing0 ON COMMIT DROP AS
     SELECT b.d, b.company_no, b.submitted_at,
       cs.systems[1 + ${below('b.d', 301, 1_000_000)} % cardinality(cs.systems)] AS s,
       ${pick(TEMPLATE_SLOTS, 'b.d', 302)}::int AS t,
       row_number() OVER (PARTITION BY b.company_no ORDER BY b.submitted_at, b.d)::int AS seq
     FROM (SELECT d, ${skewed('d', 303, companies)} AS company_no,
             timestamptz '${FIRST_SUBMISSION}' + floor(${SUBMISSION_SPAN_S} * sqrt(${unit('d', 304)}))::int * interval '1 second' AS submitted_at
           FROM generate_series(1, $1::int) d) b
     JOIN gen_company_systems cs ON cs.company_no = b.company_no`,
    [disclosures],
  );
  const c = 'WINDOW c AS (PARTITION BY company_no ORDER BY seq)';
  const status = `CASE WHEN submitted_at > timestamptz '${LAST_SUBMISSION}' - interval '30 days'
      THEN ${pick(RECENT_STATUSES, 'd', 305)} ELSE ${pick(OLDER_STATUSES, 'd', 306)} END`;
  const reasons = expand(V.AMENDMENT_REASONS);
  await client.query(
    `CREATE TEMP TABLE gen_filing ON COMMIT DROP AS
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
                   FROM gen_filing0 f ${c}) w
             ${c}) a
       ${c}
       ORDER BY submitted_at, d) o`,
  );
}

async function insertDisclosures(client: pg.Client, kinds: string[], from: number, to: number): Promise<void> {
  const reasons = expand(V.AMENDMENT_REASONS);
  const year = (column: string) => `extract(year FROM ${column} AT TIME ZONE 'UTC')::int`;
  // Annual reports cover the previous year; transparency reports the previous half-year.
  const period = `CASE x.t WHEN 2 THEN CASE WHEN extract(month FROM x.period_at AT TIME ZONE 'UTC') <= 6
      THEN (${year('x.period_at')} - 1) || '-H2' ELSE ${year('x.period_at')} || '-H1' END
    ELSE (${year('x.period_at')} - 1)::text END`;
  const byT = (values: string[]) => `(${textArray(values)})[x.t]`;
  await client.query(
    `INSERT INTO disclosure (id, company_id, ai_system_id, template_key, template_version, kind, reporting_period,
       status, content, confidential, public_content, accession_number, submitted_at, ledger_seq, content_hash,
       public_hash, previous_hash, amends_id, amendment_type, amendment_reason, search_vector, created_by,
       created_at, updated_at)
     SELECT ${uuidSql('disclosure', 'x.d')}, ${uuidSql('company', 'x.company_no')}, x.system_id,
       ${byT(TEMPLATES.map((template) => template.key))}, 1, ${byT(kinds)}, ${period}, x.status, x.content,
       CASE WHEN x.conf THEN ${byT(TEMPLATES.map((template) => JSON.stringify([template.confidential])))}::jsonb ELSE '[]' END,
       x.public_content,
       'AID-' || ${year('x.submitted_at')} || '-' || lpad(x.acc_no::text, 6, '0'), x.submitted_at, x.seq,
       x.content_hash, coalesce(x.public_only_hash, x.content_hash), x.previous_hash,
       CASE WHEN x.amends_d IS NOT NULL THEN ${uuidSql('disclosure', 'x.amends_d')} END,
       ${textArray(reasons.map(([type]) => type))}[x.reason_no], ${textArray(reasons.map(([, reason]) => reason))}[x.reason_no],
       ${process.env.GEN_NOTSV ? 'NULL' : `jsonb_to_tsvector('english', coalesce(x.public_content, x.content), '["string"]')`}, NULL,
       x.submitted_at - (1 + ${below('x.d', 401, 20)}) * interval '1 day',
       CASE WHEN x.status IN ('SUBMITTED') THEN x.submitted_at
         ELSE least(timestamptz '${LAST_SUBMISSION}', x.submitted_at + (1 + ${below('x.d', 402, 60)}) * interval '1 day') END
     FROM (SELECT f.*, gs.id AS system_id, (${CONTENT})::jsonb AS content,
             CASE WHEN f.conf THEN (${PUBLIC_CONTENT})::jsonb END AS public_content
           FROM gen_ledger f JOIN gen_system gs ON gs.s = f.s JOIN gen_company gc ON gc.c = f.company_no
           WHERE f.acc_no BETWEEN $1 AND $2
           ORDER BY f.acc_no) x`,
    [from, to],
  );
}

async function main(): Promise<void> {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('usage: npm run generate:disclosures -- postgres://... (or DATABASE_URL)\n');
    process.exit(2);
  }
  const verify = process.env.GEN_VERIFY === 'all' ? 'all' : Number(process.env.GEN_VERIFY ?? 300);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const report = await generateDisclosures(client, {
      scale: Number(process.env.GEN_SCALE ?? 1),
      verify,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
