// npm run user:create -- --email someone@example.org --role ADMIN [--role CURATOR]
// The password comes from NEW_USER_PASSWORD or, when unset, from standard input: never from the command line.
// Without DATABASE_URL (or DATABASE_HOST), the user goes into the embedded PostgreSQL of DATA_DIR, as `npm start`
// uses it: the running service's server when it is up, else one started for the time it takes.
import { parseArgs } from 'node:util';
import { prepareAppDatabase } from '../app-database.js';
import { UsersService } from '../auth/users.service.js';
import { systemActor } from '../common/access/audit-actor.js';
import { Role } from '../common/access/role.js';
import { AppError } from '../common/errors/app-errors.js';
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';
import type { EmbeddedPostgresHandle } from '../database/embedded-postgres.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password (input is not hidden; prefer piping it): ');
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, '');
}

const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string', multiple: true } } });
const config = loadConfig();
const fail = (message: string): never => {
  process.stderr.write(message + '\n');
  process.exit(2);
};
if (!values.email) fail('usage: npm run user:create -- --email EMAIL --role ROLE [--role ROLE]');
const roles = (values.role ?? []).map((role) => role.toUpperCase());
for (const role of roles) if (!(role in Role)) fail(`--role: ${role} is not one of ${Object.keys(Role).join(', ')}`);

const password = process.env.NEW_USER_PASSWORD ?? (await readStdin());
let databaseUrl = config.databaseUrl;
let embedded: EmbeddedPostgresHandle | undefined;
if (!databaseUrl) {
  const { startEmbeddedPostgres } = await import('../database/embedded-postgres.js');
  embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    database: 'registry',
    log: (message) => process.stderr.write(message + '\n'),
    attach: true,
  }).catch((error: unknown) => fail(`embedded PostgreSQL in ${config.dataDir}: ${String(error)}`));
  databaseUrl = embedded.url;
}
const { appUrl } = await prepareAppDatabase(databaseUrl, config.databaseAppUrl);
const app = await createApp({
  config: { ...config, logLevel: 'warn', tokenSecret: 'x'.repeat(32), metricsEnabled: false },
  databaseUrl: appUrl,
});
await app.init();
try {
  const { CreateUserInput } = await import('../auth/dto/user.input.js');
  const { validate } = await import('class-validator');
  const input = Object.assign(new CreateUserInput(), { email: values.email, password, roles: roles as Role[] });
  const problems = await validate(input);
  if (problems.length)
    fail(problems.map((p) => `${p.property}: ${Object.values(p.constraints ?? {}).join(', ')}`).join('\n'));
  const user = await app
    .get(UsersService)
    .createUser(input, systemActor('cli'))
    .catch((error: unknown) => {
      // A CONFLICT (the email is taken) is the caller's mistake: one line, exit 2, like the others.
      if (error instanceof AppError) fail(`${values.email}: ${error.message}`);
      throw error;
    });
  process.stdout.write(`created ${user.email} (${user.id}) with roles ${user.roles.join(', ') || 'none'}\n`);
} finally {
  await app.close();
  await embedded?.stop();
}
