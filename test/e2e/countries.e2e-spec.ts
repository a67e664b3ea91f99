import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql, type ResultOf, type TadaDocumentNode } from '../graphql/graphql.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const G7 = ['CAN', 'DEU', 'FRA', 'GBR', 'ITA', 'JPN', 'USA'];

const COUNTRIES_PAGE = graphql(`
  query Page($after: String) {
    countries(first: 20, after: $after) {
      edges {
        node {
          iso3
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

describe('countries', () => {
  it('filters by group: the G7 query returns the seven G7 countries', async () => {
    const { status, data, errors } = await t.gql(
      graphql(`
        {
          countries(first: 10, filter: { groupKey: "G7" }) {
            totalCount
            edges {
              node {
                iso3
                name
              }
            }
          }
        }
      `),
    );
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data!.countries.totalCount).toBe(7);
    expect(data!.countries.edges.map((edge) => edge.node.iso3)).toEqual(G7);
  });

  it('counts 193 UN member states among 249 countries', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          all: countries {
            totalCount
          }
          un: countries(filter: { unMember: true }) {
            totalCount
          }
        }
      `),
    );
    expect(data).toEqual({ all: { totalCount: 249 }, un: { totalCount: 193 } });
  });

  it('pages through all countries 20 at a time, visiting each exactly once in a stable order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      // Annotated: `after` is assigned from the answer, which TypeScript cannot infer around the loop.
      const { data }: GraphqlResponse<ResultOf<typeof COUNTRIES_PAGE>> = await t.gql(COUNTRIES_PAGE, { after });
      seen.push(...data!.countries.edges.map((edge) => edge.node.iso3));
      pages += 1;
      if (!data!.countries.pageInfo.hasNextPage) break;
      after = data!.countries.pageInfo.endCursor;
    }
    expect(pages).toBe(13);
    expect(seen).toHaveLength(249);
    expect(new Set(seen).size).toBe(249);
    expect(seen).toEqual([...seen].sort());
  });

  it('combines filters: least developed countries in Asia', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          countries(first: 100, filter: { region: "Asia", developmentStatus: LEAST_DEVELOPED }) {
            edges {
              node {
                iso3
                developmentStatus
              }
            }
          }
        }
      `),
    );
    expect(data!.countries.edges.map((edge) => edge.node.iso3)).toEqual([
      'AFG',
      'BGD',
      'KHM',
      'LAO',
      'MMR',
      'NPL',
      'TLS',
      'YEM',
    ]);
  });

  it('answers country(iso3) with the country, case-insensitively, and null for an unknown code', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          gbr: country(iso3: "gbr") {
            iso3
            iso2
            numericCode
            name
            region
            subregion
            unMember
            developmentStatus
          }
          none: country(iso3: "XYZ") {
            iso3
          }
        }
      `),
    );
    expect(data).toEqual({
      gbr: {
        iso3: 'GBR',
        iso2: 'GB',
        numericCode: '826',
        name: 'United Kingdom',
        region: 'Europe',
        subregion: 'Northern Europe',
        unMember: true,
        developmentStatus: 'DEVELOPED',
      },
      none: null,
    });
  });

  it('checks credentials sent with country(iso3) as on any public read: a forged token or key is UNAUTHENTICATED', async () => {
    const lookup = graphql(`
      {
        country(iso3: "KEN") {
          iso3
        }
      }
    `);
    expect((await t.gql(lookup)).data).toEqual({ country: { iso3: 'KEN' } });
    for (const options of [{ token: 'not.a.token' }, { apiKey: 'aigr_forged' }]) {
      const { data, errors } = await t.gql(lookup, {}, options);
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(data?.country ?? null).toBeNull();
    }
  });

  it('resolves groups as of a date', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          country(iso3: "GBR") {
            before: groups(asOf: "2019-06-01") {
              key
            }
            now: groups {
              key
            }
          }
        }
      `),
    );
    expect(data!.country!.before.map((g) => g.key)).toEqual(['EU', 'G20', 'G7', 'OECD']);
    expect(data!.country!.now.map((g) => g.key)).toEqual(['G20', 'G7', 'OECD']);
  });
});

describe('country groups', () => {
  it('EU membership follows the date: GBR in 2019, 27 members and no GBR today', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          countryGroup(key: "EU") {
            past: members(asOf: "2019-06-01") {
              code
            }
            lastDay: members(asOf: "2020-01-30") {
              code
            }
            leftOn: members(asOf: "2020-01-31") {
              code
            }
            today: members {
              code
              kind
              country {
                iso3
              }
            }
            memberCount
          }
        }
      `),
    );
    const codes = (members: { code: string }[]) => members.map((member) => member.code);
    expect(codes(data!.countryGroup!.past)).toContain('GBR');
    expect(codes(data!.countryGroup!.lastDay)).toContain('GBR');
    expect(codes(data!.countryGroup!.leftOn)).not.toContain('GBR');
    expect(data!.countryGroup!.today).toHaveLength(27);
    expect(codes(data!.countryGroup!.today)).not.toContain('GBR');
    expect(data!.countryGroup!.memberCount).toBe(27);
    expect(data!.countryGroup!.today[0]).toEqual({ code: 'AUT', kind: 'COUNTRY', country: { iso3: 'AUT' } });
  });

  it('lists supranational members of the G20 as organisations, and the AU only from 2023-09-09', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          countryGroup(key: "g20") {
            now: members {
              code
              kind
              country {
                iso3
              }
            }
            before: members(asOf: "2023-09-08") {
              code
            }
          }
        }
      `),
    );
    const organisations = data!.countryGroup!.now.filter((member) => member.kind === 'ORGANIZATION');
    expect(organisations).toEqual([
      { code: 'AU', kind: 'ORGANIZATION', country: null },
      { code: 'EU', kind: 'ORGANIZATION', country: null },
    ]);
    expect(data!.countryGroup!.now).toHaveLength(21);
    expect(data!.countryGroup!.before.map((m) => m.code)).not.toContain('AU');
  });

  it('lists the groups with their sizes, and the membership history', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          countryGroups {
            key
            memberCount
          }
          countryGroup(key: "LDC") {
            memberships {
              party {
                code
              }
              since
              until
            }
          }
        }
      `),
    );
    expect(data!.countryGroups).toEqual([
      { key: 'BRICS', memberCount: 10 },
      { key: 'EU', memberCount: 27 },
      { key: 'G20', memberCount: 21 },
      { key: 'G7', memberCount: 7 },
      { key: 'LDC', memberCount: 44 },
      { key: 'OECD', memberCount: 38 },
    ]);
    expect(data!.countryGroup!.memberships).toContainEqual({
      party: { code: 'BTN' },
      since: null,
      until: '2023-12-13',
    });
  });

  it('answers null for an unknown group key', async () => {
    const { data, errors } = await t.gql(
      graphql(`
        {
          countryGroup(key: "G8") {
            key
          }
        }
      `),
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ countryGroup: null });
  });
});

