import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { recordEvent, recordPlanEvent } from '../../realtime/outbox.js';
import type { Context } from '../../access/context.js';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
import {
  assertAssessor,
  assertOwner,
  assertPlanRead,
  requirePerson,
  requireViewer,
} from '../../access/policy.js';
import { planSubject } from '../../access/subjects.js';
import { audit } from '../audit/audit.service.js';
import { todayInDenpasar } from '../planning/period.service.js';
import { Indicator, PerformancePlan, WorkResult } from '../planning/plan.entity.js';
import { checkpointsOf, type FieldProblem } from '../planning/plan.rules.js';
import { PlanStatus } from '../planning/planning.enums.js';
import { loadSettings } from '../settings/settings.service.js';
import {
  ActivityStatus,
  MonthlyReportStatus,
  ReportDecision,
  ReviewDecision,
} from './activities.enums.js';
import { Activity, MonthlyReport, RealisationEntry } from './activity.entity.js';
import {
  activityProblems,
  evidenceUrlProblems,
  monthlyReportProblem,
  monthRange,
} from './activity.rules.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress' | 'loaders' | 'config'>;

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

function refuse(problems: FieldProblem[]): never {
  throw badInput(problems.map((p) => p.message).join(' '), problems[0].field);
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
  ctx: Ctx,
  em: EntityManager,
  input: Pick<ActivityInput, 'indicatorId' | 'periodId'>,
): Promise<{ plan: PerformancePlan; indicator: Indicator | null }> {
  const viewer = requirePerson(ctx.viewer, 'log activities');
  let plan: PerformancePlan | null;
  let indicator: Indicator | null = null;
  if (input.indicatorId) {
    indicator = await em.findOne(Indicator, { id: input.indicatorId });
    if (!indicator) throw badInput(`No IKI has id ${input.indicatorId}.`, 'indicatorId');
    const workResult = await em.findOneOrFail(WorkResult, { id: indicator.workResult.id });
    plan = await em.findOneOrFail(
      PerformancePlan,
      { id: workResult.plan.id },
      { populate: ['period'] },
    );
    if (plan.employee.id !== viewer.employeeId) {
      throw forbidden(
        'This IKI belongs to someone else’s plan; you can only log activities against your own plan.',
      );
    }
  } else {
    if (!input.periodId)
      throw badInput('Give the IKI the activity counts toward, or the period.', 'indicatorId');
    plan = await em.findOne(
      PerformancePlan,
      { employee: viewer.employeeId, period: input.periodId },
      { populate: ['period'] },
    );
    if (!plan)
      throw badInput('You have no plan for this period; create and submit it first.', 'periodId');
  }
  if (plan.status !== PlanStatus.APPROVED) {
    throw badInput(
      `Activities are logged against an approved plan; yours is ${plan.status.toLowerCase().replace('_', ' ')}.`,
      'indicatorId',
    );
  }
  return { plan, indicator };
}

async function checkActivity(
  ctx: Ctx,
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
  const problems = activityProblems({
    ...values,
    today: todayInDenpasar(ctx.config.clock()),
    windowDays: settings.activityWindowDays,
    periodStartsOn: plan.period.startsOn,
    periodEndsOn: plan.period.endsOn,
    indicator: indicator ? { quantitative: indicator.targetValue !== null } : null,
  });
  if (problems.length > 0) refuse(problems);
}

/**
 * Logs an activity against the viewer's own approved plan. Refuses future dates, dates older
 * than the configurable window or outside the period, another person's IKI or an unapproved
 * plan, an output on a qualitative IKI (or none on a quantitative one), and non-https evidence.
 */
