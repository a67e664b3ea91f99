import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { freePort, startServerProcess, type ServerProcess } from '../harness/server-process.js';

/** Debian's chromium package (`.ci/run` installs it); the flags keep it off the network and quiet. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
beforeAll(async () => {
  database = await createTestDatabase();
  server = startServerProcess({ DATABASE_URL: database.url, PORT: String(await freePort()), LOG_LEVEL: 'warn' });
  await server.waitUntilReady();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

describe('GraphiQL', () => {
  it('renders the schema docs from the service alone, with every other host blocked', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const page = await browser.newPage();
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${origin}/graphql`);
    await page.getByRole('button', { name: /show documentation explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    const countries = page.locator('.graphiql-doc-explorer').getByText('countries', { exact: true }).first();
    await countries.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await countries.textContent()).toBe('countries');

    expect(blocked).toEqual([]);
    expect(failures).toEqual([]);
    await page.close();
  });
});
