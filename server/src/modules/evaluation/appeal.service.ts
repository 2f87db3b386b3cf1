import type { Context } from '../../access/context.js';
import { recordEvent } from '../../realtime/outbox.js';
import { recordPlanEvent } from '../../realtime/outbox.js';
import { badInput, forbidden, notFound } from '../../kernel/errors.js';
import {
  assertAppraisalRead,
  assertMayReadSomeAppraisals,
  assertOwner,
  requirePerson,
} from '../../access/policy.js';
import { planSubject } from '../../access/subjects.js';
import { audit } from '../audit/audit.service.js';
import { Employee } from '../directory/employee.entity.js';
import { PerformancePlan } from '../planning/plan.entity.js';
import { loadSettings } from '../settings/settings.service.js';
import { ratingsSnapshot, transition } from './appraisal.service.js';
import {
  AppealDecision,
  AppealStatus,
  ExplanationFrom,
  Predikat,
  Rating,
} from './evaluation.enums.js';
import { Appeal, AppealExplanation, Appraisal, AppraisalHistory } from './evaluation.entity.js';
import { appealWindowProblem, predikatOf } from './evaluation.rules.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress' | 'loaders' | 'config'>;

function checkText(text: string, field: string, what: string): string {
  const value = text.trim();
  if (value.length < 10) throw badInput(`${what} needs at least 10 characters.`, field);
  if (value.length > 4000) throw badInput(`${what} is at most 4,000 characters.`, field);
  return value;
}

/**
 * The employee files one appeal (keberatan) per final appraisal, within the configurable window
 * after it became final. It goes to the assessor's supervisor. Refuses late, duplicate and
 * not-final appeals, and appraisals whose assessor has nobody above them.
 */
export async function fileAppeal(ctx: Ctx, appraisalId: string, reason: string): Promise<Appeal> {
  requirePerson(ctx.viewer, 'file appeals');
  const text = checkText(reason, 'reason', 'The reason for the appeal');
  return ctx.em.transactional(async (em) => {
    const appraisal = await em.findOne(Appraisal, { id: appraisalId });
    if (!appraisal) throw notFound(`No appraisal has id ${appraisalId}.`);
    const plan = await em.findOneOrFail(PerformancePlan, { id: appraisal.plan.id });
    assertOwner(ctx.viewer, await planSubject(em, plan), 'appeal this appraisal');
    if (await em.count(Appeal, { appraisal })) {
      throw badInput(
        'This appraisal has already been appealed; one appeal per appraisal.',
        'appraisalId',
      );
    }
    const next = transition(appraisal, 'APPEAL');
    const settings = await loadSettings(em);
    const late = appealWindowProblem(
      appraisal.finalisedAt!,
      ctx.config.clock(),
      settings.appealWindowDays,
    );
    if (late) throw badInput(late, 'appraisalId');
    const assessor = await em.findOneOrFail(Employee, { id: appraisal.assessor.id });
    if (!assessor.supervisor) {
      throw badInput(
        `${assessor.name} has nobody above them in Kinerja to decide an appeal; contact BKPSDM.`,
        'appraisalId',
      );
    }
    const before = ratingsSnapshot(appraisal);
    appraisal.status = next;
    const appeal = em.create(Appeal, {
      appraisal,
      employee: appraisal.employee,
      decider: assessor.supervisor,
      reason: text,
      filedAt: ctx.config.clock(),
    });
    await recordPlanEvent(em, plan, {
      type: 'appeal.file',
      subjectType: 'Appeal',
      subjectId: appeal.id,
      data: { appealId: appeal.id, appraisalId: appraisal.id },
      reviewers: [assessor.supervisor.id],
    });
    audit(em, ctx, {
      action: 'appeal.file',
      subjectType: 'Appraisal',
      subjectId: appraisal.id,
      before,
      after: { ...ratingsSnapshot(appraisal), appealId: appeal.id },
    });
    await em.flush();
    return appeal;
  });
}

async function loadAppeal(ctx: Ctx, em: Ctx['em'], appealId: string) {
  const appeal = await em.findOne(Appeal, { id: appealId }, { populate: ['appraisal'] });
  if (!appeal) throw notFound(`No appeal has id ${appealId}.`);
  return appeal;
}

function assertDecider(ctx: Ctx, appeal: Appeal, doing: string): void {
  const viewer = requirePerson(ctx.viewer, doing);
  if (appeal.decider.id !== viewer.employeeId) {
    throw forbidden(`Only the assessor's supervisor the appeal was sent to can ${doing}.`);
  }
}

/** The decider asks the assessor or the employee to explain. Refused once decided. */
export async function requestExplanation(
  ctx: Ctx,
  appealId: string,
  from: ExplanationFrom,
  question: string,
): Promise<AppealExplanation> {
  requirePerson(ctx.viewer, 'ask for explanations');
  const text = checkText(question, 'question', 'The question');
  return ctx.em.transactional(async (em) => {
    const appeal = await loadAppeal(ctx, em, appealId);
    assertDecider(ctx, appeal, 'ask for explanations');
    if (appeal.status === AppealStatus.DECIDED)
      throw badInput('This appeal has been decided; the decision is final.', 'appealId');
    const explanation = em.create(AppealExplanation, {
      appeal,
      from,
      askedOf: from === ExplanationFrom.ASSESSOR ? appeal.appraisal.assessor : appeal.employee,
      question: text,
    });
    await recordEvent(em, {
      type: 'appeal.request_explanation',
      subjectType: 'Appeal',
      subjectId: appeal.id,
      reviewerIds: [explanation.askedOf.id],
      data: { appealId: appeal.id },
    });
    audit(em, ctx, {
      action: 'appeal.request_explanation',
      subjectType: 'Appeal',
      subjectId: appeal.id,
      after: { explanationId: explanation.id, from },
    });
    await em.flush();
    return explanation;
  });
}

