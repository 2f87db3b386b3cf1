import type { Client, CombinedError } from '@urql/core';
import type {
  AppraisalCheckpoint,
  OpdDistributionFieldsFragment,
  OpdDistributionsBatchQueryVariables,
} from '$lib/gql/graphql';
import { OPD_BATCH_SIZE, OpdDistributionsBatchQuery } from './queries';

export type OpdDistribution = OpdDistributionFieldsFragment;

/**
 * The distribution of every OPD in `opdIds` for a period and checkpoint, in batches. Resolves
 * with what was answered (an OPD the viewer may not read is left out) and the first error.
 */
export async function loadOpdDistributions(
  client: Client,
  opdIds: readonly string[],
  periodId: string,
  checkpoint: AppraisalCheckpoint,
): Promise<{ byOpd: Map<string, OpdDistribution>; error: CombinedError | null }> {
  const byOpd = new Map<string, OpdDistribution>();
  let error: CombinedError | null = null;
  const batches: string[][] = [];
  for (let i = 0; i < opdIds.length; i += OPD_BATCH_SIZE) {
    batches.push(opdIds.slice(i, i + OPD_BATCH_SIZE));
  }
  const results = await Promise.all(
    batches.map((ids) => {
      const variables: Record<string, string | boolean> = { periodId, checkpoint };
      for (let i = 0; i < OPD_BATCH_SIZE; i += 1) {
        variables[`o${i}`] = ids[i] ?? '';
        variables[`h${i}`] = i < ids.length;
      }
      // The generated type spells out every alias; the loop above fills exactly those.
      return client
        .query(OpdDistributionsBatchQuery, variables as OpdDistributionsBatchQueryVariables, {
          requestPolicy: 'network-only',
        })
        .toPromise();
    }),
  );
  for (const result of results) {
    if (result.error && !error) error = result.error;
    const data = (result.data ?? {}) as Record<string, OpdDistribution | null | undefined>;
    for (const value of Object.values(data)) {
      if (value) byOpd.set(value.orgUnit.id, value);
    }
  }
  return { byOpd, error };
}
