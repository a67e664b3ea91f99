// Oversight on top of the generated disclosure registry (bench/generate-disclosures.ts), in SQL, deterministic
// (hashes of row numbers): 50 regulators (each with its organisation, same id) in 31 jurisdictions (the EU and
// the 30 countries with the most deployments), disclosure requirements issued by regulators in 30 of them and
// attached by a curator to two seeded initiatives, 100,000 certifications and 20,000 enforcement actions (each
// with its first status-history row; penalties exact decimals), and a share of the SUBMITTED filings moved on,
// as the triggers allow (SUBMITTED -> UNDER_REVIEW -> ACCEPTED), with their reviews: open for the filings under
// review, inserted already decided (ACCEPT) for the accepted ones (a decided review never changes).
import pg from 'pg';
import { TEMPLATES } from './disclosure-content.js';
import { below, hash, literal, pick, textArray } from './generator-sql.js';
import { generatedId, uuidSql } from './generated-id.js';

export const OVERSIGHT_GENERATED = {
  regulators: 50,
  certifications: 100_000,
  enforcementActions: 20_000,
  /** One SUBMITTED filing in this many (in a regulator's jurisdiction) is moved on, with a review. */
  reviewedOneIn: 4,
} as const;

/** The curator's requirements hang on these seeded initiatives. */
export const REQUIREMENT_INITIATIVES = ['g7_hiroshima_2023', 'oecd_ai_2019'];
export const SCHEME = 'ISO/IEC 42001';

/** Regulator n's id (the same as its organisation's). */
export const regulatorId = (n: number) => generatedId('regulator', n);

export interface OversightReport {
  regulators: number;
  jurisdictions: number;
  requirements: number;
  certifications: number;
  certificationHistory: number;
  enforcementActions: number;
  enforcementHistory: number;
  penalties: number;
  reviews: number;
  openReviews: number;
  underReview: number;
  accepted: number;
  steps: Record<string, number>;
  seconds: number;
}

