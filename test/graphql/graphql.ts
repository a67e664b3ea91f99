import { print, type DocumentNode } from 'graphql';
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.js';

/**
 * Typed GraphQL documents for the tests, checked against schema.gql (introspected into graphql-env.d.ts by
 * `npx gql-tada generate-output`, which the build runs). The custom scalars travel as JSON: dates as strings.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    ID: string;
    DateTime: string;
    LocalDate: string;
    Decimal: string;
    JSON: any;
    JSONObject: Record<string, any>;
  };
}>();

export { readFragment } from 'gql.tada';
export type { FragmentOf, ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';

const printed = new WeakMap<DocumentNode, string>();

/** The query text to send for a document, printed once per document; a plain string is sent as it is. */
export function queryText(document: DocumentNode | string): string {
  if (typeof document === 'string') return document;
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}
