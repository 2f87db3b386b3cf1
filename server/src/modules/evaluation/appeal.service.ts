import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertAppraisalRead,
  assertMayReadSomeAppraisals,
  assertOwner,
  requirePerson,
} from '../../access/policy.js';
import type { DomainError } from '../../kernel/errors.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Employee, planSubject } from '../directory/index.js';
import { PerformancePlan, planAudience } from '../planning/index.js';
import { loadSettings } from '../settings/index.js';
import { ratingsSnapshot, transition } from './appraisal.service.js';
import {
  AppealDecision,
  AppealStatus,
  ExplanationFrom,
  Predikat,
  Rating,
} from './evaluation.enums.js';
import { Appeal, AppealExplanation, Appraisal, AppraisalHistory } from './evaluation.entity.js';
import { appealReasons, appraisalReasons } from './evaluation.reasons.js';
import { appealWindowRefusal, predikatOf } from './evaluation.rules.js';

/** A text of 10 to 4,000 characters (trimmed), refused with the field's own reasons. */
function checkText(
  text: string,
  refuse: { tooShort: () => DomainError; tooLong: () => DomainError },
): string {
  const value = text.trim();
  if (value.length < 10) throw refuse.tooShort();
  if (value.length > 4000) throw refuse.tooLong();
  return value;
}

/**
 * The employee files one appeal (keberatan) per final appraisal, within the configurable window
 * after it became final. It goes to the assessor's supervisor. Refuses late, duplicate and
 * not-final appeals, and appraisals whose assessor has nobody above them.
 */
export async function fileAppeal(
  scope: Scope,
  appraisalId: string,
  reason: string,
): Promise<Appeal> {
  requirePerson(scope.viewer, 'file appeals');
  const text = checkText(reason, {
    tooShort: appealReasons.reasonTooShort,
    tooLong: appealReasons.reasonTooLong,
  });
  return scope.em.transactional(async (em) => {
    const appraisal = await em.findOne(Appraisal, { id: appraisalId });
    if (!appraisal) throw appraisalReasons.notFound({ id: appraisalId });
    const plan = await em.findOneOrFail(PerformancePlan, { id: appraisal.plan.id });
    assertOwner(scope.viewer, await planSubject(em, plan), 'appeal this appraisal');
    if (await em.count(Appeal, { appraisal })) throw appealReasons.alreadyFiled();
    const next = transition(appraisal, 'APPEAL');
    const settings = await loadSettings(em);
    const late = appealWindowRefusal(
      appraisal.finalisedAt!,
      scope.config.clock(),
      settings.appealWindowDays,
    );
    if (late) throw late;
    const assessor = await em.findOneOrFail(Employee, { id: appraisal.assessor.id });
    if (!assessor.supervisor) throw appealReasons.noDecider({ assessorName: assessor.name });
    const before = ratingsSnapshot(appraisal);
    appraisal.status = next;
    const appeal = em.create(Appeal, {
      appraisal,
      employee: appraisal.employee,
      decider: assessor.supervisor,
      reason: text,
      filedAt: scope.config.clock(),
    });
    await recordChange(
      scope,
      {
        action: 'appeal.file',
        subjectType: 'Appraisal',
        subjectId: appraisal.id,
        before,
        after: { ...ratingsSnapshot(appraisal), appealId: appeal.id },
        eventSubject: { type: 'Appeal', id: appeal.id },
        audience: await planAudience(em, plan, { reviewers: [assessor.supervisor.id] }),
        data: { planId: plan.id, appealId: appeal.id, appraisalId: appraisal.id },
      },
      em,
    );
    await em.flush();
    return appeal;
  });
}

async function loadAppeal(em: EntityManager, appealId: string) {
  const appeal = await em.findOne(Appeal, { id: appealId }, { populate: ['appraisal'] });
  if (!appeal) throw appealReasons.notFound({ id: appealId });
  return appeal;
}

/** Refuses anyone but the assessor's supervisor the appeal was sent to. */
function assertDecider(
  scope: Scope,
  appeal: Appeal,
  doing: string,
  refusal: () => DomainError,
): void {
  const viewer = requirePerson(scope.viewer, doing);
  if (appeal.decider.id !== viewer.employeeId) throw refusal();
}

/** The decider asks the assessor or the employee to explain. Refused once decided. */
export async function requestExplanation(
  scope: Scope,
  appealId: string,
  from: ExplanationFrom,
  question: string,
): Promise<AppealExplanation> {
  requirePerson(scope.viewer, 'ask for explanations');
  const text = checkText(question, {
    tooShort: appealReasons.questionTooShort,
    tooLong: appealReasons.questionTooLong,
  });
  return scope.em.transactional(async (em) => {
    const appeal = await loadAppeal(em, appealId);
    assertDecider(scope, appeal, 'ask for explanations', appealReasons.onlyDeciderAsks);
    if (appeal.status === AppealStatus.DECIDED) throw appealReasons.alreadyDecided();
    const explanation = em.create(AppealExplanation, {
      appeal,
      from,
      askedOf: from === ExplanationFrom.ASSESSOR ? appeal.appraisal.assessor : appeal.employee,
      question: text,
    });
    await recordChange(
      scope,
      {
        action: 'appeal.request_explanation',
        subjectType: 'Appeal',
        subjectId: appeal.id,
        after: { explanationId: explanation.id, from },
        audience: { reviewerIds: [explanation.askedOf.id] },
        data: { appealId: appeal.id },
      },
      em,
    );
    await em.flush();
    return explanation;
  });
}