const KINDS = [
  'MONETARY_PENALTY',
  'MONETARY_PENALTY',
  'MONETARY_PENALTY',
  'WARNING',
  'WARNING',
  'CORRECTIVE_ORDER',
  'CORRECTIVE_ORDER',
  'DEPLOYMENT_RESTRICTION',
  'DEPLOYMENT_SUSPENSION',
  'DEPLOYMENT_BAN',
];
const ENFORCEMENT_STATUSES = ['OPEN', 'OPEN', 'OPEN', 'UNDER_APPEAL', 'RESOLVED', 'RESOLVED', 'RESOLVED', 'WITHDRAWN'];
const CERT_STATUSES = Array<string>(14).fill('ACTIVE').concat(['PENDING', 'PENDING', 'SUSPENDED', 'REVOKED']);
const SCHEMES = [SCHEME, SCHEME, 'ISO/IEC 27001', 'EU AI Act conformity assessment', 'NIST AI RMF attestation'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CNY', 'INR', 'BRL', 'CAD', 'KRW', 'AUD'];
const RISKS = ['{}', '{HIGH}', '{HIGH,UNACCEPTABLE}', '{LIMITED,HIGH}'];

/** Fills the database that generateDisclosures filled; `client` is connected to it. */
export async function generateOversight(client: pg.Client, log: (line: string) => void = () => undefined) {
  const steps: Record<string, number> = {};
  const started = performance.now();
  const step = async (name: string, work: () => Promise<unknown>) => {
    const begun = performance.now();
    await work();
    steps[name] = +((performance.now() - begun) / 1000).toFixed(1);
    log(`  ${name}: ${steps[name]} s`);
  };
  const { rows: systemRows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM ai_system');
  const systems = systemRows[0].n;
  const sys = (x: string, seed: number) => uuidSql('system', `1 + ${below(x, seed, systems)}`);
  const regulator = (x: string, seed: number) => uuidSql('regulator', `1 + ${below(x, seed, 50)}`);
  await client.query(`SET work_mem = '256MB'; SET synchronous_commit = off`);
  await client.query('BEGIN');
  try {
    await step('regulators', async () => {
      // The EU first, then the 30 countries with the most deployments (ties by code): regulator n is in the
      // (n - 1) % 31 th, so the EU and 18 countries have two.
      await client.query(
        `CREATE TEMP TABLE bench_jurisdiction ON COMMIT DROP AS
         SELECT row_number() OVER (ORDER BY first DESC, n DESC, code)::int - 1 AS j, code FROM (
           SELECT 'EU'::varchar AS code, true AS first, 0::bigint AS n
           UNION ALL
           (SELECT dep.party_code, false, count(*) FROM ai_system_deployment dep JOIN country c ON c.iso3 = dep.party_code
            GROUP BY dep.party_code ORDER BY count(*) DESC, dep.party_code LIMIT 30)) x`,
      );
      await client.query(
        `CREATE TEMP TABLE bench_regulator ON COMMIT DROP AS
         SELECT n, ${uuidSql('regulator', 'n')} AS id, j.code AS jurisdiction,
           timestamptz '2022-01-01' + n * interval '1 day' AS created_at
         FROM generate_series(1, ${OVERSIGHT_GENERATED.regulators}) n JOIN bench_jurisdiction j ON j.j = (n - 1) % 31`,
      );
      await client.query(
        `INSERT INTO organization (id, kind, created_at) SELECT id, 'regulator', created_at FROM bench_regulator`,
      );
      await client.query(
        `INSERT INTO regulator (id, name, jurisdiction, website, created_at)
         SELECT id, jurisdiction || ' AI Oversight Authority ' || n, jurisdiction,
           'https://ai-authority-' || n || '.example.org', created_at
         FROM bench_regulator`,
      );
    });
    await step('requirements', async () => {
      const templates = (k: string) =>
        `CASE ${k} % 3 WHEN 0 THEN '[{"key": ${JSON.stringify(TEMPLATES[0].key)}, "minVersion": 1}]'
           WHEN 1 THEN '[{"key": ${JSON.stringify(TEMPLATES[1].key)}, "minVersion": 1}]'
           ELSE '[{"key": ${JSON.stringify(TEMPLATES[0].key)}, "minVersion": 1}, {"key": ${JSON.stringify(TEMPLATES[2].key)}, "minVersion": 1}]' END::jsonb`;
      // Regulators 1..30 (one per jurisdiction, the EU's and 29 countries'), two requirements each.
      await client.query(
        `INSERT INTO disclosure_requirement (id, regulator_id, jurisdiction, initiative_id, title, regime, risk_levels,
           organization_roles, templates, certification_required, certification_scheme, effective_from, effective_until)
         SELECT ${uuidSql('requirement', 'r.n * 2 + k')}, r.id, r.jurisdiction, NULL,
           r.jurisdiction || ' AI transparency rule ' || k, CASE WHEN k = 0 THEN 'MANDATORY' ELSE 'VOLUNTARY' END,
           (${textArray(RISKS)})[1 + (r.n + k) % ${RISKS.length}]::varchar[], '{}', ${templates('(r.n + k)')},
           (r.n + k) % 4 = 0, CASE WHEN (r.n + k) % 8 = 0 THEN ${literal(SCHEME)} END,
           date '2024-01-01' + (r.n * 5) , CASE WHEN k = 1 AND r.n % 5 = 0 THEN date '2027-01-01' END
         FROM bench_regulator r CROSS JOIN generate_series(0, 1) k WHERE r.n <= 30`,
      );
      const { rowCount } = await client.query(
        `INSERT INTO disclosure_requirement (id, regulator_id, jurisdiction, initiative_id, title, regime, risk_levels,
           organization_roles, templates, certification_required, certification_scheme, effective_from)
         SELECT ${uuidSql('requirement', '1000 + o')}, NULL, NULL, i.id, 'Reporting under ' || i.key, 'VOLUNTARY',
           '{HIGH}', '{}', ${templates('o')}, false, NULL, date '2024-06-01'
         FROM unnest($1::text[]) WITH ORDINALITY AS k(key, o) JOIN initiative i ON i.key = k.key`,
        [REQUIREMENT_INITIATIVES],
      );
      if (rowCount !== REQUIREMENT_INITIATIVES.length) throw new Error(`seeded initiatives missing`);
    });
    await step('certifications', async () => {
      // Half of them certify one system, half its company as a whole; issued 2022-2026, for one to three years.
      await client.query(
        `CREATE TEMP TABLE bench_certification ON COMMIT DROP AS
         SELECT n, ${uuidSql('certification', 'n')} AS id, ${regulator('n', 501)} AS regulator_id, s.company_id,
           CASE WHEN ${below('n', 502, 2)} = 0 THEN s.id END AS ai_system_id,
           ${pick(SCHEMES, 'n', 503)} AS scheme, CASE WHEN ${below('n', 504, 3)} = 0 THEN 'MANDATORY' ELSE 'VOLUNTARY' END AS regime,
           ${pick(CERT_STATUSES, 'n', 505)} AS status, date '2022-01-01' + ${below('n', 506, 1700)} AS issued_on
         FROM generate_series(1, ${OVERSIGHT_GENERATED.certifications}) n JOIN ai_system s ON s.id = ${sys('n', 500)}`,
      );
      await client.query(
        `INSERT INTO certification (id, regulator_id, company_id, ai_system_id, scheme, regime, status, issued_on,
           expires_on, created_at, updated_at)
         SELECT id, regulator_id, company_id, ai_system_id, scheme, regime, status, issued_on,
           issued_on + (365 * (1 + ${below('n', 507, 3)})), issued_on::timestamptz, issued_on::timestamptz
         FROM bench_certification ORDER BY n`,
      );
      await client.query(
        `INSERT INTO certification_status_change (id, certification_id, from_status, to_status, reason, changed_by, changed_at)
         SELECT ${uuidSql('certification-change', 'n')}, id, NULL, status, 'issued', NULL, issued_on::timestamptz
         FROM bench_certification ORDER BY n`,
      );
    });
    await step('enforcement actions', async () => {
      await client.query(
        `CREATE TEMP TABLE bench_enforcement ON COMMIT DROP AS
         SELECT n, ${uuidSql('enforcement', 'n')} AS id, g.id AS regulator_id, g.jurisdiction, s.company_id,
           CASE WHEN ${below('n', 602, 3)} > 0 THEN s.id END AS ai_system_id, ${pick(KINDS, 'n', 603)} AS kind,
           ${pick(ENFORCEMENT_STATUSES, 'n', 604)} AS status, date '2023-01-01' + ${below('n', 605, 1400)} AS decided_on
         FROM generate_series(1, ${OVERSIGHT_GENERATED.enforcementActions}) n
         JOIN ai_system s ON s.id = ${sys('n', 600)} JOIN regulator g ON g.id = ${regulator('n', 601)}`,
      );
      // Penalties: exact decimals from 1,000.00 to about 50,000,000.00, built as numeric (never a float).
      await client.query(
        `INSERT INTO enforcement_action (id, regulator_id, jurisdiction, company_id, ai_system_id, disclosure_id, kind,
           status, legal_basis, decided_on, effective_from, effective_until, public_summary, penalty_amount,
           penalty_currency, created_at, updated_at)
         SELECT id, regulator_id, jurisdiction, company_id, ai_system_id, NULL, kind, status,
           'Art. ' || (1 + ${below('n', 606, 99)}) || ' of the ' || jurisdiction || ' AI Act', decided_on,
           decided_on + ${below('n', 607, 30)}, CASE WHEN ${below('n', 608, 2)} = 0 THEN decided_on + 30 + ${below('n', 609, 700)} END,
           initcap(replace(lower(kind), '_', ' ')) || ' decided by the ' || jurisdiction || ' regulator',
           CASE WHEN kind = 'MONETARY_PENALTY' THEN 1000 + (${hash('n', 610)} % 5000000000)::numeric / 100 END,
           CASE WHEN kind = 'MONETARY_PENALTY' THEN CASE WHEN jurisdiction = 'EU' THEN 'EUR' ELSE ${pick(CURRENCIES, 'n', 611)} END END,
           decided_on::timestamptz, decided_on::timestamptz
         FROM bench_enforcement ORDER BY n`,
      );
      await client.query(
        `INSERT INTO enforcement_status_change (id, enforcement_action_id, from_status, to_status, reason, changed_by, changed_at)
         SELECT ${uuidSql('enforcement-change', 'n')}, id, NULL, status, 'decided', NULL, decided_on::timestamptz
         FROM bench_enforcement ORDER BY n`,
      );
    });
    await step('reviews', async () => {
      // One SUBMITTED filing in reviewedOneIn deployed where a regulator is (its first such regulator reviews it):
      // half stay under review (an open review), half are accepted (the review inserted decided).
      await client.query(
        `CREATE TEMP TABLE bench_review ON COMMIT DROP AS
         SELECT DISTINCT ON (d.id) d.id AS disclosure_id, g.id AS regulator_id, d.submitted_at,
           ${below("('x' || substr(md5(d.id::text), 1, 15))::bit(60)::bigint", 701, 2)} = 0 AS accept
         FROM disclosure d JOIN ai_system_deployment dep ON dep.ai_system_id = d.ai_system_id
           JOIN regulator g ON g.jurisdiction = dep.party_code
         WHERE d.status = 'SUBMITTED'
           AND ${below("('x' || substr(md5(d.id::text), 16, 15))::bit(60)::bigint", 700, OVERSIGHT_GENERATED.reviewedOneIn)} = 0
         ORDER BY d.id, g.id`,
      );
      await client.query(
        `INSERT INTO review (id, disclosure_id, regulator_id, reviewer_id, opened_at, decision, summary, decided_at)
         SELECT ${uuidSql('review', "('x' || substr(md5(r.disclosure_id::text), 1, 15))::bit(60)::bigint")},
           r.disclosure_id, r.regulator_id, NULL, r.submitted_at + interval '2 days',
           CASE WHEN r.accept THEN 'ACCEPT' END, CASE WHEN r.accept THEN 'Complete and consistent.' END,
           CASE WHEN r.accept THEN r.submitted_at + interval '9 days' END
         FROM bench_review r ORDER BY r.disclosure_id`,
      );
      // Along the transitions the trigger allows, one step at a time.
      await client.query(
        `UPDATE disclosure d SET status = 'UNDER_REVIEW', updated_at = r.submitted_at + interval '2 days'
         FROM bench_review r WHERE d.id = r.disclosure_id`,
      );
      await client.query(
        `UPDATE disclosure d SET status = 'ACCEPTED', updated_at = r.submitted_at + interval '9 days'
         FROM bench_review r WHERE d.id = r.disclosure_id AND r.accept`,
      );
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await step('vacuum analyze', async () => {
    for (const table of [
      'organization',
      'regulator',
      'disclosure_requirement',
      'certification',
      'certification_status_change',
      'enforcement_action',
      'enforcement_status_change',
      'review',
      'disclosure',
    ]) {
      await client.query(`VACUUM ANALYZE ${table}`);
    }
  });
  const seconds = +((performance.now() - started) / 1000).toFixed(1);
  const { rows } = await client.query<Omit<OversightReport, 'steps' | 'seconds'>>(
    `SELECT (SELECT count(*) FROM regulator)::int AS regulators,
       (SELECT count(DISTINCT jurisdiction) FROM regulator)::int AS jurisdictions,
       (SELECT count(*) FROM disclosure_requirement)::int AS requirements,
       (SELECT count(*) FROM certification)::int AS certifications,
       (SELECT count(*) FROM certification_status_change)::int AS "certificationHistory",
       (SELECT count(*) FROM enforcement_action)::int AS "enforcementActions",
       (SELECT count(*) FROM enforcement_status_change)::int AS "enforcementHistory",
       (SELECT count(*) FROM enforcement_action WHERE penalty_amount IS NOT NULL)::int AS penalties,
       (SELECT count(*) FROM review)::int AS reviews,
       (SELECT count(*) FROM review WHERE decided_at IS NULL)::int AS "openReviews",
       (SELECT count(*) FROM disclosure WHERE status = 'UNDER_REVIEW')::int AS "underReview",
       (SELECT count(*) FROM disclosure WHERE status = 'ACCEPTED')::int AS accepted`,
  );
  return { ...rows[0], steps, seconds };
}
