import { requirePerson } from '../../access/policy.js';
import { preparedRows } from '../../db/prepared.js';
import { epochMs, jsonRecords, jsonRecordsById, uuidArray } from '../../db/records.js';
import { checkpointsOf, dueCheckpointOn, todayInDenpasar } from '../../kernel/calendar.js';
import type { Scope } from '../../kernel/scope.js';
import {
  activityFromRow,
  type ActivityRecord,
  type ActivityRow,
  activityRowColumns,
  MonthlyReport,
  MonthlyReportStatus,
} from '../activities/index.js';
import {
  employeeColumns,
  employeeFieldsToRead,
  type EmployeeRecord,
  orgUnitColumns,
  type OrgUnitRecord,
} from '../directory/index.js';
import {
  Appeal,
  AppealExplanation,
  AppealStatus,
  Appraisal,
  AppraisalCheckpoint,
  PeerFeedbackRequest,
  PeerRequestStatus,
} from '../evaluation/index.js';
import {
  indicatorFromRow,
  type IndicatorRow,
  indicatorRowColumns,
  type Period,
  planColumns,
  planFieldsToRead,
  planFromJson,
  type PlanRecord,
  PlanStatus,
} from '../planning/index.js';
import { reviewQueueReasons } from './review-queue.reasons.js';

export interface AppraisalTodo {
  plan: PlanRecord;
  checkpoint: AppraisalCheckpoint;
  /** The draft so far, if any. */
  appraisal: Appraisal | null;
}

/** How much one person is waiting for, counted in SQL (no rows loaded). */
export interface WaitingPerson {
  employeeId: string;
  plans: number;
  activities: number;
  monthlyReports: number;
  appraisals: number;
  oldestWaitingSince: Date;
}

/** The items of one person, for a page of the queue. */
export interface QueuePerson extends WaitingPerson {
  appraisalTodos: AppraisalTodo[];
  planList: PlanRecord[];
  /** Oldest first, at most `activitiesPerPerson`. */
  activityList: ActivityRecord[];
  monthlyReportList: MonthlyReport[];
  /**
   * The person's record when only the fields the operation asks for were read (see
   * {@link QueueSelection}): not primed into the request's employee loader, which other fields
   * share. Absent when the full record was read and primed.
   */
  employee?: EmployeeRecord;
}

/** Everything waiting for an assessor, as counts plus the short lists (360, appeals). */
export interface Queue {
  plans: number;
  activities: number;
  monthlyReports: number;
  appraisals: number;
  dueCheckpoint: AppraisalCheckpoint | null;
  /** The plans' period whose checkpoint is due (null: nothing due). */
  duePeriodId: string | null;
  peerRequests: PeerFeedbackRequest[];
  appeals: Appeal[];
  explanations: AppealExplanation[];
  /** Everyone waiting, the longest waiting first (ties by employee id). */
  people: WaitingPerson[];
}

/**
 * The checkpoint appraisals are due for today: the annual evaluation inside the evaluation
 * window, otherwise the last quarter that has ended (none before the first quarter ends).
 */
export function dueCheckpoint(
  period: Pick<Period, 'year' | 'evaluationOpensOn' | 'evaluationClosesOn'>,
  today: string,
): AppraisalCheckpoint | null {
  const due = dueCheckpointOn({ ...period, checkpoints: checkpointsOf(period.year) }, today);
  return due ? AppraisalCheckpoint[due] : null;
}

/** The last quarter of `year` that ended before `today`, with the instant its appraisals are due. */
function lastEndedQuarter(
  year: number,
  today: string,
): { key: AppraisalCheckpoint; since: string } | null {
  const ended = checkpointsOf(year).filter((c) => c.endsOn < today);
  if (ended.length === 0) return null;
  const last = ended.at(-1)!;
  // Appraisals wait since the end of the checkpoint (16:00 UTC = midnight in Denpasar).
  return { key: last.key as AppraisalCheckpoint, since: `${last.endsOn}T16:00:00Z` };
}

