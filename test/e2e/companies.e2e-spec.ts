import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import { registerCompany } from '../fixtures/companies.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
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
});
