import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  assertAssessor,
  assertOwner,
  assertPlanRead,
  bulkReadReach,
  requirePerson,
  requireViewer,
} from '../../access/policy.js';
import { pageById } from '../../db/pages.js';
import { planSubject } from '../directory/index.js';
import { checkpointsOf, todayInDenpasar } from '../../kernel/calendar.js';
import { invalidInput } from '../../kernel/errors.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import {
  Indicator,
  PerformancePlan,
  planAudience,
  PlanStatus,
  WorkResult,
} from '../planning/index.js';
import { loadSettings } from '../settings/index.js';
import {
  ActivityStatus,
  MonthlyReportStatus,
  ReportDecision,
  ReviewDecision,
} from './activities.enums.js';
import { activityReasons as reasons } from './activities.reasons.js';
import { Activity, MonthlyReport, RealisationEntry } from './activity.entity.js';
import {
  activityErrors,
  evidenceUrlErrors,
  monthlyReportError,
  isMonth,
  monthRange,
} from './activity.rules.js';

/** The most activities reviewed in one call. */
export const MAX_REVIEWED_AT_ONCE = 500;

export interface ActivityInput {
  indicatorId?: string | null;
  /** Without an IKI: the period whose approved plan the activity belongs to. */
  periodId?: string | null;
  date: string;
  description: string;
  output?: number | null;
  durationMinutes?: number | null;
  evidenceUrls?: string[] | null;
}

function snapshot(a: Activity) {
  return {
    indicatorId: a.indicator?.id ?? null,
    date: a.date,
    description: a.description,
    output: a.output,
    durationMinutes: a.durationMinutes,
    evidenceUrls: a.evidenceUrls,
    status: a.status,
    reviewNote: a.reviewNote,
  };
}

/** The viewer's approved plan an activity belongs to, and its IKI; refuses anyone else's. */
async function targetOf(
  scope: Scope,
  em: EntityManager,
  input: Pick<ActivityInput, 'indicatorId' | 'periodId'>,
): Promise<{ plan: PerformancePlan; indicator: Indicator | null }> {
  const viewer = requirePerson(scope.viewer, 'log activities');
  let plan: PerformancePlan | null;
  let indicator: Indicator | null = null;
  if (input.indicatorId) {
    indicator = await em.findOne(Indicator, { id: input.indicatorId });
    if (!indicator) throw reasons.indicatorUnknown({ id: input.indicatorId });
    const workResult = await em.findOneOrFail(WorkResult, { id: indicator.workResult.id });
    plan = await em.findOneOrFail(
      PerformancePlan,
      { id: workResult.plan.id },
      { populate: ['period'] },
    );
    if (plan.employee.id !== viewer.employeeId) {
      throw reasons.indicatorOfOthersPlan();
    }
  } else {
    if (!input.periodId) throw reasons.targetMissing();
    plan = await em.findOne(
      PerformancePlan,
      { employee: viewer.employeeId, period: input.periodId },
      { populate: ['period'] },
    );
    if (!plan) throw reasons.noPlanForPeriod();
  }
  if (plan.status !== PlanStatus.APPROVED) {
    throw reasons.planNotApproved({ status: plan.status.toLowerCase().replace('_', ' ') });
  }
  return { plan, indicator };
}

async function checkActivity(
  scope: Scope,
  em: EntityManager,
  plan: PerformancePlan,
  indicator: Indicator | null,
  values: {
    date: string;
    description: string;
    output?: number | null;
    durationMinutes?: number | null;
    evidenceUrls: string[];
  },
): Promise<void> {
  const settings = await loadSettings(em);
  const problems = activityErrors({
    ...values,
    today: todayInDenpasar(scope.config.clock()),
    windowDays: settings.activityWindowDays,
    periodStartsOn: plan.period.startsOn,
    periodEndsOn: plan.period.endsOn,
    indicator: indicator ? { quantitative: indicator.targetValue !== null } : null,
  });
  if (problems.length > 0) throw invalidInput(problems);
}

/**
 * Logs an activity against the viewer's own approved plan. Refuses future dates, dates older
 * than the configurable window or outside the period, another person's IKI or an unapproved
 * plan, an output on a qualitative IKI (or none on a quantitative one), and non-https evidence.
 */
