/**
 * TypeORM's `query()` answers an UPDATE or DELETE with `[rows, affectedCount]` and an INSERT or SELECT with
 * the rows alone; this gives the rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
