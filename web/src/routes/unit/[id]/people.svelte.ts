import type { Client, CombinedError } from '@urql/core';
import type {
  ActivityStatus,
  PlanStatus,
  UnitActivitiesBatchQueryVariables,
  UnitPlansBatchQueryVariables,
} from '$lib/gql/graphql';
import {
  BATCH_SIZE,
  UnitActivitiesBatchQuery,
  UnitPeopleQuery,
  UnitPlansBatchQuery,
} from './queries';

export interface ActivityTally {
  total: number;
  /** Counted from at most the latest 100; true when there are more. */
  truncated: boolean;
  /** Per month of the period's year (index 0 = January), by status. */
  approved: number[];
  waiting: number[];
  rejected: number[];
}

export interface PersonRow {
  id: string;
  nip: string;
  name: string;
  positionTitle: string;
  unitName: string;
  /** null: no plan; 'hidden': the viewer may not read it. */
  plan: { status: PlanStatus; progress: number | null } | null | 'hidden';
  activities: ActivityTally | null | 'hidden';
}

function emptyMonths(): number[] {
  return Array.from({ length: 12 }, () => 0);
}

/** Aliases whose field the server refused (FORBIDDEN), e.g. `p3`. */
function refusedAliases(error: CombinedError | undefined): string[] {
  return (error?.graphQLErrors ?? []).flatMap((e) => {
    const alias = e.path?.[0];
    return typeof alias === 'string' ? [alias] : [];
  });
}

/**
 * The people of a unit (and the units below it), loaded a batch at a time with their plan and
 * their latest activities, for the dashboard's figures. The figures cover the people loaded so
 * far; the page says so while more remain.
 */
export class UnitPeople {
  rows = $state<PersonRow[]>([]);
  total = $state<number | null>(null);
  hasMore = $state(true);
  loading = $state(false);
  error = $state<CombinedError | null>(null);
  #cursor: string | null = null;
  #generation = 0;

  constructor(
    private readonly client: Client,
    private readonly orgUnitId: string,
    private readonly period: { id: string; year: number },
  ) {}

  /** Loads the next batch of people; does nothing while a batch is loading or none is left. */
  async loadMore(): Promise<void> {
    if (this.loading || !this.hasMore) return;
    const generation = this.#generation;
    this.loading = true;
    this.error = null;
    try {
      const rows = await this.#batch();
      if (generation !== this.#generation || rows === null) return;
      this.rows = [...this.rows, ...rows];
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** Starts again with `batches` batches (what was shown before a refresh). */
  async reload(batches = 1): Promise<void> {
    this.#generation += 1;
    this.rows = [];
    this.total = null;
    this.hasMore = true;
    this.loading = false;
    this.#cursor = null;
    for (let i = 0; i < batches && this.hasMore && !this.error; i += 1) await this.loadMore();
  }

  async #batch(): Promise<PersonRow[] | null> {
    const options = { requestPolicy: 'network-only' as const };
    const people = await this.client
      .query(
        UnitPeopleQuery,
        { orgUnitId: this.orgUnitId, first: BATCH_SIZE, after: this.#cursor },
        options,
      )
      .toPromise();
    if (people.error || !people.data) {
      this.error = people.error ?? null;
      return null;
    }
    const page = people.data.employees;
    this.total = page.totalCount;
    this.hasMore = page.pageInfo.hasNextPage;
    this.#cursor = page.pageInfo.endCursor ?? null;
    const nodes = page.nodes;

    const planVariables: Record<string, string | boolean> = { periodId: this.period.id };
    for (let i = 0; i < BATCH_SIZE; i += 1) {
      planVariables[`e${i}`] = nodes[i]?.id ?? '';
      planVariables[`h${i}`] = i < nodes.length;
    }
    // The generated type spells out every alias; the loop above fills exactly those.
    const plans = await this.client
      .query(UnitPlansBatchQuery, planVariables as UnitPlansBatchQueryVariables, options)
      .toPromise();
    const planRefused = refusedAliases(plans.error);
    if (plans.error?.networkError) {
      this.error = plans.error;
      return null;
    }
    const planData = (plans.data ?? {}) as Record<
      string,
      { id: string; status: PlanStatus; progress: number | null } | null | undefined
    >;

    const activityVariables: Record<string, string | boolean> = {};
    for (let i = 0; i < BATCH_SIZE; i += 1) {
      const plan = planData[`p${i}`];
      activityVariables[`a${i}`] = plan?.id ?? '';
      activityVariables[`h${i}`] = Boolean(plan);
    }
    const activities = await this.client
      .query(
        UnitActivitiesBatchQuery,
        activityVariables as UnitActivitiesBatchQueryVariables,
        options,
      )
      .toPromise();
    if (activities.error?.networkError) {
      this.error = activities.error;
      return null;
    }
    const activityRefused = refusedAliases(activities.error);
    const activityData = (activities.data ?? {}) as Record<
      string,
      { totalCount: number; nodes: { date: string; status: ActivityStatus }[] } | null | undefined
    >;

    return nodes.map((node, i): PersonRow => {
      const plan = planRefused.includes(`p${i}`) ? 'hidden' : (planData[`p${i}`] ?? null);
      const connection = activityData[`a${i}`];
      let tally: PersonRow['activities'] = null;
      if (activityRefused.includes(`a${i}`)) tally = 'hidden';
      else if (connection) {
        tally = {
          total: connection.totalCount,
          truncated: connection.totalCount > connection.nodes.length,
          approved: emptyMonths(),
          waiting: emptyMonths(),
          rejected: emptyMonths(),
        };
        for (const activity of connection.nodes) {
          if (Number(activity.date.slice(0, 4)) !== this.period.year) continue;
          const month = Number(activity.date.slice(5, 7)) - 1;
          if (activity.status === 'APPROVED') tally.approved[month] += 1;
          else if (activity.status === 'SUBMITTED') tally.waiting[month] += 1;
          else if (activity.status === 'REJECTED') tally.rejected[month] += 1;
        }
      }
      return {
        id: node.id,
        nip: node.nip,
        name: node.name,
        positionTitle: node.positionTitle,
        unitName: node.orgUnit.name,
        plan,
        activities: tally,
      };
    });
  }
}
