import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { projectFile } from '../../src/common/project-file.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let unMembers: Set<string>;
beforeAll(async () => {
  t = await startTestApp();
  const rows = await t.sql<{ iso3: string }>(`SELECT iso3 FROM country WHERE un_member`);
  unMembers = new Set(rows.map((row) => row.iso3));
});
afterAll(() => t.close());

const G7 = ['CAN', 'DEU', 'FRA', 'GBR', 'ITA', 'JPN', 'USA'];
const SEVEN = [
  'bletchley_2023',
  'coe_cai_2022_2024',
  'g20_ai_2019',
  'g7_hiroshima_2023',
  'gpai_ministerial_2022',
  'oecd_ai_2019',
  'seoul_ministerial_2024',
];

const DISTRIBUTION = graphql(`
  query Distribution($keys: [String!], $groupKey: String, $asOf: LocalDate, $knownAt: DateTime, $un: Boolean) {
    participationDistribution(
      initiativeKeys: $keys
      groupKey: $groupKey
      asOf: $asOf
      knownAt: $knownAt
      unMembersOnly: $un
    ) {
      total
      initiativeCount
      asOf
      buckets {
        initiativeCount
        countryCount
        countryCodes
      }
    }
  }
`);

/** Bucket sizes, index k = countries in exactly k initiatives. */
function sizes(data: { participationDistribution: { buckets: { countryCount: number }[] } }): number[] {
  return data.participationDistribution.buckets.map((bucket) => bucket.countryCount);
}

/** The same distribution counted here from the seed's CSV: rows begun by `asOf`, UN member states only. */
function countedFromCsv(asOf: string): number[] {
  const rows: { party: string; initiative_key: string; valid_from: string }[] = parse(
    readFileSync(projectFile('data/governance/participation.csv')),
    { columns: true, skip_empty_lines: true },
  );
  const initiativesOf = new Map<string, Set<string>>([...unMembers].map((code) => [code, new Set<string>()]));
  for (const row of rows) {
    if (row.valid_from <= asOf) initiativesOf.get(row.party)?.add(row.initiative_key);
  }
  const buckets = new Array<number>(SEVEN.length + 1).fill(0);
  for (const initiatives of initiativesOf.values()) buckets[initiatives.size] += 1;
  return buckets;
}

