// Oversight reads on the generated registry with its oversight records (bench/generate-oversight.ts), each beside a
// floor: the same answer from one hand-written statement that builds the JSON body in PostgreSQL. The review
// queue is read by a member of the regulator (signedIn: 'regulator'); compliance is public.
import { generatedId } from './generated-id.js';
import { regulatorId } from './generate-oversight.js';
import type { Scenario } from './scenarios.js';

/** Regulator 1 is the EU's: the widest queue (the EU and its member states). */
export const BENCH_REGULATOR = regulatorId(1);
/** Company 3 (about a thousand filings) in one large jurisdiction with a regulator of its own. */
const COMPANY = generatedId('company', 3);
const JURISDICTION = 'DEU';
const AS_OF = '2026-06-30';

const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const covered = (jurisdiction: string, asOf: string) => `(SELECT ${jurisdiction}::varchar UNION
  SELECT m.party_code FROM country_group_membership m WHERE m.group_key = ${jurisdiction}
    AND (m.valid_from IS NULL OR m.valid_from <= ${asOf}) AND (m.valid_to IS NULL OR m.valid_to > ${asOf}))`;

// The first page as a reviewer opens it; totalCount, which counts the whole queue, is left out (see the note on
// ReviewQueueRepository.count).
const QUEUE_QUERY = `query ($id: ID!) { reviewQueue(regulatorId: $id, first: 20) {
  edges { node { ageDays waitingSince disclosure { accessionNumber kind status company { name } } } }
  pageInfo { hasNextPage } } }`;

/**
 * The SUBMITTED filings walked in submission order on the queue index, each probed for a deployment in the
 * covered parties (computed once) until the page is full: the plan for a jurisdiction as wide as the EU.
 */
const QUEUE_FLOOR = {
  sql: `WITH page AS (SELECT q.id, q.submitted_at FROM disclosure q
        WHERE q.status = 'SUBMITTED'
          AND EXISTS (SELECT 1 FROM ai_system_deployment dep WHERE dep.ai_system_id = q.ai_system_id
                AND dep.party_code = ANY((SELECT array_agg(p.code) FROM
                  ${covered('(SELECT jurisdiction FROM regulator WHERE id = $1)', 'current_date')} AS p(code))::varchar[])
                OFFSET 0)
        ORDER BY q.submitted_at, q.id LIMIT 21)
    SELECT json_build_object('data', json_build_object('reviewQueue', json_build_object(
      'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
          'ageDays', greatest(0, floor(extract(epoch FROM now() - d.submitted_at) / 86400))::int,
          'waitingSince', ${instant('d.submitted_at')},
          'disclosure', json_build_object('accessionNumber', d.accession_number, 'kind', d.kind, 'status', d.status,
            'company', json_build_object('name', c.name)))) ORDER BY p.submitted_at, p.id)
        FROM (SELECT * FROM page ORDER BY submitted_at, id LIMIT 20) p JOIN disclosure d ON d.id = p.id
          JOIN company c ON c.id = d.company_id), '[]'),
      'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > 20))))::text`,
  params: [BENCH_REGULATOR],
};

/**
 * Compliance as the registry defines it (compliance.repository.ts), written out by hand for one question: the
 * requirements in force binding in the jurisdiction (and every initiative's), the parties they reach there, the
 * (requirement, system) pairs, and per pair the best filing of the year under each template, the closest
 * certification and the bans in force where it reaches the system. `$1` the date, `$2` the jurisdiction;
 * `subjects` narrows the systems (a company's).
 */
