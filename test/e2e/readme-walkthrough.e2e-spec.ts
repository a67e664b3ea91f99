import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { projectFile } from '../../src/common/project-file.js';
import { freePort, startServerProcess } from '../harness/server-process.js';
import { createTestDatabase } from '../harness/test-database.js';

interface Block {
  language: string;
  code: string;
}

/** The code blocks of the README's walkthrough section, in order. */
function walkthroughBlocks(): Block[] {
  const readme = readFileSync(projectFile('README.md'), 'utf8');
  const start = readme.indexOf('\n## Walkthrough');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({ language: match[1], code: match[2] }));
}

const SEPARATOR = '@@ end of block @@';

describe('the README walkthrough', () => {
  it('runs as written, in bash, against the built service, and answers what it shows', async () => {
    const blocks = walkthroughBlocks();
    expect(blocks.filter((block) => block.language === 'sh').length).toBeGreaterThan(4);
    const database = await createTestDatabase();
    const server = startServerProcess({ DATABASE_URL: database.url, PORT: String(await freePort()) });
    try {
      await server.waitUntilReady();
      // Every shell block but `npm start` (the test started the service), in one shell, in order, each followed by
      // a separator so that its output can be told apart.
      const steps = blocks.filter((block) => block.language === 'sh' && !block.code.startsWith('npm start'));
      const script = steps
        .map((step) => step.code.replaceAll('http://localhost:3000', `http://127.0.0.1:${server.port}`))
        .join(`\necho '${SEPARATOR}'\n`);
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', `${script}\necho '${SEPARATOR}'`], {
        cwd: projectFile('.'),
        // user:create writes to the test's database, as it would to DATABASE_URL's (or the embedded default).
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
        timeout: 120000,
      });
      if (run.status !== 0) throw new Error(`the walkthrough failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
      const outputs = run.stdout.split(`${SEPARATOR}\n`);

      // Each JSON block shows the answer of the last command of the shell block before it.
      let step = -1;
      let checked = 0;
      for (const block of blocks) {
        if (block.language === 'sh' && !block.code.startsWith('npm start')) step += 1;
        if (block.language !== 'json') continue;
        const lines = outputs[step].trim().split('\n');
        expect(JSON.parse(lines[lines.length - 1])).toEqual(JSON.parse(block.code));
        checked += 1;
      }
      expect(checked).toBeGreaterThanOrEqual(3);

      // The retried registration printed the same answer twice, and registered once.
      const retried = outputs[steps.findIndex((s) => s.code.includes('IDEMPOTENCY_KEY='))].trim().split('\n');
      expect(retried).toHaveLength(2);
      expect(retried[0]).toBe(retried[1]);
      expect(JSON.parse(retried[0]).data.registerCompany.name).toBe('Acme AI Ghana');
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const ghana = await client.query(`SELECT count(*)::int AS n FROM company WHERE name = 'Acme AI Ghana'`);
        expect(ghana.rows[0].n).toBe(1);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
      await database.drop();
    }
  }, 180000);
});
