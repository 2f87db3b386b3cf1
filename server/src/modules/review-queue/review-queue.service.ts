import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { requirePerson } from '../access/policy.js';
import { ActivityStatus, MonthlyReportStatus } from '../activities/activities.enums.js';
import { Activity, MonthlyReport } from '../activities/activity.entity.js';
import { PerformancePlan } from '../planning/plan.entity.js';
import { PlanStatus } from '../planning/planning.enums.js';

export interface QueuePerson {
  employeeId: string;
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
  people: QueuePerson[];
}

/**
 * Everything waiting for the viewer as assessor, grouped by person, the person waiting longest
 * first: submitted plans, unreviewed activities (oldest first, at most `activitiesPerPerson`
 * listed each) and submitted monthly reports. Three statements however long the queue.
 */
export async function reviewQueue(
  ctx: Pick<Context, 'em' | 'viewer'>,
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
  const people = new Map<string, QueuePerson>();
  const personOf = (employeeId: string, since: Date): QueuePerson => {
    let person = people.get(employeeId);
    if (!person) {
      person = {
        employeeId,
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
  for (const plan of plans)
    personOf(plan.employee.id, plan.submittedAt ?? plan.updatedAt).plans.push(plan);
  for (const activity of activities) {
    const person = personOf(activity.employee.id, activity.createdAt);
    person.activityCount += 1;
    if (person.activities.length < activitiesPerPerson) person.activities.push(activity);
  }
  for (const report of reports)
    personOf(report.employee.id, report.submittedAt).monthlyReports.push(report);
  return {
    plans: plans.length,
    activities: activities.length,
    monthlyReports: reports.length,
    people: [...people.values()].sort(
      (a, b) => a.oldestWaitingSince.getTime() - b.oldestWaitingSince.getTime(),
    ),
  };
}
