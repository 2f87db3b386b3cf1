import type {
  AnyVariables,
  Client,
  CombinedError,
  OperationContext,
  TypedDocumentNode,
} from '@urql/core';
import { getContextClient } from '@urql/svelte';
import { fieldOf } from '$lib/forms';
import { errorCode, errorMessage, errorReason } from '$lib/graphql/errors';
import { t } from '$lib/i18n.svelte';

/** Why the last run of a mutation failed. */
export interface MutationProblem {
  /**
   * For people, in the UI's language (see `errorMessage`). A getter: read inside a component or
   * `$derived`, it follows a language switch.
   */
  readonly message: string;
  /** The input field the server refused (`extensions.field` of a `BAD_USER_INPUT` error). */
  readonly field: string | undefined;
  /** `extensions.code`, e.g. `CONFLICT`; undefined for a network failure. */
  readonly code: string | undefined;
  /** `extensions.reason`, e.g. `activity.notFound`. */
  readonly reason: string | undefined;
  /**
   * What urql answered; undefined when the server answered with neither data nor an error
   * (shown as `error.unknown`).
   */
  readonly error: CombinedError | undefined;
}

export interface RunOptions<Data> {
  /** Merged over the context given to {@link createMutation} (e.g. `additionalTypenames`). */
  context?: Partial<OperationContext>;
  /**
   * Work that completes the action after the server accepted it (fetching again, signing in,
   * navigating): `busy` stays true until it has finished, so the form cannot be sent twice.
   */
  after?: (data: Data) => void | Promise<void>;
}

/** A mutation's state, read reactively inside components. */
export interface Mutation<Data, Variables extends AnyVariables> {
  /** True from {@link run} until its answer (and its `after` work) is in. */
  readonly busy: boolean;
  /** Why the last run failed; null before any run, while one runs, after a success or `clear()`. */
  readonly problem: MutationProblem | null;
  /**
   * Sends the mutation. Resolves with its data, or with null when it failed (then `problem` says
   * why); never rejects for a GraphQL or network error.
   */
  run(variables: Variables, options?: RunOptions<Data>): Promise<Data | null>;
  /** Runs the last variables (and options) again; null when nothing ran yet. */
  retry(): Promise<Data | null>;
  /** Forgets the problem, e.g. when the form it belongs to closes. */
  clear(): void;
}

function problemOf(error: CombinedError | undefined): MutationProblem {
  return {
    get message() {
      return error ? errorMessage(error) : t('error.unknown');
    },
    field: error ? fieldOf(error) : undefined,
    code: error ? errorCode(error) : undefined,
    reason: error ? errorReason(error) : undefined,
    error,
  };
}

export interface MutationOptions {
  /** Context for every run (e.g. `additionalTypenames`, `handlesUnauthenticated`). */
  context?: Partial<OperationContext>;
  /** The client to use; by default the one the root layout set in the component context. */
  client?: Client;
}

/**
 * A mutation with its busy state and its problem. Call during component initialisation (it
 * reads the urql client from the context), once per action the component offers.
 *
 * @example
 * const save = createMutation(SaveMutation, { context: { additionalTypenames: ['Plan'] } });
 * const data = await save.run({ input });
 * // {#if save.problem}<p class="error">{save.problem.message}</p>{/if}
 */
export function createMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  defaults: MutationOptions = {},
): Mutation<Data, Variables> {
  const client = defaults.client ?? getContextClient();
  const state = $state<{ running: number; problem: MutationProblem | null }>({
    running: 0,
    problem: null,
  });
  let last: { variables: Variables; options: RunOptions<Data> | undefined } | undefined;

  async function run(variables: Variables, options?: RunOptions<Data>): Promise<Data | null> {
    last = { variables, options };
    state.running += 1;
    state.problem = null;
    try {
      const result = await client
        .mutation(document, variables, { ...defaults.context, ...options?.context })
        .toPromise();
      if (result.error || result.data == null) {
        state.problem = problemOf(result.error);
        return null;
      }
      await options?.after?.(result.data);
      return result.data;
    } finally {
      state.running -= 1;
    }
  }

  return {
    get busy() {
      return state.running > 0;
    },
    get problem() {
      return state.problem;
    },
    run,
    retry() {
      return last ? run(last.variables, last.options) : Promise.resolve(null);
    },
    clear() {
      state.problem = null;
    },
  };
}
