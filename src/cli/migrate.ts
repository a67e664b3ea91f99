// `npm run migration:run`: applies pending migrations, the reference seeds and the service role's grants to DATABASE_URL.
import { prepareAppDatabase } from '../app-database.js';
import { loadConfig } from '../config/app-config.js';

const { databaseUrl, databaseAppUrl } = loadConfig();
if (!databaseUrl) {
  process.stderr.write(
    'DATABASE_URL: set it to the database to migrate (the embedded default migrates itself at start)\n',
  );
  process.exit(1);
}
const { applied } = await prepareAppDatabase(databaseUrl, databaseAppUrl);
process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
