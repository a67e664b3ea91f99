import type { INestApplication } from '@nestjs/common';
import { systemActor } from '../common/access/audit-actor.js';
import { Role } from '../common/access/role.js';
import { ConflictError } from '../common/errors/app-errors.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** What BOOTSTRAP_ADMIN_* did at start-up. */
export type BootstrapOutcome = 'created' | 'admin-exists' | 'email-taken';

/**
 * Creates the first admin from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD when no active admin exists yet.
 * Never fails a start: with an active admin it does nothing (the variables can stay set); when a user already has
 * that email (without being an active admin, or created by a replica starting at the same moment) it leaves them as
 * they are: granting ADMIN to an existing account is an admin's decision, not a variable's.
 */
export async function bootstrapAdmin(
  app: INestApplication,
  admin: { email: string; password: string },
): Promise<BootstrapOutcome> {
  if (await app.get(UsersRepository).adminExists()) return 'admin-exists';
  try {
    await app
      .get(UsersService)
      .createUser({ email: admin.email, password: admin.password, roles: [Role.ADMIN] }, systemActor('bootstrap'));
    return 'created';
  } catch (error) {
    if (error instanceof ConflictError) return 'email-taken';
    throw error;
  }
}

/** The start-up log line for `outcome`. */
export function bootstrapMessage(outcome: BootstrapOutcome, email: string): string {
  switch (outcome) {
    case 'created':
      return `created the first admin ${email}`;
    case 'admin-exists':
      return 'an admin exists: BOOTSTRAP_ADMIN_* ignored';
    case 'email-taken':
      return (
        `no active admin, but a user with the email ${email} exists: left as it is, BOOTSTRAP_ADMIN_* ignored ` +
        '(create an admin with npm run user:create)'
      );
  }
}