/**
 * SQL of a CTE `due`: this year's period (`period_id`), the checkpoint whose appraisals are due
 * today (`checkpoint`, null when none) and since when they wait (`since`: a quarter's from the end
 * of its last day in Denpasar, the annual ones from the opening of the evaluation window), as
 * {@link dueCheckpoint} decides, so that the statements needing it do not wait for a read of the
 * period first. Its parameters come from {@link dueParams}.
 */
const DUE_CTE = `due as (
  select p.id as period_id,
         case when w.inside then 'ANNUAL' else ?::text end as checkpoint,
         case when w.inside then (p.evaluation_opens_on - 1 + time '16:00') at time zone 'UTC'
              else ?::timestamptz end as since
    from period p
    cross join lateral (
      select ?::date between p.evaluation_opens_on and p.evaluation_closes_on as inside
    ) w
   where p.year = ?
)`;

function dueParams(today: string): unknown[] {
  const year = Number(today.slice(0, 4));
  const quarter = lastEndedQuarter(year, today);
  return [quarter?.key ?? null, quarter?.since ?? null, today, year];
}

/**
 * SQL (a FROM body, aliases `p` and `a`) of the approved plans of assessor `?` in period
 * `period` whose appraisal of checkpoint `checkpoint` is to be written: none yet, or a draft
 * (`a.id`). The queue's count and its page read the same plans.
 */
function duePlans(checkpoint: string, period: string): string {
  return `performance_plan p
    -- One index probe per plan, not a scan of every appraisal of the checkpoint: the limit keeps
    -- PostgreSQL from flattening the lateral subquery into a hash join.
    left join lateral (
      select d.id, d.status from appraisal d where d.plan_id = p.id and d.checkpoint = ${checkpoint} limit 1
    ) a on true
   where p.assessor_id = ? and p.period_id = ${period} and p.status = 'APPROVED'
     and (a.status is null or a.status = 'DRAFT')`;
}

/** The first row of the queue's statement: what is not counted per person. */
interface SummaryRow {
  peer_requests: number;
  appeals: number;
  explanations: number;
  due_checkpoint: AppraisalCheckpoint | null;
  due_period_id: string | null;
}

interface WaitingRow {
  employee_id: string;
  /** Milliseconds since 1970. */
  since: number;
  plans: number;
  activities: number;
  monthly_reports: number;
  appraisals: number;
}

/** The most activities listed per person in a page of the queue. */
export const MAX_ACTIVITIES_PER_PERSON = 500;

export interface ReviewQueueOptions {
  /**
   * How many activities a page of the queue will list per person (see {@link queuePeople}):
   * refused unless a whole number from 0 to {@link MAX_ACTIVITIES_PER_PERSON}, before anything is
   * read.
   */
  activitiesPerPerson?: number;
}

/**
 * Everything waiting for the viewer as assessor: submitted plans, unreviewed activities,
 * submitted monthly reports, appraisals due for the current checkpoint (none written yet, or a
 * draft), 360 requests to answer, appeals to decide and explanations asked. The items are
 * counted per person in one aggregate statement, so the cost does not grow with the queue (the
 * activities, by far the most, from the counts PostgreSQL keeps per person as they change: one row
 * per person, not one per activity); the items themselves are loaded by `queuePeople` for one page
 * of people.
 */
