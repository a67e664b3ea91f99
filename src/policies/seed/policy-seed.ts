import type { Tx } from '../../database/transaction.js';
import { PolicyReferenceRepository } from '../policy-reference.repository.js';
import { instrumentReferences, readinessReferences, strategyReferences } from './policy-reference.js';

/**
 * Loads national AI strategies, the report's policy instruments (Table 3) and readiness ranks (Table 2) from
 * data/readiness/. Runs after the countries seed (its rows name parties and countries), in the same transaction;
 * inserts what is missing and changes nothing that exists, so it runs at every start.
 */
export async function seedPolicyData(tx: Tx): Promise<void> {
  const reference = new PolicyReferenceRepository(tx);
  await reference.insertStrategies(strategyReferences());
  await reference.insertInstruments(instrumentReferences());
  await reference.insertReadiness(readinessReferences());
}
