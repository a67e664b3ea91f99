import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { ChangeListener } from '../../src/database/change-listener.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';

const CHANNEL = 'things_changed';
const FAST = { heartbeatMs: 50, answerTimeoutMs: 500, retryMs: 20, maxRetryMs: 100 };

let database: TestDatabase;
let owner: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase();
  owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  await database.drop();
});

let listener: ChangeListener | undefined;
afterEach(() => listener?.stop());

/** A listener on the test database as the service's role, and what it reported. */
async function listen(): Promise<{ changes: () => number; states: boolean[] }> {
  let changes = 0;
  const states: boolean[] = [];
  listener = new ChangeListener(
    { connectionString: database.appUrl },
    CHANNEL,
    { changed: () => changes++, listening: (up) => states.push(up) },
    FAST,
  );
  await listener.start();
  return { changes: () => changes, states };
}

async function until(condition: () => boolean, ms = 3000): Promise<void> {
  for (const started = Date.now(); !condition();) {
    if (Date.now() - started > ms) throw new Error('not within the time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ChangeListener', () => {
  it('is up once its own probe came back, and reports a change committed by another session', async () => {
    const { changes, states } = await listen();
    expect(states).toEqual([true]);
    await owner.query(`BEGIN`);
    await owner.query(`SELECT pg_notify($1, '')`, [CHANNEL]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes()).toBe(0);
    await owner.query(`COMMIT`);
    await until(() => changes() === 1);
  });

  it('does not count its probes as changes', async () => {
    const { changes } = await listen();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(changes()).toBe(0);
  });

  it('reports a lost connection at once and comes back on a new one', async () => {
    const { states } = await listen();
    const [{ pid }] = (
      await owner.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [`listener:${CHANNEL}`],
      )
    ).rows;
    await owner.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await until(() => states.length === 3);
    expect(states).toEqual([true, false, true]);
  });

  it('is never up while it cannot connect, and keeps trying', async () => {
    const states: boolean[] = [];
    let attempts = 0;
    listener = new ChangeListener(
      { connectionString: 'postgres://nobody@127.0.0.1:1/none' },
      CHANNEL,
      { changed: () => undefined, listening: (up) => states.push(up) },
      FAST,
    );
    const connect = pg.Client.prototype.connect as (this: pg.Client) => Promise<pg.Client>;
    const counting = jest.spyOn(pg.Client.prototype, 'connect').mockImplementation(function (this: pg.Client) {
      attempts++;
      return connect.call(this);
    } as never);
    try {
      await listener.start();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      counting.mockRestore();
    }
    expect(states).toEqual([]);
    expect(attempts).toBeGreaterThan(2);
  });
});
