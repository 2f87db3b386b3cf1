import { createRequire } from 'node:module';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  buildSchema,
  type GraphQLError,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkBatchSize,
  checkTokenCount,
  DEFAULT_LIMITS,
  limitValidationRules,
  limitsPlugin,
  operationCost,
} from './limits.js';

const sdl = `
  type Query {
    employees(first: Int, after: String): EmployeeConnection!
    employee(id: ID!): Employee
    me: Employee
  }
  type Subscription { goalChanged(employeeId: ID!): Goal! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type EmployeeConnection { edges: [EmployeeEdge!]! nodes: [Employee!]! pageInfo: PageInfo! totalCount: Int! }
  type EmployeeEdge { cursor: String! node: Employee! }
  type Employee {
    id: ID!
    name: String!
    supervisor: Employee
    directReports: [Employee!]!
    goals(first: Int, after: String): GoalConnection!
    recentGoals(first: Int = 50, after: String): GoalConnection!
  }
  type GoalConnection { edges: [GoalEdge!]! nodes: [Goal!]! totalCount: Int! }
  type GoalEdge { cursor: String! node: Goal! }
  type Goal { id: ID! title: String! tags: [String!]! }
`;
const schema = buildSchema(sdl);

/** Validates as graphql-ws `onSubscribe` does: graphql's own rules plus the limits. */
function check(query: string, variables?: Record<string, unknown>): readonly GraphQLError[] {
  return validate(schema, parse(query), [
    ...specifiedRules,
    ...limitValidationRules(DEFAULT_LIMITS, variables),
  ]);
}

const messages = (errors: readonly GraphQLError[]) => errors.map((e) => e.message);

/** `employees { edges { node { supervisor { … { id } } } } }`, `levels` fields deep. */
function supervisorChain(levels: number): string {
  const supervisors = levels - 4;
  return `{ employees { edges { node { ${'supervisor { '.repeat(supervisors)}id${' }'.repeat(supervisors)} } } } }`;
}

const goalsOfEmployees = (first: number | string) => `
  query Goals${typeof first === 'string' ? '($n: Int)' : ''} {
    employees(first: ${first}) { nodes { id name goals(first: ${first}) { nodes { id title } } } }
  }`;

describe('operation limits as validation rules', () => {
  it('accepts everyday queries with fragments, variables and __typename', () => {
    const query = `
      query Directory($after: String, $withReports: Boolean = false) {
        employees(first: 50, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { ...Person supervisor { ...Person } directReports @include(if: $withReports) { ...Person } } }
        }
        me { ...Person goals(first: 10) { nodes { __typename id title tags } } }
      }
      fragment Person on Employee { __typename id name }`;
    expect(check(query)).toEqual([]);
  });

  it('accepts the standard introspection query used by GraphiQL and codegen', () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(check(query)).toEqual([]);
    expect(check(getIntrospectionQuery())).toEqual([]);
  });

  it('refuses a query 20 levels deep and says how deep it may be', () => {
    expect(check(supervisorChain(12))).toEqual([]);
    const errors = check(supervisorChain(20));
    expect(messages(errors)).toEqual(['The query is 20 levels deep; at most 12 are allowed.']);
    expect(errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'depth',
      allowed: 12,
      actual: 20,
    });
  });

  it('counts the depth of fragments where they are spread', () => {
    const query = `
      { employees { edges { node { ...Chain } } } }
      fragment Chain on Employee { supervisor { supervisor { supervisor { ...More } } } }
      fragment More on Employee { supervisor { supervisor { supervisor { supervisor { supervisor { supervisor { id } } } } } } }`;
    expect(messages(check(query))).toEqual([
      'The query is 13 levels deep; at most 12 are allowed.',
    ]);
  });

  it("leaves introspection that nests its lists in a cycle to graphql's MaxIntrospectionDepthRule", () => {
    const query =
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }';
    expect(messages(check(query))).toEqual(['Maximum introspection depth exceeded']);
  });

  it('refuses 200 aliases', () => {
    const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(messages(check(query))).toEqual(['The query uses 200 aliases; at most 30 are allowed.']);
  });

  it('counts aliases inside a fragment once per spread', () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `n${i}: name`).join(' ');
    const query = `{ a: me { ...F } b: employee(id: "1") { ...F } c: me { ...F } }
      fragment F on Employee { ${aliases} }`;
    expect(messages(check(query))).toEqual(['The query uses 33 aliases; at most 30 are allowed.']);
  });

  it('refuses more directives than allowed', () => {
    const fields = Array.from({ length: 21 }, (_, i) => `f${i}: id @include(if: true)`).join(' ');
    expect(messages(check(`{ me { ${fields} } }`))).toEqual([
      'The query uses 21 directives; at most 20 are allowed.',
    ]);
    const twenty = Array.from({ length: 20 }, (_, i) => `f${i}: id @skip(if: false)`).join(' ');
    expect(check(`{ me { ${twenty} } }`)).toEqual([]);
  });

  it('refuses two nested pages of 100 as too costly and accepts two nested pages of 5', () => {
    expect(messages(check(goalsOfEmployees(100)))).toEqual([
      'The query costs 30,401; at most 20,000 is allowed. Ask for fewer items per page or fewer nested lists.',
    ]);
    expect(check(goalsOfEmployees(5))).toEqual([]);
  });

  it('costs page sizes given as variables with the values sent, when it has them', () => {
    expect(messages(check(goalsOfEmployees('$n'), { n: 100 }))).toHaveLength(1);
    expect(check(goalsOfEmployees('$n'), { n: 5 })).toEqual([]);
  });

  it('refuses subscriptions over the limits too, naming them as subscriptions', () => {
    const fields = Array.from({ length: 31 }, (_, i) => `t${i}: title`).join(' ');
    expect(messages(check(`subscription { goalChanged(employeeId: "1") { ${fields} } }`))).toEqual([
      'The subscription uses 31 aliases; at most 30 are allowed.',
    ]);
  });

  it('applies limits passed in place of the defaults', () => {
    const rules = limitValidationRules({ ...DEFAULT_LIMITS, maxDepth: 3 });
    const errors = validate(schema, parse('{ employees { nodes { supervisor { id } } } }'), rules);
    expect(messages(errors)).toEqual(['The query is 4 levels deep; at most 3 are allowed.']);
  });
});