export async function reviewQueue(scope: Scope, options: ReviewQueueOptions = {}): Promise<Queue> {
  const { activitiesPerPerson } = options;
  if (
    activitiesPerPerson !== undefined &&
    !(
      Number.isInteger(activitiesPerPerson) &&
      activitiesPerPerson >= 0 &&
      activitiesPerPerson <= MAX_ACTIVITIES_PER_PERSON
    )
  ) {
    throw reviewQueueReasons.activitiesPerPersonOutOfRange({ max: MAX_ACTIVITIES_PER_PERSON });
  }
  const viewer = requirePerson(scope.viewer, 'have a review queue');
  const assessor = viewer.employeeId;
  const due = dueParams(todayInDenpasar(scope.config.clock()));
  // Who waits, and since when, counted per person; and in the same statement (one round trip,
  // not two) a first row for the assessor: the three short lists (usually empty: counted, and
  // only a list that has something is read, each read through the ORM costing more than the
  // count) and the checkpoint due.
  const [short, ...waiting] = await preparedRows<WaitingRow & SummaryRow>(
    scope.em,
    `with ${DUE_CTE}
     select employee_id, since, plans, activities, monthly_reports, appraisals,
            peer_requests, appeals, explanations, due_checkpoint, due_period_id
       from (
         select null::uuid as employee_id, null::float8 as since, 0 as plans, 0 as activities,
                0 as monthly_reports, 0 as appraisals,
                (select count(*)::int from peer_feedback_request where respondent_id = ? and status = ?) as peer_requests,
                (select count(*)::int from appeal where decider_id = ? and status = ?) as appeals,
                (select count(*)::int from appeal_explanation where asked_of_id = ? and answer is null) as explanations,
                (select checkpoint from due) as due_checkpoint,
                (select period_id from due where checkpoint is not null) as due_period_id
         union all
         select employee_id, ${epochMs('min(since)')}, sum(plans)::int, sum(activities)::int,
                sum(monthly_reports)::int, sum(appraisals)::int, null, null, null, null, null
           from (
             select employee_id, coalesce(submitted_at, updated_at) as since,
                    1 as plans, 0 as activities, 0 as monthly_reports, 0 as appraisals
               from performance_plan where assessor_id = ? and status = 'SUBMITTED'
             union all
             -- Activities are many: counted as they change (see WaitingActivityCount), not here.
             select employee_id, oldest, 0, waiting, 0, 0
               from waiting_activity_count where assessor_id = ?
             union all
             select employee_id, submitted_at, 0, 0, 1, 0
               from monthly_report where assessor_id = ? and status = 'SUBMITTED'
             union all
             select p.employee_id, due.since, 0, 0, 0, 1
               from due cross join ${duePlans('due.checkpoint', 'due.period_id')}
                and due.checkpoint is not null
           ) waiting
          group by employee_id
       ) queue
      -- The assessor's row first, then the people, the longest waiting first.
      order by employee_id is not null, since, employee_id`,
    [
      ...due,
      assessor,
      PeerRequestStatus.OPEN,
      assessor,
      AppealStatus.FILED,
      assessor,
      assessor,
      assessor,
      assessor,
      assessor,
    ],
  );
  const [peerRequests, appeals, explanations] = await Promise.all([
    short.peer_requests > 0
      ? scope.em.find(
          PeerFeedbackRequest,
          { respondent: assessor, status: PeerRequestStatus.OPEN },
          { orderBy: { requestedAt: 'asc' } },
        )
      : [],
    short.appeals > 0
      ? scope.em.find(
          Appeal,
          { decider: assessor, status: AppealStatus.FILED },
          { orderBy: { filedAt: 'asc' } },
        )
      : [],
    short.explanations > 0
      ? scope.em.find(
          AppealExplanation,
          { askedOf: assessor, answer: null },
          { orderBy: { askedAt: 'asc' } },
        )
      : [],
  ]);
  const people: WaitingPerson[] = waiting.map((w) => ({
    employeeId: w.employee_id,
    plans: w.plans,
    activities: w.activities,
    monthlyReports: w.monthly_reports,
    appraisals: w.appraisals,
    oldestWaitingSince: new Date(w.since),
  }));
  const sum = (key: 'plans' | 'activities' | 'monthlyReports' | 'appraisals') =>
    people.reduce((total, p) => total + p[key], 0);
  return {
    plans: sum('plans'),
    activities: sum('activities'),
    monthlyReports: sum('monthlyReports'),
    appraisals: sum('appraisals'),
    dueCheckpoint: short.due_checkpoint,
    duePeriodId: short.due_period_id,
    peerRequests,
    appeals,
    explanations,
    people,
  };
}

