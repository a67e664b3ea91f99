import { disclosureScenarios } from './disclosure-scenarios.js';
import { oversightScenarios } from './oversight-scenarios.js';

/** One GraphQL request the bench repeats; later features add theirs here. */
export interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent with the bench admin's access token; 'regulator', with that of a member of the bench regulator. */
  signedIn?: boolean | 'regulator';
  /** Throws when an answer is wrong, so that a fast wrong answer never counts. */
  check(body: any): void;
  /**
   * Run after the others on a generated data set: 'generated', governance (bench/generate-governance.ts);
   * 'disclosures', the disclosure registry (bench/generate-disclosures.ts); 'oversight', that registry with
   * regulators, requirements, certifications, enforcement and reviews (bench/generate-oversight.ts).
   */
  dataset?: 'generated' | 'disclosures' | 'oversight';
  /** The same answer from one hand-written SQL statement building the JSON body, served by bench/floor-server.ts. */
  floor?: { sql: string; params?: unknown[] };
  /** The floor's answer must be exactly ours (not only pass `check`). */
  same?: boolean;
  /** A path of the server read in full (GET, streamed) while the scenario runs, its peak RSS reported with it. */
  during?: string;
}

const SEVEN = [
  'bletchley_2023',
  'coe_cai_2022_2024',
  'g20_ai_2019',
  'g7_hiroshima_2023',
  'gpai_ministerial_2022',
  'oecd_ai_2019',
  'seoul_ministerial_2024',
];
/** Twenty generated initiatives: a matrix a reader would ask for (countries by a selection of initiatives). */
const TWENTY = Array.from({ length: 20 }, (_, i) => `gen_${String(i * 97 + 1).padStart(4, '0')}`);
const AS_OF = '2024-06-30';

/**
 * The statement a careful hand would write for the floor: specialised to the arguments as ours is (no
 * `$1 IS NULL OR ...`, which a generic plan cannot see through), the selected initiatives read once, and only the
 * bound values that are used (in order).
 */
function floorStatement(keys: string[] | null, build: (keys: string | null, asOf: string) => string) {
  const params: unknown[] = keys === null ? [AS_OF] : [keys, AS_OF];
  return { sql: build(keys === null ? null : '$1', keys === null ? '$1' : '$2'), params };
}

/** Among the CTE `selected`: one btree probe per selected initiative within a country's rows. */
const AMONG = `p.initiative_id = ANY((SELECT array_agg(s.id) FROM selected s)::uuid[])`;
const LIVE = (asOf: string) =>
  `p.valid_from <= ${asOf}::date AND (p.valid_to IS NULL OR ${asOf}::date < p.valid_to) AND p.retracted_at IS NULL`;

/**
 * The floor's distribution: the same buckets as participationDistribution, built as JSON in one statement, on the
 * same plans: over every initiative, each country's distinct initiatives counted on the party index (no sort of
 * every row); over some, only their rows, read on the (initiative, party) index and hashed.
 */
function distributionFloor(keys: string[] | null, unMembersOnly: boolean) {
  const countries = `FROM (SELECT iso3 FROM country ${unMembersOnly ? 'WHERE un_member' : ''}) c`;
  return floorStatement(
    keys,
    (k, asOf) => `WITH selected AS (SELECT id FROM initiative ${k ? `WHERE key = ANY(${k}::text[])` : ''}),
      counts AS (${
        k
          ? `SELECT c.iso3, count(DISTINCT p.initiative_id)::int AS n ${countries}
             LEFT JOIN participation p ON p.party_code = c.iso3 AND p.initiative_id IN (SELECT s.id FROM selected s)
               AND ${LIVE(asOf)}
             GROUP BY c.iso3`
          : `SELECT c.iso3, (SELECT count(*) FROM (SELECT DISTINCT p.initiative_id FROM participation p
               WHERE p.party_code = c.iso3 AND ${LIVE(asOf)}) d)::int AS n ${countries}`
      }),
      buckets AS (
        SELECT k, count(c.iso3)::int AS n, COALESCE(array_agg(c.iso3 ORDER BY c.iso3) FILTER (WHERE c.iso3 IS NOT NULL), '{}') AS codes
        FROM generate_series(0, (SELECT count(*) FROM selected)::int) k LEFT JOIN counts c ON c.n = k GROUP BY k)
      SELECT json_build_object('data', json_build_object('participationDistribution', json_build_object(
        'total', (SELECT sum(n) FROM buckets), 'initiativeCount', (SELECT count(*) FROM selected),
        'buckets', (SELECT json_agg(json_build_object('initiativeCount', k, 'countryCount', n, 'countryCodes', codes) ORDER BY k) FROM buckets))))::text`,
  );
}

/**
 * The floor's matrix: a page of 100 countries with their cells, as JSON in one statement, on the same plan (per
 * country, one probe per selected initiative into the live (party, initiative) index, which covers the cell).
 */
