// The disclosure registry's hot public reads, on the generated registry (bench/generate-disclosures.ts), each
// beside a floor: the same answer from one hand-written statement that builds the JSON body in PostgreSQL, on the
// same plan a careful hand would choose (newest first on the (kind, submitted_at, id) index with a probe of the
// system's deployments; relevance ranked over the GIN matches of the search documents; a company's newest on its own index).
import { generatedId } from './generated-id.js';
import type { Scenario } from './scenarios.js';

/** A large filer with an LEI: company 3 has about a thousand filings (company 1, the largest, about 3,000). */
export const BENCH_COMPANY = generatedId('company', 3);
export const EXPORT_PATH = '/exports/disclosures.jsonl';

/** As the DateTime scalar writes an instant: toISOString(). */
const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A list cursor as the registry encodes it: base64url of the JSON array [submitted_at in microseconds, id]. */
const cursor = (submittedAt: string, id: string) =>
  `translate(encode(convert_to(format('["%s","%s"]', (extract(epoch FROM ${submittedAt}) * 1000000)::bigint, ${id}),
     'UTF8'), 'base64'), E'+/=\\n', '-_')`;

const PAGE_QUERY = `{ disclosures(filter: {kind: "TRANSPARENCY_REPORT", jurisdiction: "DEU"}, first: 20) {
  edges { node { accessionNumber submittedAt status kind reportingPeriod company { name } aiSystem { name } } }
  pageInfo { endCursor hasNextPage } } }`;

const PAGE_FLOOR = {
  sql: `WITH page AS (
      SELECT d.id, d.accession_number, d.submitted_at, d.status, d.kind, d.reporting_period, d.company_id,
        d.ai_system_id, row_number() OVER (ORDER BY d.submitted_at DESC, d.id DESC) AS n
      FROM disclosure d
      WHERE d.kind = $1 AND d.submitted_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM ai_system_deployment dep WHERE dep.ai_system_id = d.ai_system_id AND dep.party_code = $2)
      ORDER BY d.submitted_at DESC, d.id DESC LIMIT 21)
    SELECT json_build_object('data', json_build_object('disclosures', json_build_object(
      'edges', coalesce(json_agg(json_build_object('node', json_build_object(
          'accessionNumber', p.accession_number, 'submittedAt', ${instant('p.submitted_at')}, 'status', p.status,
          'kind', p.kind, 'reportingPeriod', p.reporting_period, 'company', json_build_object('name', c.name),
          'aiSystem', json_build_object('name', s.name))) ORDER BY p.n) FILTER (WHERE p.n <= 20), '[]'),
      'pageInfo', json_build_object(
        'endCursor', (array_agg(${cursor('p.submitted_at', 'p.id')} ORDER BY p.n) FILTER (WHERE p.n <= 20))[least(20, count(*))],
        'hasNextPage', count(*) > 20))))::text
    FROM page p JOIN company c ON c.id = p.company_id JOIN ai_system s ON s.id = p.ai_system_id`,
  params: ['TRANSPARENCY_REPORT', 'DEU'],
};

function pageCheck(body: any): void {
  const page = body.data?.disclosures;
  const nodes = page?.edges?.map((edge: any) => edge.node) ?? [];
  const newestFirst = nodes.every((node: any, i: number) => i === 0 || nodes[i - 1].submittedAt >= node.submittedAt);
  if (
    nodes.length !== 20 ||
    !nodes.every((node: any) => node.kind === 'TRANSPARENCY_REPORT' && node.company?.name && node.aiSystem?.name) ||
    !newestFirst ||
    page.pageInfo?.hasNextPage !== true ||
    !page.pageInfo.endCursor
  ) {
    throw new Error(`expected the 20 newest German transparency reports: ${JSON.stringify(body).slice(0, 400)}`);
  }
}

const SEARCH_QUERY = `{ disclosures(filter: {text: "facial recognition"}, first: 20) {
  edges { node { accessionNumber company { name } } } } }`;

/** Every match ranked (ts_rank), the best 20: ties newest first, then by id, as the registry orders them. */
const SEARCH_FLOOR = {
  sql: `SELECT json_build_object('data', json_build_object('disclosures', json_build_object('edges',
      coalesce(json_agg(json_build_object('node', json_build_object('accessionNumber', d.accession_number,
        'company', json_build_object('name', c.name))) ORDER BY p.rank DESC, p.submitted_at DESC, p.id DESC), '[]'))))::text
    FROM (SELECT s.disclosure_id AS id, s.submitted_at, ts_rank(s.document, q.q) AS rank
          FROM disclosure_search s, websearch_to_tsquery('english', $1) AS q(q)
          WHERE s.document @@ q.q
          ORDER BY rank DESC, s.submitted_at DESC, s.disclosure_id DESC LIMIT 20) p
    JOIN disclosure d ON d.id = p.id JOIN company c ON c.id = d.company_id`,
  params: ['facial recognition'],
};

function searchCheck(body: any): void {
  const edges = body.data?.disclosures?.edges;
  if (edges?.length !== 20 || !edges.every((edge: any) => /^AID-\d{4}-\d{6,}$/.test(edge.node.accessionNumber))) {
    throw new Error(`expected 20 filings about facial recognition: ${JSON.stringify(body).slice(0, 400)}`);
  }
}

const COMPANY_QUERY = `query ($id: ID!) { company(id: $id) { name lei disclosures(first: 10) {
  edges { node { accessionNumber submittedAt status } } } } }`;

const COMPANY_FLOOR = {
  sql: `SELECT json_build_object('data', json_build_object('company', json_build_object('name', c.name, 'lei', c.lei,
      'disclosures', json_build_object('edges', (
        SELECT coalesce(json_agg(json_build_object('node', json_build_object('accessionNumber', d.accession_number,
            'submittedAt', ${instant('d.submitted_at')}, 'status', d.status)) ORDER BY d.submitted_at DESC, d.id DESC), '[]')
        FROM (SELECT id, accession_number, submitted_at, status FROM disclosure
              WHERE company_id = c.id AND submitted_at IS NOT NULL
              ORDER BY submitted_at DESC, id DESC LIMIT 10) d)))))::text
    FROM company c WHERE c.id = $1`,
  params: [BENCH_COMPANY],
};

function companyCheck(body: any): void {
  const company = body.data?.company;
  if (!company?.name || !company.lei || company.disclosures?.edges?.length !== 10) {
    throw new Error(`expected the company and its 10 newest filings: ${JSON.stringify(body).slice(0, 400)}`);
  }
}

export const disclosureScenarios: Scenario[] = [
  {
    name: 'disclosures: transparency reports in DEU, newest 20',
    dataset: 'disclosures',
    query: PAGE_QUERY,
    floor: PAGE_FLOOR,
    same: true,
    check: pageCheck,
  },
  {
    name: 'disclosures: text "facial recognition", best 20',
    dataset: 'disclosures',
    query: SEARCH_QUERY,
    floor: SEARCH_FLOOR,
    same: true,
    check: searchCheck,
  },
  {
    name: 'disclosures: a company and its newest 10',
    dataset: 'disclosures',
    query: COMPANY_QUERY,
    variables: { id: BENCH_COMPANY },
    floor: COMPANY_FLOOR,
    same: true,
    check: companyCheck,
  },
  {
    name: `disclosures: the DEU page while GET ${EXPORT_PATH} streams`,
    dataset: 'disclosures',
    query: PAGE_QUERY,
    during: EXPORT_PATH,
    check: pageCheck,
  },
];
