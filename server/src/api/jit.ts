import type {
  GatewayExecutor,
  GatewayInterface,
  GatewayLoadResult,
} from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

interface JitError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  originalError?: Error;
  extensions?: Record<string, unknown>;
}

/**
 * graphql-jit's errors are its own class, without graphql-js's `extensions` object (Apollo's error
 * formatting fails on that) nor its AST nodes. Apollo would wrap each in a new GraphQLError and lose
 * its path and locations, and formatError would find graphql-jit's error where it looks for the
 * resolver's (a database error's SQLSTATE, a version conflict). Here each becomes the GraphQLError
 * graphql-js would have made: same message, path, locations, extensions and original error.
 */
function asGraphQLError(error: unknown): GraphQLError {
  // graphql-jit's class inherits from graphql-js's, so instanceof cannot tell them apart.
  if ((error as object).constructor === GraphQLError) return error as GraphQLError;
  const e = error as JitError;
  const converted = new GraphQLError(e.message, {
    path: e.path,
    originalError: e.originalError,
    extensions: e.extensions,
  });
  // Locations are computed from AST nodes, which graphql-jit does not keep; copy them as given.
  if (e.locations)
    Object.defineProperty(converted, 'locations', { value: e.locations, enumerable: true });
  return converted;
}

const ONCE = Symbol('run once');
const INTERPRETED = Symbol('does not compile');

/**
 * Runs queries and mutations with graphql-jit instead of graphql-js's interpreter: each
 * operation is compiled once into JavaScript that resolves its fields directly, instead of
 * walking the query for every object of every response. The review queue answers about 2,500
 * fields and the employee page about 700; resolving them was the largest part of the server's
 * work for those requests after the database (docs/benchmarks.md).
 *
 * Apollo Server takes a custom executor only through its gateway interface, so this is a
 * "gateway" of one local schema. Parsing, validation, the operation limits and every plugin are
 * Apollo's as before; only execution changes. Subscriptions (graphql-ws) keep graphql-js.
 *
 * Compiled operations are kept per parsed document, which Apollo itself caches by query text
 * (a bounded cache): held weakly, they go when Apollo drops the document. An
 * operation is compiled the second time it runs: compiling costs about as much as running it
 * once (0.3 ms for the employee page, 1.6 ms for the review queue), which a query sent only once
 * (a tool writing its values into the query text) would pay for nothing. The first run is
 * graphql-js's, as before.
 */
export function jitGateway(
  schema: GraphQLSchema,
): GatewayInterface & { compiledOperations(): number } {
  /**
   * Per document and operation name: compiled; `ONCE` when it has run once; `INTERPRETED` when
   * it does not compile (graphql-js runs it, and reports what is wrong with it).
   */
  const operations = new WeakMap<
    DocumentNode,
    Map<string, CompiledQuery | typeof ONCE | typeof INTERPRETED>
  >();
  let compiledCount = 0;
  /** The compiled operation, or undefined when graphql-js is to run it. */
  const compiled = (document: DocumentNode, operationName: string | undefined) => {
    let byName = operations.get(document);
    if (!byName) {
      byName = new Map();
      operations.set(document, byName);
    }
    const key = operationName ?? '';
    const found = byName.get(key);
    if (found === undefined) {
      byName.set(key, ONCE);
      return undefined;
    }
    if (found === INTERPRETED) return undefined;
    if (found !== ONCE) return found;
    const result = compileQuery(schema, document, operationName, {
      // Stack traces of resolver errors are logged by formatError from the original error.
      disablingCapturingStackErrors: true,
    });
    const compiledQuery = isCompiledQuery(result) ? result : INTERPRETED;
    if (compiledQuery !== INTERPRETED) compiledCount += 1;
    byName.set(key, compiledQuery);
    return compiledQuery === INTERPRETED ? undefined : compiledQuery;
  };

  const executor: GatewayExecutor = async (request) => {
    const operationName = request.operationName ?? undefined;
    const variables = request.request.variables ?? {};
    const interpreted = () =>
      execute({
        schema,
        document: request.document,
        contextValue: request.context,
        variableValues: variables,
        operationName,
      });
    const query = compiled(request.document, operationName);
    if (!query) return interpreted();
    const result = (await query.query(undefined, request.context, variables)) as ExecutionResult;
    if (!result.errors) return result;
    // No data at all: the variables were refused before any resolver ran. graphql-js refuses
    // them the same way, with the AST node of the variable that Apollo needs to answer
    // BAD_USER_INPUT (graphql-jit's errors have none, and became server errors).
    if (result.data === undefined) return interpreted();
    return { ...result, errors: result.errors.map(asGraphQLError) };
  };

  let listener: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0] | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    async load(): Promise<GatewayLoadResult> {
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {},
    /** How many operations have been compiled (for tests). */
    compiledOperations: () => compiledCount,
  };
}
