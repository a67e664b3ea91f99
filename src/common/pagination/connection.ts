import type { Type } from '@nestjs/common';
import { Extensions, Field, Int, ObjectType } from '@nestjs/graphql';
import { encodeCursor } from './cursor.js';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * What a list resolver returns. `totalCount` is a getter, so the count query runs only when a client asks
 * for the field (the default field resolver reads the property) and is skipped otherwise.
 */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** Relay connection type for `node`: `<Name>Connection { edges { cursor node } pageInfo totalCount }`. */
export function Connection<T>(node: Type<T>, name: string = node.name) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, across all pages.' })
    @Extensions({ cost: 1 }) // a count query when asked for
    totalCount: number;
  }
  return ConnectionType;
}

/** An edge whose cursor is encoded only if a client asks for it (most lists are read without edge cursors). */
class PageEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly keyOf: (row: T) => readonly (string | number)[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.node));
  }
}

/**
 * Builds a page from rows fetched with LIMIT first + 1, ordered by the key that `keyOf` returns. The total is
 * either known already (counted in the same query) or counted on demand.
 */
export function toPage<T>(
  rows: T[],
  first: number,
  keyOf: (row: T) => readonly (string | number)[],
  hasPreviousPage: boolean,
  totalCount: number | (() => Promise<number>),
): Page<T> {
  const hasNextPage = rows.length > first;
  const nodes = hasNextPage ? rows.slice(0, first) : rows;
  const edges = nodes.map((node) => new PageEdge(node, keyOf));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    get totalCount() {
      return typeof totalCount === 'number' ? Promise.resolve(totalCount) : totalCount();
    },
  };
}