function assessedSql(subjects: string): string {
  const matches = `(cardinality(r.risk_levels) = 0 OR s.risk_level = ANY(r.risk_levels))
    AND (cardinality(r.organization_roles) = 0 OR s.organization_role = ANY(r.organization_roles))`;
  const ban = `e.kind IN ('DEPLOYMENT_BAN', 'DEPLOYMENT_SUSPENSION') AND e.status IN ('OPEN', 'UNDER_APPEAL')
    AND e.effective_from <= $1::date AND (e.effective_until IS NULL OR $1::date < e.effective_until)`;
  return `cov AS MATERIALIZED ${covered('$2', '$1::date')},
    req AS MATERIALIZED (SELECT r.* FROM disclosure_requirement r
      WHERE r.effective_from <= $1::date AND (r.effective_until IS NULL OR $1::date < r.effective_until)
        AND (r.initiative_id IS NOT NULL OR r.jurisdiction IN (SELECT $2::varchar UNION
          SELECT m.group_key FROM country_group_membership m WHERE m.party_code = $2
            AND (m.valid_from IS NULL OR m.valid_from <= $1::date) AND (m.valid_to IS NULL OR m.valid_to > $1::date)))),
    reach AS MATERIALIZED (SELECT DISTINCT x.requirement_id, x.party_code FROM (
        SELECT r.id AS requirement_id, c.code AS party_code FROM req r
          CROSS JOIN LATERAL ${covered('r.jurisdiction', '$1::date')} AS c(code) WHERE r.jurisdiction IS NOT NULL
        UNION ALL
        SELECT r.id, p.party_code FROM req r JOIN participation p ON p.initiative_id = r.initiative_id
        WHERE p.retracted_at IS NULL AND p.valid_from <= $1::date AND (p.valid_to IS NULL OR $1::date < p.valid_to)
      ) x WHERE x.party_code IN (SELECT * FROM cov)),
    banned AS MATERIALIZED (SELECT DISTINCT e.company_id FROM enforcement_action e WHERE ${ban}),
    pair AS (SELECT x.requirement_id, x.ai_system_id, x.company_id, array_agg(x.party_code) AS via FROM (
        SELECT rc.requirement_id, s.id AS ai_system_id, s.company_id, rc.party_code
        FROM reach rc JOIN req r ON r.id = rc.requirement_id JOIN ai_system_deployment dep ON dep.party_code = rc.party_code
          JOIN ai_system s ON s.id = dep.ai_system_id WHERE ${subjects} AND ${matches}
        UNION ALL
        SELECT rc.requirement_id, s.id, s.company_id, rc.party_code
        FROM reach rc JOIN req r ON r.id = rc.requirement_id AND r.initiative_id IS NOT NULL
          JOIN company co ON co.country_iso3 = rc.party_code JOIN ai_system s ON s.company_id = co.id
        WHERE ${subjects} AND ${matches}) x
      GROUP BY 1, 2, 3),
    assessed AS (SELECT p.requirement_id, p.ai_system_id, p.company_id, r.title,
        CASE WHEN f.missing OR (r.certification_required AND NOT coalesce(cert.valid, false)) OR bans.any
               THEN CASE r.regime WHEN 'MANDATORY' THEN 'NON_COMPLIANT' ELSE 'NOT_REQUIRED' END
             WHEN f.pending THEN 'PENDING_REVIEW' ELSE 'COMPLIANT' END AS status
      FROM pair p JOIN req r ON r.id = p.requirement_id
      CROSS JOIN LATERAL (SELECT bool_or(b.status IS NULL OR b.status NOT IN ('ACCEPTED', 'SUBMITTED', 'UNDER_REVIEW')) AS missing,
          bool_or(b.status IN ('SUBMITTED', 'UNDER_REVIEW')) AS pending
        FROM jsonb_array_elements(r.templates) t(template)
        LEFT JOIN LATERAL (SELECT d.status FROM disclosure d
          WHERE d.ai_system_id = p.ai_system_id AND d.template_key = t.template->>'key' AND d.submitted_at IS NOT NULL
            AND left(d.reporting_period, 4) = to_char($1::date, 'YYYY') AND d.template_version >= (t.template->>'minVersion')::int
            AND d.amendment_type IS DISTINCT FROM 'WITHDRAWAL'
          ORDER BY array_position(ARRAY['ACCEPTED', 'UNDER_REVIEW', 'SUBMITTED']::varchar[], d.status) NULLS LAST
          LIMIT 1) b ON TRUE) f
      LEFT JOIN LATERAL (SELECT bool_or(c.status = 'ACTIVE' AND c.issued_on <= $1::date AND $1::date < c.expires_on) AS valid
        FROM certification c WHERE c.company_id = p.company_id AND (c.ai_system_id IS NULL OR c.ai_system_id = p.ai_system_id)
          AND (r.certification_scheme IS NULL OR c.scheme = r.certification_scheme)) cert ON r.certification_required
      CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM enforcement_action e
        WHERE p.company_id IN (SELECT company_id FROM banned) AND e.company_id = p.company_id
          AND (e.ai_system_id IS NULL OR e.ai_system_id = p.ai_system_id) AND ${ban}
          AND (e.jurisdiction = ANY(p.via) OR EXISTS (SELECT 1 FROM country_group_membership m
            WHERE m.group_key = e.jurisdiction AND m.party_code = ANY(p.via)
              AND (m.valid_from IS NULL OR m.valid_from <= $1::date) AND (m.valid_to IS NULL OR m.valid_to > $1::date)))) AS any) bans)`;
}

/** Best to worst. */
const ORDER = `ARRAY['NOT_REQUIRED', 'COMPLIANT', 'PENDING_REVIEW', 'NON_COMPLIANT']`;