export async function logActivity(ctx: Ctx, input: ActivityInput): Promise<Activity> {
  requirePerson(ctx.viewer, 'log activities');
  return ctx.em.transactional(async (em) => {
    const { plan, indicator } = await targetOf(ctx, em, input);
    const values = {
      date: input.date,
      description: input.description.trim(),
      output: input.output ?? null,
      durationMinutes: input.durationMinutes ?? null,
      evidenceUrls: input.evidenceUrls ?? [],
    };
    await checkActivity(ctx, em, plan, indicator, values);
    const activity = em.create(Activity, {
      employee: plan.employee,
      plan,
      assessor: plan.assessor,
      indicator,
      ...values,
    });
    await recordPlanEvent(em, plan, {
      type: 'activity.log',
      subjectType: 'Activity',
      subjectId: activity.id,
      data: { activityId: activity.id },
    });
    audit(em, ctx, {
      action: 'activity.log',
      subjectType: 'Activity',
      subjectId: activity.id,
      after: snapshot(activity),
    });
    await em.flush();
    return activity;
  });
}

async function ownUnreviewed(
  ctx: Ctx,
  em: EntityManager,
  activityId: string,
  expectedVersion?: number,
) {
  const activity = await em.findOne(Activity, { id: activityId });
  if (!activity) throw notFound(`No activity has id ${activityId}.`);
  const plan = await em.findOneOrFail(
    PerformancePlan,
    { id: activity.plan.id },
    { populate: ['period'] },
  );
  assertOwner(ctx.viewer, await planSubject(em, plan), 'change this activity');
  if (expectedVersion !== undefined && activity.version !== expectedVersion) {
    throw conflict(
      `The activity changed since you loaded it (now version ${activity.version}, status ${activity.status}).`,
      {
        currentVersion: activity.version,
      },
    );
  }
  if (activity.status !== ActivityStatus.SUBMITTED) {
    throw badInput(
      `This activity is ${activity.status.toLowerCase()}; only activities not yet reviewed can be changed.`,
      'activityId',
    );
  }
  return { activity, plan };
}

/** Changes an activity the assessor has not reviewed yet. */
export async function updateActivity(
  ctx: Ctx,
  activityId: string,
  expectedVersion: number,
  input: Omit<ActivityInput, 'periodId'>,
): Promise<Activity> {
  requirePerson(ctx.viewer, 'change activities');
  return ctx.em.transactional(async (em) => {
    const { activity, plan } = await ownUnreviewed(ctx, em, activityId, expectedVersion);
    const before = snapshot(activity);
    let indicator = activity.indicator
      ? await em.findOne(Indicator, { id: activity.indicator.id })
      : null;
    if (input.indicatorId !== undefined && input.indicatorId !== (indicator?.id ?? null)) {
      indicator = (
        await targetOf(ctx, em, { indicatorId: input.indicatorId, periodId: plan.period.id })
      ).indicator;
      if (indicator) {
        const wr = await em.findOneOrFail(WorkResult, { id: indicator.workResult.id });
        if (wr.plan.id !== plan.id)
          throw badInput('Move activities only between IKI of the same plan.', 'indicatorId');
      }
    }
    const values = {
      date: input.date,
      description: input.description.trim(),
      output: input.output ?? null,
      durationMinutes: input.durationMinutes ?? null,
      evidenceUrls: input.evidenceUrls ?? [],
    };
    await checkActivity(ctx, em, plan, indicator, values);
    Object.assign(activity, values, { indicator });
    audit(em, ctx, {
      action: 'activity.update',
      subjectType: 'Activity',
      subjectId: activity.id,
      before,
      after: snapshot(activity),
    });
    await em.flush();
    return activity;
  });
}

/** Withdraws an activity the assessor has not reviewed yet; it stays in history. */
export async function withdrawActivity(ctx: Ctx, activityId: string): Promise<Activity> {
  requirePerson(ctx.viewer, 'withdraw activities');
  return ctx.em.transactional(async (em) => {
    const { activity } = await ownUnreviewed(ctx, em, activityId);
    activity.status = ActivityStatus.WITHDRAWN;
    await recordPlanEvent(em, activity.plan, {
      type: 'activity.withdraw',
      subjectType: 'Activity',
      subjectId: activity.id,
      data: { activityId: activity.id },
      toOwner: false,
    });
    audit(em, ctx, {
      action: 'activity.withdraw',
      subjectType: 'Activity',
      subjectId: activity.id,
      after: { status: activity.status },
    });
    await em.flush();
    return activity;
  });
}

