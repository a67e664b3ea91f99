import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../common/errors/error-codes.js';
import { ComplianceSnapshots, MAX_RUNNING_COMPUTATIONS, MAX_WAITING_COMPUTATIONS } from './compliance-snapshots.js';
import type { ComplianceRepository } from './compliance.repository.js';

/** Snapshots over a version that never moves, and computations the test finishes by hand. */
function snapshots() {
  const kept = new ComplianceSnapshots({ inputsVersion: async () => '1' } as unknown as ComplianceRepository);
  let started = 0;
  const finishers: (() => void)[] = [];
  const computation = (value: string) => () =>
    new Promise<string>((resolve) => {
      started++;
      finishers.push(() => resolve(value));
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { kept, computation, started: () => started, finishers, settle };
}

describe('ComplianceSnapshots', () => {
  it('runs at most two computations at once, lets eight wait, and refuses more with RATE_LIMITED', async () => {
    const { kept, computation, started, finishers, settle } = snapshots();
    const capacity = MAX_RUNNING_COMPUTATIONS + MAX_WAITING_COMPUTATIONS;
    const answers = Array.from({ length: capacity }, (_, i) => kept.get(`q${i}`, computation(`a${i}`)));
    await settle();
    expect(started()).toBe(MAX_RUNNING_COMPUTATIONS);

    await expect(kept.get('one too many', computation('x'))).rejects.toMatchObject({
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 5 },
    });
    // A question already being computed is not a new computation: it waits for that one.
    const again = kept.get('q0', computation('never run'));

    finishers.shift()!();
    await settle();
    expect(started()).toBe(MAX_RUNNING_COMPUTATIONS + 1);
    expect((await again).value).toBe('a0');
    while (finishers.length) {
      finishers.shift()!();
      await settle();
    }
    expect((await Promise.all(answers)).map((answer) => answer.value)).toEqual(
      Array.from({ length: capacity }, (_, i) => `a${i}`),
    );
    // Room again, and what was computed is kept.
    expect((await kept.get('q3', computation('not again'))).value).toBe('a3');
    const later = kept.get('one too many', computation('x'));
    await settle();
    finishers.shift()!();
    expect((await later).value).toBe('x');
  });
});