export async function logActivity(scope: Scope, input: ActivityInput): Promise<Activity> {
  requirePerson(scope.viewer, 'log activities');
  return scope.em.transactional(async (em) => {
    const { plan, indicator } = await targetOf(scope, em, input);
    const values = {
      date: input.date,
      description: input.description.trim(),
      output: input.output ?? null,
      durationMinutes: input.durationMinutes ?? null,
      evidenceUrls: input.evidenceUrls ?? [],
    };
    await checkActivity(scope, em, plan, indicator, values);
    const activity = em.create(Activity, {
      employee: plan.employee,
      plan,
      assessor: plan.assessor,
      indicator,
      ...values,
    });
    await recordChange(
      scope,
      {
        action: 'activity.log',
        subjectType: 'Activity',
        subjectId: activity.id,
        after: snapshot(activity),
        audience: await planAudience(em, plan),
        data: { planId: plan.id, activityId: activity.id },
      },
      em,
    );
    await em.flush();
    return activity;
  });
}

async function ownUnreviewed(
  scope: Scope,
  em: EntityManager,
  activityId: string,
  expectedVersion?: number,
) {
  const activity = await em.findOne(Activity, { id: activityId });
  if (!activity) throw reasons.notFound({ id: activityId });
  const plan = await em.findOneOrFail(
    PerformancePlan,
    { id: activity.plan.id },
    { populate: ['period'] },
  );
  assertOwner(scope.viewer, await planSubject(em, plan), 'change this activity');
  if (expectedVersion !== undefined && activity.version !== expectedVersion) {
    throw reasons.staleVersion(
      { version: activity.version, status: activity.status },
      { extra: { currentVersion: activity.version } },
    );
  }
  if (activity.status !== ActivityStatus.SUBMITTED) {
    throw reasons.alreadyReviewed({ status: activity.status.toLowerCase() });
  }
  return { activity, plan };
}

/** Changes an activity the assessor has not reviewed yet. */
export async function updateActivity(
  scope: Scope,
  activityId: string,
  expectedVersion: number,
  input: Omit<ActivityInput, 'periodId'>,
): Promise<Activity> {
  requirePerson(scope.viewer, 'change activities');
  return scope.em.transactional(async (em) => {
    const { activity, plan } = await ownUnreviewed(scope, em, activityId, expectedVersion);
    const before = snapshot(activity);
    let indicator = activity.indicator
      ? await em.findOne(Indicator, { id: activity.indicator.id })
      : null;
    if (input.indicatorId !== undefined && input.indicatorId !== (indicator?.id ?? null)) {
      indicator = (
        await targetOf(scope, em, { indicatorId: input.indicatorId, periodId: plan.period.id })
      ).indicator;
      if (indicator) {
        const wr = await em.findOneOrFail(WorkResult, { id: indicator.workResult.id });
        if (wr.plan.id !== plan.id) throw reasons.indicatorOfOtherPlan();
      }
    }
    const values = {
      date: input.date,
      description: input.description.trim(),
      output: input.output ?? null,
      durationMinutes: input.durationMinutes ?? null,
      evidenceUrls: input.evidenceUrls ?? [],
    };
    await checkActivity(scope, em, plan, indicator, values);
    Object.assign(activity, values, { indicator });
    await recordChange(
      scope,
      {
        action: 'activity.update',
        subjectType: 'Activity',
        subjectId: activity.id,
        before,
        after: snapshot(activity),
        audience: await planAudience(em, plan),
        data: { planId: plan.id, activityId: activity.id },
      },
      em,
    );
    await em.flush();
    return activity;
  });
}

/** Withdraws an activity the assessor has not reviewed yet; it stays in history. */
export async function withdrawActivity(scope: Scope, activityId: string): Promise<Activity> {
  requirePerson(scope.viewer, 'withdraw activities');
  return scope.em.transactional(async (em) => {
    const { activity, plan } = await ownUnreviewed(scope, em, activityId);
    activity.status = ActivityStatus.WITHDRAWN;
    await recordChange(
      scope,
      {
        action: 'activity.withdraw',
        subjectType: 'Activity',
        subjectId: activity.id,
        after: { status: activity.status },
        audience: await planAudience(em, plan, { toOwner: false }),
        data: { planId: plan.id, activityId: activity.id },
      },
      em,
    );
    await em.flush();
    return activity;
  });
}

/**
 * The assessor approves or rejects activities (a note is required to reject). Refuses anyone
 * else, and activities already reviewed or withdrawn.
 */
