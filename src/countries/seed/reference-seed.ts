import type { Tx } from '../../database/transaction.js';
import { DevelopmentStatus } from '../development-status.js';
import { PartyKind } from '../party-kind.js';
import { ReferenceDataRepository } from '../reference-data.repository.js';
import { countryReferences } from './country-reference.js';
import { GROUPS, membershipReferences, ORGANIZATION_PARTIES } from './group-reference.js';

/**
 * Loads countries, organisations and country groups. Idempotent: rows are upserted, nothing is deleted, so
 * it runs at every start and picks up new package data. Runs inside the caller's transaction.
 */
export async function seedReferenceData(tx: Tx): Promise<void> {
  const reference = new ReferenceDataRepository(tx);
  const countries = countryReferences();
  await reference.upsertParties([
    ...countries.map((country) => ({ code: country.iso3, kind: PartyKind.COUNTRY, name: country.name })),
    ...ORGANIZATION_PARTIES.map((org) => ({ code: org.code, kind: PartyKind.ORGANIZATION, name: org.name })),
  ]);
  await reference.upsertCountries(countries);
  await reference.insertGroups(GROUPS);
  await reference.upsertMemberships(membershipReferences());
  await reference.applyDevelopmentStatus(
    countries.filter((c) => c.economy === DevelopmentStatus.DEVELOPED).map((c) => c.iso3),
  );
}
