import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { prepareAppDatabase } from '../../src/app-database.js';
import { Role } from '../../src/common/access/role.js';
import { RECORD_STRATEGY, recordStrategy } from '../fixtures/policies.js';
import { adoptionFromCsv, referenceCsv } from '../fixtures/readiness-data.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let curator: SignedInUser;
let filer: SignedInUser;
beforeAll(async () => {
  t = await startTestApp();
  curator = await t.signUp('curator@example.org', [Role.CURATOR]);
  filer = await t.signUp('filer@example.org', [Role.FILER]);
});
afterAll(() => t.close());

const ADOPTION = graphql(`
  query Adoption($groupKeys: [String!]!, $fromYear: Int!, $toYear: Int!) {
    strategyAdoption(groupKeys: $groupKeys, fromYear: $fromYear, toYear: $toYear) {
      groupKey
      year
      memberCount
      withStrategy
      firstReleasedInYear
      share
    }
  }
`);

const PROFILE = graphql(`
  query Profile($iso3: String!, $year: Int) {
    country(iso3: $iso3) {
      iso3
      readiness(year: $year) {
        year
        rank
        ictRank
        skillsRank
        rndRank
        industryRank
        financeRank
      }
      strategies {
        releasedYear
        title
        confidence
      }
      policyInstruments {
        title
        orientation
        lever
      }
    }
  }
`);

