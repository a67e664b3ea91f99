/**
 * SQL predicate: the membership row `alias` is in force on the date bound at `dateParam`. Periods are
 * half-open, [valid_from, valid_to), with NULL meaning open.
 */
export function membershipInForce(alias: string, dateParam: string): string {
  return (
    `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${dateParam}::date)` +
    ` AND (${alias}.valid_to IS NULL OR ${dateParam}::date < ${alias}.valid_to)`
  );
}
