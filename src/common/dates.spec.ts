import { describe, expect, it, jest } from '@jest/globals';
import { todayUtc } from './dates.js';

describe('todayUtc', () => {
  it('follows the UTC day, across midnight', () => {
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(Date.UTC(2026, 0, 31, 23, 59, 59, 999));
      expect(todayUtc()).toBe('2026-01-31');
      now.mockReturnValue(Date.UTC(2026, 1, 1, 0, 0, 0, 0));
      expect(todayUtc()).toBe('2026-02-01');
      now.mockReturnValue(Date.UTC(2026, 1, 1, 12));
      expect(todayUtc()).toBe('2026-02-01');
      now.mockReturnValue(Date.UTC(2026, 0, 31, 23)); // a clock set back
      expect(todayUtc()).toBe('2026-01-31');
    } finally {
      now.mockRestore();
    }
  });
});