function matrixFloor(keys: string[] | null, unMembersOnly: boolean) {
  return floorStatement(
    keys,
    (
      k,
      asOf,
    ) => `${k ? `WITH selected AS MATERIALIZED (SELECT id, key FROM initiative WHERE key = ANY(${k}::text[]))` : ''}
      SELECT json_build_object('data', json_build_object('participationMatrix', json_build_object('edges',
        COALESCE(json_agg(json_build_object('node', json_build_object('iso3', r.iso3, 'cells', r.cells)) ORDER BY r.iso3), '[]'))))::text
      FROM (SELECT c.iso3, COALESCE((
          SELECT json_agg(json_build_object('initiativeKey', i.key, 'role', p.role, 'validFrom', p.valid_from, 'validTo', p.valid_to)
            ORDER BY i.key, p.role, p.valid_from)
          FROM participation p JOIN ${k ? 'selected' : 'initiative'} i ON i.id = p.initiative_id
          WHERE p.party_code = c.iso3 ${k ? `AND ${AMONG}` : ''} AND ${LIVE(asOf)}), '[]') AS cells
        FROM country c ${unMembersOnly ? 'WHERE c.un_member' : ''} ORDER BY c.iso3 LIMIT 100) r`,
  );
}

function distributionCheck(total: number, initiatives: number) {
  return (body: any) => {
    const answer = body.data?.participationDistribution;
    if (
      answer?.total !== total ||
      answer.initiativeCount !== initiatives ||
      answer.buckets.length !== initiatives + 1
    ) {
      throw new Error(
        `expected ${total} countries over ${initiatives} initiatives: ${JSON.stringify(body).slice(0, 300)}`,
      );
    }
  };
}

function matrixCheck(minCells: number) {
  return (body: any) => {
    const edges = body.data?.participationMatrix?.edges;
    const cells = edges?.reduce((sum: number, edge: any) => sum + edge.node.cells.length, 0);
    if (edges?.length !== 100 || !(cells >= minCells)) {
      throw new Error(`expected 100 rows and ${minCells}+ cells: ${JSON.stringify(body).slice(0, 300)}`);
    }
  };
}

const DISTRIBUTION_QUERY = `query ($keys: [String!], $asOf: LocalDate, $un: Boolean!) {
  participationDistribution(initiativeKeys: $keys, asOf: $asOf, unMembersOnly: $un) {
    total initiativeCount buckets { initiativeCount countryCount countryCodes } } }`;
const MATRIX_QUERY = `query ($keys: [String!], $asOf: LocalDate, $un: Boolean) {
  participationMatrix(first: 100, countryFilter: { unMember: $un }, initiativeKeys: $keys, asOf: $asOf) {
    edges { node { iso3 cells { initiativeKey role validFrom validTo } } } } }`;

export const governanceScenarios: Scenario[] = [
  {
    name: 'participationDistribution: Figure 12',
    query: DISTRIBUTION_QUERY,
    variables: { keys: SEVEN, asOf: AS_OF, un: true },
    floor: distributionFloor(SEVEN, true),
    check: distributionCheck(193, 7),
  },
  {
    name: 'participationMatrix: 100 UN members x 7',
    query: MATRIX_QUERY,
    variables: { keys: SEVEN, asOf: AS_OF, un: true },
    floor: matrixFloor(SEVEN, true),
    check: matrixCheck(100),
  },
  {
    name: 'generated: participationDistribution, all 2,007 initiatives',
    dataset: 'generated',
    query: DISTRIBUTION_QUERY,
    variables: { keys: null, asOf: AS_OF, un: false },
    floor: distributionFloor(null, false),
    check: distributionCheck(249, 2007),
  },
  {
    name: 'generated: participationMatrix, 100 countries x 20',
    dataset: 'generated',
    query: MATRIX_QUERY,
    variables: { keys: TWENTY, asOf: AS_OF, un: null },
    floor: matrixFloor(TWENTY, false),
    check: matrixCheck(300),
  },
];

export const scenarios: Scenario[] = [
  {
    name: 'countries: G7',
    query: `{ countries(first: 10, filter: {groupKey: "G7"}) { totalCount edges { node { iso3 name } } } }`,
    check: (body) => {
      if (body.data?.countries?.totalCount !== 7) throw new Error(`expected 7 G7 countries: ${JSON.stringify(body)}`);
    },
  },
  {
    name: 'countries: 100 with groups',
    query: `{ countries(first: 100) { edges { node { iso3 name region unMember groups { key } } } } }`,
    check: (body) => {
      if (body.data?.countries?.edges?.length !== 100)
        throw new Error(`expected 100 countries: ${JSON.stringify(body)}`);
    },
  },
  {
    name: 'country by iso3',
    query: `{ country(iso3: "KEN") { iso3 name subregion developmentStatus } }`,
    check: (body) => {
      if (body.data?.country?.iso3 !== 'KEN') throw new Error(`expected Kenya: ${JSON.stringify(body)}`);
    },
  },
  {
    name: 'me, anonymous',
    query: `{ me { id } }`,
    check: (body) => {
      if (body.data?.me !== null) throw new Error(`expected null: ${JSON.stringify(body)}`);
    },
  },
  {
    name: 'me, signed in (token + user lookup)',
    query: `{ me { id } }`,
    signedIn: true,
    check: (body) => {
      if (!body.data?.me?.id) throw new Error(`expected the caller: ${JSON.stringify(body)}`);
    },
  },
  ...governanceScenarios,
  ...disclosureScenarios,
  ...oversightScenarios,
];
