import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { startServerOnTestDatabase, type ServerProcess } from '../harness/server-process.js';

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

let running: Awaited<ReturnType<typeof startServerOnTestDatabase>>;
let server: ServerProcess;
let browser: Browser;
beforeAll(async () => {
  running = await startServerOnTestDatabase({ LOG_LEVEL: 'warn' });
  server = running.server;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
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
