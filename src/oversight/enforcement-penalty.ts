import { code as currencyByCode } from 'currency-codes';

/**
 * ISO 4217 codes that name no currency a penalty can be paid in: precious metals, bond market units, the testing
 * code and "no currency".
 */
const NOT_MONEY = new Set(['XAU', 'XAG', 'XPD', 'XPT', 'XBA', 'XBB', 'XBC', 'XBD', 'XTS', 'XXX']);

export interface Currency {
  /** The alphabetic code, upper case. */
  code: string;
  /** Its minor units: 2 for EUR, 0 for JPY, 3 for KWD. */
  digits: number;
}

/** The ISO 4217 currency `text` names (any case), from the maintained list of currency-codes; null for none. */
export function currencyOf(text: string): Currency | null {
  if (!/^[A-Za-z]{3}$/.test(text)) return null;
  const upper = text.toUpperCase();
  const record = NOT_MONEY.has(upper) ? undefined : currencyByCode(upper);
  return record ? { code: record.code, digits: record.digits } : null;
}

/**
 * What is wrong with `amount` (a decimal string the Decimal scalar accepted) as a penalty in `currency`, or null:
 * it must be more than zero, with no more decimals than the currency has minor units (no fraction of a yen).
 * Compared as text, never as a floating-point number.
 */
export function amountProblem(amount: string, currency: Currency | null): string | null {
  const [whole, fraction = ''] = amount.replace(/^-/, '').split('.');
  if (amount.startsWith('-') || (/^0+$/.test(whole) && /^0*$/.test(fraction))) return 'must be more than zero';
  if (currency && fraction.slice(currency.digits).replace(/0+$/, '') !== '') {
    return currency.digits === 0
      ? `must be whole: ${currency.code} has no minor unit`
      : `has more decimals than ${currency.code}'s ${currency.digits}`;
  }
  return null;
}
