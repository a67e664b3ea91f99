/** Orders batch results to match the keys, as DataLoader requires. */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const grouped = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((key) => grouped.get(key) ?? []);
}

export function indexBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const indexed = new Map<K, V>(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => indexed.get(key) ?? null);
}
