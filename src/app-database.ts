import { seedReferenceData } from './countries/seed/reference-seed.js';
import {
  checkAppRole,
  derivedAppRole,
  givenAppRole,
  grantAppPrivileges,
  type AppPrivileges,
} from './database/app-role.js';
import { prepareDatabase } from './database/prepare-database.js';
import { seedDisclosureTemplates } from './disclosures/templates/seed/template-seed.js';
import { seedPolicyData } from './policies/seed/policy-seed.js';
import { seedGovernanceData } from './initiatives/seed/governance-seed.js';

const READ_ONLY = ['SELECT'] as const;

/**
 * What the service's role may do to each table: what the code needs and no more. A table that is not listed is out
 * of its reach (a test lists any such table): a migration that adds a table adds its line here. Migrations and the
 * reference seed run as the owner, so reference tables are read-only to the service, and the audit trail can only
 * be appended to and read.
 */
export const APP_PRIVILEGES: AppPrivileges = {
  party: READ_ONLY,
  country: READ_ONLY,
  country_group: READ_ONLY,
  // Curators date the membership of groups (add a member since, end a membership on).
  country_group_membership: ['SELECT', 'INSERT', 'UPDATE'],
  app_user: ['SELECT', 'INSERT', 'UPDATE'],
  user_role: ['SELECT', 'INSERT', 'DELETE'],
  api_key: ['SELECT', 'INSERT', 'UPDATE'],
  organization: ['SELECT', 'INSERT'],
  user_membership: ['SELECT', 'INSERT', 'DELETE'],
  company: ['SELECT', 'INSERT', 'UPDATE'],
  regulator: ['SELECT', 'INSERT', 'UPDATE'],
  audit_event: ['SELECT', 'INSERT'],
  audit_chain_head: ['SELECT', 'UPDATE'],
  // Expired rows are deleted by whoever logs out next (locked FOR UPDATE SKIP LOCKED, which needs UPDATE).
  revoked_token: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  initiative: ['SELECT', 'INSERT', 'UPDATE'],
  // Retraction sets retracted_at; nothing is ever deleted.
  participation: ['SELECT', 'INSERT', 'UPDATE'],
  national_ai_strategy: ['SELECT', 'INSERT', 'UPDATE'],
  policy_instrument: ['SELECT', 'INSERT', 'UPDATE'],
  readiness_score: ['SELECT', 'INSERT', 'UPDATE'],
  ai_system: ['SELECT', 'INSERT', 'UPDATE'],
  // A system's deployments are replaced as a set.
  ai_system_deployment: ['SELECT', 'INSERT', 'DELETE'],
  // Published versions are immutable once used (a trigger refuses); an unused one may be republished.
  disclosure_template: ['SELECT', 'INSERT', 'UPDATE'],
  // Nothing is deleted: a draft given up is WITHDRAWN; a filing's content is frozen by a trigger.
  disclosure: ['SELECT', 'INSERT', 'UPDATE'],
  disclosure_ledger_head: ['SELECT', 'INSERT', 'UPDATE'],
  // Written once at submission, like the filing it indexes.
  disclosure_search: ['SELECT', 'INSERT'],
  // Reviews are opened and decided; findings are only added.
  review: ['SELECT', 'INSERT', 'UPDATE'],
  review_finding: ['SELECT', 'INSERT'],
  certification: ['SELECT', 'INSERT', 'UPDATE'],
  certification_status_change: ['SELECT', 'INSERT'],
  enforcement_action: ['SELECT', 'INSERT', 'UPDATE'],
  enforcement_status_change: ['SELECT', 'INSERT'],
  disclosure_requirement: ['SELECT', 'INSERT', 'UPDATE'],
  // Claimed, answered, taken over once expired, purged.
  idempotency_key: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
};

export interface PreparedDatabase {
  /** Migrations applied now. */
  applied: string[];
  /** Where request traffic goes: as the service's role, never as the owner. */
  appUrl: string;
  /** Tables APP_PRIVILEGES does not mention. */
  unlisted: string[];
}

/**
 * As the owner (`ownerUrl`): migrations, reference seeds, then the service's role (DATABASE_APP_URL's, or
 * `<owner>_app`, created when missing) and its privileges. The owner's connection is closed when this returns.
 */
export async function prepareAppDatabase(ownerUrl: string, appUrl?: string): Promise<PreparedDatabase> {
  const role = appUrl ? givenAppRole(appUrl) : derivedAppRole(ownerUrl);
  let unlisted: string[] = [];
  const applied = await prepareDatabase(
    ownerUrl,
    [seedReferenceData, seedGovernanceData, seedPolicyData, seedDisclosureTemplates],
    async (tx) => {
      unlisted = await grantAppPrivileges(tx, role, APP_PRIVILEGES);
    },
  );
  await checkAppRole(ownerUrl, role);
  return { applied, appUrl: role.url, unlisted };
}
