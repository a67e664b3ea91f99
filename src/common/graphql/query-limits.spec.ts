import { describe, expect, it } from '@jest/globals';
import { buildSchema, getOperationAST, parse, type DocumentNode } from 'graphql';
import { ComplexityLimit } from './query-limits.js';

const schema = buildSchema(`
  type Item { name: String! count: Int! }
  type Query { items(first: Int): [Item!]! item: Item }
`);

function check(limit: number, query: string, variables: Record<string, unknown> = {}) {
  const document: DocumentNode = parse(query);
  new ComplexityLimit(limit).check(schema, document, getOperationAST(document)!, variables);
}

describe('ComplexityLimit', () => {
  it('counts `first` objects per list and lets a query within the limit through', () => {
    expect(() => check(100, '{ items(first: 100) { name } }')).not.toThrow();
    expect(() => check(99, '{ items(first: 100) { name } }')).toThrow(/may fetch 100 objects/);
  });

  it('reads `first` from a declared variable', () => {
    expect(() => check(50, 'query ($n: Int) { items(first: $n) { name } }', { n: 60 })).toThrow(/60 objects/);
  });

  it('fails closed: a query too large to estimate is refused, not waved through', () => {
    const huge = `{ item { ${'name '.repeat(10_001)} } }`;
    expect(() => check(1_000_000, huge)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) }),
    );
  });

  it('refuses a declared variable of the wrong type as the caller’s input', () => {
    expect(() => check(100, 'query ($n: Int) { items(first: $n) { name } }', { n: 'many' })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    );
  });
});