async function auditCount(entityType: string): Promise<number> {
  const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM audit_event WHERE entity_type = $1`, [
    entityType,
  ]);
  return count as number;
}

describe('strategyAdoption (Figure 11)', () => {
  const groups = ['LDC', 'G7', 'G20', 'OECD', 'EU', 'BRICS'];

  it('counts 6 least developed countries with a strategy by the end of 2023, of 45 members then', async () => {
    const { data, errors } = await t.gql(ADOPTION, { groupKeys: ['ldc'], fromYear: 2023, toYear: 2023 });
    expect(errors).toBeUndefined();
    expect(data!.strategyAdoption).toEqual([
      { groupKey: 'LDC', year: 2023, memberCount: 45, withStrategy: 6, firstReleasedInYear: 4, share: 6 / 45 },
    ]);
    expect(adoptionFromCsv('LDC', 2023).released).toEqual(['BEN', 'BGD', 'ETH', 'RWA', 'SEN', 'SLE']);
  });

  it('matches a count made from the CSV files for every group and year, in the order asked', async () => {
    const { data, errors } = await t.gql(ADOPTION, { groupKeys: groups, fromYear: 2016, toYear: 2025 });
    expect(errors).toBeUndefined();
    const expected = groups.flatMap((group) =>
      Array.from({ length: 10 }, (_, index) => {
        const year = 2016 + index;
        const { memberCount, withStrategy, firstReleasedInYear } = adoptionFromCsv(group, year);
        return {
          groupKey: group,
          year,
          memberCount,
          withStrategy,
          firstReleasedInYear,
          share: withStrategy / memberCount,
        };
      }),
    );
    expect(data!.strategyAdoption).toHaveLength(expected.length);
    data!.strategyAdoption.forEach((row, index) => {
      const { share, ...counts } = expected[index];
      expect(row).toMatchObject(counts);
      expect(row.share).toBeCloseTo(share, 12);
    });
  });

  it('judges membership on 31 December: Bhutan (graduated 2023-12-13) is not counted in 2023', async () => {
    const [{ count }] = await t.sql(
      `SELECT count(*)::int AS count FROM country_group_membership WHERE group_key = 'LDC' AND party_code = 'BTN'
       AND valid_to = '2023-12-13'`,
    );
    expect(count).toBe(1);
    const { data } = await t.gql(ADOPTION, { groupKeys: ['LDC'], fromYear: 2022, toYear: 2024 });
    expect(data!.strategyAdoption.map((row) => row.memberCount)).toEqual([46, 45, 44]);
  });

  it('counts a strategy a curator records, in the year recorded', async () => {
    await recordStrategy(t, curator, { partyCode: 'NPL', releasedYear: 2022, title: 'A Nepal AI strategy' });
    const { data } = await t.gql(ADOPTION, { groupKeys: ['LDC'], fromYear: 2022, toYear: 2023 });
    const csv = [2022, 2023].map((year) => adoptionFromCsv('LDC', year).withStrategy + 1);
    expect(data!.strategyAdoption.map((row) => row.withStrategy)).toEqual(csv);
    expect(data!.strategyAdoption[0].firstReleasedInYear).toBe(adoptionFromCsv('LDC', 2022).firstReleasedInYear + 1);
  });

  it('answers in one SQL statement', async () => {
    t.queries.length = 0;
    await t.gql(ADOPTION, { groupKeys: groups, fromYear: 2017, toYear: 2024 });
    expect(t.queries.filter((sql) => !/^(START|COMMIT|ROLLBACK)/.test(sql))).toHaveLength(1);
  });

  it.each([
    [{ groupKeys: ['LDC', 'NOPE'], fromYear: 2020, toYear: 2021 }, 'groupKeys'],
    [{ groupKeys: ['LDC'], fromYear: 2021, toYear: 2020 }, 'toYear'],
    [{ groupKeys: ['LDC'], fromYear: 1950, toYear: 2100 }, 'toYear'],
    [{ groupKeys: ['LDC'], fromYear: 1800, toYear: 2020 }, 'fromYear'],
    [{ groupKeys: [], fromYear: 2020, toYear: 2020 }, 'groupKeys'],
    [{ groupKeys: ['L D C'], fromYear: 2020, toYear: 2020 }, 'groupKeys'],
  ])('refuses %j, naming %s', async (variables, field) => {
    const { errors } = await t.gql(ADOPTION, variables);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('country profiles', () => {
  const ftri = referenceCsv('readiness/ftri-2024.csv');

  it.each(['USA', 'CHN', 'IND', 'ZAF', 'IRL'])('gives the seeded 2024 ranks of %s (Table 2)', async (iso3) => {
    const row = ftri.find((each) => each.iso3 === iso3)!;
    const { data, errors } = await t.gql(PROFILE, { iso3, year: 2024 });
    expect(errors).toBeUndefined();
    expect(data!.country!.readiness).toEqual({
      year: 2024,
      rank: Number(row.rank_2024),
      ictRank: Number(row.ict_rank),
      skillsRank: Number(row.skills_rank),
      rndRank: Number(row.rnd_rank),
      industryRank: Number(row.industry_rank),
      financeRank: Number(row.finance_rank),
    });
  });

  it('gives the 2022 rank without components, the latest edition by default, and null for another year', async () => {
    const india = ftri.find((each) => each.iso3 === 'IND')!;
    const in2022 = await t.gql(PROFILE, { iso3: 'IND', year: 2022 });
    expect(in2022.data!.country!.readiness).toMatchObject({ year: 2022, rank: Number(india.rank_2022), ictRank: null });
    const latest = await t.gql(PROFILE, { iso3: 'IND' });
    expect(latest.data!.country!.readiness).toMatchObject({ year: 2024, rank: Number(india.rank_2024) });
    for (const year of [2023, 1, -5]) {
      const { data, errors } = await t.gql(PROFILE, { iso3: 'IND', year });
      expect(errors).toBeUndefined();
      expect(data!.country!.readiness).toBeNull();
    }
    const unranked = await t.gql(PROFILE, { iso3: 'KEN', year: 2024 });
    expect(unranked.data!.country!.readiness).toBeNull();
  });

  it("lists a country's strategies and its instruments (Table 3)", async () => {
    const { data } = await t.gql(PROFILE, { iso3: 'BRA' });
    expect(data!.country!.strategies).toEqual([
      { releasedYear: 2021, title: 'Brazilian Artificial Intelligence Strategy (EBIA)', confidence: 'LOW' },
    ]);
    expect(data!.country!.policyInstruments).toEqual([
      { title: 'Digital inclusion and connectivity', orientation: 'ADOPTION', lever: 'INFRASTRUCTURE' },
    ]);
    const kenya = await t.gql(PROFILE, { iso3: 'KEN' });
    expect(kenya.data!.country!.policyInstruments).toEqual([]);
  });

  it('reads the profiles of 100 countries with one statement per field', async () => {
    const countProfiles = async (first: number) => {
      t.queries.length = 0;
      const { data, errors } = await t.gql(
        graphql(`
          query Profiles($first: Int!) {
            countries(first: $first) {
              edges {
                node {
                  iso3
                  strategies {
                    title
                  }
                  policyInstruments {
                    title
                  }
                  readiness(year: 2024) {
                    rank
                  }
                  latest: readiness {
                    rank
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
    expect(await countProfiles(100)).toBe(await countProfiles(10));
    expect(await countProfiles(100)).toBe(5);
  });
});

describe('public lists', () => {
  const STRATEGIES = graphql(`
    query Strategies($first: Int, $after: String, $filter: NationalAiStrategyFilter) {
      nationalAiStrategies(first: $first, after: $after, filter: $filter) {
        totalCount
        edges {
          node {
            partyCode
            releasedYear
            title
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `);

  it('pages every seeded strategy once, by year, party and title', async () => {
    const seen: { partyCode: string; releasedYear: number }[] = [];
    let after: string | null = null;
    for (;;) {
      const { data, errors }: GraphqlResponse<ResultOf<typeof STRATEGIES>> = await t.gql(STRATEGIES, {
        first: 7,
        after,
        filter: { releasedTo: 2025 },
      });
      expect(errors).toBeUndefined();
      seen.push(...data!.nationalAiStrategies.edges.map((edge) => edge.node));
      if (!data!.nationalAiStrategies.pageInfo.hasNextPage) break;
      after = data!.nationalAiStrategies.pageInfo.endCursor;
    }
    const csv = referenceCsv('readiness/national-ai-strategies.csv');
    // NPL: recorded by a curator in a test above.
    expect(seen.map((row) => row.partyCode).sort()).toEqual([...csv.map((row) => row.iso3), 'NPL'].sort());
    const keys = seen.map((row) => `${row.releasedYear} ${row.partyCode}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('filters by party and years, and counts', async () => {
    const { data } = await t.gql(STRATEGIES, { filter: { releasedFrom: 2023, releasedTo: 2023 } });
    const csv = referenceCsv('readiness/national-ai-strategies.csv').filter((row) => row.year_released === '2023');
    expect(data!.nationalAiStrategies.totalCount).toBe(csv.length);
    const eu = await t.gql(STRATEGIES, { filter: { partyCode: 'eu' } });
    expect(eu.data!.nationalAiStrategies.edges.map((edge) => edge.node.releasedYear)).toEqual([2018]);
    const backwards = await t.gql(STRATEGIES, { filter: { releasedFrom: 2023, releasedTo: 2020 } });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.releasedTo' });
  });

  it('lists instruments by orientation and lever, and the 2024 ranking in rank order', async () => {
    const { data } = await t.gql(
      graphql(`
        {
          development: policyInstruments(filter: { orientation: DEVELOPMENT, lever: SKILLS }) {
            totalCount
            edges {
              node {
                partyCode
              }
            }
          }
          readinessRanking(year: 2024, first: 3) {
            totalCount
            edges {
              node {
                countryIso3
                rank
              }
            }
          }
          none: readinessRanking(year: 2031) {
            totalCount
            edges {
              node {
                rank
              }
            }
          }
        }
      `),
    );
    expect(data!.development.edges.map((edge) => edge.node.partyCode)).toEqual(['GHA', 'NGA']);
    expect(data!.readinessRanking.totalCount).toBe(15);
    expect(data!.readinessRanking.edges.map((edge) => edge.node)).toEqual([
      { countryIso3: 'USA', rank: 1 },
      { countryIso3: 'SWE', rank: 2 },
      { countryIso3: 'GBR', rank: 3 },
    ]);
    expect(data!.none).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('curation', () => {
  const strategy = {
    partyCode: 'NER',
    releasedYear: 2024,
    title: 'Niger AI Strategy',
    sourceUrl: 'https://example.org/ner',
    confidence: 'MEDIUM' as const,
  };

  it('refuses anonymous callers and filers, writing nothing', async () => {
    const before = await t.sql(`SELECT count(*)::int AS count FROM national_ai_strategy`);
    const anonymous = await t.gql(RECORD_STRATEGY, { input: strategy });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const byFiler = await t.gql(RECORD_STRATEGY, { input: strategy }, { token: filer.token });
    expect(byFiler.errors![0].extensions!.code).toBe('FORBIDDEN');
    const instrument = await t.gql(
      graphql(`
        mutation ($input: RecordPolicyInstrumentInput!) {
          recordPolicyInstrument(input: $input) {
            id
          }
        }
      `),
      { input: { partyCode: 'NER', title: 'x', orientation: 'ADOPTION', lever: 'DATA' } },
      { token: filer.token },
    );
    expect(instrument.errors![0].extensions!.code).toBe('FORBIDDEN');
    const score = await t.gql(
      graphql(`
        mutation ($input: RecordReadinessScoreInput!) {
          recordReadinessScore(input: $input) {
            id
          }
        }
      `),
      { input: { countryIso3: 'NER', year: 2024, rank: 100 } },
      { token: filer.token },
    );
    expect(score.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await t.sql(`SELECT count(*)::int AS count FROM national_ai_strategy`)).toEqual(before);
  });

  it('records a strategy with an audit event; a duplicate is CONFLICT and changes nothing', async () => {
    const events = await auditCount('national_ai_strategy');
    const { data, errors } = await t.gql(
      RECORD_STRATEGY,
      { input: { ...strategy, partyCode: 'ner', title: '  Niger AI Strategy ' } },
      { token: curator.token },
    );
    expect(errors).toBeUndefined();
    expect(data!.recordNationalAiStrategy).toMatchObject({ ...strategy, id: expect.any(String) });
    const [event] = await t.sql(
      `SELECT action, actor_user_id, entity_id, before, after FROM audit_event WHERE entity_type = 'national_ai_strategy'
       ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({
      action: 'nationalAiStrategy.record',
      actor_user_id: curator.id,
      entity_id: data!.recordNationalAiStrategy.id,
      before: null,
      after: expect.objectContaining({ partyCode: 'NER', title: 'Niger AI Strategy' }),
    });

    const rows = await t.sql(`SELECT * FROM national_ai_strategy WHERE party_code = 'NER'`);
    const duplicate = await t.gql(
      RECORD_STRATEGY,
      { input: { ...strategy, releasedYear: 2025 } },
      { token: curator.token },
    );
    expect(duplicate.errors![0].extensions!.code).toBe('CONFLICT');
    expect(await t.sql(`SELECT * FROM national_ai_strategy WHERE party_code = 'NER'`)).toEqual(rows);
    expect(await auditCount('national_ai_strategy')).toBe(events + 1);
  });

  it('corrects a strategy with before and after; a correction that changes nothing records nothing', async () => {
    const id = await recordStrategy(t, curator, { partyCode: 'MLI', releasedYear: 2023, title: 'Mali draft' });
    const UPDATE = graphql(`
      mutation ($id: ID!, $input: UpdateNationalAiStrategyInput!) {
        updateNationalAiStrategy(id: $id, input: $input) {
          releasedYear
          title
          confidence
        }
      }
    `);
    const events = await auditCount('national_ai_strategy');
    const { data } = await t.gql(
      UPDATE,
      { id, input: { releasedYear: 2024, confidence: 'LOW' } },
      { token: curator.token },
    );
    expect(data!.updateNationalAiStrategy).toEqual({ releasedYear: 2024, title: 'Mali draft', confidence: 'LOW' });
    await t.gql(UPDATE, { id, input: { releasedYear: 2024 } }, { token: curator.token });
    expect(await auditCount('national_ai_strategy')).toBe(events + 1);
    const [event] = await t.sql(`SELECT before, after FROM audit_event WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [
      id,
    ]);
    expect(event.before).toMatchObject({ releasedYear: 2023, confidence: 'HIGH' });
    expect(event.after).toMatchObject({ releasedYear: 2024, confidence: 'LOW' });

    const otherParty = await t.gql(UPDATE, { id, input: { title: 'Niger AI Strategy' } }, { token: curator.token });
    expect(otherParty.errors).toBeUndefined(); // a title is unique per party only
    const second = await recordStrategy(t, curator, { partyCode: 'MLI', releasedYear: 2025, title: 'Mali AI plan' });
    const clash = await t.gql(UPDATE, { id: second, input: { title: 'Niger AI Strategy' } }, { token: curator.token });
    expect(clash.errors![0].extensions!.code).toBe('CONFLICT');
    const [kept] = await t.sql(`SELECT title FROM national_ai_strategy WHERE id = $1`, [second]);
    expect(kept.title).toBe('Mali AI plan');
    const missing = await t.gql(
      UPDATE,
      { id: '00000000-0000-4000-8000-000000000000', input: { releasedYear: 2020 } },
      { token: curator.token },
    );
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it.each([
    [{ partyCode: 'XYZ' }, 'input.partyCode'],
    [{ partyCode: 'K3N' }, 'input.partyCode'],
    [{ releasedYear: 1900 }, 'input.releasedYear'],
    [{ title: '   ' }, 'input.title'],
    [{ sourceUrl: 'ftp://example.org' }, 'input.sourceUrl'],
    [{ sourceUrl: 'https://example.org/a b' }, 'input.sourceUrl'],
  ])('refuses a strategy with %j, naming %s', async (change, field) => {
    const { errors } = await t.gql(
      RECORD_STRATEGY,
      { input: { ...strategy, title: 'Another', ...change } },
      { token: curator.token },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('records and corrects instruments and readiness scores, each with an event; duplicates are CONFLICT', async () => {
    const RECORD_INSTRUMENT = graphql(`
      mutation ($input: RecordPolicyInstrumentInput!) {
        recordPolicyInstrument(input: $input) {
          id
          partyCode
          orientation
          lever
        }
      }
    `);
    const instrument = {
      partyCode: 'KEN',
      title: 'Kenya AI skilling programme',
      orientation: 'DEVELOPMENT' as const,
      lever: 'SKILLS' as const,
    };
    const instrumentEvents = await auditCount('policy_instrument');
    const created = await t.gql(RECORD_INSTRUMENT, { input: instrument }, { token: curator.token });
    expect(created.data!.recordPolicyInstrument).toMatchObject({ partyCode: 'KEN', orientation: 'DEVELOPMENT' });
    const again = await t.gql(RECORD_INSTRUMENT, { input: { ...instrument, lever: 'DATA' } }, { token: curator.token });
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
    const updated = await t.gql(
      graphql(`
        mutation ($id: ID!, $input: UpdatePolicyInstrumentInput!) {
          updatePolicyInstrument(id: $id, input: $input) {
            lever
            sourceUrl
          }
        }
      `),
      { id: created.data!.recordPolicyInstrument.id, input: { lever: 'DATA', sourceUrl: 'https://example.org/ken' } },
      { token: curator.token },
    );
    expect(updated.data!.updatePolicyInstrument).toEqual({ lever: 'DATA', sourceUrl: 'https://example.org/ken' });
    expect(await auditCount('policy_instrument')).toBe(instrumentEvents + 2);

    const RECORD_SCORE = graphql(`
      mutation ($input: RecordReadinessScoreInput!) {
        recordReadinessScore(input: $input) {
          id
          countryIso3
          year
          rank
          ictRank
        }
      }
    `);
    const scoreEvents = await auditCount('readiness_score');
    const score = await t.gql(
      RECORD_SCORE,
      { input: { countryIso3: 'ken', year: 2025, rank: 90, ictRank: 80 } },
      { token: curator.token },
    );
    expect(score.data!.recordReadinessScore).toMatchObject({ countryIso3: 'KEN', year: 2025, rank: 90, ictRank: 80 });
    const usa = await t.sql(`SELECT * FROM readiness_score WHERE country_iso3 = 'USA' ORDER BY year`);
    const duplicate = await t.gql(
      RECORD_SCORE,
      { input: { countryIso3: 'USA', year: 2024, rank: 2 } },
      { token: curator.token },
    );
    expect(duplicate.errors![0].extensions!.code).toBe('CONFLICT');
    expect(await t.sql(`SELECT * FROM readiness_score WHERE country_iso3 = 'USA' ORDER BY year`)).toEqual(usa);
    const unknown = await t.gql(
      RECORD_SCORE,
      { input: { countryIso3: 'EUU', year: 2024, rank: 2 } },
      { token: curator.token },
    );
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.countryIso3' });
    const badRank = await t.gql(
      RECORD_SCORE,
      { input: { countryIso3: 'KEN', year: 2026, rank: 0 } },
      { token: curator.token },
    );
    expect(badRank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rank' });
    const corrected = await t.gql(
      graphql(`
        mutation ($id: ID!, $input: UpdateReadinessScoreInput!) {
          updateReadinessScore(id: $id, input: $input) {
            rank
            ictRank
            skillsRank
          }
        }
      `),
      { id: score.data!.recordReadinessScore.id, input: { rank: 89, skillsRank: 70 } },
      { token: curator.token },
    );
    expect(corrected.data!.updateReadinessScore).toEqual({ rank: 89, ictRank: 80, skillsRank: 70 });
    expect(await auditCount('readiness_score')).toBe(scoreEvents + 2);
    const profile = await t.gql(PROFILE, { iso3: 'KEN' });
    expect(profile.data!.country!.readiness).toMatchObject({ year: 2025, rank: 89 });
  });

  it("keeps curators' corrections of seeded rows when the seed runs again at the next start", async () => {
    const [brazil] = await t.sql(`SELECT id FROM national_ai_strategy WHERE party_code = 'BRA'`);
    const { errors } = await t.gql(
      graphql(`
        mutation ($id: ID!) {
          updateNationalAiStrategy(id: $id, input: { title: "Estratégia Brasileira de Inteligência Artificial" }) {
            id
          }
        }
      `),
      { id: brazil.id },
      { token: curator.token },
    );
    expect(errors).toBeUndefined();
    const counts = `SELECT (SELECT count(*) FROM national_ai_strategy)::int AS strategies,
      (SELECT count(*) FROM policy_instrument)::int AS instruments, (SELECT count(*) FROM readiness_score)::int AS scores`;
    const before = await t.sql(counts);
    await prepareAppDatabase(t.database.url);
    expect(await t.sql(counts)).toEqual(before);
    const titles = await t.sql(`SELECT title FROM national_ai_strategy WHERE party_code = 'BRA'`);
    expect(titles).toEqual([{ title: 'Estratégia Brasileira de Inteligência Artificial' }]);
  });
});