describe('participationDistribution (Figure 12)', () => {
  it('today, over the seven initiatives and the 193 UN member states: only the G7 in all seven, 118 in none', async () => {
    const { data, errors } = await t.gql(DISTRIBUTION, { keys: SEVEN });
    expect(errors).toBeUndefined();
    const distribution = data!.participationDistribution;
    expect(distribution.initiativeCount).toBe(7);
    expect(distribution.buckets.map((bucket) => bucket.initiativeCount)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(distribution.buckets[7].countryCodes).toEqual(G7);
    expect(distribution.buckets[0].countryCount).toBe(118);
    expect(distribution.total).toBe(193);
    expect(sizes(data!).reduce((a, b) => a + b, 0)).toBe(193);
    // The selection defaults to every initiative: the seven seeded ones.
    const all = await t.gql(DISTRIBUTION, {});
    expect(all.data).toEqual(data);
  });

  it('matches a count made here from the CSV, today and as of 2023-06-30 (before Hiroshima, Bletchley, Seoul)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const now = await t.gql(DISTRIBUTION, { keys: SEVEN });
    expect(sizes(now.data!)).toEqual(countedFromCsv(today));

    const then = await t.gql(DISTRIBUTION, { keys: SEVEN, asOf: '2023-06-30' });
    expect(then.errors).toBeUndefined();
    expect(sizes(then.data!)).toEqual(countedFromCsv('2023-06-30'));
    // Nobody can be in more than the four initiatives that had begun.
    expect(sizes(then.data!).slice(5)).toEqual([0, 0, 0]);
    expect(then.data!.participationDistribution.buckets[4].countryCodes).toEqual(expect.arrayContaining(G7));
  });

  it("does not pass the EU's participation on to its member states", async () => {
    const { data } = await t.gql(
      graphql(`
        {
          initiative(key: "g7_hiroshima_2023") {
            participantCount
            un: participantCount(unMembersOnly: true)
          }
          country(iso3: "AUT") {
            initiativeCount
            participations {
              initiative {
                key
              }
            }
          }
          eu: countryGroup(key: "EU") {
            memberCount
          }
        }
      `),
    );
    expect(data!.initiative).toEqual({ participantCount: 8, un: 7 });
    // Austria (in the EU, which takes part in all seven) drafted the convention and adheres to the OECD principles.
    expect(data!.country!.initiativeCount).toBe(2);
    expect(data!.country!.participations.map((p) => p.initiative.key)).toEqual(['coe_cai_2022_2024', 'oecd_ai_2019']);
  });

  it('restricts to a group as of the date asked: G20 countries, and how many LDCs take part in nothing', async () => {
    const g20 = await t.gql(DISTRIBUTION, { groupKey: 'G20' });
    expect(g20.errors).toBeUndefined();
    expect(g20.data!.participationDistribution.total).toBe(19);
    expect(g20.data!.participationDistribution.buckets[7].countryCodes).toEqual(G7);
    expect(g20.data!.participationDistribution.buckets[0].countryCount).toBe(0);

    const groupSize = graphql(`
      query GroupSize($asOf: LocalDate) {
        countries(filter: { groupKey: "LDC", unMember: true }, asOf: $asOf) {
          totalCount
        }
      }
    `);
    for (const asOf of [undefined, '2023-06-30']) {
      const ldc = await t.gql(DISTRIBUTION, { groupKey: 'LDC', asOf });
      const size = await t.gql(groupSize, { asOf });
      expect(ldc.data!.participationDistribution.total).toBe(size.data!.countries.totalCount);
      if (asOf === undefined) {
        // Senegal (GPAI) and Rwanda (Bletchley, Seoul) are the only least developed countries taking part.
        expect(ldc.data!.participationDistribution.buckets[0].countryCount).toBe(42);
        expect(ldc.data!.participationDistribution.total).toBe(44);
      } else {
        // Bhutan was still on the list in mid-2023 (it graduated in December).
        expect(ldc.data!.participationDistribution.buckets[0].countryCodes).toContain('BTN');
      }
    }
  });

  it('counts parties that are not UN member states when asked to', async () => {
    const { data } = await t.gql(DISTRIBUTION, { keys: ['coe_cai_2022_2024'], un: false });
    // The Holy See drafted the convention; the EU is not a country and is never counted here.
    expect(data!.participationDistribution.buckets[1].countryCodes).toContain('VAT');
    expect(data!.participationDistribution.buckets[1].countryCodes).not.toContain('EU');
    expect(data!.participationDistribution.total).toBe(249);
  });

  it('runs one SQL statement', async () => {
    await t.gql(DISTRIBUTION, { keys: SEVEN, asOf: '2024-01-01' });
    t.queries.length = 0;
    await t.gql(DISTRIBUTION, { keys: SEVEN, groupKey: 'G20', asOf: '2024-01-02' });
    expect(t.queries.filter((sql) => !/^(BEGIN|COMMIT|START)/.test(sql))).toHaveLength(1);
  });

  it('refuses unknown initiatives and groups, naming the argument', async () => {
    const unknownKey = await t.gql(DISTRIBUTION, { keys: ['oecd_ai_2019', 'no_such_thing'] });
    expect(unknownKey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'initiativeKeys' });
    const unknownGroup = await t.gql(DISTRIBUTION, { groupKey: 'G99' });
    expect(unknownGroup.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'args.groupKey' });
  });
});

