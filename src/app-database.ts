import { seedReferenceData } from './countries/seed/reference-seed.js';
import { prepareDatabase } from './database/prepare-database.js';
import { seedPolicyData } from './policies/seed/policy-seed.js';
import { seedGovernanceData } from './initiatives/seed/governance-seed.js';

/** Migrations and reference seeds of the whole application, in dependency order. */
export function prepareAppDatabase(url: string): Promise<string[]> {
  return prepareDatabase(url, [seedReferenceData, seedGovernanceData, seedPolicyData]);
}
