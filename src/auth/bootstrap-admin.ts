import type { INestApplication } from '@nestjs/common';
import { systemActor } from '../common/access/audit-actor.js';
import { Role } from '../common/access/role.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/**
 * Creates the first admin from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD when no admin exists yet;
 * does nothing afterwards, so the variables can stay set. Returns whether it created one.
 */
export async function bootstrapAdmin(
  app: INestApplication,
  admin: { email: string; password: string },
): Promise<boolean> {
  if (await app.get(UsersRepository).adminExists()) return false;
  await app
    .get(UsersService)
    .createUser({ email: admin.email, password: admin.password, roles: [Role.ADMIN] }, systemActor('bootstrap'));
  return true;
}