const STATUS_QUERY = `query ($id: ID!, $j: String, $asOf: LocalDate) {
  complianceStatus(companyId: $id, jurisdiction: $j, asOf: $asOf) { status requirements { requirementId aiSystemId status } } }`;

const STATUS_FLOOR = {
  sql: `WITH ${assessedSql('s.company_id = $3::uuid')}
    SELECT json_build_object('data', json_build_object('complianceStatus', json_build_object(
      'status', (${ORDER})[coalesce(max(array_position(${ORDER}, a.status)), 1)],
      'requirements', coalesce(json_agg(json_build_object('requirementId', a.requirement_id, 'aiSystemId', a.ai_system_id,
          'status', a.status) ORDER BY array_position(${ORDER}, a.status) DESC, a.title, a.requirement_id, a.ai_system_id)
        FILTER (WHERE a.requirement_id IS NOT NULL), '[]'))))::text
    FROM company co LEFT JOIN assessed a ON a.company_id = co.id WHERE co.id = $3::uuid`,
  params: [AS_OF, JURISDICTION, COMPANY],
};

const OVERVIEW_QUERY = `query ($j: String!, $asOf: LocalDate) {
  complianceOverview(jurisdiction: $j, asOf: $asOf) { jurisdiction companies counts { status companies } } }`;

const OVERVIEW_FLOOR = {
  sql: `WITH ${assessedSql('TRUE')},
    universe AS (SELECT co.id FROM company co WHERE co.country_iso3 IN (SELECT * FROM cov)
      UNION SELECT s.company_id FROM ai_system_deployment dep JOIN ai_system s ON s.id = dep.ai_system_id
      WHERE dep.party_code IN (SELECT * FROM cov)),
    worst AS (SELECT a.company_id, max(array_position(${ORDER}, a.status)) AS rank FROM assessed a GROUP BY 1),
    counted AS (SELECT coalesce(w.rank, 1) AS rank, count(*)::int AS n FROM universe u
      LEFT JOIN worst w ON w.company_id = u.id GROUP BY 1)
    SELECT json_build_object('data', json_build_object('complianceOverview', json_build_object(
      'jurisdiction', $2::text, 'companies', (SELECT coalesce(sum(n), 0)::int FROM counted),
      'counts', (SELECT json_agg(json_build_object('status', (${ORDER})[k], 'companies', coalesce(c.n, 0)) ORDER BY k DESC)
        FROM generate_series(1, 4) k LEFT JOIN counted c ON c.rank = k))))::text`,
  params: [AS_OF, JURISDICTION],
};

export const oversightScenarios: Scenario[] = [
  {
    name: 'oversight: reviewQueue of the EU regulator, first 20 (its member signed in)',
    dataset: 'oversight',
    signedIn: 'regulator',
    query: QUEUE_QUERY,
    variables: { id: BENCH_REGULATOR },
    floor: QUEUE_FLOOR,
    same: true,
    check: (body) => {
      const queue = body.data?.reviewQueue;
      const edges = queue?.edges ?? [];
      const oldestFirst = edges.every(
        (edge: any, i: number) => i === 0 || edges[i - 1].node.waitingSince <= edge.node.waitingSince,
      );
      if (
        edges.length !== 20 ||
        !oldestFirst ||
        queue.pageInfo?.hasNextPage !== true ||
        !edges.every((edge: any) => edge.node.disclosure.status === 'SUBMITTED')
      ) {
        throw new Error(`expected the 20 oldest SUBMITTED filings: ${JSON.stringify(body).slice(0, 400)}`);
      }
    },
  },
  {
    name: `oversight: complianceStatus of a company in ${JURISDICTION}`,
    dataset: 'oversight',
    query: STATUS_QUERY,
    variables: { id: COMPANY, j: JURISDICTION, asOf: AS_OF },
    floor: STATUS_FLOOR,
    same: true,
    check: (body) => {
      const answer = body.data?.complianceStatus;
      if (!answer?.status || !(answer.requirements?.length > 0)) {
        throw new Error(`expected the company's requirements: ${JSON.stringify(body).slice(0, 400)}`);
      }
    },
  },
  {
    name: `oversight: complianceOverview of ${JURISDICTION}`,
    dataset: 'oversight',
    query: OVERVIEW_QUERY,
    variables: { j: JURISDICTION, asOf: AS_OF },
    floor: OVERVIEW_FLOOR,
    same: true,
    check: (body) => {
      const answer = body.data?.complianceOverview;
      const sum = answer?.counts?.reduce((total: number, count: any) => total + count.companies, 0);
      if (answer?.counts?.length !== 4 || !(answer.companies > 0) || sum !== answer.companies) {
        throw new Error(`expected the four counts of the jurisdiction: ${JSON.stringify(body).slice(0, 400)}`);
      }
    },
  },
];
