import { registerEnumType } from '@nestjs/graphql';

/**
 * How exact a world date is. Queries compare the date as written; the precision says how far to trust it (a date
 * known to the month or the year is usually written as the first day of it, or as the day of the event that began
 * it).
 */
export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How exact a date is: day, month or year.' });
