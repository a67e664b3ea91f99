import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/common/access/role.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let curator: SignedInUser;
let filer: SignedInUser;
beforeAll(async () => {
  t = await startTestApp({ mutationsPerMinute: 10_000 });
  curator = await t.signUp('curator@example.org', [Role.CURATOR]);
  filer = await t.signUp('filer@example.org', [Role.FILER]);
});
afterAll(() => t.close());

const SOURCE = 'https://example.org/evidence';

const DISTRIBUTION = graphql(`
  query Distribution($asOf: LocalDate, $knownAt: DateTime, $groupKey: String) {
    participationDistribution(asOf: $asOf, knownAt: $knownAt, groupKey: $groupKey) {
      total
      buckets {
        initiativeCount
        countryCodes
      }
    }
  }
`);

const RECORD = graphql(`
  mutation Record($input: RecordParticipationInput!) {
    recordParticipation(input: $input) {
      id
      partyCode
      role
      validFrom
      validTo
      supersedesId
      recordedAt
      initiative {
        key
      }
    }
  }
`);

const RETRACT = graphql(`
  mutation Retract($id: ID!, $reason: String!) {
    retractParticipation(id: $id, reason: $reason) {
      id
      retractedAt
      retractionReason
    }
  }
`);

const END = graphql(`
  mutation End($input: EndParticipationInput!) {
    endParticipation(input: $input) {
      id
      validTo
      validToPrecision
      supersedesId
    }
  }
`);

async function liveRowId(party: string, initiative: string): Promise<string> {
  const [row] = await t.sql(
    `SELECT p.id FROM participation p JOIN initiative i ON i.id = p.initiative_id
     WHERE p.party_code = $1 AND i.key = $2 AND p.retracted_at IS NULL`,
    [party, initiative],
  );
  return row.id as string;
}

async function eventsSince(id: number) {
  return t.sql(
    `SELECT action, entity_type, entity_id, actor_user_id, before, after FROM audit_event WHERE id > $1 ORDER BY id`,
    [id],
  );
}

async function lastEventId(): Promise<number> {
  const [{ max }] = await t.sql(`SELECT coalesce(max(id), 0)::int AS max FROM audit_event`);
  return max;
}

describe('who may curate', () => {
  it('refuses anonymous callers (UNAUTHENTICATED) and filers (FORBIDDEN), changing nothing', async () => {
    const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM participation`);
    const input = {
      partyCode: 'KEN',
      initiativeKey: 'oecd_ai_2019',
      role: 'ADHERENT' as const,
      validFrom: '2025-01-01',
      sourceUrl: SOURCE,
    };
    const anonymous = await t.gql(RECORD, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const byFiler = await t.gql(RECORD, { input }, { token: filer.token });
    expect(byFiler.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const create = graphql(`
      mutation ($input: CreateInitiativeInput!) {
        createInitiative(input: $input) {
          key
        }
      }
    `);
    const createInput = { key: 'filer_made', name: 'No', kind: 'STATEMENT' as const };
    expect((await t.gql(create, { input: createInput })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(create, { input: createInput }, { token: filer.token })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const addMember = graphql(`
      mutation ($input: AddGroupMemberInput!) {
        addGroupMember(input: $input) {
          groupKey
        }
      }
    `);
    const member = { groupKey: 'G7', partyCode: 'KEN', since: '2030-01-01' };
    expect((await t.gql(addMember, { input: member }, { token: filer.token })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM participation`);
    expect(after).toBe(before);
  });
});

