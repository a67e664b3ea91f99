import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { registerCompany } from '../fixtures/companies.js';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const filer = await t.signUp('lister@example.org', [Role.FILER]);
  for (const name of ['Beta AI', 'Alpha AI', 'Gamma AI', 'Alpha AI']) {
    await registerCompany(t, filer, { name, countryIso3: 'ind' });
  }
});
afterAll(() => t.close());

const COMPANIES_PAGE = graphql(`
  query ($after: String) {
    companies(first: 3, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          countryIso3
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

describe('public lists of companies and regulators', () => {
  it('pages companies by name then id, each exactly once, for anyone', async () => {
    const names: string[] = [];
    const ids = new Set<string>();
    let after: string | null = null;
    for (;;) {
      // Annotated: `after` is assigned from the answer, which TypeScript cannot infer around the loop.
      const { data, errors }: GraphqlResponse<ResultOf<typeof COMPANIES_PAGE>> = await t.gql(COMPANIES_PAGE, {
        after,
      });
      expect(errors).toBeUndefined();
      expect(data!.companies.totalCount).toBe(4);
      for (const { node } of data!.companies.edges) {
        names.push(node.name);
        ids.add(node.id);
        expect(node.countryIso3).toBe('IND');
      }
      if (!data!.companies.pageInfo.hasNextPage) break;
      after = data!.companies.pageInfo.endCursor;
    }
    expect(names).toEqual(['Alpha AI', 'Alpha AI', 'Beta AI', 'Gamma AI']);
    expect(ids.size).toBe(4);
  });

  it('looks a company up by id, and answers null for an unknown one', async () => {
    const [row] = await t.sql(`SELECT id FROM company WHERE name = 'Gamma AI'`);
    const { data } = await t.gql(
      graphql(`
        query ($id: ID!, $none: ID!) {
          company(id: $id) {
            name
          }
          none: company(id: $none) {
            name
          }
        }
      `),
      { id: row.id, none: '00000000-0000-4000-8000-000000000000' },
    );
    expect(data).toEqual({ company: { name: 'Gamma AI' }, none: null });
  });

  it('refuses an id that is not a UUID, naming the field', async () => {
    const { errors } = await t.gql(
      graphql(`
        {
          company(id: "42") {
            name
          }
        }
      `),
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('checks credentials sent with company(id), and the page size of its disclosures, as on any read', async () => {
    const [row] = await t.sql<{ id: string }>(`SELECT id FROM company ORDER BY name LIMIT 1`);
    const lookup = graphql(`
      query CompanyWithFilings($id: ID!, $first: Int!) {
        company(id: $id) {
          disclosures(first: $first) {
            totalCount
          }
        }
      }
    `);
    expect((await t.gql(lookup, { id: row.id, first: 5 })).data?.company?.disclosures.totalCount).toBe(0);
    const forged = await t.gql(lookup, { id: row.id, first: 5 }, { token: 'not.a.token' });
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const first of [0, 101]) {
      const { errors } = await t.gql(lookup, { id: row.id, first });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });
});

const REGISTER = graphql(`
  mutation RegisterCompanyWithDetails($input: RegisterCompanyInput!) {
    registerCompany(input: $input) {
      id
      name
      lei
      sector
      website
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateCompany($id: ID!, $input: UpdateCompanyInput!) {
    updateCompany(id: $id, input: $input) {
      id
      name
      lei
      sector
      website
      updatedAt
    }
  }
`);

const BY_LEI = graphql(`
  query CompanyByLei($lei: String) {
    company(lei: $lei) {
      name
      lei
    }
  }
`);

const BLOOMBERG = '5493001KJTIIGC8Y1R12';
const APPLE = 'HWUPKR0MPOU8FGXBT394';

const eventsOf = (id: string) =>
  t.sql(`SELECT action, before, after FROM audit_event WHERE entity_type = 'company' AND entity_id = $1 ORDER BY id`, [
    id,
  ]);

describe('LEI, sector and website', () => {
  let filer: { token: string };
  let bloombergId: string;
  beforeAll(async () => {
    filer = await t.signUp('details@example.org', [Role.FILER]);
  });

  it('stores an LEI given in lower case with spaces in upper case, the sector trimmed, the website', async () => {
    const { data, errors } = await t.gql(
      REGISTER,
      {
        input: {
          name: ' Bloomberg Finance ',
          countryIso3: 'USA',
          lei: `  ${BLOOMBERG.toLowerCase()} `,
          sector: '  Financial data ',
          website: 'HTTPS://www.bloomberg.com',
        },
      },
      { token: filer.token },
    );
    expect(errors).toBeUndefined();
    expect(data!.registerCompany).toMatchObject({
      name: 'Bloomberg Finance',
      lei: BLOOMBERG,
      sector: 'Financial data',
      website: 'https://www.bloomberg.com',
    });
    bloombergId = data!.registerCompany.id;
    const [event] = await eventsOf(bloombergId);
    expect(event).toMatchObject({ action: 'company.register', before: null, after: { lei: BLOOMBERG } });
  });

  it('refuses an LEI whose check digits do not match (one digit flipped), naming input.lei; nothing stored', async () => {
    const [{ before }] = await t.sql(`SELECT count(*)::int AS before FROM organization`);
    for (const lei of ['HWUPKR0MPOU8FGXBT395', 'HWUPKR0MPOU8FGXBT3', 'HWUPKR0MPOU8FGXBT3-4']) {
      const { errors } = await t.gql(
        REGISTER,
        { input: { name: 'Apple', countryIso3: 'USA', lei } },
        { token: filer.token },
      );
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lei' });
    }
    const [{ after }] = await t.sql(`SELECT count(*)::int AS after FROM organization`);
    expect(after).toBe(before);
    expect(await t.sql(`SELECT 1 FROM company WHERE name = 'Apple'`)).toEqual([]);
  });

  it('refuses a website that is not an http(s) URL and a blank sector, naming each field', async () => {
    const { errors } = await t.gql(
      REGISTER,
      { input: { name: 'Apple', countryIso3: 'USA', website: 'ftp://apple.com', sector: '   ' } },
      { token: filer.token },
    );
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].extensions!.fields.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'input.sector',
      'input.website',
    ]);
    const tooLong = await t.gql(
      REGISTER,
      { input: { name: 'Apple', countryIso3: 'USA', website: `https://apple.com/${'a'.repeat(2040)}` } },
      { token: filer.token },
    );
    expect(tooLong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.website' });
  });

  it('refuses a second company with the same LEI: CONFLICT naming input.lei, nothing stored', async () => {
    const [{ before }] = await t.sql(`SELECT count(*)::int AS before FROM organization`);
    const { errors } = await t.gql(
      REGISTER,
      { input: { name: 'Bloomberg again', countryIso3: 'GBR', lei: BLOOMBERG.toLowerCase() } },
      { token: filer.token },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.lei' });
    const [{ after }] = await t.sql(`SELECT count(*)::int AS after FROM organization`);
    expect(after).toBe(before);
  });

  it('finds a company by LEI in any case; an unknown LEI answers null; a malformed one is BAD_USER_INPUT', async () => {
    expect((await t.gql(BY_LEI, { lei: ` ${BLOOMBERG.toLowerCase()}` })).data).toEqual({
      company: { name: 'Bloomberg Finance', lei: BLOOMBERG },
    });
    expect((await t.gql(BY_LEI, { lei: APPLE })).data).toEqual({ company: null });
    const malformed = await t.gql(BY_LEI, { lei: 'HWUPKR0MPOU8FGXBT395' });
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lei' });
  });

  it('wants exactly one of id and lei', async () => {
    const neither = await t.gql(BY_LEI, {});
    expect(neither.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const both = await t.gql(
      graphql(`
        query CompanyByBoth($id: ID!, $lei: String!) {
          company(id: $id, lei: $lei) {
            name
          }
        }
      `),
      { id: bloombergId, lei: BLOOMBERG },
    );
    expect(both.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('updates only the fields given; null clears the LEI, sector or website; the name cannot be cleared', async () => {
    const sector = await t.gql(UPDATE, { id: bloombergId, input: { sector: 'Media' } }, { token: filer.token });
    expect(sector.errors).toBeUndefined();
    expect(sector.data!.updateCompany).toMatchObject({
      name: 'Bloomberg Finance',
      lei: BLOOMBERG,
      sector: 'Media',
      website: 'https://www.bloomberg.com',
    });
    const cleared = await t.gql(
      UPDATE,
      { id: bloombergId, input: { website: null, lei: null, name: null } },
      { token: filer.token },
    );
    expect(cleared.data!.updateCompany).toMatchObject({
      name: 'Bloomberg Finance',
      lei: null,
      sector: 'Media',
      website: null,
    });
    const restored = await t.gql(
      UPDATE,
      { id: bloombergId, input: { lei: BLOOMBERG.toLowerCase(), name: 'Bloomberg L.P.' } },
      { token: filer.token },
    );
    expect(restored.data!.updateCompany).toMatchObject({ name: 'Bloomberg L.P.', lei: BLOOMBERG, website: null });
    const events = await eventsOf(bloombergId);
    expect(events.map((event) => event.action)).toEqual([
      'company.register',
      'company.update',
      'company.update',
      'company.update',
    ]);
    expect(events[2]).toMatchObject({
      before: { lei: BLOOMBERG, website: 'https://www.bloomberg.com' },
      after: { lei: null, website: null },
    });
  });

  it('records nothing for an update to the values it has, in any spelling', async () => {
    const before = await eventsOf(bloombergId);
    const { data, errors } = await t.gql(
      UPDATE,
      { id: bloombergId, input: { name: ' Bloomberg L.P. ', lei: ` ${BLOOMBERG.toLowerCase()}`, sector: 'Media ' } },
      { token: filer.token },
    );
    expect(errors).toBeUndefined();
    expect(data!.updateCompany.name).toBe('Bloomberg L.P.');
    expect(await eventsOf(bloombergId)).toHaveLength(before.length);
  });

  it("refuses taking another company's LEI on update: CONFLICT naming input.lei, nothing changed", async () => {
    const appleId = await registerCompany(t, filer, { name: 'Apple Inc.', countryIso3: 'USA', lei: APPLE });
    const { errors } = await t.gql(
      UPDATE,
      { id: appleId, input: { lei: BLOOMBERG, sector: 'Devices' } },
      {
        token: filer.token,
      },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.lei' });
    const [row] = await t.sql(`SELECT lei, sector FROM company WHERE id = $1`, [appleId]);
    expect(row).toEqual({ lei: APPLE, sector: null });
  });

  it("refuses a filer who is not the company's member, and changes nothing", async () => {
    const outsider = await t.signUp('outsider@example.org', [Role.FILER]);
    const { errors } = await t.gql(UPDATE, { id: bloombergId, input: { name: 'Taken' } }, { token: outsider.token });
    expect(errors![0].extensions!.code).toBe('FORBIDDEN');
    const [row] = await t.sql(`SELECT name FROM company WHERE id = $1`, [bloombergId]);
    expect(row.name).toBe('Bloomberg L.P.');
  });
});

const FILTERED = graphql(`
  query FilteredCompanies($filter: CompanyFilter, $first: Int!, $after: String) {
    companies(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        node {
          name
          countryIso3
          sector
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

describe('filters of the companies list', () => {
  beforeAll(async () => {
    const filer = await t.signUp('filters@example.org', [Role.FILER]);
    const companies = [
      { name: 'Nairobi Robotics', countryIso3: 'KEN', sector: 'Robotics' },
      { name: 'Mombasa Shipping Analytics', countryIso3: 'KEN', sector: 'Logistics' },
      { name: 'Lagos Logistics', countryIso3: 'NGA', sector: 'Logistics' },
      { name: 'Kisumu 100% Analytics', countryIso3: 'KEN', sector: 'Logistics' },
      { name: 'Kisumu 1000 Analytics', countryIso3: 'UGA' },
      { name: 'Under_score Labs', countryIso3: 'NGA' },
      { name: 'Underxscore Labs', countryIso3: 'NGA' },
    ];
    for (const company of companies) await registerCompany(t, filer, company);
  });

  const names = async (filter: VariablesOf<typeof FILTERED>['filter']) => {
    const { data, errors } = await t.gql(FILTERED, { filter, first: 50 });
    expect(errors).toBeUndefined();
    return data!.companies.edges.map(({ node }) => node.name);
  };

  it('by country, case-insensitive', async () => {
    expect(await names({ country: 'ken' })).toEqual([
      'Kisumu 100% Analytics',
      'Mombasa Shipping Analytics',
      'Nairobi Robotics',
    ]);
  });

  it('by sector, exactly as stated, spaces around ignored', async () => {
    expect(await names({ sector: ' Logistics ' })).toEqual([
      'Kisumu 100% Analytics',
      'Lagos Logistics',
      'Mombasa Shipping Analytics',
    ]);
    expect(await names({ sector: 'logistics' })).toEqual([]);
  });

  it('by part of the name, case-insensitive, with % and _ taken literally', async () => {
    expect(await names({ text: 'LOGISTIC' })).toEqual(['Lagos Logistics']);
    expect(await names({ text: ' obot ' })).toEqual(['Nairobi Robotics']);
    expect(await names({ text: 'kisumu 100' })).toEqual(['Kisumu 100% Analytics', 'Kisumu 1000 Analytics']);
    expect(await names({ text: '100%' })).toEqual(['Kisumu 100% Analytics']);
    expect(await names({ text: 'under_' })).toEqual(['Under_score Labs']);
  });

  it('refuses text without 3 letters or digits in a row, which no index could narrow', async () => {
    for (const text of ['ab', '%%%', 'a b c', '   ']) {
      const { errors } = await t.gql(FILTERED, { filter: { text }, first: 5 });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
    }
  });

  it('combined, with totalCount and pages under the filter', async () => {
    const filter = { country: 'KEN', sector: 'Logistics', text: 'analytics' };
    const first = await t.gql(FILTERED, { filter, first: 1 });
    expect(first.data!.companies.totalCount).toBe(2);
    expect(first.data!.companies.edges.map(({ node }) => node.name)).toEqual(['Kisumu 100% Analytics']);
    const second = await t.gql(FILTERED, { filter, first: 1, after: first.data!.companies.pageInfo.endCursor });
    expect(second.data!.companies.edges.map(({ node }) => node.name)).toEqual(['Mombasa Shipping Analytics']);
    expect(second.data!.companies.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a country that does not exist, naming filter.country, rather than answer an empty list', async () => {
    const { errors } = await t.gql(FILTERED, { filter: { country: 'XXX' }, first: 5 });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.country' });
  });
});
