import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Connection, Edge, PageInfo as PageInfoShape } from './pagination.js';

/** The GraphQL shape of a connection's page info (see kernel/pagination.ts for the paging). */
@ObjectType()
export class PageInfo implements PageInfoShape {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Builds the `XConnection` and `XEdge` GraphQL types for a node type. */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque; pass as `after` to continue after this node' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [node], { description: 'The nodes of `edges`, for clients that need no cursors' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of nodes matching the filter, on all pages' })
    totalCount!: number;
  }
  return { EdgeType, ConnectionType };
}
