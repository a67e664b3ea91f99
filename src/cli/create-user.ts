// npm run user:create -- --email someone@example.org --role ADMIN [--role CURATOR]
// The password comes from NEW_USER_PASSWORD or, when unset, from standard input: never from the command line.
import { parseArgs } from 'node:util';
import { prepareAppDatabase } from '../app-database.js';
import { UsersService } from '../auth/users.service.js';
import { systemActor } from '../common/access/audit-actor.js';
import { Role } from '../common/access/role.js';
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';

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
if (!config.databaseUrl) fail('DATABASE_URL: set it to the database to add the user to');

const password = process.env.NEW_USER_PASSWORD ?? (await readStdin());
const { appUrl } = await prepareAppDatabase(config.databaseUrl!, config.databaseAppUrl);
const app = await createApp({
  config: { ...config, logLevel: 'warn', tokenSecret: 'x'.repeat(32) },
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
  const user = await app.get(UsersService).createUser(input, systemActor('cli'));
  process.stdout.write(`created ${user.email} (${user.id}) with roles ${user.roles.join(', ') || 'none'}\n`);
} finally {
  await app.close();
}