describe('bad input', () => {
  it('refuses first over 100 with BAD_USER_INPUT naming first', async () => {
    const { status, errors } = await t.gql(
      graphql(`
        {
          countries(first: 1000) {
            totalCount
          }
        }
      `),
    );
    expect(status).toBe(200);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errors![0].message).toMatch(/first/);
  });

  it.each<[string, TadaDocumentNode<unknown, Record<string, never>>, string]>([
    [
      'first below 1',
      graphql(`
        {
          countries(first: 0) {
            totalCount
          }
        }
      `),
      'first',
    ],
    [
      'a cursor it did not issue',
      graphql(`
        {
          countries(after: "bm90IGEgY3Vyc29y") {
            totalCount
          }
        }
      `),
      'after',
    ],
    [
      'an unknown group key in a filter',
      graphql(`
        {
          countries(filter: { groupKey: "G8" }) {
            totalCount
          }
        }
      `),
      'filter.groupKey',
    ],
    [
      'a malformed group key',
      graphql(`
        {
          countries(filter: { groupKey: "G 7!" }) {
            totalCount
          }
        }
      `),
      'filter.groupKey',
    ],
    [
      'a malformed iso3',
      graphql(`
        {
          country(iso3: "GB") {
            iso3
          }
        }
      `),
      'iso3',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, query, field) => {
    const { errors } = await t.gql(query);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a date that is not YYYY-MM-DD, naming asOf', async () => {
    const { status, errors } = await t.gql(
      graphql(`
        query ($d: LocalDate) {
          countryGroup(key: "EU") {
            members(asOf: $d) {
              code
            }
          }
        }
      `),
      {
        d: '2019-13-45',
      },
    );
    expect(status).toBe(400);
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toMatch(/\$d/);
  });

  it('answers a syntactically broken query with HTTP 400 and a GraphQL error, never a 500', async () => {
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ countries(first: ' }); // not typed: it does not parse, on purpose
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with HTTP 400', async () => {
    // Not typed: the field does not exist, on purpose.
    const { status, errors } = await t.gql(`{ countries { nope } }`);
    expect(status).toBe(400);
    expect(errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a body that is not JSON with HTTP 400', async () => {
    // Not a GraphQL operation at all: a body cut short, on purpose.
    const response = await t.http().post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(response.status).toBe(400);
  });
});

describe('batching', () => {
  it('resolves groups for 100 countries with as many SQL queries as for 10', async () => {
    const count = async (first: number) => {
      t.queries.length = 0;
      const { data, errors } = await t.gql(
        graphql(`
          query ($first: Int!) {
            countries(first: $first) {
              edges {
                node {
                  iso3
                  groups {
                    key
                    name
                  }
                }
              }
            }
          }
        `),
        { first },
      );
      expect(errors).toBeUndefined();
      expect(data!.countries.edges).toHaveLength(first);
      return t.queries.length;
    };
    const forTen = await count(10);
    expect(await count(100)).toBe(forTen);
    expect(forTen).toBe(1); // the page with every country's groups
  });

  it('reads groups on the date a variable gives, with the page, in one statement', async () => {
    const GROUPS_ON = graphql(`
      query ($asOf: LocalDate) {
        countries(first: 1, after: "WyJHQlEiXQ") {
          edges {
            node {
              iso3
              groups(asOf: $asOf) {
                key
              }
            }
          }
        }
        country(iso3: "GBR") {
          groups(asOf: $asOf) {
            key
          }
        }
      }
    `);
    const keys = async (asOf: string) => {
      t.queries.length = 0;
      const { data, errors } = await t.gql(GROUPS_ON, { asOf });
      expect(errors).toBeUndefined();
      expect(data!.countries.edges[0].node.iso3).toBe('GBR');
      expect(t.queries).toHaveLength(2); // the page and the lookup, each with its groups
      return [data!.countries.edges[0].node.groups, data!.country!.groups].map((groups) => groups.map((g) => g.key));
    };
    expect(await keys('2019-06-01')).toEqual([
      ['EU', 'G20', 'G7', 'OECD'],
      ['EU', 'G20', 'G7', 'OECD'],
    ]);
    expect(await keys('2021-06-01')).toEqual([
      ['G20', 'G7', 'OECD'],
      ['G20', 'G7', 'OECD'],
    ]);
  });

  it('batches groups asked for on several dates: one statement per date, whatever the page size', async () => {
    const count = async (first: number) => {
      t.queries.length = 0;
      const { errors } = await t.gql(
        graphql(`
          query ($first: Int!) {
            countries(first: $first) {
              edges {
                node {
                  iso3
                  now: groups {
                    key
                  }
                  then: groups(asOf: "2001-01-01") {
                    key
                  }
                }
              }
            }
          }
        `),
        { first },
      );
      expect(errors).toBeUndefined();
      return t.queries.length;
    };
    expect(await count(100)).toBe(await count(10));
    expect(await count(10)).toBe(3); // the page, then the groups of all its countries for each date
  });

  it('resolves members and their countries for every group in constant SQL', async () => {
    t.queries.length = 0;
    const { data, errors } = await t.gql(
      graphql(`
        {
          countryGroups {
            key
            members {
              code
              country {
                iso3
                name
              }
            }
          }
        }
      `),
    );
    expect(errors).toBeUndefined();
    expect(data!.countryGroups.find((g) => g.key === 'EU')!.members).toHaveLength(27);
    // groups, members of all groups, countries of all members
    expect(t.queries).toHaveLength(3);
  });

  it('skips the count query when totalCount is not asked for', async () => {
    t.queries.length = 0;
    await t.gql(
      graphql(`
        {
          countries(first: 5) {
            edges {
              node {
                iso3
              }
            }
          }
        }
      `),
    );
    expect(t.queries).toHaveLength(1);
  });
});
