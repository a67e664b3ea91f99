import { membershipInForce } from '../database/membership-sql.js';
import type { SqlRunner } from '../database/sql-runner.js';
import type { CountryReference } from './seed/country-reference.js';
import type { GroupReference, MembershipReference } from './seed/group-reference.js';

/**
 * The reference seed's writes to this module's tables. Every statement upserts from arrays in one round trip
 * and deletes nothing, so the seed can run at every start. Runs in the seed's transaction (outside Nest).
 */
export class ReferenceDataRepository {
  constructor(private readonly tx: SqlRunner) {}

  async upsertParties(parties: { code: string; kind: string; name: string }[]): Promise<void> {
    await this.tx.rows(
      `INSERT INTO party (code, kind, name)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::text[])
       ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
      [parties.map((p) => p.code), parties.map((p) => p.kind), parties.map((p) => p.name)],
    );
  }

  /** Countries with their developed/developing split; least developed is applied by applyDevelopmentStatus. */
  async upsertCountries(countries: CountryReference[]): Promise<void> {
    const column = <K extends keyof CountryReference>(key: K) => countries.map((country) => country[key]);
    await this.tx.rows(
      `INSERT INTO country (iso3, iso2, numeric_code, name, official_name, region, subregion, intermediate_region,
                            un_member, development_status)
       SELECT * FROM unnest($1::varchar[], $2::char(2)[], $3::char(3)[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::boolean[], $10::varchar[])
       ON CONFLICT (iso3) DO UPDATE SET iso2 = EXCLUDED.iso2, numeric_code = EXCLUDED.numeric_code, name = EXCLUDED.name,
         official_name = EXCLUDED.official_name, region = EXCLUDED.region, subregion = EXCLUDED.subregion,
         intermediate_region = EXCLUDED.intermediate_region, un_member = EXCLUDED.un_member`,
      [
        column('iso3'),
        column('iso2'),
        column('numericCode'),
        column('name'),
        column('officialName'),
        column('region'),
        column('subregion'),
        column('intermediateRegion'),
        column('unMember'),
        column('economy'),
      ],
    );
  }

  /** New groups only: a group's name and description may have been edited since. */
  async insertGroups(groups: readonly GroupReference[]): Promise<void> {
    await this.tx.rows(
      `INSERT INTO country_group (key, name, description)
       SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[])
       ON CONFLICT (key) DO NOTHING`,
      [groups.map((g) => g.key), groups.map((g) => g.name), groups.map((g) => g.description)],
    );
  }

  /** An end a curator has recorded is kept: the file may only end a period that is still open. */
  async upsertMemberships(memberships: MembershipReference[]): Promise<void> {
    await this.tx.rows(
      `INSERT INTO country_group_membership (group_key, party_code, valid_from, valid_to, note)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::date[], $4::date[], $5::text[])
       ON CONFLICT (group_key, party_code, valid_from) DO UPDATE
         SET valid_to = COALESCE(country_group_membership.valid_to, EXCLUDED.valid_to), note = EXCLUDED.note`,
      [
        memberships.map((m) => m.groupKey),
        memberships.map((m) => m.partyCode),
        memberships.map((m) => m.since),
        memberships.map((m) => m.until),
        memberships.map((m) => m.note),
      ],
    );
  }

  /**
   * Least developed follows the LDC group as it stands today, so that a graduation recorded there shows here;
   * the others are developed when listed in `developedIso3`, developing otherwise.
   */
  async applyDevelopmentStatus(developedIso3: string[]): Promise<void> {
    await this.tx.rows(
      `UPDATE country c SET development_status = CASE
         WHEN EXISTS (SELECT 1 FROM country_group_membership m
                      WHERE m.group_key = 'LDC' AND m.party_code = c.iso3 AND ${membershipInForce('m', 'current_date')})
           THEN 'LEAST_DEVELOPED'
         WHEN c.iso3 = ANY($1::varchar[]) THEN 'DEVELOPED'
         ELSE 'DEVELOPING' END`,
      [developedIso3],
    );
  }
}
