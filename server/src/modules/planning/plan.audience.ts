import type { EntityManager } from '@mikro-orm/postgresql';
import type { Audience } from '../../realtime/change.js';
import { OrgUnit } from '../directory/index.js';

/** The parts of a plan its audience is computed from (a `PerformancePlan` or its record). */
export interface PlanAudienceSubject {
  id: string;
  employee: { id: string };
  assessor: { id: string } | null;
  orgUnit: { id: string };
}

export interface PlanAudienceOptions {
  /** Who reviews it, when not (only) the plan's assessor. */
  reviewers?: (string | null | undefined)[];
  /** false: the plan's owner does not hear of it. */
  toOwner?: boolean;
}

/**
 * Who hears of a change to a plan or something in it: its owner, its reviewers (by default the
 * plan's assessor) and the OPD of the plan's unit. For `recordChange(scope, { …, audience, data:
 * { planId: plan.id, … } })`.
 */
export async function planAudience(
  em: EntityManager,
  plan: PlanAudienceSubject,
  options: PlanAudienceOptions = {},
): Promise<Required<Audience>> {
  const unit = await em.findOne(OrgUnit, { id: plan.orgUnit.id }, { fields: ['opd'] });
  return {
    ownerIds: options.toOwner === false ? [] : [plan.employee.id],
    reviewerIds: options.reviewers ?? [plan.assessor?.id],
    opdIds: [unit?.opd?.id ?? plan.orgUnit.id],
  };
}
