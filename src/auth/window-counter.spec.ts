import { describe, expect, it } from '@jest/globals';
import { addressKey, WindowCounter } from './window-counter.js';

describe('WindowCounter', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('grants `points` takes per window, then answers the wait until the window ends', () => {
    const time = clock();
    const counter = new WindowCounter(3, 60_000, 100, time.now);
    expect([counter.take('a'), counter.take('a'), counter.take('a')]).toEqual([0, 0, 0]);
    time.advance(10_000);
    expect(counter.take('a')).toBe(50_000);
    expect(counter.take('b')).toBe(0);
    time.advance(50_000);
    expect(counter.take('a')).toBe(0);
  });

  it('takes back a point given back within the window', () => {
    const counter = new WindowCounter(1, 60_000);
    expect(counter.take('a')).toBe(0);
    counter.giveBack('a');
    expect(counter.take('a')).toBe(0);
    expect(counter.take('a')).toBeGreaterThan(0);
  });

  it('drops ended windows as time passes, without a timer per key', () => {
    const time = clock();
    const counter = new WindowCounter(1, 60_000, 100, time.now);
    for (let i = 0; i < 50; i += 1) counter.take(`k${i}`);
    time.advance(30_000);
    for (let i = 50; i < 60; i += 1) counter.take(`k${i}`);
    expect(counter.size).toBe(60);
    time.advance(30_000);
    counter.take('late');
    expect(counter.size).toBe(11);
  });

  it('holds at most maxKeys keys, dropping the window that ends first', () => {
    const time = clock();
    const counter = new WindowCounter(1, 60_000, 3, time.now);
    for (const key of ['a', 'b', 'c']) {
      counter.take(key);
      time.advance(1000);
    }
    expect(counter.take('d')).toBe(0);
    expect(counter.size).toBe(3);
    // 'a' was dropped: it starts afresh; 'b' was not.
    expect(counter.take('b')).toBeGreaterThan(0);
    expect(counter.take('a')).toBe(0);
  });
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:1:8a2e:370:7334:1', '2001:db8:85a3:1::/64'],
    ['2001:db8:85a3:1::2', '2001:db8:85a3:1::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('counts every address of one /64 as one', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
  });
});