/**
 * The assessor approves or rejects activities (a note is required to reject). Refuses anyone
 * else, and activities already reviewed or withdrawn.
 */
export async function reviewActivities(
  ctx: Ctx,
  activityIds: string[],
  decision: ReviewDecision,
  note: string | null,
): Promise<Activity[]> {
  const viewer = requirePerson(ctx.viewer, 'review activities');
  const text = note?.trim() || null;
  if (decision === ReviewDecision.REJECT && !text) {
    throw badInput('Say why the activity is rejected: the note is shown to the employee.', 'note');
  }
  if (activityIds.length === 0) throw badInput('Choose at least one activity.', 'activityIds');
  if (activityIds.length > 500)
    throw badInput('Review at most 500 activities at once.', 'activityIds');
  return ctx.em.transactional(async (em) => {
    const activities = await em.find(Activity, { id: { $in: activityIds } });
    const found = new Set(activities.map((a) => a.id));
    const missing = activityIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw notFound(`No activity has id ${missing.join(', ')}.`);
    const plans = await em.find(PerformancePlan, {
      id: { $in: [...new Set(activities.map((a) => a.plan.id))] },
    });
    const opdOf = new Map<string, string>();
    for (const plan of plans) {
      const subject = await planSubject(em, plan);
      assertAssessor(ctx.viewer, subject, 'review these activities');
      opdOf.set(plan.id, subject.opdId);
    }
    const reviewed = activities.filter((a) => a.status !== ActivityStatus.SUBMITTED);
    if (reviewed.length > 0) {
      throw badInput(
        `${reviewed.length} of these activities are already ${reviewed[0].status.toLowerCase()}; reload your queue.`,
        'activityIds',
      );
    }
    const status =
      decision === ReviewDecision.APPROVE ? ActivityStatus.APPROVED : ActivityStatus.REJECTED;
    const now = new Date();
    for (const activity of activities) {
      activity.status = status;
      activity.reviewNote = text;
      activity.reviewedAt = now;
      activity.reviewedByEmployeeId = viewer.employeeId;
      await recordEvent(em, {
        type: decision === ReviewDecision.APPROVE ? 'activity.approve' : 'activity.reject',
        subjectType: 'Activity',
        subjectId: activity.id,
        ownerIds: [activity.employee.id],
        reviewerIds: [viewer.employeeId],
        opdIds: [opdOf.get(activity.plan.id)],
        data: { activityId: activity.id, planId: activity.plan.id },
      });
      audit(em, ctx, {
        action: decision === ReviewDecision.APPROVE ? 'activity.approve' : 'activity.reject',
        subjectType: 'Activity',
        subjectId: activity.id,
        before: { status: ActivityStatus.SUBMITTED },
        after: { status, note: text },
      });
    }
    await em.flush();
    const order = new Map(activityIds.map((id, i) => [id, i]));
    return activities.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  });
}

