import { describe, expect, it } from '@jest/globals';
import { isValidLei, leiProblem, normalizeLei } from './lei.js';

// Published LEIs (GLEIF): Bloomberg Finance L.P., Apple Inc., Deutsche Bank AG.
const REAL = ['5493001KJTIIGC8Y1R12', 'HWUPKR0MPOU8FGXBT394', '7LTWFZYICNSX8D621K86'];

describe('LEI (ISO 17442)', () => {
  it.each(REAL)('accepts %s', (lei) => {
    expect(leiProblem(lei)).toBeNull();
  });

  it('normalises case and surrounding spaces before checking', () => {
    expect(normalizeLei('  5493001kjtiigc8y1r12 ')).toBe('5493001KJTIIGC8Y1R12');
    expect(isValidLei(normalizeLei(' hwupkr0mpou8fgxbt394'))).toBe(true);
  });

  it.each([
    ['a flipped digit', '5493001KJTIIGC8Y1R13'],
    ['a changed letter', 'HWUPLR0MPOU8FGXBT394'],
    ['two swapped characters', '5493001KJTIIGC8Y1R21'],
    ['a digit changed in the body', '5493002KJTIIGC8Y1R12'],
  ])('refuses %s: the check digits no longer match', (_what, lei) => {
    expect(leiProblem(lei)).toMatch(/check digits/);
  });

  it('refuses check digits MOD 97-10 never computes, even when the remainder is 1', () => {
    // 98 and 01 differ by 97: both leave remainder 1, but only 98 is what MOD 97-10 computes for this body.
    expect(leiProblem('52990000000000006598')).toBeNull();
    expect(leiProblem('52990000000000006501')).toMatch(/check digits/);
  });

  it.each([
    ['too short', '5493001KJTIIGC8Y1R1'],
    ['too long', '5493001KJTIIGC8Y1R123'],
    ['letters in the check digits', '5493001KJTIIGC8Y1RAB'],
    ['punctuation', '5493001KJT-IGC8Y1R12'],
    ['lower case (not normalised)', '5493001kjtiigc8y1r12'],
    ['empty', ''],
  ])('refuses %s by its shape', (_what, lei) => {
    expect(leiProblem(lei)).toMatch(/20 characters/);
  });
});
