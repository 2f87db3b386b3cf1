import type { Client, CombinedError } from '@urql/core';
import type {
  TeamDevelopmentBatchQueryVariables,
  TeamGapsFieldsFragment,
  TeamHoursFieldsFragment,
} from '$lib/gql/graphql';
import { TEAM_BATCH_SIZE, TeamDevelopmentBatchQuery } from './queries';

export interface TeamMember {
  id: string;
  nip: string;
  name: string;
  positionTitle: string;
  jp: number;
  minimum: number;
  remaining: number;
  reached: boolean;
  share: number;
  /** Competencies below the standard, largest gap first. */
  gaps: { key: string; name: string; gap: number }[];
}

/**
 * The development of a supervisor's direct reports (their JP this year and their gaps), a batch
 * of 10 at a time. The server refuses unit-wide development views to supervisors who do not
 * administer the unit, but lets them read each of their reports.
 */
export class TeamDevelopment {
  members = $state<TeamMember[]>([]);
  loading = $state(false);
  error = $state<CombinedError | null>(null);
  #next = 0;
  #generation = 0;

  constructor(
    private readonly client: Client,
    private readonly ids: readonly string[],
    private readonly year: number,
  ) {}

  get total(): number {
    return this.ids.length;
  }

  get hasMore(): boolean {
    return this.#next < this.ids.length;
  }

  /** Loads the next batch; does nothing while one is loading or none is left. */
  async loadMore(): Promise<void> {
    if (this.loading || !this.hasMore) return;
    const generation = this.#generation;
    const batch = this.ids.slice(this.#next, this.#next + TEAM_BATCH_SIZE);
    const variables: Record<string, string | number | boolean> = { year: this.year };
    for (let i = 0; i < TEAM_BATCH_SIZE; i += 1) {
      variables[`e${i}`] = batch[i] ?? '';
      variables[`i${i}`] = i < batch.length;
    }
    this.loading = true;
    this.error = null;
    try {
      // The generated type spells out every alias; the loop above fills exactly those.
      const result = await this.client
        .query(TeamDevelopmentBatchQuery, variables as TeamDevelopmentBatchQueryVariables, {
          requestPolicy: 'network-only',
        })
        .toPromise();
      if (generation !== this.#generation) return;
      if (!result.data) {
        this.error = result.error ?? null;
        return;
      }
      const data = result.data as Record<
        string,
        TeamHoursFieldsFragment | TeamGapsFieldsFragment | null | undefined
      >;
      const members: TeamMember[] = [];
      batch.forEach((_, i) => {
        const hours = data[`h${i}`] as TeamHoursFieldsFragment | null | undefined;
        const gaps = data[`g${i}`] as TeamGapsFieldsFragment | null | undefined;
        if (!hours) return;
        members.push({
          id: hours.employee.id,
          nip: hours.employee.nip,
          name: hours.employee.name,
          positionTitle: hours.employee.positionTitle,
          jp: hours.jp,
          minimum: hours.minimum,
          remaining: hours.remaining,
          reached: hours.reached,
          share: hours.share,
          gaps: (gaps?.gaps ?? []).flatMap((g) =>
            g.gap !== null && g.gap !== undefined && g.gap > 0
              ? [{ key: g.key, name: g.name, gap: g.gap }]
              : [],
          ),
        });
      });
      this.members = [...this.members, ...members];
      this.#next += batch.length;
      // Someone the viewer may not read any more (moved away since signing in) is left out.
      if (result.error?.networkError) this.error = result.error;
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** Starts again, loading as many batches as were shown. */
  async reload(): Promise<void> {
    const batches = Math.max(1, Math.ceil(this.members.length / TEAM_BATCH_SIZE));
    this.#generation += 1;
    this.members = [];
    this.#next = 0;
    this.loading = false;
    for (let i = 0; i < batches && this.hasMore && !this.error; i += 1) await this.loadMore();
  }
}