export async function reviewActivities(
  scope: Scope,
  activityIds: string[],
  decision: ReviewDecision,
  note: string | null,
): Promise<Activity[]> {
  const viewer = requirePerson(scope.viewer, 'review activities');
  const text = note?.trim() || null;
  if (decision === ReviewDecision.REJECT && !text) {
    throw reasons.rejectNoteMissing();
  }
  if (activityIds.length === 0) throw reasons.noActivitiesChosen();
  if (activityIds.length > MAX_REVIEWED_AT_ONCE) {
    throw reasons.tooManyToReview({ max: MAX_REVIEWED_AT_ONCE });
  }
  return scope.em.transactional(async (em) => {
    const activities = await em.find(Activity, { id: { $in: activityIds } });
    const found = new Set(activities.map((a) => a.id));
    const missing = activityIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw reasons.notFound({ id: missing.join(', ') });
    const plans = await em.find(PerformancePlan, {
      id: { $in: [...new Set(activities.map((a) => a.plan.id))] },
    });
    const opdOf = new Map<string, string>();
    for (const plan of plans) {
      const subject = await planSubject(em, plan);
      assertAssessor(scope.viewer, subject, 'review these activities');
      opdOf.set(plan.id, subject.opdId);
    }
    const reviewed = activities.filter((a) => a.status !== ActivityStatus.SUBMITTED);
    if (reviewed.length > 0) {
      throw reasons.notWaitingForReview({
        count: reviewed.length,
        status: reviewed[0].status.toLowerCase(),
      });
    }
    const status =
      decision === ReviewDecision.APPROVE ? ActivityStatus.APPROVED : ActivityStatus.REJECTED;
    const now = new Date();
    for (const activity of activities) {
      activity.status = status;
      activity.reviewNote = text;
      activity.reviewedAt = now;
      activity.reviewedByEmployeeId = viewer.employeeId;
      await recordChange(
        scope,
        {
          action: decision === ReviewDecision.APPROVE ? 'activity.approve' : 'activity.reject',
          subjectType: 'Activity',
          subjectId: activity.id,
          before: { status: ActivityStatus.SUBMITTED },
          after: { status, note: text },
          audience: {
            ownerIds: [activity.employee.id],
            reviewerIds: [viewer.employeeId],
            opdIds: [opdOf.get(activity.plan.id)],
          },
          data: { activityId: activity.id, planId: activity.plan.id },
        },
        em,
      );
    }
    await em.flush();
    const order = new Map(activityIds.map((id, i) => [id, i]));
    return activities.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  });
}

/** Activities of a plan, newest first, optionally of one month or status. */
export interface ActivityListFilter {
  opdId?: string | null;
  employeeId?: string | null;
  assessorId?: string | null;
  /** Done on or after this day (YYYY-MM-DD). */
  from?: string | null;
  /** Done on or before this day. */
  to?: string | null;
  status?: ActivityStatus | null;
}

/**
 * Activities of many people (agency tools, admins, assessors of their people, anyone of their
 * own), in creation order; the reader's OPD limits always apply.
 */
