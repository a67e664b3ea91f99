import type { Tx } from '../../database/transaction.js';
import { GovernanceReferenceRepository } from '../reference-data.repository.js';
import { initiativeReferences, participationReferences } from './governance-reference.js';

/**
 * Loads the initiatives of the report's Figure 12 and their participation (data/governance/). Idempotent and
 * additive: runs at every start, after the countries seed (parties must exist), inside the caller's transaction.
 */
export async function seedGovernanceData(tx: Tx): Promise<void> {
  const reference = new GovernanceReferenceRepository(tx);
  await reference.insertInitiatives(initiativeReferences());
  await reference.insertParticipations(participationReferences());
}
