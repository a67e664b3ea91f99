import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { asStoredJson, chain, ChainVerifier, eventHash, GENESIS_HASH, type ExportedEvent } from './audit-chain.js';

const base = {
  occurredAt: '2026-01-31T09:05:00.123456Z',
  actorUserId: '6f1c2a4e-8b0d-4c1e-9a53-2f7d8e6b1c00',
  actorApiKeyId: null,
  action: 'company.update',
  entityType: 'company',
  entityId: 'c0ffee00-0000-4000-8000-000000000001',
  before: { name: 'Old', country: { iso3: 'FRA' } },
  after: { name: 'Nouvelle société', country: { iso3: 'FRA' }, tags: [1, 2.5, 'é'] },
  requestId: 'req-1',
};

function trail(count: number): ExportedEvent[] {
  return chain(
    GENESIS_HASH,
    Array.from({ length: count }, (_, i) => ({ ...base, id: String(i + 1), entityId: `e${i}` })),
  ).map(({ event, hash }) => ({ ...event, hash }));
}

function verify(events: ExportedEvent[]) {
  const verifier = new ChainVerifier();
  for (const event of events) if (!verifier.add(event)) break;
  return verifier.verdict();
}

describe('eventHash', () => {
  it('is the SHA-256 of the RFC 8785 form: sorted keys, no whitespace, ECMAScript numbers', () => {
    const event = { ...base, id: '7', previousHash: GENESIS_HASH, before: null, after: { b: 1.0, a: [true, null] } };
    const canonical =
      '{"action":"company.update","actorApiKeyId":null,"actorUserId":"6f1c2a4e-8b0d-4c1e-9a53-2f7d8e6b1c00",' +
      '"after":{"a":[true,null],"b":1},"before":null,"entityId":"c0ffee00-0000-4000-8000-000000000001",' +
      `"entityType":"company","id":"7","occurredAt":"2026-01-31T09:05:00.123456Z","previousHash":"${GENESIS_HASH}",` +
      '"requestId":"req-1"}';
    expect(eventHash(event)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    // Pinned: a change of the serialisation would silently break every stored chain.
    expect(eventHash(event)).toBe('31bc5babd2eebf4285eaa7e4f337fbc4628e9830b95323fb0815e15e3cd0b038');
  });

  it('does not depend on key order, and ignores fields outside the chained form', () => {
    const event = { ...base, id: '1', previousHash: GENESIS_HASH };
    const reordered = { ...event, after: { tags: [1, 2.5, 'é'], country: { iso3: 'FRA' }, name: 'Nouvelle société' } };
    expect(eventHash(reordered)).toBe(eventHash(event));
    expect(eventHash({ ...event, hash: 'anything' } as ExportedEvent)).toBe(eventHash(event));
    expect(eventHash({ ...event, requestId: 'req-2' })).not.toBe(eventHash(event));
  });

  it('hashes snapshots as jsonb keeps them: dates as strings, undefined properties dropped', () => {
    expect(asStoredJson({ at: new Date('2026-01-31T09:05:00Z'), gone: undefined })).toEqual({
      at: '2026-01-31T09:05:00.000Z',
    });
    expect(asStoredJson(null)).toBeNull();
  });
});

describe('ChainVerifier', () => {
  it('accepts an untouched chain and reports how many events it checked', () => {
    const events = trail(5);
    expect(events[0].previousHash).toBe(GENESIS_HASH);
    expect(events[3].previousHash).toBe(events[2].hash);
    expect(verify(events)).toEqual({ valid: true, checked: 5, firstBrokenEventId: null, reason: null });
    expect(verify([])).toEqual({ valid: true, checked: 0, firstBrokenEventId: null, reason: null });
  });

  it('names an event whose content was changed', () => {
    const events = trail(5);
    events[2] = { ...events[2], after: { name: 'Tampered' } };
    expect(verify(events)).toMatchObject({ valid: false, checked: 3, firstBrokenEventId: '3' });
    expect(verify(events).reason).toMatch(/does not match its hash/);
  });

  it('names the event after one that was removed, or rehashed after a change', () => {
    const removed = trail(5);
    removed.splice(1, 1);
    expect(verify(removed)).toMatchObject({ valid: false, firstBrokenEventId: '3' });
    expect(verify(removed).reason).toMatch(/previous hash is not the hash of event 1/);

    const rehashed = trail(5);
    rehashed[1] = { ...rehashed[1], action: 'user.delete' };
    rehashed[1].hash = eventHash(rehashed[1]);
    expect(verify(rehashed)).toMatchObject({ valid: false, firstBrokenEventId: '3' });
  });

  it('refuses a chain that does not start at the genesis, events out of order, and incomplete events', () => {
    expect(verify(trail(3).slice(1))).toMatchObject({ valid: false, firstBrokenEventId: '2' });
    const [first, second] = trail(2);
    expect(verify([first, second, second])).toMatchObject({ checked: 3, firstBrokenEventId: '2' });
    expect(verify([first, second, second]).reason).toMatch(/out of order/);
    const { action: _action, ...incomplete } = trail(1)[0];
    expect(verify([incomplete as ExportedEvent]).reason).toMatch(/lacks action/);
  });

  it('stops at the first broken event', () => {
    const events = trail(4);
    events[1] = { ...events[1], entityId: 'x' };
    events[3] = { ...events[3], entityId: 'y' };
    expect(verify(events)).toMatchObject({ checked: 2, firstBrokenEventId: '2' });
  });
});