/** The person asked answers, once. */
export async function explainAppeal(
  scope: Scope,
  explanationId: string,
  answer: string,
): Promise<AppealExplanation> {
  const viewer = requirePerson(scope.viewer, 'explain appeals');
  const text = checkText(answer, {
    tooShort: appealReasons.answerTooShort,
    tooLong: appealReasons.answerTooLong,
  });
  return scope.em.transactional(async (em) => {
    const explanation = await em.findOne(
      AppealExplanation,
      { id: explanationId },
      { populate: ['appeal'] },
    );
    if (!explanation) throw appealReasons.explanationNotFound({ id: explanationId });
    if (explanation.askedOf.id !== viewer.employeeId) throw appealReasons.notAskedOfYou();
    if (explanation.answer) throw appealReasons.alreadyExplained();
    if (explanation.appeal.status === AppealStatus.DECIDED) {
      throw appealReasons.explainAfterDecision();
    }
    explanation.answer = text;
    explanation.answeredAt = scope.config.clock();
    await recordChange(
      scope,
      {
        action: 'appeal.explain',
        subjectType: 'Appeal',
        subjectId: explanation.appeal.id,
        after: { explanationId },
        audience: { reviewerIds: [explanation.appeal.decider.id, viewer.employeeId] },
        data: { appealId: explanation.appeal.id },
      },
      em,
    );
    await em.flush();
    return explanation;
  });
}

/**
 * The decider rejects (ratings unchanged) or grants with new ratings; the predikat is recomputed
 * and the old ratings are kept in history. The decision is final.
 */
export async function decideAppeal(
  scope: Scope,
  input: {
    appealId: string;
    decision: AppealDecision;
    note: string;
    resultRating?: Rating | null;
    behaviourRating?: Rating | null;
  },
): Promise<Appeal> {
  requirePerson(scope.viewer, 'decide appeals');
  const note = checkText(input.note, {
    tooShort: appealReasons.noteTooShort,
    tooLong: appealReasons.noteTooLong,
  });
  return scope.em.transactional(async (em) => {
    const appeal = await loadAppeal(em, input.appealId);
    assertDecider(scope, appeal, 'decide this appeal', appealReasons.onlyDeciderDecides);
    if (appeal.status === AppealStatus.DECIDED) throw appealReasons.alreadyDecided();
    const appraisal = appeal.appraisal;
    const next = transition(appraisal, 'DECIDE_APPEAL');
    const before = ratingsSnapshot(appraisal);
    if (input.decision === AppealDecision.GRANTED) {
      if (!input.resultRating || !input.behaviourRating) {
        throw appealReasons.grantWithoutRatings();
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
      throw appealReasons.rejectWithRatings();
    }
    appraisal.status = next;
    appeal.status = AppealStatus.DECIDED;
    appeal.decision = input.decision;
    appeal.decisionNote = note;
    appeal.decidedAt = scope.config.clock();
    const plan = await em.findOneOrFail(PerformancePlan, { id: appraisal.plan.id });
    await recordChange(
      scope,
      {
        action: input.decision === AppealDecision.GRANTED ? 'appeal.grant' : 'appeal.reject',
        subjectType: 'Appraisal',
        subjectId: appraisal.id,
        before,
        after: { ...ratingsSnapshot(appraisal), appealId: appeal.id, note },
        eventSubject: { type: 'Appeal', id: appeal.id },
        audience: await planAudience(em, plan, {
          reviewers: [appeal.decider.id, appraisal.assessor.id],
        }),
        data: { planId: plan.id, appealId: appeal.id, appraisalId: appraisal.id },
      },
      em,
    );
    await em.flush();
    return appeal;
  });
}

/** An appeal: the employee, the assessor, the decider, and the appraisal's other readers. */
export async function getAppeal(scope: Scope, appealId: string): Promise<Appeal | null> {
  const viewer = assertMayReadSomeAppraisals(scope.viewer);
  const appeal = await scope.em.findOne(Appeal, { id: appealId }, { populate: ['appraisal'] });
  if (!appeal) return null;
  if (viewer.kind === 'person' && viewer.employeeId === appeal.decider.id) return appeal;
  const plan = (await scope.loaders.plan.load(appeal.appraisal.plan.id))!;
  assertAppraisalRead(scope.viewer, await planSubject(scope.loaders, plan));
  return appeal;
}

/** Appeals waiting for the viewer's decision, oldest first. */
export async function appealsToDecide(scope: Scope): Promise<Appeal[]> {
  const viewer = requirePerson(scope.viewer, 'decide appeals');
  return scope.em.find(
    Appeal,
    { decider: viewer.employeeId, status: AppealStatus.FILED },
    { orderBy: { filedAt: 'asc' } },
  );
}

/** The appraisal an appeal is about (the appeal was read with access checked). */
export async function appealAppraisal(scope: Scope, appeal: Appeal): Promise<Appraisal> {
  return scope.em.findOneOrFail(Appraisal, { id: appeal.appraisal.id });
}

/** The explanations asked for in an appeal, oldest first. */
export async function appealExplanations(
  scope: Scope,
  appeal: Appeal,
): Promise<AppealExplanation[]> {
  return scope.em.find(AppealExplanation, { appeal: appeal.id }, { orderBy: { askedAt: 'asc' } });
}
