import { isIPv4, isIPv6 } from 'node:net';

/**
 * Counts uses per key in fixed windows that open at a key's first use, in memory and bounded: at most `maxKeys`
 * keys are held. `take` is synchronous, so concurrent requests cannot both see the last free point.
 *
 * The map is kept in order of window end (a key whose window is renewed moves to the back), so expired windows are
 * dropped from the front as they are met, with no timer per key; when the map is full of open windows, the one that
 * would end first is dropped (that key starts afresh: a flood of distinct keys big enough to do it has the points of
 * all those keys anyway).
 */
export class WindowCounter {
  private readonly windows = new Map<string, { used: number; endsAt: number }>();

  constructor(
    readonly points: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one point of `key`: 0 when granted, else the milliseconds until its window ends. */
  take(key: string): number {
    const now = this.now();
    this.dropExpired(now);
    const window = this.windows.get(key);
    if (window && window.endsAt > now) {
      if (window.used >= this.points) return window.endsAt - now;
      window.used += 1;
      return 0;
    }
    if (window) this.windows.delete(key);
    else if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
    this.windows.set(key, { used: 1, endsAt: now + this.windowMs });
    return 0;
  }

  /** Gives back a point taken in the current window (a sign-in that succeeded). */
  giveBack(key: string): void {
    const window = this.windows.get(key);
    if (window && window.used > 0) window.used -= 1;
  }

  get size(): number {
    return this.windows.size;
  }

  private dropExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.endsAt > now) return;
      this.windows.delete(key);
    }
  }
}

/**
 * The key an address is counted under: IPv4 addresses as they are (IPv4-mapped IPv6 too), IPv6 addresses by their
 * /64 network, since one host commonly holds a whole /64.
 */
export function addressKey(address: string): string {
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail counts as two groups; only the first four groups matter here.
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return (
    groups
      .slice(0, 4)
      .map((group) => parseInt(group, 16).toString(16))
      .join(':') + '::/64'
  );
}
