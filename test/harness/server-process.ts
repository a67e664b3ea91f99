import { spawn, type ChildProcess } from 'node:child_process';
import { projectFile } from '../../src/common/project-file.js';
import { queryText, type TadaDocumentNode } from '../graphql/graphql.js';
import type { GraphqlResponse } from './test-app.js';
import { createTestDatabase } from './test-database.js';

import { freePort } from '../../src/common/free-port.js';

export { freePort };

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  waitUntilReady(timeoutMs?: number): Promise<number>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the built server (dist/src/main.js) as a user would, with exactly the environment given plus PATH:
 * no DATABASE_URL unless the test passes one.
 */
export function startServerProcess(env: Record<string, string>, options: { detached?: boolean } = {}): ServerProcess {
  const port = Number(env.PORT);
  const child = spawn(process.execPath, [projectFile('dist/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // In a process group of its own, as a terminal runs a command: a test can signal the whole group.
    detached: options.detached ?? false,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  return {
    child,
    port,
    output: () => output,
    exited,
    async waitUntilReady(timeoutMs = 60000) {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        if (hasExited) throw new Error(`server exited before it was ready:\n${output}`);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
          if (response.status === 200) return Date.now() - started;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${output}`);
    },
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}

/** Posts an operation without variables to a server process; the answer is typed by the document. */
export async function postGraphql<Result>(
  port: number,
  document: TadaDocumentNode<Result, Record<string, never>>,
  headers: Record<string, string> = {},
): Promise<Omit<GraphqlResponse<Result>, 'status'>> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: queryText(document) }),
  });
  return (await response.json()) as Omit<GraphqlResponse<Result>, 'status'>;
}

/** The built server on a database of its own (cloned like every test file's), for tests that need a process. */
export async function startServerOnTestDatabase(
  env: Record<string, string> = {},
): Promise<{ server: ServerProcess; stop(): Promise<void> }> {
  const database = await createTestDatabase();
  const server = startServerProcess({ DATABASE_URL: database.url, PORT: String(await freePort()), ...env });
  await server.waitUntilReady();
  return {
    server,
    stop: async () => {
      await server.stop();
      await database.drop();
    },
  };
}