/** The person asked answers, once. */
export async function explainAppeal(
  ctx: Ctx,
  explanationId: string,
  answer: string,
): Promise<AppealExplanation> {
  const viewer = requirePerson(ctx.viewer, 'explain appeals');
  const text = checkText(answer, 'answer', 'The explanation');
  return ctx.em.transactional(async (em) => {
    const explanation = await em.findOne(
      AppealExplanation,
      { id: explanationId },
      { populate: ['appeal'] },
    );
    if (!explanation) throw notFound(`No explanation request has id ${explanationId}.`);
    if (explanation.askedOf.id !== viewer.employeeId) {
      throw forbidden('Only the person who was asked can give this explanation.');
    }
    if (explanation.answer)
      throw badInput('You have already given this explanation.', 'explanationId');
    if (explanation.appeal.status === AppealStatus.DECIDED)
      throw badInput('The appeal has been decided already.', 'explanationId');
    explanation.answer = text;
    explanation.answeredAt = ctx.config.clock();
    await recordEvent(em, {
      type: 'appeal.explain',
      subjectType: 'Appeal',
      subjectId: explanation.appeal.id,
      reviewerIds: [explanation.appeal.decider.id, viewer.employeeId],
      data: { appealId: explanation.appeal.id },
    });
    audit(em, ctx, {
      action: 'appeal.explain',
      subjectType: 'Appeal',
      subjectId: explanation.appeal.id,
      after: { explanationId },
    });
    await em.flush();
    return explanation;
  });
}

/**
 * The decider rejects (ratings unchanged) or grants with new ratings; the predikat is recomputed
 * and the old ratings are kept in history. The decision is final.
 */
export async function decideAppeal(
  ctx: Ctx,
  input: {
    appealId: string;
    decision: AppealDecision;
    note: string;
    resultRating?: Rating | null;
    behaviourRating?: Rating | null;
  },
): Promise<Appeal> {
  requirePerson(ctx.viewer, 'decide appeals');
  const note = checkText(input.note, 'note', 'The decision note');
  return ctx.em.transactional(async (em) => {
    const appeal = await loadAppeal(ctx, em, input.appealId);
    assertDecider(ctx, appeal, 'decide this appeal');
    if (appeal.status === AppealStatus.DECIDED)
      throw badInput('This appeal has been decided; the decision is final.', 'appealId');
    const appraisal = appeal.appraisal;
    const next = transition(appraisal, 'DECIDE_APPEAL');
    const before = ratingsSnapshot(appraisal);
    if (input.decision === AppealDecision.GRANTED) {
      if (!input.resultRating || !input.behaviourRating) {
        throw badInput(
          'Granting an appeal gives the new ratings: resultRating and behaviourRating.',
          'resultRating',
        );
      }
      em.create(AppraisalHistory, {
        appraisal,
        resultRating: appraisal.resultRating,
        behaviourRating: appraisal.behaviourRating,
        predikat: appraisal.predikat,
        reason: `Appeal granted: ${note}`,
      });
      appraisal.resultRating = input.resultRating;
      appraisal.behaviourRating = input.behaviourRating;
      appraisal.predikat = predikatOf(input.resultRating, input.behaviourRating) as Predikat;
    } else if (input.resultRating || input.behaviourRating) {
      throw badInput(
        'A rejected appeal leaves the ratings as they are; do not give new ones.',
        'resultRating',
      );
    }
    appraisal.status = next;
    appeal.status = AppealStatus.DECIDED;
    appeal.decision = input.decision;
    appeal.decisionNote = note;
    appeal.decidedAt = ctx.config.clock();
    const plan = await em.findOneOrFail(PerformancePlan, { id: appraisal.plan.id });
    await recordPlanEvent(em, plan, {
      type: input.decision === AppealDecision.GRANTED ? 'appeal.grant' : 'appeal.reject',
      subjectType: 'Appeal',
      subjectId: appeal.id,
      data: { appealId: appeal.id, appraisalId: appraisal.id },
      reviewers: [appeal.decider.id, appraisal.assessor.id],
    });
    audit(em, ctx, {
      action: input.decision === AppealDecision.GRANTED ? 'appeal.grant' : 'appeal.reject',
      subjectType: 'Appraisal',
      subjectId: appraisal.id,
      before,
      after: { ...ratingsSnapshot(appraisal), appealId: appeal.id, note },
    });
    await em.flush();
    return appeal;
  });
}

/** An appeal: the employee, the assessor, the decider, and the appraisal's other readers. */
export async function getAppeal(ctx: Ctx, appealId: string): Promise<Appeal | null> {
  const viewer = assertMayReadSomeAppraisals(ctx.viewer);
  const appeal = await ctx.em.findOne(Appeal, { id: appealId }, { populate: ['appraisal'] });
  if (!appeal) return null;
  if (viewer.kind === 'person' && viewer.employeeId === appeal.decider.id) return appeal;
  const plan = (await ctx.loaders.plan.load(appeal.appraisal.plan.id))!;
  assertAppraisalRead(ctx.viewer, await planSubject(ctx.loaders, plan));
  return appeal;
}

/** Appeals waiting for the viewer's decision, oldest first. */
export async function appealsToDecide(ctx: Ctx): Promise<Appeal[]> {
  const viewer = requirePerson(ctx.viewer, 'decide appeals');
  return ctx.em.find(
    Appeal,
    { decider: viewer.employeeId, status: AppealStatus.FILED },
    { orderBy: { filedAt: 'asc' } },
  );
}