describe('participationMatrix', () => {
  const MATRIX = graphql(`
    query Matrix($filter: CountryFilter, $keys: [String!], $asOf: LocalDate, $after: String) {
      participationMatrix(countryFilter: $filter, initiativeKeys: $keys, asOf: $asOf, first: 4, after: $after) {
        totalCount
        edges {
          node {
            iso3
            country {
              name
            }
            cells {
              initiativeKey
              role
              validFrom
              validFromPrecision
              validTo
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `);

  it('gives each country of the filter its cells, with role and dates, page by page', async () => {
    const first = await t.gql(MATRIX, { filter: { groupKey: 'G7' }, keys: ['oecd_ai_2019', 'bletchley_2023'] });
    expect(first.errors).toBeUndefined();
    const page = first.data!.participationMatrix;
    expect(page.totalCount).toBe(7);
    expect(page.edges.map((edge) => edge.node.iso3)).toEqual(['CAN', 'DEU', 'FRA', 'GBR']);
    expect(page.edges[0].node.cells).toEqual([
      {
        initiativeKey: 'bletchley_2023',
        role: 'SIGNATORY',
        validFrom: '2023-11-01',
        validFromPrecision: 'DAY',
        validTo: null,
      },
      {
        initiativeKey: 'oecd_ai_2019',
        role: 'ADHERENT',
        validFrom: '2019-05-22',
        validFromPrecision: 'DAY',
        validTo: null,
      },
    ]);
    const second = await t.gql(MATRIX, {
      filter: { groupKey: 'G7' },
      keys: ['oecd_ai_2019', 'bletchley_2023'],
      after: page.pageInfo.endCursor,
    });
    expect(second.data!.participationMatrix.edges.map((edge) => edge.node.iso3)).toEqual(['ITA', 'JPN', 'USA']);
    expect(second.data!.participationMatrix.pageInfo.hasNextPage).toBe(false);
  });

  it('answers as of a date and filters countries by participation', async () => {
    const { data } = await t.gql(MATRIX, {
      filter: { unMember: true, minInitiatives: 6, maxInitiatives: 6 },
      asOf: '2023-06-30',
    });
    // Nobody reached six before Hiroshima, Bletchley and Seoul.
    expect(data!.participationMatrix.totalCount).toBe(0);
    const today = await t.gql(MATRIX, { filter: { unMember: true, minInitiatives: 6, maxInitiatives: 6 } });
    expect(today.data!.participationMatrix.edges.map((edge) => edge.node.iso3)).toEqual(['AUS', 'TUR']);
    const kenya = await t.gql(MATRIX, { filter: { initiativeKey: 'seoul_ministerial_2024', region: 'Africa' } });
    expect(kenya.data!.participationMatrix.edges.map((edge) => edge.node.iso3)).toEqual(['KEN', 'NGA', 'RWA']);
  });

  it('reads a page of rows and their cells in one statement', async () => {
    await t.gql(MATRIX, { filter: { region: 'Europe' }, asOf: '2024-02-01' });
    t.queries.length = 0;
    const { data } = await t.gql(
      graphql(`
        {
          participationMatrix(countryFilter: { region: "Europe" }, asOf: "2024-02-02", first: 50) {
            edges {
              node {
                iso3
                cells {
                  initiativeKey
                  role
                }
              }
            }
          }
        }
      `),
    );
    expect(data!.participationMatrix.edges.length).toBe(50);
    expect(t.queries).toHaveLength(1);
  });
});

