/** Today's date in UTC, 'YYYY-MM-DD': the default for every as-of argument. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
