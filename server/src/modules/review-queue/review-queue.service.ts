import type { Context } from '../../graphql/context.js';
import {
  AppealStatus,
  AppraisalCheckpoint,
  AppraisalStatus,
  PeerRequestStatus,
} from '../evaluation/evaluation.enums.js';
import {
  Appeal,
  AppealExplanation,
  Appraisal,
  PeerFeedbackRequest,
} from '../evaluation/evaluation.entity.js';
import { Period } from '../planning/period.entity.js';
import { todayInDenpasar } from '../planning/period.service.js';
import { checkpointsOf } from '../planning/plan.rules.js';
import { badInput } from '../../graphql/errors.js';
import { requirePerson } from '../access/policy.js';
import { ActivityStatus, MonthlyReportStatus } from '../activities/activities.enums.js';
import { Activity, MonthlyReport } from '../activities/activity.entity.js';
import { PerformancePlan } from '../planning/plan.entity.js';
import { PlanStatus } from '../planning/planning.enums.js';

export interface AppraisalTodo {
  plan: PerformancePlan;
  checkpoint: AppraisalCheckpoint;
  /** The draft so far, if any. */
  appraisal: Appraisal | null;
}

export interface QueuePerson {
  employeeId: string;
  appraisals: AppraisalTodo[];
  plans: PerformancePlan[];
  activities: Activity[];
  activityCount: number;
  monthlyReports: MonthlyReport[];
  oldestWaitingSince: Date;
}

export interface Queue {
  plans: number;
  activities: number;
  monthlyReports: number;
  appraisals: number;
  dueCheckpoint: AppraisalCheckpoint | null;
  peerRequests: PeerFeedbackRequest[];
  appeals: Appeal[];
  explanations: AppealExplanation[];
  people: QueuePerson[];
}

/**
 * The checkpoint appraisals are due for today: the annual evaluation inside the evaluation
 * window, otherwise the last quarter that has ended (none before the first quarter ends).
 */
export function dueCheckpoint(period: Period, today: string): AppraisalCheckpoint | null {
  if (today >= period.evaluationOpensOn && today <= period.evaluationClosesOn)
    return AppraisalCheckpoint.ANNUAL;
  const ended = checkpointsOf(period.year).filter((c) => c.endsOn < today);
  return ended.length > 0 ? (ended.at(-1)!.key as AppraisalCheckpoint) : null;
}

/**
 * Everything waiting for the viewer as assessor, grouped by person, the person waiting longest
 * first: submitted plans, unreviewed activities (oldest first, at most `activitiesPerPerson`
 * listed each), submitted monthly reports, appraisals due for the current checkpoint, 360
 * requests to answer, appeals to decide and explanations asked. A constant number of
 * statements however long the queue.
 */
export async function reviewQueue(
  ctx: Pick<Context, 'em' | 'viewer' | 'config'>,
  activitiesPerPerson = 50,
): Promise<Queue> {
  const viewer = requirePerson(ctx.viewer, 'have a review queue');
  if (
    !Number.isInteger(activitiesPerPerson) ||
    activitiesPerPerson < 0 ||
    activitiesPerPerson > 500
  ) {
    throw badInput('activitiesPerPerson must be between 0 and 500.', 'activitiesPerPerson');
  }
  const assessor = viewer.employeeId;
  const [plans, activities, reports] = await Promise.all([
    ctx.em.find(
      PerformancePlan,
      { assessor, status: PlanStatus.SUBMITTED },
      { orderBy: { submittedAt: 'asc', id: 'asc' } },
    ),
    ctx.em.find(
      Activity,
      { assessor, status: ActivityStatus.SUBMITTED },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    ),
    ctx.em.find(
      MonthlyReport,
      { assessor, status: MonthlyReportStatus.SUBMITTED },
      { orderBy: { submittedAt: 'asc', id: 'asc' } },
    ),
  ]);
  const today = todayInDenpasar(ctx.config.clock());
  const period = await ctx.em.findOne(Period, { year: Number(today.slice(0, 4)) });
  const due = period ? dueCheckpoint(period, today) : null;
  const [peerRequests, appeals, explanations, duePlans] = await Promise.all([
    ctx.em.find(
      PeerFeedbackRequest,
      { respondent: assessor, status: PeerRequestStatus.OPEN },
      { orderBy: { requestedAt: 'asc' } },
    ),
    ctx.em.find(
      Appeal,
      { decider: assessor, status: AppealStatus.FILED },
      { orderBy: { filedAt: 'asc' } },
    ),
    ctx.em.find(
      AppealExplanation,
      { askedOf: assessor, answer: null },
      { orderBy: { askedAt: 'asc' } },
    ),
    due && period
      ? ctx.em.find(PerformancePlan, { assessor, period, status: PlanStatus.APPROVED })
      : Promise.resolve([] as PerformancePlan[]),
  ]);
  const dueAppraisals =
    due && duePlans.length > 0
      ? await ctx.em.find(Appraisal, { plan: { $in: duePlans.map((p) => p.id) }, checkpoint: due })
      : [];
  const appraisalOf = new Map(dueAppraisals.map((a) => [a.plan.id, a]));

  const people = new Map<string, QueuePerson>();
  const personOf = (employeeId: string, since: Date): QueuePerson => {
    let person = people.get(employeeId);
    if (!person) {
      person = {
        employeeId,
        appraisals: [],
        plans: [],
        activities: [],
        activityCount: 0,
        monthlyReports: [],
        oldestWaitingSince: since,
      };
      people.set(employeeId, person);
    }
    if (since < person.oldestWaitingSince) person.oldestWaitingSince = since;
    return person;
  };
  for (const plan of plans) {
    personOf(plan.employee.id, plan.submittedAt ?? plan.updatedAt).plans.push(plan);
  }
  for (const activity of activities) {
    const person = personOf(activity.employee.id, activity.createdAt);
    person.activityCount += 1;
    if (person.activities.length < activitiesPerPerson) person.activities.push(activity);
  }
  for (const report of reports) {
    personOf(report.employee.id, report.submittedAt).monthlyReports.push(report);
  }
  let appraisalCount = 0;
  if (due && period) {
    // Waiting since the end of the checkpoint (16:00 UTC = midnight in Denpasar).
    const endsOn =
      checkpointsOf(period.year).find((c) => c.key === due)?.endsOn ?? period.evaluationOpensOn;
    const dueSince = new Date(`${endsOn}T16:00:00Z`);
    for (const plan of duePlans) {
      const appraisal = appraisalOf.get(plan.id) ?? null;
      if (appraisal && appraisal.status !== AppraisalStatus.DRAFT) continue;
      personOf(plan.employee.id, dueSince).appraisals.push({ plan, checkpoint: due, appraisal });
      appraisalCount += 1;
    }
  }
  return {
    plans: plans.length,
    activities: activities.length,
    monthlyReports: reports.length,
    appraisals: appraisalCount,
    dueCheckpoint: due,
    peerRequests,
    appeals,
    explanations,
    people: [...people.values()].sort(
      (a, b) => a.oldestWaitingSince.getTime() - b.oldestWaitingSince.getTime(),
    ),
  };
}

/** Everything waiting, counted once for the query and the subscription alike. */
export function queueTotal(q: Queue): number {
  return (
    q.plans +
    q.activities +
    q.monthlyReports +
    q.appraisals +
    q.peerRequests.length +
    q.appeals.length +
    q.explanations.length
  );
}
