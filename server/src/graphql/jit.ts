import type {
  GatewayExecutor,
  GatewayInterface,
  GatewayLoadResult,
} from '@apollo/server-gateway-interface';
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
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

/** Distinct operations compiled at most; beyond, the oldest is dropped. */
const MAX_COMPILED = 1_000;

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
 * Compiled operations are kept per parsed document, which Apollo itself caches by query text.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<DocumentNode, Map<string, CompiledQuery>>();
  const compile = (document: DocumentNode, operationName: string | undefined) => {
    let byName = compiled.get(document);
    const found = byName?.get(operationName ?? '');
    if (found) return found;
    const result = compileQuery(schema, document, operationName, {
      // Stack traces of resolver errors are logged by formatError from the original error.
      disablingCapturingStackErrors: true,
    });
    if (!isCompiledQuery(result)) return result;
    if (!byName) {
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
      byName = new Map();
      compiled.set(document, byName);
    }
    byName.set(operationName ?? '', result);
    return result;
  };

  const executor: GatewayExecutor = async (request) => {
    const query = compile(request.document, request.operationName ?? undefined);
    const result = (
      isCompiledQuery(query)
        ? await query.query(undefined, request.context, request.request.variables ?? {})
        : query
    ) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
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
  };
}
