// SQL expressions the generator combines: deterministic pseudo-random choices from the hash of a row number.
import type { Weighted } from './disclosure-vocabulary.js';

const MAX_BIGINT = '9223372036854775807';
/** A deterministic pseudo-random non-negative bigint of `x` (a SQL integer expression) for `seed`. */
export const hash = (x: string, seed: number) => `(hashint8extended((${x})::bigint, ${seed}) & ${MAX_BIGINT})`;
/** 0..n-1. */
export const below = (x: string, seed: number, n: number) => `(${hash(x, seed)} % ${n})::int`;
/** [0, 1]. */
export const unit = (x: string, seed: number) => `(${hash(x, seed)}::float8 / ${MAX_BIGINT}::float8)`;
export const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
export const textArray = (values: readonly string[]) => `(ARRAY[${values.map(literal).join(',')}]::text[])`;
export const expand = <T>(weighted: Weighted<T>): T[] =>
  weighted.flatMap(([value, weight]) => Array<T>(weight).fill(value));
/**
 * A 1-based index into a list of `n`, chosen by `x` and `seed`; the indexes k = 0, 1, 2... of one list (with a
 * `step` coprime to `n`) are distinct.
 */
export const index = (n: number, x: string, seed: number, k = 0, step = 1) =>
  `(1 + (${below(x, seed, n)} + ${k * step}) % ${n})`;
export const at = (values: readonly string[], i: string) => `${textArray(values)}[${i}]`;
export const pick = (values: readonly string[], x: string, seed: number, k = 0, step = 1) =>
  at(values, index(values.length, x, seed, k, step));
/** 1..n, most often small: n * u^2 puts about sqrt(1/n) of the mass on 1 (a few large filers, many small ones). */
export const skewed = (x: string, seed: number, n: number) =>
  `least(${n}, 1 + floor(${n} * power(${unit(x, seed)}, 2))::int)`;
export const sha256Hex = (text: string) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;
