import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { systemActor } from '../common/access/audit-actor.js';
import { Role } from '../common/access/role.js';
import { UsersService } from './users.service.js';

/**
 * Creates the first admin from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD when no admin exists yet;
 * does nothing afterwards, so the variables can stay set. Returns whether it created one.
 */
export async function bootstrapAdmin(
  app: INestApplication,
  admin: { email: string; password: string },
): Promise<boolean> {
  const db = app.get(DataSource);
  const [{ exists }] = await db.query(`SELECT EXISTS (SELECT 1 FROM user_role WHERE role = 'ADMIN') AS exists`);
  if (exists) return false;
  await app
    .get(UsersService)
    .createUser({ email: admin.email, password: admin.password, roles: [Role.ADMIN] }, systemActor('bootstrap'));
  return true;
}
