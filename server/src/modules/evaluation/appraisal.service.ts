import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertAppraisalRead,
  assertAssessor,
  assertMayReadSomeAppraisals,
  assertMayReadSomePlans,
  assertOwner,
  bulkReadReach,
  requirePerson,
} from '../../access/policy.js';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { pageById } from '../../db/pages.js';
import { type Connection, pageSize } from '../../kernel/pagination.js';
import { checkpointsOf } from '../../kernel/calendar.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Activity, ActivityStatus } from '../activities/index.js';
import { Employee, employeeSubject, OrgUnit, planSubject } from '../directory/index.js';
import { Feedback } from '../feedback/index.js';
import {
  CORE_VALUES,
  PerformancePlan,
  planAudience,
  planProgress,
  PlanStatus,
} from '../planning/index.js';
import { AppraisalCheckpoint, AppraisalStatus, Predikat, Rating } from './evaluation.enums.js';
import { Appraisal, SelfAssessment } from './evaluation.entity.js';
import { appraisalReasons, selfAssessmentReasons } from './evaluation.reasons.js';
import {
  appraisalStep,
  type AppraisalAction,
  functionalCreditPercent,
  predikatOf,
} from './evaluation.rules.js';

export interface ValueNoteInput {
  value: string;
  note: string;
}

export interface AppraisalInput {
  planId: string;
  checkpoint: AppraisalCheckpoint;
  resultRating?: Rating | null;
  behaviourRating?: Rating | null;
  valueNotes?: ValueNoteInput[] | null;
  overallNote?: string | null;
  /** Required when the appraisal exists already. */
  expectedVersion?: number | null;
}

/** Notes per core value, refusing unknown values and over-long notes. */
export function checkValueNotes(
  notes: ValueNoteInput[] | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { value, note } of notes ?? []) {
    if (!(CORE_VALUES as readonly string[]).includes(value)) {
      throw appraisalReasons.unknownCoreValue({ value, coreValues: CORE_VALUES.join(', ') });
    }
    const text = note.trim();
    if (text.length > 2000) throw appraisalReasons.valueNoteTooLong({ value });
    if (text) out[value] = text;
  }
  return out;
}

function checkOverall(note: string | null | undefined): string | null {
  const text = note?.trim() || null;
  if (text && text.length > 4000) throw appraisalReasons.overallNoteTooLong();
  return text;
}

export function transition(appraisal: Appraisal, action: AppraisalAction): AppraisalStatus {
  const step = appraisalStep(appraisal.status, action);
  if ('refusal' in step) throw step.refusal;
  return step.next as AppraisalStatus;
}

export function ratingsSnapshot(a: Appraisal) {
  return {
    status: a.status,
    resultRating: a.resultRating,
    behaviourRating: a.behaviourRating,
    predikat: a.predikat,
  };
}

async function approvedPlan(em: EntityManager, planId: string): Promise<PerformancePlan> {
  const plan = await em.findOne(PerformancePlan, { id: planId }, { populate: ['period'] });
  if (!plan) throw appraisalReasons.planNotFound({ id: planId });
  if (plan.status !== PlanStatus.APPROVED) throw appraisalReasons.planNotApproved();
  if (!plan.assessor) throw appraisalReasons.planHasNoAssessor();
  return plan;
}

async function opdOf(em: EntityManager, unitId: string): Promise<string> {
  const unit = await em.findOneOrFail(OrgUnit, { id: unitId });
  return unit.opd?.id ?? unit.id;
}

export async function getAppraisal(scope: Scope, id: string): Promise<Appraisal | null> {
  assertMayReadSomeAppraisals(scope.viewer);
  const appraisal = await scope.em.findOne(Appraisal, { id });
  if (!appraisal) return null;
  const plan = (await scope.loaders.plan.load(appraisal.plan.id))!;
  assertAppraisalRead(scope.viewer, await planSubject(scope.loaders, plan));
  return appraisal;
}

