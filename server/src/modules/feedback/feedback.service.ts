import {
  assertFeedbackGiver,
  assertOwner,
  assertPlanRead,
  requirePerson,
  requireViewer,
} from '../../access/policy.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Employee, employeeSubject, planSubject } from '../directory/index.js';
import { Indicator, PerformancePlan, planAudience, WorkResult } from '../planning/index.js';
import { Feedback } from './feedback.entity.js';
import { feedbackReasons as reasons } from './feedback.reasons.js';

/** The longest feedback, in characters. */
export const FEEDBACK_BODY_MAX = 4000;

function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw reasons.bodyEmpty();
  if (text.length > FEEDBACK_BODY_MAX) throw reasons.bodyTooLong();
  return text;
}

/**
 * The assessor (or the assessor's supervisor) gives feedback on a plan, one of its RHK or one
 * of its IKI; the employee sees it at once. Refuses anyone else.
 */
export async function giveFeedback(
  scope: Scope,
  input: {
    planId?: string | null;
    workResultId?: string | null;
    indicatorId?: string | null;
    body: string;
  },
): Promise<Feedback> {
  const viewer = requirePerson(scope.viewer, 'give feedback');
  const body = checkBody(input.body);
  return scope.em.transactional(async (em) => {
    let indicator: Indicator | null = null;
    let workResult: WorkResult | null = null;
    let planId = input.planId ?? null;
    if (input.indicatorId) {
      indicator = await em.findOne(Indicator, { id: input.indicatorId });
      if (!indicator) throw reasons.indicatorNotFound({ id: input.indicatorId });
      workResult = await em.findOneOrFail(WorkResult, { id: indicator.workResult.id });
    } else if (input.workResultId) {
      workResult = await em.findOne(WorkResult, { id: input.workResultId });
      if (!workResult) throw reasons.workResultNotFound({ id: input.workResultId });
    }
    if (workResult) planId = workResult.plan.id;
    if (!planId) throw reasons.subjectMissing();
    const plan = await em.findOne(PerformancePlan, { id: planId });
    if (!plan) throw reasons.planNotFound({ id: planId });
    assertFeedbackGiver(scope.viewer, await planSubject(em, plan));
    const feedback = em.create(Feedback, {
      plan,
      workResult,
      indicator,
      author: em.getReference(Employee, viewer.employeeId),
      body,
    });
    await recordChange(
      scope,
      {
        action: 'feedback.give',
        subjectType: 'PerformancePlan',
        subjectId: plan.id,
        after: {
          feedbackId: feedback.id,
          workResultId: workResult?.id ?? null,
          indicatorId: indicator?.id ?? null,
        },
        eventSubject: { type: 'Feedback', id: feedback.id },
        audience: await planAudience(em, plan, { reviewers: [] }),
        data: { planId: plan.id, feedbackId: feedback.id },
      },
      em,
    );
    await em.flush();
    return feedback;
  });
}

/** The plan's owner replies to feedback given to them. */
export async function replyToFeedback(
  scope: Scope,
  feedbackId: string,
  body: string,
): Promise<Feedback> {
  const viewer = requirePerson(scope.viewer, 'reply to feedback');
  const text = checkBody(body);
  return scope.em.transactional(async (em) => {
    const original = await em.findOne(Feedback, { id: feedbackId });
    if (!original) throw reasons.notFound({ id: feedbackId });
    const plan = await em.findOneOrFail(PerformancePlan, { id: original.plan.id });
    assertOwner(scope.viewer, await planSubject(em, plan), 'reply to this feedback');
    const reply = em.create(Feedback, {
      plan,
      workResult: original.workResult,
      indicator: original.indicator,
      author: em.getReference(Employee, viewer.employeeId),
      replyTo: original,
      body: text,
    });
    await recordChange(
      scope,
      {
        action: 'feedback.reply',
        subjectType: 'PerformancePlan',
        subjectId: plan.id,
        after: { feedbackId: reply.id, replyTo: original.id },
        eventSubject: { type: 'Feedback', id: reply.id },
        audience: await planAudience(em, plan, {
          reviewers: [original.author.id],
          toOwner: false,
        }),
        data: { planId: plan.id, feedbackId: reply.id },
      },
      em,
    );
    await em.flush();
    return reply;
  });
}

/** Feedback on an employee's plans (the viewer's own by default), newest first, without replies. */
export async function feedbackFeed(
  scope: Scope,
  args: {
    employeeId?: string | null;
    periodId?: string | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<Feedback>> {
  const viewer = requireViewer(scope.viewer);
  const employeeId = args.employeeId ?? (viewer.kind === 'person' ? viewer.employeeId : null);
  if (!employeeId) throw reasons.employeeMissing();
  const plans = await scope.em.find(
    PerformancePlan,
    args.periodId ? { employee: employeeId, period: args.periodId } : { employee: employeeId },
  );
  for (const plan of plans) assertPlanRead(scope.viewer, await planSubject(scope.loaders, plan));
  const limit = pageSize(args.first);
  if (plans.length === 0) {
    const employee = await scope.em.findOne(Employee, { id: employeeId });
    if (employee) assertPlanRead(scope.viewer, await employeeSubject(scope.loaders, employee));
    return toConnection([], limit, false, 0, () => []);
  }
  const where = { plan: { $in: plans.map((p) => p.id) }, replyTo: null };
  const page: Record<string, unknown>[] = [where];
  if (args.after) page.push({ id: { $lt: decodeCursor(args.after, 1)[0] } });
  const [rows, total] = await Promise.all([
    scope.em.find(Feedback, { $and: page }, { orderBy: { id: 'desc' }, limit: limit + 1 }),
    scope.em.count(Feedback, where),
  ]);
  return toConnection(rows, limit, Boolean(args.after), total, (f) => [f.id]);
}
