/** One GraphQL request the bench repeats; later features add theirs here. */
export interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent with the bench admin's access token. */
  signedIn?: boolean;
  /** Throws when an answer is wrong, so that a fast wrong answer never counts. */
  check(body: any): void;
}

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
];