export interface AppraisalListFilter {
  opdId?: string | null;
  orgUnitId?: string | null;
  periodId?: string | null;
  checkpoint?: AppraisalCheckpoint | null;
  status?: AppraisalStatus | null;
  predikat?: Predikat | null;
  assessorId?: string | null;
  updatedSince?: Date | null;
}

/**
 * Appraisals of many people at once ("the Q3 predikat of an OPD"), for agency tools and admins
 * (who may: `bulkReadReach`), in creation order; the reader's OPD limits always apply.
 */
export async function listAppraisals(
  scope: Scope,
  filter: AppraisalListFilter,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<Appraisal>> {
  const reach = bulkReadReach(scope.viewer, 'appraisals', filter);
  const limit = pageSize(page.first, reach.maxPage);
  const and: FilterQuery<Appraisal>[] = [];
  if (filter.periodId) and.push({ period: filter.periodId });
  if (filter.checkpoint) and.push({ checkpoint: filter.checkpoint });
  if (filter.status) and.push({ status: filter.status });
  if (filter.predikat) and.push({ predikat: filter.predikat });
  const assessorId = reach.assessorId ?? filter.assessorId;
  if (assessorId) and.push({ assessor: assessorId });
  if (reach.employeeId) and.push({ employee: reach.employeeId });
  if (filter.updatedSince) and.push({ updatedAt: { $gte: filter.updatedSince } });
  if (filter.opdId) and.push({ opd: filter.opdId });
  if (reach.opdIds) and.push({ opd: { $in: reach.opdIds } });
  if (filter.orgUnitId) {
    const unit = await scope.em.findOne(OrgUnit, { id: filter.orgUnitId });
    and.push(
      unit ? { plan: { orgUnit: { path: { $like: `${unit.path}%` } } } } : { id: { $in: [] } },
    );
  }
  return pageById(scope.em, Appraisal, and.length > 0 ? { $and: and } : {}, limit, page.after);
}

/** An employee's appraisals in a period, checkpoints in order. */
export async function appraisalsFor(
  scope: Scope,
  employeeId: string,
  periodId: string,
): Promise<Appraisal[]> {
  assertMayReadSomeAppraisals(scope.viewer);
  const employee = await scope.em.findOne(Employee, { id: employeeId });
  if (!employee) return [];
  const plan = await scope.em.findOne(PerformancePlan, { employee, period: periodId });
  assertAppraisalRead(
    scope.viewer,
    plan ? await planSubject(scope.loaders, plan) : await employeeSubject(scope.loaders, employee),
  );
  const rows = await scope.em.find(Appraisal, { employee, period: periodId });
  const order = Object.values(AppraisalCheckpoint);
  return rows.sort((a, b) => order.indexOf(a.checkpoint) - order.indexOf(b.checkpoint));
}

/**
 * The assessor records (or corrects) ratings and notes, creating the appraisal on first save.
 * The predikat follows the two ratings through the matrix. Refused for anyone but the plan's
 * assessor, on an unapproved plan, after the appraisal is final, and with a stale version.
 */
export async function saveAppraisal(scope: Scope, input: AppraisalInput): Promise<Appraisal> {
  requirePerson(scope.viewer, 'appraise');
  return scope.em.transactional(async (em) => {
    const plan = await approvedPlan(em, input.planId);
    assertAssessor(scope.viewer, await planSubject(em, plan), 'appraise this plan');
    let appraisal = await em.findOne(Appraisal, { plan, checkpoint: input.checkpoint });
    const before = appraisal ? ratingsSnapshot(appraisal) : null;
    if (appraisal) {
      if (input.expectedVersion == null) throw appraisalReasons.expectedVersionMissing();
      if (appraisal.version !== input.expectedVersion) {
        throw appraisalReasons.staleVersion(
          {
            currentVersion: appraisal.version,
            status: appraisal.status,
            editedVersion: input.expectedVersion,
          },
          { extra: { currentVersion: appraisal.version } },
        );
      }
      transition(appraisal, 'SAVE');
    } else {
      appraisal = em.create(Appraisal, {
        plan,
        employee: plan.employee,
        assessor: plan.assessor!,
        period: plan.period,
        opd: await opdOf(em, plan.orgUnit.id),
        checkpoint: input.checkpoint,
      });
    }
    if (input.resultRating !== undefined) appraisal.resultRating = input.resultRating;
    if (input.behaviourRating !== undefined) appraisal.behaviourRating = input.behaviourRating;
    appraisal.predikat =
      appraisal.resultRating && appraisal.behaviourRating
        ? (predikatOf(appraisal.resultRating, appraisal.behaviourRating) as Predikat)
        : null;
    if (input.valueNotes) appraisal.valueNotes = checkValueNotes(input.valueNotes);
    if (input.overallNote !== undefined) appraisal.overallNote = checkOverall(input.overallNote);
    await recordChange(
      scope,
      {
        action: before ? 'appraisal.save' : 'appraisal.create',
        subjectType: 'Appraisal',
        subjectId: appraisal.id,
        before,
        after: ratingsSnapshot(appraisal),
        audience: await planAudience(em, plan),
        data: { planId: plan.id, appraisalId: appraisal.id },
      },
      em,
    );
    await em.flush();
    return appraisal;
  });
}

/** The assessor submits the appraisal; both ratings are required. */
export async function submitAppraisal(
  scope: Scope,
  appraisalId: string,
  expectedVersion: number,
): Promise<Appraisal> {
  requirePerson(scope.viewer, 'submit appraisals');
  return scope.em.transactional(async (em) => {
    const appraisal = await em.findOne(Appraisal, { id: appraisalId });
    if (!appraisal) throw appraisalReasons.notFound({ id: appraisalId });
    const plan = await em.findOneOrFail(PerformancePlan, { id: appraisal.plan.id });
    assertAssessor(scope.viewer, await planSubject(em, plan), 'submit this appraisal');
    if (appraisal.version !== expectedVersion) {
      throw appraisalReasons.staleVersionOnSubmit(
        { currentVersion: appraisal.version },
        { extra: { currentVersion: appraisal.version } },
      );
    }
    const next = transition(appraisal, 'SUBMIT');
    if (!appraisal.resultRating || !appraisal.behaviourRating) {
      throw appraisalReasons.ratingsMissing();
    }
    const before = ratingsSnapshot(appraisal);
    appraisal.status = next;
    appraisal.submittedAt = scope.config.clock();
    await recordChange(
      scope,
      {
        action: 'appraisal.submit',
        subjectType: 'Appraisal',
        subjectId: appraisal.id,
        before,
        after: ratingsSnapshot(appraisal),
        audience: await planAudience(em, plan),
        data: { planId: plan.id, appraisalId: appraisal.id },
      },
      em,
    );
    await em.flush();
    return appraisal;
  });
}

export interface SelfAssessmentInput {
  planId: string;
  checkpoint: AppraisalCheckpoint;
  resultRating: Rating;
  behaviourRating: Rating;
  valueNotes?: ValueNoteInput[] | null;
  overallNote?: string | null;
}

/**
 * The employee's self-assessment with the same fields; it may be revised until the assessor's
 * appraisal is submitted.
 */
export async function submitSelfAssessment(
  scope: Scope,
  input: SelfAssessmentInput,
): Promise<SelfAssessment> {
  requirePerson(scope.viewer, 'assess yourself');
  return scope.em.transactional(async (em) => {
    const plan = await approvedPlan(em, input.planId);
    assertOwner(scope.viewer, await planSubject(em, plan), 'submit this self-assessment');
    const appraisal = await em.findOne(Appraisal, { plan, checkpoint: input.checkpoint });
    if (appraisal && appraisal.status !== AppraisalStatus.DRAFT) {
      throw selfAssessmentReasons.closed();
    }
    let self = await em.findOne(SelfAssessment, { plan, checkpoint: input.checkpoint });
    self ??= em.create(SelfAssessment, {
      plan,
      checkpoint: input.checkpoint,
      resultRating: input.resultRating,
      behaviourRating: input.behaviourRating,
      submittedAt: scope.config.clock(),
    });
    self.resultRating = input.resultRating;
    self.behaviourRating = input.behaviourRating;
    self.valueNotes = checkValueNotes(input.valueNotes);
    self.overallNote = checkOverall(input.overallNote);
    self.submittedAt = scope.config.clock();
    await recordChange(
      scope,
      {
        action: 'self_assessment.submit',
        subjectType: 'PerformancePlan',
        subjectId: plan.id,
        after: {
          checkpoint: input.checkpoint,
          resultRating: input.resultRating,
          behaviourRating: input.behaviourRating,
        },
        audience: await planAudience(em, plan, { toOwner: false }),
        data: { planId: plan.id },
      },
      em,
    );
    await em.flush();
    return self;
  });
}

/** The plan an appraisal is of; API clients need plans:read as well. */
export async function appraisalPlan(scope: Scope, appraisal: Appraisal): Promise<PerformancePlan> {
  assertMayReadSomePlans(scope.viewer);
  return (await scope.loaders.plan.load(appraisal.plan.id))!;
}

/**
 * Jabatan fungsional, annual appraisal: the predikat as a percentage of the annual credit
 * coefficient (angka kredit); null for any other appraisal.
 */
export async function appraisalCreditPercent(
  scope: Scope,
  appraisal: Appraisal,
): Promise<number | null> {
  if (appraisal.checkpoint !== AppraisalCheckpoint.ANNUAL || !appraisal.predikat) return null;
  const plan = await scope.loaders.plan.load(appraisal.plan.id);
  return plan?.jobType === 'FUNCTIONAL' ? functionalCreditPercent(appraisal.predikat) : null;
}

export interface AppraisalEvidenceData {
  /** Plan progress (fraction of target), for an approved plan. */
  planProgress: number | null;
  /** Approved activities dated in the checkpoint (or the year). */
  approvedActivities: number;
  /** The latest 20 of them. */
  recentActivities: Activity[];
  /** Feedback given on the plan (the latest 50 threads). */
  feedback: Feedback[];
}

/**
 * What an appraisal rests on: plan progress, approved activities in its checkpoint, feedback.
 * It is plan content: API clients need plans:read for it.
 */
export async function appraisalEvidence(
  scope: Scope,
  appraisal: Appraisal,
): Promise<AppraisalEvidenceData> {
  assertMayReadSomePlans(scope.viewer);
  const period = (await scope.loaders.period.load(appraisal.period.id))!;
  const quarter = checkpointsOf(period.year).find((c) => c.key === appraisal.checkpoint);
  const from = quarter?.startsOn ?? period.startsOn;
  const to = quarter?.endsOn ?? period.endsOn;
  const where = {
    plan: appraisal.plan.id,
    status: ActivityStatus.APPROVED,
    date: { $gte: from, $lte: to },
  };
  const [count, recent, feedback, plan] = await Promise.all([
    scope.em.count(Activity, where),
    scope.em.find(Activity, where, { orderBy: { date: 'desc' }, limit: 20 }),
    scope.em.find(
      Feedback,
      { plan: appraisal.plan.id, replyTo: null },
      { orderBy: { createdAt: 'desc' }, limit: 50 },
    ),
    scope.loaders.plan.load(appraisal.plan.id),
  ]);
  const progress =
    plan && plan.status === PlanStatus.APPROVED ? await planProgress(scope.loaders, plan) : null;
  return {
    planProgress: progress,
    approvedActivities: count,
    recentActivities: recent,
    feedback,
  };
}
