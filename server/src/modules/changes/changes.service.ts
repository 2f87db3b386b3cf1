import { assertChangesRead } from '../../access/policy.js';
import type { Scope } from '../../kernel/scope.js';
import { positionOf, queryOf, readFeed, type BusEvent } from '../../realtime/feed.js';
import { changesReasons as reasons } from './changes.reasons.js';

/**
 * The change feed for agency tools: the outbox read in position order (nothing missed, nothing
 * twice, resumable with the end cursor), limited to the kinds of change a tool may sync. Never
 * sign-ins, accounts, roles, API clients or settings, and never 360 requests or answers (who
 * was asked about whom is not told to anyone).
 */
export const FEED_TYPES = [
  'period.open',
  'org_unit.create',
  'employee.create',
  'employee.update',
  'plan.create',
  'plan.work_result.add',
  'plan.work_result.update',
  'plan.work_result.remove',
  'plan.expectation.set',
  'plan.submit',
  'plan.request_revision',
  'plan.approve',
  'plan.reopen',
  'activity.log',
  'activity.update',
  'activity.withdraw',
  'activity.approve',
  'activity.reject',
  'monthly_report.submit',
  'monthly_report.verify',
  'monthly_report.return',
  'feedback.give',
  'feedback.reply',
  'realisation.record',
  'self_assessment.submit',
  'appraisal.create',
  'appraisal.save',
  'appraisal.submit',
  'appraisal.finalise',
  'appraisals.finalise',
  'appraisals.finalise_override',
  'org_rating.set',
  'appeal.file',
  'appeal.request_explanation',
  'appeal.explain',
  'appeal.decide',
  'appeal.grant',
  'appeal.reject',
  'competency_standard.create',
  'competency_standard.update',
  'competency_standard.import_create',
  'competency_standard.import_update',
  'competency_assessment.record',
  'potential.record',
  'training.create',
  'training.update',
  'training.enrol',
  'training.assign',
  'training.complete',
  'training.cancel',
] as const;

export const MAX_FEED_PAGE = 500;
export const DEFAULT_FEED_PAGE = 100;

/** The feed types `types` names: exact types, or `plan.*` for every feed type starting `plan.`. */
function feedTypes(types: readonly string[] | null | undefined): string[] {
  if (!types || types.length === 0) return [...FEED_TYPES];
  const out = new Set<string>();
  for (const type of types) {
    const prefix = type.endsWith('.*') ? type.slice(0, -1) : null;
    const matching = FEED_TYPES.filter((t) => (prefix ? t.startsWith(prefix) : t === type));
    if (matching.length === 0) throw reasons.unknownType({ type, known: FEED_TYPES.join(', ') });
    for (const t of matching) out.add(t);
  }
  return [...out];
}

export interface ChangesInput {
  after?: string | null;
  types?: readonly string[] | null;
  first?: number | null;
}

export interface ChangesPage {
  changes: BusEvent[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export async function readChanges(scope: Scope, input: ChangesInput): Promise<ChangesPage> {
  const opdIds = assertChangesRead(scope.viewer);
  const first = input.first ?? DEFAULT_FEED_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FEED_PAGE) {
    throw reasons.pageSize({ max: MAX_FEED_PAGE, first });
  }
  const types = feedTypes(input.types);
  const after = input.after ? await positionOf(queryOf(scope.em), input.after) : null;
  const page = await readFeed(scope.freshEm(), { after, limit: first, types, opdIds });
  return {
    changes: page.events,
    endCursor: page.endPosition ?? input.after ?? null,
    hasNextPage: page.hasMore,
  };
}