export async function listActivitiesBulk(
  scope: Scope,
  filter: ActivityListFilter,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<Activity>> {
  const reach = bulkReadReach(scope.viewer, 'plans', filter);
  const limit = pageSize(page.first, reach.maxPage);
  if (filter.from && filter.to && filter.from > filter.to) {
    throw reasons.rangeReversed({ from: filter.from, to: filter.to });
  }
  const and: FilterQuery<Activity>[] = [];
  const employeeId = reach.employeeId ?? filter.employeeId;
  if (employeeId) and.push({ employee: employeeId });
  const assessorId = reach.assessorId ?? filter.assessorId;
  if (assessorId) and.push({ assessor: assessorId });
  if (filter.from) and.push({ date: { $gte: filter.from } });
  if (filter.to) and.push({ date: { $lte: filter.to } });
  if (filter.status) and.push({ status: filter.status });
  if (filter.opdId) and.push({ plan: { orgUnit: { opd: filter.opdId } } });
  if (reach.opdIds) and.push({ plan: { orgUnit: { opd: { $in: reach.opdIds } } } });
  return pageById(scope.em, Activity, and.length > 0 ? { $and: and } : {}, limit, page.after);
}

export async function listActivities(
  scope: Scope,
  args: {
    planId: string;
    month?: number | null;
    status?: ActivityStatus | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<Activity>> {
  requireViewer(scope.viewer);
  const month = args.month ?? null;
  if (month !== null && !isMonth(month)) throw reasons.monthInvalid({ month });
  const plan = await scope.em.findOne(
    PerformancePlan,
    { id: args.planId },
    { populate: ['period'] },
  );
  if (!plan) throw reasons.planNotFound({ id: args.planId });
  assertPlanRead(scope.viewer, await planSubject(scope.loaders, plan));
  const limit = pageSize(args.first);
  const where: FilterQuery<Activity>[] = [{ plan }];
  if (month !== null) {
    const range = monthRange(plan.period.year, month);
    where.push({ date: { $gte: range.startsOn, $lte: range.endsOn } });
  }
  if (args.status) where.push({ status: args.status });
  const page = [...where];
  if (args.after) {
    const [date, id] = decodeCursor(args.after, 2);
    page.push({ $or: [{ date: { $lt: date } }, { date, id: { $lt: id } }] });
  }
  const [rows, total] = await Promise.all([
    scope.em.find(
      Activity,
      { $and: page },
      { orderBy: { date: 'desc', id: 'desc' }, limit: limit + 1 },
    ),
    scope.em.count(Activity, { $and: where }),
  ]);
  return toConnection(rows, limit, Boolean(args.after), total, (a) => [a.date, a.id]);
}

/**
 * Submits a month of the viewer's activities for verification at once. Refuses a future month,
 * a month without activities, and a month already submitted (unless it was returned).
 */
export async function submitMonthlyReport(
  scope: Scope,
  periodId: string,
  month: number,
): Promise<MonthlyReport> {
  const viewer = requirePerson(scope.viewer, 'submit monthly reports');
  return scope.em.transactional(async (em) => {
    const plan = await em.findOne(
      PerformancePlan,
      { employee: viewer.employeeId, period: periodId },
      { populate: ['period'] },
    );
    if (!plan) throw reasons.reportWithoutPlan();
    if (plan.status !== PlanStatus.APPROVED) throw reasons.reportPlanNotApproved();
    const problem = monthlyReportError({
      year: plan.period.year,
      month,
      today: todayInDenpasar(scope.config.clock()),
      periodYear: plan.period.year,
    });
    if (problem) throw problem;
    const range = monthRange(plan.period.year, month);
    const count = await em.count(Activity, {
      plan,
      date: { $gte: range.startsOn, $lte: range.endsOn },
      status: { $ne: ActivityStatus.WITHDRAWN },
    });
    if (count === 0) throw reasons.monthWithoutActivities();
    let report = await em.findOne(MonthlyReport, { plan, month });
    if (report && report.status !== MonthlyReportStatus.RETURNED) {
      throw reasons.monthAlreadySubmitted({ status: report.status.toLowerCase() });
    }
    const now = new Date();
    if (report) {
      report.status = MonthlyReportStatus.SUBMITTED;
      report.submittedAt = now;
      report.note = null;
    } else {
      report = em.create(MonthlyReport, {
        employee: plan.employee,
        plan,
        assessor: plan.assessor,
        month,
        submittedAt: now,
      });
    }
    await recordChange(
      scope,
      {
        action: 'monthly_report.submit',
        subjectType: 'MonthlyReport',
        subjectId: report.id,
        after: { month, activities: count },
        audience: await planAudience(em, plan),
        data: { planId: plan.id, reportId: report.id },
      },
      em,
    );
    await em.flush();
    return report;
  });
}

/**
 * The assessor verifies a submitted month: APPROVE approves every activity of the month not
 * yet reviewed; RETURN sends it back with a note (required), activities unchanged.
 */
export async function verifyMonthlyReport(
  scope: Scope,
  reportId: string,
  decision: ReportDecision,
  note: string | null,
): Promise<MonthlyReport> {
  const viewer = requirePerson(scope.viewer, 'verify monthly reports');
  const text = note?.trim() || null;
  if (decision === ReportDecision.RETURN && !text) throw reasons.returnNoteMissing();
  return scope.em.transactional(async (em) => {
    const report = await em.findOne(MonthlyReport, { id: reportId });
    if (!report) throw reasons.reportNotFound({ id: reportId });
    const plan = await em.findOneOrFail(
      PerformancePlan,
      { id: report.plan.id },
      { populate: ['period'] },
    );
    assertAssessor(scope.viewer, await planSubject(em, plan), 'verify this monthly report');
    if (report.status !== MonthlyReportStatus.SUBMITTED) {
      throw reasons.reportNotSubmitted({ status: report.status.toLowerCase() });
    }
    const now = new Date();
    let approved = 0;
    if (decision === ReportDecision.APPROVE) {
      const range = monthRange(plan.period.year, report.month);
      approved = await em.nativeUpdate(
        Activity,
        {
          plan,
          date: { $gte: range.startsOn, $lte: range.endsOn },
          status: ActivityStatus.SUBMITTED,
        },
        {
          status: ActivityStatus.APPROVED,
          reviewedAt: now,
          reviewedByEmployeeId: viewer.employeeId,
          reviewNote: text,
        },
      );
      report.status = MonthlyReportStatus.VERIFIED;
      report.verifiedAt = now;
    } else {
      report.status = MonthlyReportStatus.RETURNED;
    }
    report.note = text;
    await recordChange(
      scope,
      {
        action:
          decision === ReportDecision.APPROVE ? 'monthly_report.verify' : 'monthly_report.return',
        subjectType: 'MonthlyReport',
        subjectId: report.id,
        before: { status: MonthlyReportStatus.SUBMITTED },
        after: { status: report.status, note: text, activitiesApproved: approved },
        audience: await planAudience(em, plan),
        data: { planId: plan.id, reportId: report.id },
      },
      em,
    );
    await em.flush();
    return report;
  });
}

export async function listMonthlyReports(scope: Scope, planId: string): Promise<MonthlyReport[]> {
  requireViewer(scope.viewer);
  const plan = await scope.em.findOne(PerformancePlan, { id: planId });
  if (!plan) throw reasons.planNotFound({ id: planId });
  assertPlanRead(scope.viewer, await planSubject(scope.loaders, plan));
  return scope.em.find(MonthlyReport, { plan }, { orderBy: { month: 'asc' } });
}

/**
 * The owner enters the realisation of an IKI that is not counted from activities, for one
 * checkpoint, with https evidence. Refused for quantitative IKI (they are computed).
 */
export async function recordRealisation(
  scope: Scope,
  input: {
    indicatorId: string;
    checkpoint: string;
    value?: number | null;
    text?: string | null;
    evidenceUrls: string[];
  },
): Promise<RealisationEntry> {
  requirePerson(scope.viewer, 'record realisation');
  return scope.em.transactional(async (em) => {
    const indicator = await em.findOne(Indicator, { id: input.indicatorId });
    if (!indicator) throw reasons.indicatorNotFound({ id: input.indicatorId });
    const workResult = await em.findOneOrFail(WorkResult, { id: indicator.workResult.id });
    const plan = await em.findOneOrFail(
      PerformancePlan,
      { id: workResult.plan.id },
      { populate: ['period'] },
    );
    assertOwner(scope.viewer, await planSubject(em, plan), 'record realisation on this plan');
    if (plan.status !== PlanStatus.APPROVED) throw reasons.realisationPlanNotApproved();
    if (indicator.targetValue !== null) throw reasons.realisationOfQuantitative();
    if (!checkpointsOf(plan.period.year).some((c) => c.key === input.checkpoint)) {
      throw reasons.checkpointInvalid();
    }
    const text = input.text?.trim() || null;
    if (input.value == null && !text) throw reasons.realisationEmpty();
    if (input.value != null && (!Number.isFinite(input.value) || input.value < 0)) {
      throw reasons.realisationValueInvalid();
    }
    const urlProblems = evidenceUrlErrors(input.evidenceUrls);
    if (urlProblems.length > 0) throw invalidInput(urlProblems);
    if (input.evidenceUrls.length === 0) throw reasons.evidenceMissing();
    let entry = await em.findOne(RealisationEntry, { indicator, checkpoint: input.checkpoint });
    const before = entry
      ? { value: entry.value, text: entry.text, evidenceUrls: entry.evidenceUrls }
      : null;
    entry ??= em.create(RealisationEntry, { indicator, checkpoint: input.checkpoint });
    entry.value = input.value ?? null;
    entry.text = text;
    entry.evidenceUrls = input.evidenceUrls;
    await recordChange(
      scope,
      {
        action: 'realisation.record',
        subjectType: 'Indicator',
        subjectId: indicator.id,
        before,
        after: {
          checkpoint: input.checkpoint,
          value: entry.value,
          text,
          evidenceUrls: entry.evidenceUrls,
        },
        audience: await planAudience(em, plan, { reviewers: [] }),
        data: { planId: plan.id },
      },
      em,
    );
    await em.flush();
    return entry;
  });
}