describe('countries, initiatives and participants', () => {
  it('filters countries by initiative and by how many they take part in', async () => {
    const { data, errors } = await t.gql(
      graphql(`
        {
          inSeoul: countries(filter: { initiativeKey: "seoul_ministerial_2024", unMember: true }) {
            totalCount
          }
          inAll: countries(first: 10, filter: { minInitiatives: 7 }) {
            edges {
              node {
                iso3
                initiativeCount
                two: initiativeCount(initiativeKeys: ["oecd_ai_2019", "g20_ai_2019"])
              }
            }
          }
          inNone: countries(filter: { maxInitiatives: 0, unMember: true }) {
            totalCount
          }
        }
      `),
    );
    expect(errors).toBeUndefined();
    expect(data!.inSeoul.totalCount).toBe(27);
    expect(data!.inAll.edges.map((edge) => edge.node)).toEqual(
      G7.map((iso3) => ({ iso3, initiativeCount: 7, two: 2 })),
    );
    expect(data!.inNone.totalCount).toBe(118);
    const unknown = await t.gql(
      graphql(`
        {
          countries(filter: { initiativeKey: "nope_nope" }) {
            totalCount
          }
        }
      `),
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.initiativeKey' });
  });

  it('lists initiatives by key with their details and pages their participants', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          initiatives(filter: { kind: DECLARATION }) {
            totalCount
            edges {
              node {
                key
                kind
                adoptedOn
                binding
              }
            }
          }
          binding: initiatives(filter: { binding: true }) {
            edges {
              node {
                key
              }
            }
          }
          initiative(key: "oecd_ai_2019") {
            name
            participantCount
            then: participantCount(asOf: "2020-01-01")
            participants(first: 3) {
              totalCount
              edges {
                node {
                  party {
                    code
                    kind
                  }
                  role
                  validFrom
                  sourceUrl
                  sourceTitle
                }
              }
            }
          }
          none: initiative(key: "not_there") {
            key
          }
        }
      `),
    );
    expect(data!.initiatives.edges.map((edge) => edge.node)).toEqual([
      { key: 'bletchley_2023', kind: 'DECLARATION', adoptedOn: '2023-11-01', binding: false },
      { key: 'gpai_ministerial_2022', kind: 'DECLARATION', adoptedOn: '2022-11-21', binding: false },
    ]);
    expect(data!.binding.edges.map((edge) => edge.node.key)).toEqual(['coe_cai_2022_2024']);
    const oecd = data!.initiative!;
    // 38 members + 8 non-members + the EU; the EU (2024), Egypt (2021) and Singapore (2022) came later.
    expect(oecd.participantCount).toBe(47);
    expect(oecd.then).toBe(44);
    expect(oecd.participants.totalCount).toBe(47);
    expect(oecd.participants.edges[0].node).toMatchObject({
      party: { code: 'ARG', kind: 'COUNTRY' },
      role: 'ADHERENT',
      sourceUrl: 'https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0449',
    });
    expect(data!.none).toBeNull();
  });

  it('resolves the participations of 100 countries in a bounded number of statements', async () => {
    t.queries.length = 0;
    const { data } = await t.gql(
      graphql(`
        {
          countries(first: 100) {
            edges {
              node {
                iso3
                initiativeCount
                participations {
                  role
                  initiative {
                    key
                  }
                  party {
                    name
                  }
                }
              }
            }
          }
        }
      `),
    );
    expect(data!.countries.edges).toHaveLength(100);
    // The page, then one batch each: counts, participations, their initiatives, their parties.
    expect(t.queries.length).toBeLessThanOrEqual(5);
  });
});

describe('participationChanges', () => {
  const CHANGES = graphql(`
    query Changes($from: DateTime!, $to: DateTime, $after: String) {
      participationChanges(from: $from, to: $to, first: 50, after: $after) {
        totalCount
        edges {
          node {
            kind
            at
            participation {
              partyCode
              initiative {
                key
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `);

  it('lists who joined in a period of the world, in order, page by page', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const { data, errors } = await t.gql(CHANGES, {
        from: '2023-10-01T00:00:00Z',
        to: '2023-12-01T00:00:00Z',
        after,
      });
      expect(errors).toBeUndefined();
      const changes = data!.participationChanges;
      expect(changes.totalCount).toBe(37);
      seen.push(...changes.edges.map((edge) => `${edge.node.kind} ${edge.node.participation.initiative.key}`));
      if (!changes.pageInfo.hasNextPage) break;
      after = changes.pageInfo.endCursor;
    }
    // Hiroshima on 30 October (7 + EU), then Bletchley on 1 November (28 + EU).
    expect(seen).toEqual([
      ...new Array(8).fill('JOINED g7_hiroshima_2023'),
      ...new Array(29).fill('JOINED bletchley_2023'),
    ]);
  });

  it('lists what the registry recorded in a period of registry time', async () => {
    const { data } = await t.gql(CHANGES, { from: '2000-01-01T00:00:00Z' });
    const recorded = await t.sql(`SELECT count(*)::int AS n FROM participation`);
    // Every seeded row was recorded once and began once (none has ended).
    expect(data!.participationChanges.totalCount).toBe(recorded[0].n * 2);
  });
});
