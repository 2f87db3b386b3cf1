import type { CombinedError } from '@urql/core';
import type { PlacementFieldsFragment, PlacementPageFieldsFragment } from '$lib/gql/graphql';

export type Placement = PlacementFieldsFragment;

/** Asks for the page after `after` (null: the first page). */
export type FetchPage = (
  after: string | null,
) => Promise<{ page: PlacementPageFieldsFragment | null; error: CombinedError | null }>;

/**
 * A list of placements read a page at a time (a box of the grid, the candidates): the pages
 * loaded so far, whether there are more, and the error of the last attempt.
 */
export class PlacementPages {
  rows = $state.raw<Placement[]>([]);
  total = $state<number | null>(null);
  hasNext = $state(false);
  loading = $state(false);
  error = $state<CombinedError | null>(null);
  #cursor: string | null = null;
  #generation = 0;

  constructor(private readonly fetchPage: FetchPage) {}

  /** Starts from a first page already at hand, or (without one) asks for it. */
  async start(first?: PlacementPageFieldsFragment): Promise<void> {
    this.#generation += 1;
    this.rows = [];
    this.total = null;
    this.#cursor = null;
    this.hasNext = false;
    this.error = null;
    this.loading = false;
    if (first) this.#take(first);
    else await this.#load(null);
  }

  async more(): Promise<void> {
    if (this.loading || !this.hasNext) return;
    await this.#load(this.#cursor);
  }

  async #load(after: string | null): Promise<void> {
    const generation = this.#generation;
    this.loading = true;
    this.error = null;
    try {
      const { page, error } = await this.fetchPage(after);
      if (generation !== this.#generation) return;
      if (!page) {
        this.error = error;
        return;
      }
      this.#take(page);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  #take(page: PlacementPageFieldsFragment) {
    this.rows = [...this.rows, ...page.edges.map((e) => e.node)];
    this.total = page.totalCount;
    this.hasNext = page.pageInfo.hasNextPage;
    this.#cursor = page.pageInfo.endCursor ?? null;
  }
}
