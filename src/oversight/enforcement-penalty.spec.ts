import { describe, expect, it } from '@jest/globals';
import { amountProblem, currencyOf } from './enforcement-penalty.js';

describe('penalty currencies', () => {
  it('knows ISO 4217 currencies in any case, with their minor units', () => {
    expect(currencyOf('EUR')).toEqual({ code: 'EUR', digits: 2 });
    expect(currencyOf('jpy')).toEqual({ code: 'JPY', digits: 0 });
    expect(currencyOf('KWD')).toEqual({ code: 'KWD', digits: 3 });
  });

  it('refuses codes that are not ISO 4217, and those that name no money', () => {
    for (const code of ['XYZ', 'EU', 'EURO', '', '€', 'XAU', 'XTS', 'XXX']) expect(currencyOf(code)).toBeNull();
  });
});

describe('penalty amounts', () => {
  const EUR = { code: 'EUR', digits: 2 };
  const JPY = { code: 'JPY', digits: 0 };

  it('accepts positive amounts', () => {
    for (const amount of ['1234567.89', '0.01', '1', '999999999999999999.99']) {
      expect(amountProblem(amount, EUR)).toBeNull();
    }
  });

  it('refuses zero and negative amounts', () => {
    for (const amount of ['0', '0.00', '0.0', '-1', '-0.01'])
      expect(amountProblem(amount, EUR)).toBe('must be more than zero');
  });

  it('refuses fractions a currency does not have, but not trailing zeros', () => {
    expect(amountProblem('1500.5', JPY)).toBe('must be whole: JPY has no minor unit');
    expect(amountProblem('1500.00', JPY)).toBeNull();
    expect(amountProblem('1500', JPY)).toBeNull();
  });
});