/** What an operation asks of the queue's activities (see {@link queuePeople}). */
export interface QueueSelection {
  /** The GraphQL fields of Activity selected; all when absent. */
  activityFields?: ReadonlySet<string>;
  /** Whether anything of an activity's IKI but its id is selected. */
  indicators: boolean;
  /** The GraphQL fields of Employee selected of each person; all when absent. */
  employeeFields?: ReadonlySet<string>;
  /** The GraphQL fields of PerformancePlan selected of the plans awaiting approval; all when absent. */
  submittedPlanFields?: ReadonlySet<string>;
  /** The GraphQL fields of PerformancePlan selected of the plans whose appraisal is due; all when absent. */
  duePlanFields?: ReadonlySet<string>;
}

/**
 * The waiting items of some of the queue's people: their submitted plans, monthly reports and
 * due appraisals, and their oldest `activitiesPerPerson` unreviewed activities. Two statements
 * however many people and items, plus one for monthly reports when some are waiting and one for
 * appraisal drafts when some were begun. With `select`, the columns of activities, people and plans
 * are only those the operation's fields need, and the activities' IKIs are read only when more than
 * their ids is asked for.
 */
export async function queuePeople(
  scope: Scope,
  queue: Queue,
  people: WaitingPerson[],
  activitiesPerPerson: number,
  select?: QueueSelection,
): Promise<QueuePerson[]> {
  const assessor = requirePerson(scope.viewer, 'have a review queue').employeeId;
  if (people.length === 0) return [];
  const employee = { $in: people.map((p) => p.employeeId) };
  const ids = uuidArray(people.map((p) => p.employeeId));
  const anyActivities = activitiesPerPerson > 0 && people.some((p) => p.activities > 0);
  const duePeriod = queue.duePeriodId;
  const due = queue.dueCheckpoint;
  const anyPlans = people.some((p) => p.plans > 0);
  // The IKIs of the activities, unless the operation asks for nothing of them but their ids.
  const withIndicators = select?.indicators ?? true;
  const anyDue = Boolean(due && duePeriod) && people.some((p) => p.appraisals > 0);
  // Partial records of the people and plans when the operation says what it asks of them.
  const onlyEmployee = employeeFieldsToRead(select?.employeeFields);
  const onlySubmitted = planFieldsToRead(select?.submittedPlanFields);
  const onlyDue = planFieldsToRead(select?.duePlanFields);
  const [activities, [persons], reports] = await Promise.all([
    // The oldest activities of each person as plain rows, each IKI with the first of its
    // activities (primed into the loader the `indicator` field uses); then the people, their units and their plans
    // (submitted, and those whose appraisal is due with the draft if one was begun) as JSON
    // values of records built by PostgreSQL, people and units primed into the loaders that the
    // `employee` and `orgUnit` fields use. Two statements, not one, so that PostgreSQL runs them
    // side by side.
    preparedRows<ActivityRow & Partial<IndicatorRow>>(
      scope.em,
      // Each person's oldest by one ordered probe of the waiting activities' index (assessor,
      // person, created_at, id; SUBMITTED only), not by ranking all their waiting activities.
      `with oldest as (
         select a.* from unnest(?::uuid[]) as person(id)
          cross join lateral (
            select a.* from activity a
             where ?::boolean and a.assessor_id = ? and a.employee_id = person.id
               and a.status = 'SUBMITTED'
             order by a.created_at, a.id limit ?
          ) a
       )
       ${
         withIndicators
           ? `select ${activityRowColumns('a', select?.activityFields)}, ${indicatorRowColumns('i')}
                from (
                  select r.*, row_number() over (partition by r.indicator_id order by r.created_at, r.id) = 1 as first_of_iki
                    from oldest r
                ) a
                -- Each IKI on the first of its activities only: the others carry its id alone.
                left join indicator i on i.id = a.indicator_id and a.first_of_iki`
           : `select ${activityRowColumns('a', select?.activityFields)} from oldest a`
       }
        order by a.created_at, a.id`,
      [ids, anyActivities, assessor, activitiesPerPerson],
    ),
    preparedRows<{
      people: EmployeeRecord[];
      units: OrgUnitRecord[];
      submitted: Record<string, unknown>[];
      /** A plan's fields and its appraisal draft's id. */
      due: (Record<string, unknown> & { draftId: string | null })[];
    }>(
      scope.em,
      `with people as (select * from employee where id = any(?::uuid[]))
       select ${jsonRecords(employeeColumns('e', onlyEmployee), 'people e')} as people,
              ${jsonRecordsById('org_unit', orgUnitColumns, 'array(select distinct org_unit_id from people)')} as units,
              ${jsonRecords(
                planColumns('p', onlySubmitted),
                `performance_plan p
                  where ?::boolean and p.assessor_id = ? and p.status = ?
                    and p.employee_id = any(?::uuid[])`,
                'x."submittedAt", x.id',
              )} as submitted,
              ${jsonRecords(
                `${planColumns('p', onlyDue)}, a.id as "draftId"`,
                `${duePlans('?', '?::uuid')} and ?::boolean and p.employee_id = any(?::uuid[])`,
                'x.id',
              )} as due`,
      [ids, anyPlans, assessor, PlanStatus.SUBMITTED, ids, due, assessor, duePeriod, anyDue, ids],
    ),
    people.some((p) => p.monthlyReports > 0)
      ? scope.em.find(
          MonthlyReport,
          { assessor, status: MonthlyReportStatus.SUBMITTED, employee },
          { orderBy: { submittedAt: 'asc', id: 'asc' } },
        )
      : [],
  ]);
  for (const unit of persons.units) scope.loaders.orgUnit.prime(unit.id, unit);
  // Full records serve every field of the request; partial ones only their own person's.
  const partial = onlyEmployee ? new Map(persons.people.map((e) => [e.id, e])) : null;
  if (!partial)
    for (const person of persons.people) scope.loaders.employee.prime(person.id, person);
  // Drafts begun are few: read as entities, and only when there are some.
  const draftIds = persons.due.flatMap((d) => (d.draftId ? [d.draftId] : []));
  const drafts =
    draftIds.length > 0 ? await scope.em.find(Appraisal, { id: { $in: draftIds } }) : [];
  const draftById = new Map(drafts.map((a) => [a.id, a]));

  const byId = new Map<string, QueuePerson>(
    people.map((p) => [
      p.employeeId,
      {
        ...p,
        appraisalTodos: [],
        planList: [],
        activityList: [],
        monthlyReportList: [],
        employee: partial?.get(p.employeeId),
      },
    ]),
  );
  for (const json of persons.submitted) {
    const plan = planFromJson(json);
    byId.get(plan.employee.id)?.planList.push(plan);
  }
  for (const row of activities) {
    // Plain records, not entities: em.map() of a few hundred rows cost more than the request.
    const activity = activityFromRow(row);
    byId.get(activity.employee.id)?.activityList.push(activity);
    const indicator = withIndicators ? indicatorFromRow(row as IndicatorRow) : null;
    if (indicator) scope.loaders.indicator.prime(indicator.id, indicator);
  }
  for (const report of reports) byId.get(report.employee.id)?.monthlyReportList.push(report);
  if (due) {
    for (const { draftId, ...json } of persons.due) {
      const plan = planFromJson(json);
      const appraisal = draftId ? (draftById.get(draftId) ?? null) : null;
      byId.get(plan.employee.id)?.appraisalTodos.push({ plan, checkpoint: due, appraisal });
    }
  }
  return people.map((p) => byId.get(p.employeeId)!);
}

/** The counts of a queue that the query and the subscription both show. */
export interface QueueTotals {
  total: number;
  plansAwaitingApproval: number;
  activitiesAwaitingReview: number;
  monthlyReportsAwaitingVerification: number;
  appraisalsToComplete: number;
}

export function queueTotals(q: Queue): QueueTotals {
  return {
    total: queueTotal(q),
    plansAwaitingApproval: q.plans,
    activitiesAwaitingReview: q.activities,
    monthlyReportsAwaitingVerification: q.monthlyReports,
    appraisalsToComplete: q.appraisals,
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
