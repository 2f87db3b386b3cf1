import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  type GraphQLFormattedError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import type { Context } from '../access/context.js';
import type { Config } from '../kernel/config.js';
import type { Logger } from '../kernel/logger.js';
import { recordAttempt } from '../realtime/change.js';
import type { RequestState } from './context.js';
import { apiReasons, formatGraphQLError, toGraphQLError } from './errors.js';
import { unsafeTextIn } from './input-guard.js';
import { jitGateway } from './jit.js';
import { DEFAULT_LIMITS, limitsPlugin } from './limits.js';

/** Root fields a person whose password was reset may use before changing it. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'me',
  'changePassword',
  'logout',
  'validateNip',
  '__typename',
]);

function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
}

/** The request log's operation name, and every use of an API client audited. */
const requestLog: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, operation, contextValue }) {
        const state = contextValue.res?.locals.kinerja as RequestState | undefined;
        const operationName = request.operationName ?? operation?.name?.value ?? undefined;
        if (state) state.operationName = operationName;
        const viewer = contextValue.viewer;
        if (viewer?.kind === 'client') {
          // Every use of an API client is logged (request line) and audited, with its name.
          if (state) state.clientName = viewer.name;
          await recordAttempt(contextValue, {
            action: 'api_client.use',
            subjectType: 'ApiClient',
            subjectId: viewer.clientId,
            after: {
              operationName: operationName ?? null,
              operation: operation?.operation ?? null,
            },
          });
        }
      },
    };
  },
};

/**
 * Access at the operation level: introspection needs a signed-in caller in production, and a
 * person whose password was reset may do nothing but change it.
 */
function operationGuard(config: Config): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          const fields = rootFieldNames(operation);
          if (config.nodeEnv === 'production' && !contextValue.viewer) {
            if (fields.some((f) => f === '__schema' || f === '__type')) {
              throw apiReasons.introspectionNeedsSignIn();
            }
          }
          const viewer = contextValue.viewer;
          if (viewer?.kind === 'person' && viewer.mustChangePassword) {
            if (fields.some((f) => !ALLOWED_BEFORE_PASSWORD_CHANGE.has(f))) {
              throw apiReasons.passwordChangeFirst();
            }
          }
        },
      };
    },
  };
}

/** Text no column can hold, refused before any resolver runs (see api/input-guard.ts). */
const inputGuard: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const unsafe = unsafeTextIn(document, request.variables);
        if (!unsafe) return;
        const error = toGraphQLError(unsafe);
        (error.extensions as Record<string, unknown>).http = { status: 400 };
        throw error;
      },
    };
  },
};

/** Apollo over the schema, compiled by graphql-jit, with Kinerja's limits, guard and log. */
export async function startApollo(options: {
  schema: GraphQLSchema;
  httpServer: http.Server;
  config: Config;
  logger: Logger;
  shutdownGraceMs: number;
}): Promise<ApolloServer<Context>> {
  const { schema, httpServer, config, logger, shutdownGraceMs } = options;
  const apollo = new ApolloServer<Context>({
    // Queries and mutations run compiled by graphql-jit (see graphql/jit.ts).
    gateway: jitGateway(schema),
    // Anonymous introspection is refused in production by operationGuard; signed-in callers and
    // agency tools may introspect (codegen needs it).
    introspection: true,
    csrfPrevention: true,
    // No automatic persisted queries: neither the dashboard nor the agency tools send them, and
    // an anonymous probe of a hash would tell whether someone ever ran that query.
    persistedQueries: false,
    allowBatchedHttpRequests: false,
    hideSchemaDetailsFromClientErrors: config.nodeEnv !== 'development',
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    // main.ts handles SIGTERM/SIGINT and calls close(). Apollo's own handlers would start a second
    // stop() that close()'s stop() then waits on for ever: Apollo never resolves the barrier a
    // concurrent stop() awaits when the first succeeds, so the process hung after the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs }),
      // No HTTP cache hints are used; the default cache-control plugin hooks every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(DEFAULT_LIMITS),
      operationGuard(config),
      inputGuard,
      requestLog,
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown) =>
      formatGraphQLError(formatted, error, logger),
  });
  await apollo.start();
  return apollo;
}
