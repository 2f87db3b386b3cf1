import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import {
  GraphQLError,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitGateway } from './jit.js';

class NotAUuid extends Error {
  code = '22P02';
}

const Person: GraphQLObjectType = new GraphQLObjectType({
  name: 'Person',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    supervisor: { type: Person, resolve: async (p) => (p.id === '1' ? null : people[0]) },
    broken: {
      type: GraphQLString,
      resolve: () => {
        throw new GraphQLError('Not for you.', { extensions: { code: 'FORBIDDEN' } });
      },
    },
  }),
});
const people = [
  { id: '1', name: 'Ni Luh' },
  { id: '2', name: 'I Made' },
  { id: '3', name: 'Ketut' },
];
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      people: {
        type: new GraphQLList(Person),
        args: { first: { type: GraphQLInt } },
        resolve: (_root, { first }, ctx: { calls: number }) => {
          ctx.calls += 1;
          return people.slice(0, first ?? undefined);
        },
      },
      person: {
        type: Person,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: async (_root, { id }) => {
          if (!/^\d+$/.test(id)) throw new NotAUuid('invalid input syntax for type uuid');
          return people.find((p) => p.id === id) ?? null;
        },
      },
    },
  }),
});

async function setup() {
  const gateway = jitGateway(schema);
  const { executor } = await gateway.load({ apollo: { key: 'k', keyHash: 'h', graphRef: 'g' } });
  const documents = new Map<string, ReturnType<typeof parse>>();
  /** Runs `query` as Apollo would: the same parsed document for the same text. */
  const run = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
    if (!documents.has(query)) documents.set(query, parse(query));
    return executor!({
      document: documents.get(query)!,
      operationName: operationName ?? null,
      request: { query, variables },
      context: { calls: 0 },
    } as unknown as GatewayGraphQLRequestContext);
  };
  return { gateway, run };
}

const QUERY = `query People($first: Int) {
  people(first: $first) { id ...Named boss: supervisor { name } }
}
fragment Named on Person { name }`;

describe('jitGateway', () => {
  it('answers the same before and after the operation is compiled (the second run)', async () => {
    const { gateway, run } = await setup();
    const first = await run(QUERY, { first: 2 });
    expect(gateway.compiledOperations()).toBe(0);
    const second = await run(QUERY, { first: 2 });
    const third = await run(QUERY, { first: 3 });
    expect(gateway.compiledOperations()).toBe(1);
    expect(first).toEqual({
      data: {
        people: [
          { id: '1', name: 'Ni Luh', boss: null },
          { id: '2', name: 'I Made', boss: { name: 'Ni Luh' } },
        ],
      },
    });
    expect(second).toEqual(first);
    expect(third.data!.people).toHaveLength(3);
  });

  it('reports resolver errors as graphql-js does: path, locations, extensions, original error', async () => {
    const { run } = await setup();
    const query = `{ person(id: "x") { id } ok: person(id: "2") { name broken } }`;
    const results = [await run(query), await run(query)];
    for (const result of results) {
      expect(result.data).toEqual({ person: null, ok: { name: 'I Made', broken: null } });
      // In the order they happened; an asynchronous resolver's may come last.
      const byPath = (path: string) => result.errors!.find((e) => e.path?.join('.') === path)!;
      const [notUuid, forbidden] = [byPath('person'), byPath('ok.broken')];
      for (const error of result.errors!) expect(error.constructor).toBe(GraphQLError);
      expect(notUuid).toMatchObject({
        message: 'invalid input syntax for type uuid',
        path: ['person'],
        locations: [{ line: 1, column: 3 }],
      });
      expect((notUuid as GraphQLError).originalError).toBeInstanceOf(NotAUuid);
      expect(forbidden).toMatchObject({
        message: 'Not for you.',
        path: ['ok', 'broken'],
        extensions: { code: 'FORBIDDEN' },
      });
    }
    const json = (errors: readonly unknown[] | undefined) =>
      JSON.parse(JSON.stringify(errors)).sort((a: { message: string }, b: { message: string }) =>
        a.message.localeCompare(b.message),
      );
    expect(json(results[1].errors)).toEqual(json(results[0].errors));
  });

  it('compiles each named operation of a document on its own', async () => {
    const { gateway, run } = await setup();
    const query = `query A { people(first: 1) { id } } query B { people(first: 2) { id } }`;
    await run(query, {}, 'A');
    await run(query, {}, 'B');
    expect(gateway.compiledOperations()).toBe(0);
    expect((await run(query, {}, 'B')).data!.people).toHaveLength(2);
    expect((await run(query, {}, 'A')).data!.people).toHaveLength(1);
    expect(gateway.compiledOperations()).toBe(2);
  });

  it("refuses bad variables as graphql-js does, with the variable's node, compiled or not", async () => {
    const { run } = await setup();
    const bad = [
      [QUERY, { first: 'many' }],
      ['query One($id: ID!) { person(id: $id) { id } }', {}],
    ] as const;
    for (const [query, variables] of bad) {
      const results = [await run(query, { first: 1, id: '1' }), await run(query, variables)];
      // Compiled by now (the second run): refused the same way again.
      results.push(await run(query, variables));
      expect(results[0].errors).toBeUndefined();
      for (const result of results.slice(1)) {
        expect(result.data).toBeUndefined();
        expect(result.errors).toHaveLength(1);
        const [error] = result.errors!;
        expect(error.constructor).toBe(GraphQLError);
        expect(error.message).toMatch(/^Variable "\$(first|id)"/);
        // Apollo answers BAD_USER_INPUT for a variable error with exactly one AST node.
        expect((error as GraphQLError).nodes).toHaveLength(1);
      }
      expect(JSON.stringify(results[2].errors)).toBe(JSON.stringify(results[1].errors));
    }
  });
});