describe('operationCost', () => {
  const cost = (query: string, variables?: Record<string, unknown>) =>
    operationCost(schema, parse(query), variables);

  it('charges 1 per field and multiplies a selection by its first argument', () => {
    // goals: 1 + 5 × (nodes 1 + id 1 + title 1); node: id + name + goals; employees: 1 + 5 × (nodes 1 + 18)
    expect(cost(goalsOfEmployees(5))).toBe(96);
  });

  it('assumes a page of 20 on a connection asked without first, and 10 items in a plain list', () => {
    expect(cost('{ employees { totalCount } }')).toBe(1 + 20 * 1);
    expect(cost('{ me { directReports { id } } }')).toBe(1 + (1 + 10 * 1));
  });

  it('does not count edges and nodes again beyond the page of their connection', () => {
    expect(cost('{ employees(first: 3) { edges { node { id } } } }')).toBe(1 + 3 * (1 + (1 + 1)));
  });

  it('resolves first from variables, then from the variable default, then assumes a page of 20', () => {
    const query = 'query ($n: Int = 7) { employees(first: $n) { totalCount } }';
    expect(cost(query, { n: 50 })).toBe(51);
    expect(cost(query)).toBe(8);
    expect(cost('query ($n: Int) { employees(first: $n) { totalCount } }')).toBe(21);
  });

  it('uses the schema default of first when the query gives none, or gives a variable not sent', () => {
    expect(cost('{ me { recentGoals { totalCount } } }')).toBe(1 + (1 + 50 * 1));
    expect(cost('{ me { recentGoals(first: 4) { totalCount } } }')).toBe(1 + (1 + 4 * 1));
    expect(cost('query ($n: Int) { me { recentGoals(first: $n) { totalCount } } }')).toBe(
      1 + (1 + 50 * 1),
    );
  });

  it('does not charge for __typename', () => {
    expect(cost('{ me { __typename id } }')).toBe(2);
  });

  it('analyses each fragment once, so fragments spreading fragments stay fast', () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) =>
        `fragment F${i} on Employee { id ${i < 39 ? `a: supervisor { ...F${i + 1} } b: supervisor { ...F${i + 1} }` : ''} }`,
    ).join('\n');
    const started = performance.now();
    const total = cost(`{ me { ...F0 } } ${fragments}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(total).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });
});

describe('checkTokenCount', () => {
  it('refuses a 100 KB query without parsing it', () => {
    const query = `{ ${'me { id name } '.repeat(7000)} }`;
    expect(query.length).toBeGreaterThan(100_000);
    const error = checkTokenCount(query, DEFAULT_LIMITS.maxTokens);
    expect(error?.message).toBe(
      'The query has more than 2,000 tokens; at most 2,000 are allowed. Ask for fewer fields, or split it into several queries.',
    );
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('accepts queries within the limit and leaves syntax errors to the parser', () => {
    expect(checkTokenCount(getIntrospectionQuery(), DEFAULT_LIMITS.maxTokens)).toBeNull();
    expect(checkTokenCount('{ me { id } } # a comment is not a token', 6)).toBeNull();
    expect(checkTokenCount('{ me { id "unterminated', DEFAULT_LIMITS.maxTokens)).toBeNull();
  });
});

describe('checkBatchSize', () => {
  it('refuses a batch larger than allowed and accepts single operations', () => {
    expect(
      checkBatchSize(
        Array.from({ length: 6 }, () => ({ query: '{ me { id } }' })),
        5,
      )?.message,
    ).toBe('The request batches 6 operations; at most 5 are allowed.');
    expect(checkBatchSize([{ query: '{ me { id } }' }], 5)).toBeNull();
    expect(checkBatchSize({ query: '{ me { id } }' }, 5)).toBeNull();
  });
});

describe('limitsPlugin in Apollo Server', () => {
  // Under vitest, Apollo (like type-graphql) loads graphql's CommonJS build while this file gets its
  // ES module build, so Apollo's schema must come from the CommonJS one; the plugin works with both.
  const graphqlForApollo = createRequire(import.meta.url)('graphql') as typeof import('graphql');
  const serve = (parseOptions?: { maxTokens: number }) =>
    new ApolloServer({
      schema: graphqlForApollo.buildSchema(sdl),
      rootValue: { employees: () => ({ nodes: [], edges: [], totalCount: 0 }), me: () => null },
      plugins: [limitsPlugin()],
      parseOptions,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
  const server = serve();
  const parseLimitedServer = serve({ maxTokens: DEFAULT_LIMITS.maxTokens });
  beforeAll(() => Promise.all([server.start(), parseLimitedServer.start()]));
  afterAll(() => Promise.all([server.stop(), parseLimitedServer.stop()]));

  async function post(query: string, variables?: Record<string, unknown>, to = server) {
    const response = await to.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: variables ? { query, variables } : { query },
      },
      context: async () => ({}),
    });
    if (response.body.kind !== 'complete') throw new Error('expected a complete response');
    return {
      status: response.status ?? 200,
      body: JSON.parse(response.body.string) as {
        data?: unknown;
        errors?: { message: string; extensions: Record<string, unknown> }[];
      },
    };
  }

  it('refuses an over-long query with 400 and BAD_USER_INPUT, whether or not Apollo parses it', async () => {
    const query = `{ ${'me { id } '.repeat(10_000)} }`;
    for (const to of [server, parseLimitedServer]) {
      const { status, body } = await post(query, undefined, to);
      expect(status).toBe(400);
      expect(body).toEqual({
        errors: [
          {
            message:
              'The query has more than 2,000 tokens; at most 2,000 are allowed. Ask for fewer fields, or split it into several queries.',
            extensions: { code: 'BAD_USER_INPUT', limit: 'tokens', allowed: 2000 },
          },
        ],
      });
    }
  });

  it('costs the operation with the variables sent', async () => {
    const refused = await post(goalsOfEmployees('$n'), { n: 100 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => [e.message, e.extensions.code])).toEqual([
      [
        'The query costs 30,401; at most 20,000 is allowed. Ask for fewer items per page or fewer nested lists.',
        'BAD_USER_INPUT',
      ],
    ]);

    const accepted = await post(goalsOfEmployees('$n'), { n: 5 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ data: { employees: { nodes: [] } } });
  });

  it('refuses a deep query with 400', async () => {
    const { status, body } = await post(supervisorChain(20));
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toBe('The query is 20 levels deep; at most 12 are allowed.');
  });

  it('lets introspection through', async () => {
    const { status, body } = await post(getIntrospectionQuery());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
