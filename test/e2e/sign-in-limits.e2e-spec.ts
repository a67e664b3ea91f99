import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecurityEvents, type SecurityEvent } from '../../src/auth/security-events.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { LOGIN } from '../fixtures/users.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

/** An app of its own (limits are per process), with the security events it reported. */
async function appWith(overrides: Partial<AppConfig> = {}): Promise<{ t: TestApp; events: SecurityEvent[] }> {
  const t = await startTestApp(overrides);
  const events: SecurityEvent[] = [];
  t.app.get(SecurityEvents).onEvent((event) => events.push(event));
  return { t, events };
}

const codes = (responses: { errors?: { extensions?: Record<string, any> }[] }[]) =>
  responses.map((response) => response.errors?.[0]?.extensions?.code ?? 'ok');
const count = (list: string[], code: string) => list.filter((each) => each === code).length;
/** Each checked password writes one audit event; refused attempts write none. */
const failuresAudited = async (t: TestApp) =>
  (await t.sql(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign_in_failed'`))[0].n as number;
const passwordChecks = (events: SecurityEvent[]) => events.filter((event) => event.type === 'sign_in').length;

/** `n` aliased login fields in one operation (built at run time, so not a typed document). */
function aliasedLogins(n: number, email: string, password: string): string {
  const fields = Array.from(
    { length: n },
    (_, i) => `a${i}: login(email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}) { token }`,
  );
  return `mutation { ${fields.join('\n')} }`;
}

describe('sign-in limits are taken before the password is checked', () => {
  let t: TestApp;
  let events: SecurityEvent[];
  beforeAll(async () => {
    ({ t, events } = await appWith());
  });
  afterAll(() => t.close());

  it('checks at most LOGIN_ATTEMPTS_PER_MINUTE of 60 concurrent wrong sign-ins from one address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.gql(
          LOGIN,
          { email: `nobody-${i}@example.org`, password: 'not-the-password' },
          { headers: { 'x-forwarded-for': '203.0.113.60' } },
        ),
      ),
    );
    const got = codes(answers);
    expect(count(got, 'UNAUTHENTICATED')).toBe(10);
    expect(count(got, 'RATE_LIMITED')).toBe(50);
    expect(await failuresAudited(t)).toBe(10);
    expect(passwordChecks(events)).toBe(10);
    const refused = answers.find((answer) => answer.errors![0].extensions!.code === 'RATE_LIMITED')!;
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('checks at most LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE of 60 concurrent sign-ins to one account from 60 addresses', async () => {
    const victim = await t.signUp('victim@example.org');
    events.length = 0;
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.gql(
          LOGIN,
          { email: 'Victim@example.org', password: `guess-number-${i}` },
          { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } },
        ),
      ),
    );
    const got = codes(answers);
    // The fixture's own sign-in took one of the account's ten.
    expect(count(got, 'UNAUTHENTICATED')).toBe(9);
    expect(count(got, 'RATE_LIMITED')).toBe(51);
    expect(passwordChecks(events)).toBe(9);
    expect(answers.find((answer) => got[answers.indexOf(answer)] === 'RATE_LIMITED')!.errors![0].message).toMatch(
      /too many sign-ins to this account; retry in \d+ s/,
    );
    // The right password waits too: the account's minute is spent.
    const right = await t.gql(
      LOGIN,
      { email: victim.email, password: victim.password },
      { headers: { 'x-forwarded-for': '192.0.2.1' } },
    );
    expect(codes([right])).toEqual(['RATE_LIMITED']);
  });

  it('counts an IPv6 /64 as one address', async () => {
    const { t: v6, events: v6Events } = await appWith({ loginAttemptsPerMinute: 3 });
    try {
      const got: string[] = [];
      for (let i = 1; i <= 5; i += 1) {
        const answer = await v6.gql(
          LOGIN,
          { email: `v6-${i}@example.org`, password: 'not-the-password' },
          { headers: { 'x-forwarded-for': `2001:db8:1:2::${i.toString(16)}` } },
        );
        got.push(...codes([answer]));
      }
      expect(got).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(passwordChecks(v6Events)).toBe(3);
    } finally {
      await v6.close();
    }
  });
});

describe('aliased sign-ins in one request', () => {
  it('counts each of 40 aliased login fields towards the account limit', async () => {
    const { t, events } = await appWith({ loginAttemptsPerAccountPerMinute: 50, maxQueryAliases: 50 });
    try {
      const user = await t.signUp('aliased@example.org');
      events.length = 0;
      const batch = await t.gql(aliasedLogins(40, user.email, user.password), {}, {});
      expect(batch.errors).toBeUndefined();
      expect(Object.keys(batch.data!)).toHaveLength(40);
      expect(passwordChecks(events)).toBe(40);
      // The fixture's sign-in and forty: nine left of fifty.
      const after: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        after.push(...codes([await t.gql(LOGIN, { email: user.email, password: user.password })]));
      }
      expect(after).toEqual([...Array(9).fill('ok'), 'RATE_LIMITED']);
    } finally {
      await t.close();
    }
  });

  it('stops at the first wrong password of aliased guesses: login is non-null, so the rest never run', async () => {
    const { t, events } = await appWith({ maxQueryAliases: 50 });
    try {
      const user = await t.signUp('guessed@example.org');
      events.length = 0;
      const batch = await t.gql(aliasedLogins(40, user.email, 'a-wrong-guess'), {}, {});
      expect(batch.data ?? null).toBeNull();
      expect(batch.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([[['a0'], 'UNAUTHENTICATED']]);
      expect(passwordChecks(events)).toBe(1);
      expect(await failuresAudited(t)).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('refuses aliased sign-ins past the limit without checking them, with one log line and count per request', async () => {
    const { t, events } = await appWith({ maxQueryAliases: 50 });
    try {
      const user = await t.signUp('flooded@example.org');
      for (let i = 0; i < 9; i += 1) await t.gql(LOGIN, { email: user.email, password: user.password });
      events.length = 0;
      const batch = await t.gql(aliasedLogins(40, user.email, user.password), {}, {});
      expect(batch.errors!.map((error) => error.extensions!.code)).toEqual(['RATE_LIMITED']);
      expect(passwordChecks(events)).toBe(0);
      expect(events).toEqual([{ type: 'rate_limited', kind: 'sign_in_account' }]);
    } finally {
      await t.close();
    }
  });
});

describe('successful sign-ins', () => {
  it('are limited per account, and given back to the address', async () => {
    const { t } = await appWith({ loginAttemptsPerMinute: 2, loginAttemptsPerAccountPerMinute: 4 });
    try {
      const user = await t.signUp('busy-signer@example.org');
      const from = { headers: { 'x-forwarded-for': '203.0.113.77' } };
      const got: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        got.push(...codes([await t.gql(LOGIN, { email: user.email, password: user.password }, from)]));
      }
      // The fixture's sign-in was the first of four: three more succeed, the fourth waits (from any address).
      expect(got).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
      // Three successes from the address did not use its two failures.
      const failures = [];
      for (let i = 0; i < 3; i += 1) {
        failures.push(
          ...codes([await t.gql(LOGIN, { email: `x-${i}@example.org`, password: 'wrong-password' }, from)]),
        );
      }
      expect(failures).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    } finally {
      await t.close();
    }
  });
});