/** Activities of a plan, newest first, optionally of one month or status. */
export async function listActivities(
  ctx: Ctx,
  args: {
    planId: string;
    month?: number | null;
    status?: ActivityStatus | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<Activity>> {
  requireViewer(ctx.viewer);
  const plan = await ctx.em.findOne(PerformancePlan, { id: args.planId }, { populate: ['period'] });
  if (!plan) throw notFound(`No performance plan has id ${args.planId}.`);
  assertPlanRead(ctx.viewer, await planSubject(ctx.loaders, plan));
  const limit = pageSize(args.first);
  const where: FilterQuery<Activity>[] = [{ plan }];
  if (args.month) {
    const range = monthRange(plan.period.year, args.month);
    where.push({ date: { $gte: range.startsOn, $lte: range.endsOn } });
  }
  if (args.status) where.push({ status: args.status });
  const page = [...where];
  if (args.after) {
    const [date, id] = decodeCursor(args.after, 2);
    page.push({ $or: [{ date: { $lt: date } }, { date, id: { $lt: id } }] });
  }
  const [rows, total] = await Promise.all([
    ctx.em.find(
      Activity,
      { $and: page },
      { orderBy: { date: 'desc', id: 'desc' }, limit: limit + 1 },
    ),
    ctx.em.count(Activity, { $and: where }),
  ]);
  return toConnection(rows, limit, Boolean(args.after), total, (a) => [a.date, a.id]);
}

/**
 * Submits a month of the viewer's activities for verification at once. Refuses a future month,
 * a month without activities, and a month already submitted (unless it was returned).
 */
export async function submitMonthlyReport(
  ctx: Ctx,
  periodId: string,
  month: number,
): Promise<MonthlyReport> {
  const viewer = requirePerson(ctx.viewer, 'submit monthly reports');
  return ctx.em.transactional(async (em) => {
    const plan = await em.findOne(
      PerformancePlan,
      { employee: viewer.employeeId, period: periodId },
      { populate: ['period'] },
    );
    if (!plan) throw badInput('You have no plan for this period.', 'periodId');
    if (plan.status !== PlanStatus.APPROVED)
      throw badInput('Monthly reports need an approved plan.', 'periodId');
    const problem = monthlyReportProblem({
      year: plan.period.year,
      month,
      today: todayInDenpasar(ctx.config.clock()),
      periodYear: plan.period.year,
    });
    if (problem) throw badInput(problem, 'month');
    const range = monthRange(plan.period.year, month);
    const count = await em.count(Activity, {
      plan,
      date: { $gte: range.startsOn, $lte: range.endsOn },
      status: { $ne: ActivityStatus.WITHDRAWN },
    });
    if (count === 0) throw badInput('This month has no activities to report yet.', 'month');
    let report = await em.findOne(MonthlyReport, { plan, month });
    if (report && report.status !== MonthlyReportStatus.RETURNED) {
      throw badInput(`This month was already submitted (${report.status.toLowerCase()}).`, 'month');
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
    await recordPlanEvent(em, plan, {
      type: 'monthly_report.submit',
      subjectType: 'MonthlyReport',
      subjectId: report.id,
      data: { reportId: report.id },
    });
    audit(em, ctx, {
      action: 'monthly_report.submit',
      subjectType: 'MonthlyReport',
      subjectId: report.id,
      after: { month, activities: count },
    });
    await em.flush();
    return report;
  });
}

/**
 * The assessor verifies a submitted month: APPROVE approves every activity of the month not
 * yet reviewed; RETURN sends it back with a note (required), activities unchanged.
 */
export async function verifyMonthlyReport(
  ctx: Ctx,
  reportId: string,
  decision: ReportDecision,
  note: string | null,
): Promise<MonthlyReport> {
  const viewer = requirePerson(ctx.viewer, 'verify monthly reports');
  const text = note?.trim() || null;
  if (decision === ReportDecision.RETURN && !text)
    throw badInput('Say what to fix: the note is shown to the employee.', 'note');
  return ctx.em.transactional(async (em) => {
    const report = await em.findOne(MonthlyReport, { id: reportId });
    if (!report) throw notFound(`No monthly report has id ${reportId}.`);
    const plan = await em.findOneOrFail(
      PerformancePlan,
      { id: report.plan.id },
      { populate: ['period'] },
    );
    assertAssessor(ctx.viewer, await planSubject(em, plan), 'verify this monthly report');
    if (report.status !== MonthlyReportStatus.SUBMITTED) {
      throw badInput(
        `This report is ${report.status.toLowerCase()}, not waiting for verification.`,
        'reportId',
      );
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
    await recordPlanEvent(em, plan, {
      type: decision === ReportDecision.APPROVE ? 'monthly_report.verify' : 'monthly_report.return',
      subjectType: 'MonthlyReport',
      subjectId: report.id,
      data: { reportId: report.id },
    });
    audit(em, ctx, {
      action:
        decision === ReportDecision.APPROVE ? 'monthly_report.verify' : 'monthly_report.return',
      subjectType: 'MonthlyReport',
      subjectId: report.id,
      before: { status: MonthlyReportStatus.SUBMITTED },
      after: { status: report.status, note: text, activitiesApproved: approved },
    });
    await em.flush();
    return report;
  });
}

export async function listMonthlyReports(ctx: Ctx, planId: string): Promise<MonthlyReport[]> {
  requireViewer(ctx.viewer);
  const plan = await ctx.em.findOne(PerformancePlan, { id: planId });
  if (!plan) throw notFound(`No performance plan has id ${planId}.`);
  assertPlanRead(ctx.viewer, await planSubject(ctx.loaders, plan));
  return ctx.em.find(MonthlyReport, { plan }, { orderBy: { month: 'asc' } });
}

/**
 * The owner enters the realisation of an IKI that is not counted from activities, for one
 * checkpoint, with https evidence. Refused for quantitative IKI (they are computed).
 */
export async function recordRealisation(
  ctx: Ctx,
  input: {
    indicatorId: string;
    checkpoint: string;
    value?: number | null;
    text?: string | null;
    evidenceUrls: string[];
  },
): Promise<RealisationEntry> {
  requirePerson(ctx.viewer, 'record realisation');
  return ctx.em.transactional(async (em) => {
    const indicator = await em.findOne(Indicator, { id: input.indicatorId });
    if (!indicator) throw notFound(`No IKI has id ${input.indicatorId}.`);
    const workResult = await em.findOneOrFail(WorkResult, { id: indicator.workResult.id });
    const plan = await em.findOneOrFail(
      PerformancePlan,
      { id: workResult.plan.id },
      { populate: ['period'] },
    );
    assertOwner(ctx.viewer, await planSubject(em, plan), 'record realisation on this plan');
    if (plan.status !== PlanStatus.APPROVED)
      throw badInput('Realisation is recorded on an approved plan.', 'indicatorId');
    if (indicator.targetValue !== null) {
      throw badInput(
        'This IKI is quantitative: its realisation is the sum of approved activity outputs.',
        'indicatorId',
      );
    }
    if (!checkpointsOf(plan.period.year).some((c) => c.key === input.checkpoint)) {
      throw badInput('checkpoint must be Q1, Q2, Q3 or Q4.', 'checkpoint');
    }
    const text = input.text?.trim() || null;
    if (input.value == null && !text)
      throw badInput('Give a value or a text for the realisation.', 'value');
    if (input.value != null && (!Number.isFinite(input.value) || input.value < 0)) {
      throw badInput('The value must be a number of at least 0.', 'value');
    }
    const urlProblems = evidenceUrlProblems(input.evidenceUrls);
    if (urlProblems.length > 0) refuse(urlProblems);
    if (input.evidenceUrls.length === 0)
      throw badInput('Add at least one evidence link (bukti dukung).', 'evidenceUrls');
    let entry = await em.findOne(RealisationEntry, { indicator, checkpoint: input.checkpoint });
    const before = entry
      ? { value: entry.value, text: entry.text, evidenceUrls: entry.evidenceUrls }
      : null;
    entry ??= em.create(RealisationEntry, { indicator, checkpoint: input.checkpoint });
    entry.value = input.value ?? null;
    entry.text = text;
    entry.evidenceUrls = input.evidenceUrls;
    await recordPlanEvent(em, plan, {
      type: 'realisation.record',
      subjectType: 'Indicator',
      subjectId: indicator.id,
      reviewers: [],
    });
    audit(em, ctx, {
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
    });
    await em.flush();
    return entry;
  });
}
