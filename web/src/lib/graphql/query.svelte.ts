import type {
  AnyVariables,
  CombinedError,
  OperationContext,
  RequestPolicy,
  TypedDocumentNode,
} from '@urql/core';
import { getContextClient } from '@urql/svelte';

export interface QueryOptions<Data, Variables extends AnyVariables> {
  query: TypedDocumentNode<Data, Variables>;
  variables: Variables;
  /** Nothing is asked while true (e.g. until the variables are known). */
  pause?: boolean;
  requestPolicy?: RequestPolicy;
  context?: Partial<OperationContext>;
}

/** The state of a query, read reactively inside components. */
export interface Query<Data> {
  /** The latest answer; kept while a refresh is under way, so a page does not flicker. */
  readonly data: Data | undefined;
  readonly error: CombinedError | undefined;
  readonly fetching: boolean;
  /**
   * Asks the server again, bypassing the cache. Pages call it after their own mutations and it
   * is the hook for live updates: a subscription event that touches the page calls `refresh()`.
   */
  refresh(): void;
}

/**
 * A query that follows its options: `options` is read inside an effect, so variables taken from
 * `$state` or `$derived` values re-run it when they change. Call during component
 * initialisation (it reads the urql client from the context).
 */
export function createQuery<Data, Variables extends AnyVariables>(
  options: () => QueryOptions<Data, Variables>,
): Query<Data> {
  const client = getContextClient();
  const state = $state<{
    data: Data | undefined;
    error: CombinedError | undefined;
    fetching: boolean;
    // Bumped by refresh(); the effect reads it so that it runs again.
    generation: number;
  }>({ data: undefined, error: undefined, fetching: false, generation: 0 });
  let refreshed = 0;
  let shownKey: string | undefined;

  $effect(() => {
    const { query, variables, pause, requestPolicy, context } = options();
    const generation = state.generation;
    if (pause) {
      state.fetching = false;
      return;
    }
    const forced = generation !== refreshed;
    refreshed = generation;
    // Other variables ask another question: the old answer must not stand in for it.
    const key = JSON.stringify(variables);
    if (shownKey !== undefined && key !== shownKey) {
      state.data = undefined;
      state.error = undefined;
    }
    shownKey = key;
    state.fetching = true;
    const subscription = client
      .query(query, variables, {
        ...context,
        requestPolicy: forced ? 'network-only' : (requestPolicy ?? 'cache-first'),
      })
      .subscribe((result) => {
        if (result.data !== undefined || !result.error) state.data = result.data as Data;
        state.error = result.error;
        state.fetching = result.stale;
      });
    return () => subscription.unsubscribe();
  });

  return {
    get data() {
      return state.data;
    },
    get error() {
      return state.error;
    },
    get fetching() {
      return state.fetching;
    },
    refresh() {
      state.generation += 1;
    },
  };
}
