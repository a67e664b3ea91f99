const DAY_MS = 86_400_000;
let today = '';
let todayStartsAt = 0;
let tomorrowStartsAt = 0;

/**
 * Today's date in UTC, 'YYYY-MM-DD': the default for every as-of argument. Formatted once a day rather than on
 * every request (formatting a Date showed up in profiles of the cheapest reads).
 */
export function todayUtc(): string {
  const now = Date.now();
  // A clock set back across midnight is followed too.
  if (now >= tomorrowStartsAt || now < todayStartsAt) {
    today = new Date(now).toISOString().slice(0, 10);
    todayStartsAt = Math.floor(now / DAY_MS) * DAY_MS;
    tomorrowStartsAt = todayStartsAt + DAY_MS;
  }
  return today;
}
