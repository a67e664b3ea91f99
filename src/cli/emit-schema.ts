// Writes schema.gql from the code-first types without touching a database; run by `npm run build`.
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';
import { projectFile } from '../common/project-file.js';

const app = await createApp({
  config: { ...loadConfig({}), logLevel: 'warn' },
  databaseUrl: 'postgres://schema-only@localhost/none',
  connectDatabase: false,
  schemaFile: projectFile('schema.gql'),
});
await app.init();
await app.close();
