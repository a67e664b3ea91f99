import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecurityEvents, type SecurityEvent } from '../../src/auth/security-events.js';
import { LOGIN, type SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let user: SignedInUser;
const events: SecurityEvent[] = [];
beforeAll(async () => {
  t = await startTestApp({ logLevel: 'info', loginAttemptsPerMinute: 2 });
  t.app.get(SecurityEvents).onEvent((event) => events.push(event));
  user = await t.signUp('logged@example.org');
});
afterAll(() => t.close());

/** The security log lines written so far. */
function securityLines(): Record<string, any>[] {
  return t.logs
    .flatMap((chunk) => chunk.split('\n'))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>)
    .filter((line) => line.security !== undefined);
}
const lineOf = (requestId: string) => securityLines().find((line) => line.reqId === requestId);

describe('security events', () => {
  it('logs and audits a failed sign-in with the address (from X-Forwarded-For: one proxy) and the request id', async () => {
    await t.gql(
      LOGIN,
      { email: user.email, password: 'the-wrong-password' },
      { headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'failed-sign-in-1' } },
    );
    expect(lineOf('failed-sign-in-1')).toMatchObject({
      security: 'sign_in_failed',
      address: '203.0.113.9',
      userId: user.id,
      reason: 'wrong_password',
      level: 40,
    });
    const [event] = await t.sql(
      `SELECT actor_user_id, entity_type, entity_id, after FROM audit_event WHERE request_id = 'failed-sign-in-1'`,
    );
    expect(event).toEqual({
      actor_user_id: null,
      entity_type: 'user',
      entity_id: user.id,
      after: { address: '203.0.113.9', reason: 'wrong_password' },
    });
    expect(events).toContainEqual({ type: 'sign_in', ok: false });
  });

  it('logs and audits a successful sign-in with the user, never the password or the token', async () => {
    const { data } = await t.gql(
      LOGIN,
      { email: user.email, password: user.password },
      { headers: { 'x-forwarded-for': '203.0.113.10', 'x-request-id': 'sign-in-1' } },
    );
    expect(lineOf('sign-in-1')).toMatchObject({ security: 'sign_in', address: '203.0.113.10', userId: user.id });
    const [event] = await t.sql(`SELECT actor_user_id, action FROM audit_event WHERE request_id = 'sign-in-1'`);
    expect(event).toEqual({ actor_user_id: user.id, action: 'auth.sign_in' });
    const everything = t.logs.join('');
    expect(everything).not.toContain(user.password);
    expect(everything).not.toContain('the-wrong-password');
    expect(everything).not.toContain(data!.login.token);
    expect(everything).not.toContain(user.token);
  });

  it('logs an unknown account without the email typed', async () => {
    await t.gql(
      LOGIN,
      { email: 'typed-by-mistake@example.org', password: 'whatever-it-was' },
      { headers: { 'x-forwarded-for': '203.0.113.11', 'x-request-id': 'unknown-1' } },
    );
    expect(lineOf('unknown-1')).toMatchObject({ security: 'sign_in_failed', userId: null, reason: 'unknown_account' });
    expect(t.logs.join('')).not.toContain('typed-by-mistake');
    const [event] = await t.sql(`SELECT entity_id, after FROM audit_event WHERE request_id = 'unknown-1'`);
    expect(event).toEqual({ entity_id: 'unknown', after: { address: '203.0.113.11', reason: 'unknown_account' } });
  });

  it('logs a rate-limit refusal with its limit, and audits nothing for it', async () => {
    const from = (id: string) => ({ headers: { 'x-forwarded-for': '203.0.113.12', 'x-request-id': id } });
    await t.gql(LOGIN, { email: 'one@example.org', password: 'wrong-password-1' }, from('limited-a'));
    await t.gql(LOGIN, { email: 'two@example.org', password: 'wrong-password-2' }, from('limited-b'));
    const refused = await t.gql(LOGIN, { email: 'three@example.org', password: 'wrong-password-3' }, from('limited-c'));
    expect(refused.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(lineOf('limited-c')).toMatchObject({
      security: 'rate_limited',
      limit: 'sign_in_address',
      address: '203.0.113.12',
    });
    expect(await t.sql(`SELECT 1 FROM audit_event WHERE request_id = 'limited-c'`)).toEqual([]);
    expect(events).toContainEqual({ type: 'rate_limited', kind: 'sign_in_address' });
  });

  it('logs refused operations: FORBIDDEN with the user and operation, UNAUTHENTICATED without the token', async () => {
    const users = graphql(`
      {
        users {
          totalCount
        }
      }
    `);
    await t.gql(users, {}, { token: user.token, headers: { 'x-request-id': 'forbidden-1' } });
    expect(lineOf('forbidden-1')).toMatchObject({
      security: 'refused',
      code: 'FORBIDDEN',
      userId: user.id,
      operation: 'users',
    });
    const bogus = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLW5vdC12YWxpZA';
    await t.gql(users, {}, { token: bogus, headers: { 'x-request-id': 'unauthenticated-1' } });
    expect(lineOf('unauthenticated-1')).toMatchObject({ security: 'refused', code: 'UNAUTHENTICATED', userId: null });
    expect(t.logs.join('')).not.toContain(bogus);
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'refused', code: 'FORBIDDEN' },
        { type: 'refused', code: 'UNAUTHENTICATED' },
      ]),
    );
  });

  it('takes the address from the connection when no proxy is trusted', async () => {
    const direct = await startTestApp({ logLevel: 'info', trustProxyHops: 0 });
    try {
      await direct.gql(
        LOGIN,
        { email: 'someone@example.org', password: 'not-the-password' },
        { headers: { 'x-forwarded-for': '203.0.113.99', 'x-request-id': 'direct-1' } },
      );
      const line = direct.logs
        .flatMap((chunk) => chunk.split('\n'))
        .filter(Boolean)
        .map((each) => JSON.parse(each) as Record<string, any>)
        .find((each) => each.reqId === 'direct-1' && each.security);
      expect(line).toMatchObject({ security: 'sign_in_failed' });
      expect(line!.address).not.toBe('203.0.113.99');
      expect(line!.address).toMatch(/127\.0\.0\.1|::1/);
    } finally {
      await direct.close();
    }
  });
});