describe('initiatives', () => {
  it('creates and updates an initiative, each with one audit event; a repeated update records nothing', async () => {
    const since = await lastEventId();
    const created = await t.gql(
      graphql(`
        mutation ($input: CreateInitiativeInput!) {
          createInitiative(input: $input) {
            id
            key
            kind
            binding
            adoptedOn
          }
        }
      `),
      {
        input: {
          key: 'unesco_ethics_2021',
          name: 'UNESCO Recommendation on the Ethics of AI',
          kind: 'RECOMMENDATION',
          adoptedOn: '2021-11-23',
          url: 'https://www.unesco.org/en/artificial-intelligence/recommendation-ethics',
        },
      },
      { token: curator.token },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createInitiative).toMatchObject({ key: 'unesco_ethics_2021', binding: false });
    const update = graphql(`
      mutation ($key: String!, $input: UpdateInitiativeInput!) {
        updateInitiative(key: $key, input: $input) {
          conveningBody
          description
        }
      }
    `);
    const input = { conveningBody: 'UNESCO General Conference', description: 'Adopted by 193 member states.' };
    const first = await t.gql(update, { key: 'unesco_ethics_2021', input }, { token: curator.token });
    const second = await t.gql(update, { key: 'unesco_ethics_2021', input }, { token: curator.token });
    expect(second.data).toEqual(first.data);
    const events = await eventsSince(since);
    expect(events.map((event) => [event.action, event.actor_user_id])).toEqual([
      ['initiative.create', curator.id],
      ['initiative.update', curator.id],
    ]);
    expect(events[1].before.conveningBody).toBeNull();
    expect(events[1].after.conveningBody).toBe('UNESCO General Conference');

    const again = await t.gql(
      graphql(`
        mutation ($input: CreateInitiativeInput!) {
          createInitiative(input: $input) {
            id
          }
        }
      `),
      { input: { key: 'unesco_ethics_2021', name: 'Twice', kind: 'STATEMENT' } },
      { token: curator.token },
    );
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('participation', () => {
  it('a retraction recorded now changes today’s answer, not an answer known before it', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const id = await liveRowId('USA', 'bletchley_2023');
    const since = await lastEventId();
    const retracted = await t.gql(
      RETRACT,
      { id, reason: 'test: suppose the signature was mistaken' },
      { token: curator.token },
    );
    expect(retracted.errors).toBeUndefined();
    expect(retracted.data!.retractParticipation.retractionReason).toBe('test: suppose the signature was mistaken');

    const today = await t.gql(DISTRIBUTION, {});
    expect(today.data!.participationDistribution.buckets[7].countryCodes).toEqual([
      'CAN',
      'DEU',
      'FRA',
      'GBR',
      'ITA',
      'JPN',
    ]);
    expect(today.data!.participationDistribution.buckets[6].countryCodes).toContain('USA');
    const earlier = await t.gql(DISTRIBUTION, { knownAt: before });
    expect(earlier.data!.participationDistribution.buckets[7].countryCodes).toContain('USA');

    // The row is kept, retracted; a second retraction changes nothing and records nothing.
    const stored = await t.sql(`SELECT retracted_at, retraction_reason FROM participation WHERE id = $1`, [id]);
    expect(stored[0].retraction_reason).toBe('test: suppose the signature was mistaken');
    await t.gql(RETRACT, { id, reason: 'again' }, { token: curator.token });
    const events = await eventsSince(since);
    expect(events.map((event) => [event.action, event.entity_id])).toEqual([['participation.retract', id]]);

    // Recorded again (a correction the other way): today counts it, and the trail shows both.
    const again = await t.gql(
      RECORD,
      {
        input: {
          partyCode: 'usa',
          initiativeKey: 'bletchley_2023',
          role: 'SIGNATORY',
          validFrom: '2023-11-01',
          sourceUrl: SOURCE,
          sourceTitle: 'The Bletchley Declaration',
        },
      },
      { token: curator.token },
    );
    expect(again.errors).toBeUndefined();
    expect(again.data!.recordParticipation).toMatchObject({ partyCode: 'USA', role: 'SIGNATORY' });
    const restored = await t.gql(DISTRIBUTION, {});
    expect(restored.data!.participationDistribution.buckets[7].countryCodes).toContain('USA');
  });

  it('ends a participation: the open row is retracted and replaced, so both views stay answerable', async () => {
    const id = await liveRowId('RUS', 'g20_ai_2019');
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const since = await lastEventId();
    const ended = await t.gql(
      END,
      { input: { id, validTo: '2022-03-01', validToPrecision: 'MONTH' } },
      { token: curator.token },
    );
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.endParticipation).toMatchObject({
      validTo: '2022-03-01',
      validToPrecision: 'MONTH',
      supersedesId: id,
    });
    expect((await eventsSince(since)).map((event) => event.action)).toEqual([
      'participation.end',
      'participation.record',
    ]);

    const count = graphql(`
      query ($asOf: LocalDate, $knownAt: DateTime) {
        country(iso3: "RUS") {
          initiativeCount(asOf: $asOf)
          participations(asOf: $asOf, knownAt: $knownAt) {
            validTo
          }
        }
      }
    `);
    expect((await t.gql(count, { asOf: '2021-01-01' })).data!.country!.initiativeCount).toBe(1);
    expect((await t.gql(count, {})).data!.country!.initiativeCount).toBe(0);
    expect((await t.gql(count, { knownAt: before })).data!.country!.participations).toEqual([{ validTo: null }]);

    const twice = await t.gql(END, { input: { id, validTo: '2022-03-01' } }, { token: curator.token });
    expect(twice.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
  });

  it('refuses what is wrong: BAD_USER_INPUT naming the field, CONFLICT for an overlapping live row', async () => {
    const base = {
      partyCode: 'KEN',
      initiativeKey: 'oecd_ai_2019',
      role: 'ADHERENT' as const,
      validFrom: '2025-01-01',
      sourceUrl: SOURCE,
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ validTo: '2024-12-31' }, 'BAD_USER_INPUT', 'input.validTo'],
      [{ validTo: '2025-01-01' }, 'BAD_USER_INPUT', 'input.validTo'],
      [{ partyCode: 'XXX' }, 'BAD_USER_INPUT', 'input.partyCode'],
      [{ initiativeKey: 'no_such_initiative' }, 'BAD_USER_INPUT', 'input.initiativeKey'],
      [{ sourceUrl: 'not a url' }, 'BAD_USER_INPUT', 'input.sourceUrl'],
      [{ sourceUrl: 'javascript:alert(1)' }, 'BAD_USER_INPUT', 'input.sourceUrl'],
      [{ validToPrecision: 'YEAR' }, 'BAD_USER_INPUT', 'input.validToPrecision'],
      [{ correctsId: '00000000-0000-4000-8000-000000000000' }, 'BAD_USER_INPUT', 'input.correctionReason'],
    ];
    for (const [change, code, field] of cases) {
      const { errors } = await t.gql(RECORD, { input: { ...base, ...change } as any }, { token: curator.token });
      expect([change, errors?.[0].extensions?.code, errors?.[0].extensions?.field]).toEqual([change, code, field]);
    }
    const missingSource = await t.gql(
      RECORD,
      { input: { ...base, sourceUrl: undefined } as any },
      { token: curator.token },
    );
    expect(missingSource.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const first = await t.gql(RECORD, { input: { ...base, validTo: '2026-01-01' } }, { token: curator.token });
    expect(first.errors).toBeUndefined();
    const overlapping = await t.gql(RECORD, { input: { ...base, validFrom: '2025-06-01' } }, { token: curator.token });
    expect(overlapping.errors?.[0].extensions?.code).toBe('CONFLICT');
    // Adjacent periods do not overlap (half-open), and another role is another fact.
    const next = await t.gql(RECORD, { input: { ...base, validFrom: '2026-01-01' } }, { token: curator.token });
    expect(next.errors).toBeUndefined();
    const observer = await t.gql(RECORD, { input: { ...base, role: 'OBSERVER' } }, { token: curator.token });
    expect(observer.errors).toBeUndefined();
  });

  it('enforces non-overlapping live periods in the database too', async () => {
    await expect(
      t.sql(
        `INSERT INTO participation (party_code, initiative_id, role, valid_from, valid_from_precision, source_url)
         SELECT 'JPN', i.id, 'MEMBER', '2024-01-01', 'DAY', 'https://example.org' FROM initiative i WHERE i.key = 'g20_ai_2019'`,
      ),
    ).rejects.toMatchObject({ code: '23P01' });
    await expect(t.sql(`DELETE FROM audit_event`)).rejects.toThrow();
  });

  it('corrects a row: retracted with the reason and replaced in one change', async () => {
    const id = await liveRowId('MLT', 'oecd_ai_2019');
    const corrected = await t.gql(
      RECORD,
      {
        input: {
          partyCode: 'MLT',
          initiativeKey: 'oecd_ai_2019',
          role: 'ADHERENT',
          validFrom: '2019-01-01',
          validFromPrecision: 'YEAR',
          sourceUrl: SOURCE,
          correctsId: id,
          correctionReason: 'test: the year is what is known',
        },
      },
      { token: curator.token },
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.recordParticipation.supersedesId).toBe(id);
    const [old] = await t.sql(`SELECT retraction_reason FROM participation WHERE id = $1`, [id]);
    expect(old.retraction_reason).toBe('test: the year is what is known');
    const again = await t.gql(
      RETRACT,
      { id: corrected.data!.recordParticipation.id, reason: 'x' },
      { token: curator.token },
    );
    expect(again.errors).toBeUndefined();
  });
});

describe('dated group membership', () => {
  it('adds a member from a date and ends a membership on a date, with audit events; distributions follow', async () => {
    const since = await lastEventId();
    const add = graphql(`
      mutation ($input: AddGroupMemberInput!) {
        addGroupMember(input: $input) {
          groupKey
          partyCode
          since
          until
        }
      }
    `);
    const added = await t.gql(
      add,
      { input: { groupKey: 'g7', partyCode: 'kor', since: '2030-01-01' } },
      { token: curator.token },
    );
    expect(added.data!.addGroupMember).toEqual({ groupKey: 'G7', partyCode: 'KOR', since: '2030-01-01', until: null });
    const overlapping = await t.gql(
      add,
      { input: { groupKey: 'G7', partyCode: 'KOR', since: '2031-01-01' } },
      { token: curator.token },
    );
    expect(overlapping.errors?.[0].extensions?.code).toBe('CONFLICT');
    const unknown = await t.gql(
      add,
      { input: { groupKey: 'G8', partyCode: 'KOR', since: '2031-01-01' } },
      { token: curator.token },
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.groupKey' });

    expect(
      (await t.gql(DISTRIBUTION, { groupKey: 'G7', asOf: '2030-06-01' })).data!.participationDistribution.total,
    ).toBe(8);
    expect((await t.gql(DISTRIBUTION, { groupKey: 'G7' })).data!.participationDistribution.total).toBe(7);

    const end = graphql(`
      mutation ($input: EndGroupMembershipInput!) {
        endGroupMembership(input: $input) {
          since
          until
        }
      }
    `);
    const early = await t.gql(
      end,
      { input: { groupKey: 'G7', partyCode: 'KOR', until: '2029-01-01' } },
      { token: curator.token },
    );
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.until' });
    const ended = await t.gql(
      end,
      { input: { groupKey: 'G7', partyCode: 'KOR', until: '2031-01-01' } },
      { token: curator.token },
    );
    expect(ended.data!.endGroupMembership).toEqual({ since: '2030-01-01', until: '2031-01-01' });
    expect(
      (await t.gql(DISTRIBUTION, { groupKey: 'G7', asOf: '2031-06-01' })).data!.participationDistribution.total,
    ).toBe(7);

    const events = await eventsSince(since);
    expect(events.map((event) => [event.action, event.entity_type])).toEqual([
      ['group_membership.add', 'group_membership'],
      ['group_membership.end', 'group_membership'],
    ]);
  });
});

describe('hostile input', () => {
  it('answers NUL characters, forged cursors and out-of-range dates with BAD_USER_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify(['x', 'not-a-uuid'])).toString('base64url');
    const attempts: [string, Record<string, unknown>][] = [
      [`query ($k: [String!]) { participationDistribution(initiativeKeys: $k) { total } }`, { k: ['a\u0000b'] }],
      [`query ($d: LocalDate) { participationDistribution(asOf: $d) { total } }`, { d: '10000-01-01' }],
      [`query ($d: DateTime) { participationDistribution(knownAt: $d) { total } }`, { d: '2026-13-01T00:00:00Z' }],
      [
        `query ($a: String) { initiative(key: "oecd_ai_2019") { participants(after: $a) { totalCount } } }`,
        { a: forged },
      ],
      [
        `query ($a: String) { participationMatrix(after: $a) { totalCount } }`,
        { a: Buffer.from('[1]').toString('base64url') },
      ],
      [
        `query ($a: String) { participationChanges(from: "2020-01-01T00:00:00Z", after: $a) { totalCount } }`,
        { a: forged },
      ],
      [
        `query ($a: String) { participationChanges(from: "2020-01-01T00:00:00Z", after: $a) { totalCount } }`,
        {
          a: Buffer.from(
            JSON.stringify(['2020-01-01T00:00:00.000000Z', 'DROP', '00000000-0000-4000-8000-000000000000']),
          ).toString('base64url'),
        },
      ],
      [`{ participationChanges(from: "2020-01-01T00:00:00Z", to: "2019-01-01T00:00:00Z") { totalCount } }`, {}],
      [`{ countries(filter: { minInitiatives: -1 }) { totalCount } }`, {}],
      [`{ initiatives(filter: { adoptedFrom: "0000-01-01" }) { totalCount } }`, {}],
    ];
    for (const [query, variables] of attempts) {
      const { status, errors } = await t.gql(query, variables);
      expect([query, status < 500, errors?.[0].extensions?.code]).toEqual([query, true, 'BAD_USER_INPUT']);
    }
  });
});
