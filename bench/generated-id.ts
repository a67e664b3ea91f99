import { createHash } from 'node:crypto';

/**
 * The id of generated record `n` of a kind ('company', 'system', 'disclosure'): a version-4-shaped UUID made from
 * an MD5, the same here and in SQL (`uuidSql`), so that the bench can name a generated company.
 */
export function generatedId(kind: string, n: number): string {
  const hex = createHash('md5').update(`bench-${kind}-${n}`).digest('hex');
  const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20)}`;
}

/** SQL: the id of generated record `n` (a SQL integer expression) of a kind. */
export const uuidSql = (kind: string, n: string) =>
  `overlay(overlay(md5('bench-${kind}-' || (${n})::text) placing '4' from 13) placing '8' from 17)::uuid`;
