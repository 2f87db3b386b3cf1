import type { Context } from '../../access/context.js';
import { recordPlanEvent } from '../../realtime/outbox.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
import {
  assertFeedbackGiver,
  assertOwner,
  assertPlanRead,
  requirePerson,
  requireViewer,
} from '../../access/policy.js';
import { employeeSubject, planSubject } from '../../access/subjects.js';
import { audit } from '../audit/audit.service.js';
import { Employee } from '../directory/employee.entity.js';
import { Indicator, PerformancePlan, WorkResult } from '../planning/plan.entity.js';
import { Feedback } from './feedback.entity.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress' | 'loaders'>;

function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw badInput('Write the feedback first.', 'body');
  if (text.length > 4000) throw badInput('Feedback is at most 4,000 characters.', 'body');
  return text;
}

/**
 * The assessor (or the assessor's supervisor) gives feedback on a plan, one of its RHK or one
 * of its IKI; the employee sees it at once. Refuses anyone else.
 */
export async function giveFeedback(
  ctx: Ctx,
  input: {
    planId?: string | null;
    workResultId?: string | null;
    indicatorId?: string | null;
    body: string;
  },
): Promise<Feedback> {
  const viewer = requirePerson(ctx.viewer, 'give feedback');
  const body = checkBody(input.body);
  return ctx.em.transactional(async (em) => {
    let indicator: Indicator | null = null;
    let workResult: WorkResult | null = null;
    let planId = input.planId ?? null;
    if (input.indicatorId) {
      indicator = await em.findOne(Indicator, { id: input.indicatorId });
      if (!indicator) throw notFound(`No IKI has id ${input.indicatorId}.`);
      workResult = await em.findOneOrFail(WorkResult, { id: indicator.workResult.id });
    } else if (input.workResultId) {
      workResult = await em.findOne(WorkResult, { id: input.workResultId });
      if (!workResult) throw notFound(`No RHK has id ${input.workResultId}.`);
    }
    if (workResult) planId = workResult.plan.id;
    if (!planId)
      throw badInput(
        'Say what the feedback is about: planId, workResultId or indicatorId.',
        'planId',
      );
    const plan = await em.findOne(PerformancePlan, { id: planId });
    if (!plan) throw notFound(`No performance plan has id ${planId}.`);
    assertFeedbackGiver(ctx.viewer, await planSubject(em, plan));
    const feedback = em.create(Feedback, {
      plan,
      workResult,
      indicator,
      author: em.getReference(Employee, viewer.employeeId),
      body,
    });
    await recordPlanEvent(em, plan, {
      type: 'feedback.give',
      subjectType: 'Feedback',
      subjectId: feedback.id,
      data: { feedbackId: feedback.id },
      reviewers: [],
    });
    audit(em, ctx, {
      action: 'feedback.give',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      after: {
        feedbackId: feedback.id,
        workResultId: workResult?.id ?? null,
        indicatorId: indicator?.id ?? null,
      },
    });
    await em.flush();
    return feedback;
  });
}

/** The plan's owner replies to feedback given to them. */
export async function replyToFeedback(
  ctx: Ctx,
  feedbackId: string,
  body: string,
): Promise<Feedback> {
  const viewer = requirePerson(ctx.viewer, 'reply to feedback');
  const text = checkBody(body);
  return ctx.em.transactional(async (em) => {
    const original = await em.findOne(Feedback, { id: feedbackId });
    if (!original) throw notFound(`No feedback has id ${feedbackId}.`);
    const plan = await em.findOneOrFail(PerformancePlan, { id: original.plan.id });
    assertOwner(ctx.viewer, await planSubject(em, plan), 'reply to this feedback');
    const reply = em.create(Feedback, {
      plan,
      workResult: original.workResult,
      indicator: original.indicator,
      author: em.getReference(Employee, viewer.employeeId),
      replyTo: original,
      body: text,
    });
    await recordPlanEvent(em, plan, {
      type: 'feedback.reply',
      subjectType: 'Feedback',
      subjectId: reply.id,
      data: { feedbackId: reply.id },
      reviewers: [original.author.id],
      toOwner: false,
    });
    audit(em, ctx, {
      action: 'feedback.reply',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      after: { feedbackId: reply.id, replyTo: original.id },
    });
    await em.flush();
    return reply;
  });
}

/** Feedback on an employee's plans (the viewer's own by default), newest first, without replies. */
export async function feedbackFeed(
  ctx: Ctx,
  args: {
    employeeId?: string | null;
    periodId?: string | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<Feedback>> {
  const viewer = requireViewer(ctx.viewer);
  const employeeId = args.employeeId ?? (viewer.kind === 'person' ? viewer.employeeId : null);
  if (!employeeId)
    throw badInput('API clients name the employee whose feedback they read.', 'employeeId');
  const plans = await ctx.em.find(
    PerformancePlan,
    args.periodId ? { employee: employeeId, period: args.periodId } : { employee: employeeId },
  );
  for (const plan of plans) assertPlanRead(ctx.viewer, await planSubject(ctx.loaders, plan));
  const limit = pageSize(args.first);
  if (plans.length === 0) {
    const employee = await ctx.em.findOne(Employee, { id: employeeId });
    if (employee) assertPlanRead(ctx.viewer, await employeeSubject(ctx.loaders, employee));
    return toConnection([], limit, false, 0, () => []);
  }
  const where = { plan: { $in: plans.map((p) => p.id) }, replyTo: null };
  const page: Record<string, unknown>[] = [where];
  if (args.after) page.push({ id: { $lt: decodeCursor(args.after, 1)[0] } });
  const [rows, total] = await Promise.all([
    ctx.em.find(Feedback, { $and: page }, { orderBy: { id: 'desc' }, limit: limit + 1 }),
    ctx.em.count(Feedback, where),
  ]);
  return toConnection(rows, limit, Boolean(args.after), total, (f) => [f.id]);
}
