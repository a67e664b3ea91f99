/**
 * Builds the WHERE clause of a list query from optional filters. Every value is bound as a parameter
 * (`$1`, `$2`...), never spliced into the SQL text; a filter left out adds nothing.
 *
 *   const filter = new SqlFilter();
 *   filter.when(args.region, (region) => `c.region = ${region}`);
 *   rows(`SELECT ... WHERE ${filter.sql} ...`, filter.values);
 */
export class SqlFilter {
  private readonly conditions: string[] = [];

  constructor(readonly values: unknown[] = []) {}

  /**
   * A filter with conditions of its own that binds on this one's values: for a subquery's WHERE inside this
   * filter's statement.
   */
  nested(): SqlFilter {
    return new SqlFilter(this.values);
  }

  /** A placeholder for `value`, for use in a condition or anywhere else in the statement. */
  bind(value: unknown): string {
    return `$${this.values.push(value)}`;
  }

  /** Adds a condition written with placeholders from `bind`. */
  where(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** Adds `condition(placeholder)` when `value` is given (neither null nor undefined). */
  when<T>(value: T | null | undefined, condition: (placeholder: string) => string): this {
    if (value !== null && value !== undefined) this.where(condition(this.bind(value)));
    return this;
  }

  /** The conditions joined with AND; TRUE when there are none. */
  get sql(): string {
    return this.conditions.length ? this.conditions.join(' AND ') : 'TRUE';
  }

  /** The values bound so far, for a statement (a count) that uses only the conditions added so far. */
  snapshot(): unknown[] {
    return [...this.values];
  }
}
