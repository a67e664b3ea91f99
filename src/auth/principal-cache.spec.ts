import { describe, expect, it } from '@jest/globals';
import type { Principal } from '../common/access/principal.js';
import type { AppConfig } from '../config/app-config.js';
import type { ChangeHandlers } from '../database/change-listener.js';
import type { Database } from '../database/database.js';
import { Tx } from '../database/transaction.js';
import { PrincipalCache } from './principal-cache.js';

const caller: Principal = {
  userId: 'u',
  email: 'u@example.org',
  apiKeyId: null,
  token: null,
  readOnly: false,
  roles: new Set(),
  memberships: new Set(),
};
const inAnHour = () => Date.now() + 3_600_000;

/** A cache on a listener the test drives: `handlers` are what the listening connection would call. */
async function cacheWith(size = 10): Promise<{ cache: PrincipalCache; handlers: ChangeHandlers }> {
  let handlers!: ChangeHandlers;
  const db = {
    connected: true,
    listener: (_channel: string, given: ChangeHandlers) => {
      handlers = given;
      return { start: async () => given.listening(true), stop: async () => undefined };
    },
  } as unknown as Database;
  const cache = new PrincipalCache(db, { principalCacheSize: size } as AppConfig);
  await cache.onApplicationBootstrap();
  return { cache, handlers };
}

describe('PrincipalCache', () => {
  it('answers a credential it kept, until the credential expires', async () => {
    const { cache } = await cacheWith();
    cache.keep('token', caller, inAnHour(), cache.beforeRead());
    expect(cache.find('token')).toBe(caller);
    expect(cache.find('another token')).toBeUndefined();
    cache.keep('expired', caller, Date.now() - 1, cache.beforeRead());
    expect(cache.find('expired')).toBeUndefined();
  });

  it('forgets everything on a notification', async () => {
    const { cache, handlers } = await cacheWith();
    cache.keep('token', caller, inAnHour(), cache.beforeRead());
    handlers.changed();
    expect(cache.find('token')).toBeUndefined();
  });

  it('does not keep a read that a change overtook (read before a revocation, answered after it)', async () => {
    const { cache, handlers } = await cacheWith();
    const readAt = cache.beforeRead();
    handlers.changed();
    cache.keep('token', caller, inAnHour(), readAt);
    expect(cache.find('token')).toBeUndefined();
  });

  it('keeps and answers nothing while not listening, and forgets what it had when listening stops', async () => {
    const { cache, handlers } = await cacheWith();
    cache.keep('token', caller, inAnHour(), cache.beforeRead());
    handlers.listening(false);
    expect(cache.find('token')).toBeUndefined();
    cache.keep('token', caller, inAnHour(), cache.beforeRead());
    handlers.listening(true);
    expect(cache.find('token')).toBeUndefined();
  });

  it('forgets when a transaction that changed callers commits, not before', async () => {
    const { cache } = await cacheWith();
    cache.keep('token', caller, inAnHour(), cache.beforeRead());
    const tx = new Tx({} as never);
    cache.forgetOnCommit(tx);
    expect(cache.find('token')).toBe(caller);
    tx.committed();
    expect(cache.find('token')).toBeUndefined();
  });

  it('holds at most its size, dropping the least recently used', async () => {
    const { cache } = await cacheWith(2);
    for (const token of ['a', 'b']) cache.keep(token, caller, inAnHour(), cache.beforeRead());
    cache.find('a');
    cache.keep('c', caller, inAnHour(), cache.beforeRead());
    expect([cache.find('a'), cache.find('b'), cache.find('c')]).toEqual([caller, undefined, caller]);
  });

  it('keeps nothing with size 0', async () => {
    const { cache } = await cacheWith(0);
    cache.keep('token', caller, inAnHour(), cache.beforeRead());
    expect(cache.find('token')).toBeUndefined();
  });
});
