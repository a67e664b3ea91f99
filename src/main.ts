import type { Server as HttpServer } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { ConfigError } from './config/config.error.js';
import type { EmbeddedPostgresHandle } from './database/embedded-postgres.js';

/** Start-up messages before the structured logger exists: one JSON line, like the rest of the logs. */
function log(level: 'info' | 'error', msg: string): void {
  const line = JSON.stringify({ level: level === 'info' ? 30 : 50, time: Date.now(), msg });
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

function fail(message: string): never {
  process.stderr.write(`Configuration error: ${message}\n`);
  process.exit(1);
}

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  // Validated before the framework loads, so that a bad variable fails in milliseconds.
  const config = readConfig();
  const running: { app?: INestApplication; embedded?: EmbeddedPostgresHandle; stopping?: boolean } = {};

  const stop = async (signal: string) => {
    if (running.stopping) return;
    running.stopping = true;
    log('info', `${signal} received: finishing in-flight requests`);
    setTimeout(() => {
      log('error', `shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    // HTTP server first (in-flight requests finish), then the pool, then the embedded server under it.
    // Closing the server ends idle keep-alive connections once; a connection whose request was in flight becomes
    // idle only after its answer, and clients keep it open (up to Fastify's 72 s keep-alive), so close those as
    // they come free: otherwise the shutdown waits for the clients.
    const http = running.app?.getHttpServer() as HttpServer | undefined;
    const sweep = setInterval(() => http?.closeIdleConnections(), 50);
    await running.app?.close();
    clearInterval(sweep);
    await running.embedded?.stop();
    log('info', 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log('info', `DATABASE_URL is not set: starting embedded PostgreSQL (data in ${config.dataDir})`);
    const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
    try {
      running.embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPostgresPort,
        database: 'registry',
        log: (msg) => log('info', msg),
      });
    } catch (error) {
      if (error instanceof ConfigError) fail(error.message);
      throw error;
    }
    databaseUrl = running.embedded.url;
  }

  // Migrations, the seed and the grants run as the owner on a connection closed before traffic starts; requests run
  // as the service's role, which cannot alter tables or rewrite the audit trail.
  const { prepareAppDatabase } = await import('./app-database.js');
  const { DatabaseUnreachableError } = await import('./database/prepare-database.js');
  let appUrl: string;
  try {
    const prepared = await prepareAppDatabase(databaseUrl, config.databaseAppUrl);
    if (prepared.applied.length) log('info', `applied migrations: ${prepared.applied.join(', ')}`);
    if (prepared.unlisted.length) {
      log(
        'error',
        `the service's role may not use tables ${prepared.unlisted.join(', ')}: list them in APP_PRIVILEGES`,
      );
    }
    appUrl = prepared.appUrl;
  } catch (error) {
    if (!(error instanceof DatabaseUnreachableError) && !(error instanceof ConfigError)) throw error;
    await running.embedded?.stop();
    fail(error instanceof ConfigError ? error.message : `${config.databaseVariable}: ${error.message}`);
  }

  const { resolveTokenSecret } = await import('./auth/token-secret.js');
  const tokenSecret = await resolveTokenSecret(config, (msg) => log('info', msg));
  const { createApp } = await import('./create-app.js');
  running.app = await createApp({ config: { ...config, tokenSecret }, databaseUrl: appUrl });
  if (config.bootstrapAdmin) {
    const { bootstrapAdmin, bootstrapMessage } = await import('./auth/bootstrap-admin.js');
    const outcome = await bootstrapAdmin(running.app, config.bootstrapAdmin);
    log('info', bootstrapMessage(outcome, config.bootstrapAdmin.email));
  }
  await running.app.listen(config.port, config.host);
  log(
    'info',
    `ready on http://${config.host}:${config.port}/graphql in ${Math.round(performance.now() - startedAt)} ms`,
  );
}

main().catch((error: unknown) => {
  log('error', `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
