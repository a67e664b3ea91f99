/**
 * Runs SQL and answers rows typed by the caller: the pool (reads outside transactions) or a transaction. The one
 * place where a query's untyped result becomes a typed value; repositories name the row type they select.
 */
export interface SqlRunner {
  rows<Row>(text: string, values?: readonly unknown[]): Promise<Row[]>;
}

/** The single row a statement answers, or undefined when it answers none. */
export async function firstRow<Row>(
  runner: SqlRunner,
  text: string,
  values?: readonly unknown[],
): Promise<Row | undefined> {
  const [row] = await runner.rows<Row>(text, values);
  return row;
}
