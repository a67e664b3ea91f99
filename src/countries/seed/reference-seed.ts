import type { EntityManager } from 'typeorm';
import { membershipInForce } from '../../database/membership-sql.js';
import { DevelopmentStatus } from '../development-status.js';
import { PartyKind } from '../party-kind.js';
import { countryReferences } from './country-reference.js';
import { GROUPS, membershipReferences, ORGANIZATION_PARTIES } from './group-reference.js';

/**
 * Loads countries, organisations and country groups. Idempotent: rows are upserted, nothing is deleted, so
 * it runs at every start and picks up new package data. Runs inside the caller's transaction.
 */
export async function seedReferenceData(manager: EntityManager): Promise<void> {
  const countries = countryReferences();
  const parties = [
    ...countries.map((country) => ({ code: country.iso3, kind: PartyKind.COUNTRY, name: country.name })),
    ...ORGANIZATION_PARTIES.map((org) => ({ code: org.code, kind: PartyKind.ORGANIZATION, name: org.name })),
  ];
  await manager.query(
    `INSERT INTO party (code, kind, name)
     SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
    [parties.map((p) => p.code), parties.map((p) => p.kind), parties.map((p) => p.name)],
  );
  const column = <K extends keyof (typeof countries)[number]>(key: K) => countries.map((country) => country[key]);
  await manager.query(
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
  await manager.query(
    `INSERT INTO country_group (key, name, description)
     SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[])
     ON CONFLICT (key) DO NOTHING`,
    [GROUPS.map((g) => g.key), GROUPS.map((g) => g.name), GROUPS.map((g) => g.description)],
  );
  const memberships = membershipReferences();
  await manager.query(
    `INSERT INTO country_group_membership (group_key, party_code, valid_from, valid_to, note)
     SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::date[], $4::date[], $5::text[])
     ON CONFLICT (group_key, party_code, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to, note = EXCLUDED.note`,
    [
      memberships.map((m) => m.groupKey),
      memberships.map((m) => m.partyCode),
      memberships.map((m) => m.since),
      memberships.map((m) => m.until),
      memberships.map((m) => m.note),
    ],
  );
  const developed = countries.filter((c) => c.economy === DevelopmentStatus.DEVELOPED).map((c) => c.iso3);
  // Least developed follows the LDC group as it stands today, so a graduation recorded there shows here.
  await manager.query(
    `UPDATE country c SET development_status = CASE
       WHEN EXISTS (SELECT 1 FROM country_group_membership m
                    WHERE m.group_key = 'LDC' AND m.party_code = c.iso3 AND ${membershipInForce('m', 'current_date')})
         THEN 'LEAST_DEVELOPED'
       WHEN c.iso3 = ANY($1::varchar[]) THEN 'DEVELOPED'
       ELSE 'DEVELOPING' END`,
    [developed],
  );
}
