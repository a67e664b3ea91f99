import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort, startServerProcess } from '../harness/server-process.js';

/** Processes whose command line names `text` (Linux /proc). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false; // ended while listing
      }
    })
    .map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

describe('Ctrl-C on the embedded default', () => {
  let dataDir: string | undefined;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('SIGINT to the whole process group: 20 in-flight requests answered, exit 0, no PostgreSQL left', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'registry-sigint-'));
    const admin = { email: 'sigint-admin@example.org', password: 'a long passphrase for sigint' };
    const server = startServerProcess(
      {
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        PORT: String(await freePort()),
        BOOTSTRAP_ADMIN_EMAIL: admin.email,
        BOOTSTRAP_ADMIN_PASSWORD: admin.password,
        LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        SHUTDOWN_TIMEOUT_MS: '30000',
      },
      { detached: true },
    );
    await server.waitUntilReady(180000);
    const postmasterPid = Number(
      (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    expect(alive(postmasterPid)).toBe(true);

    // Sign-ins are slow on purpose (scrypt, 32 MiB each): 20 of them are still running when the signal comes.
    let signalledAt = Infinity;
    const answeredAt: number[] = [];
    const requests = Array.from({ length: 20 }, async () => {
      const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation SignIn($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          variables: { e: admin.email, p: admin.password },
        }),
      });
      const body = (await response.json()) as { data?: { login?: { token?: string } } };
      answeredAt.push(performance.now());
      return { status: response.status, token: body.data?.login?.token };
    });
    // As a terminal's Ctrl-C does: the signal goes to every process of the foreground group, once the first
    // answer shows that all 20 requests have arrived.
    await Promise.race(requests);
    process.kill(-server.child.pid!, 'SIGINT');
    signalledAt = performance.now();

    const answers = await Promise.all(requests);
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(answers.every((answer) => typeof answer.token === 'string')).toBe(true);
    expect(answeredAt.filter((at) => at > signalledAt).length).toBeGreaterThan(0);
    const code = await server.exited;
    if (code !== 0) throw new Error(`exit ${code}:\n${server.output()}`);
    expect(server.output()).toMatch(/SIGINT received: finishing in-flight requests/);
    expect(server.output()).toMatch(/"msg":"stopped"/);
    // PostgreSQL, in a group of its own, was not signalled by the Ctrl-C: the service stopped it, last.
    expect(alive(postmasterPid)).toBe(false);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 300000);
});
