import type { INestApplication } from '@nestjs/common';
import { prepareAppDatabase } from './app-database.js';
import { createApp } from './create-app.js';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { ConfigError } from './config/config.error.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './database/embedded-postgres.js';
import { DatabaseUnreachableError } from './database/prepare-database.js';

/** Start-up messages before the structured logger exists: one JSON line, like the rest of the logs. */
function log(level: 'info' | 'error', msg: string): void {
  const line = JSON.stringify({ level: level === 'info' ? 30 : 50, time: Date.now(), msg });
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedPostgresHandle | undefined;
  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', `${signal} received: finishing in-flight requests`);
    setTimeout(() => {
      log('error', `shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    await app?.close();
    await embedded?.stop();
    log('info', 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log('info', `DATABASE_URL is not set: starting embedded PostgreSQL (data in ${config.dataDir})`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      database: 'registry',
      log: (msg) => log('info', msg),
    });
    databaseUrl = embedded.url;
  }

  try {
    const applied = await prepareAppDatabase(databaseUrl);
    if (applied.length) log('info', `applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) {
      process.stderr.write(`Configuration error: DATABASE_URL: ${error.message}\n`);
      await embedded?.stop();
      process.exit(1);
    }
    throw error;
  }

  app = await createApp({ config, databaseUrl });
  await app.listen(config.port, config.host);
  log('info', `ready on http://${config.host}:${config.port}/graphql in ${Math.round(performance.now() - startedAt)} ms`);
  if (stopping) await stop('late signal');
}

main().catch((error: unknown) => {
  log('error', `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
