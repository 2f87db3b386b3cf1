import type { EntityManager } from '@mikro-orm/postgresql';
import { recordPlanEvent } from '../../realtime/outbox.js';
import type { Context } from '../../access/context.js';
import { badInput, conflict, notFound } from '../../kernel/errors.js';
import {
  assertAppraisalRead,
  assertAssessor,
  assertMayReadSomeAppraisals,
  assertOwner,
  requirePerson,
} from '../../access/policy.js';
import { employeeSubject, planSubject } from '../../access/subjects.js';
import { audit } from '../audit/audit.service.js';
import { Employee } from '../directory/employee.entity.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import { PerformancePlan } from '../planning/plan.entity.js';
import { CORE_VALUES } from '../planning/planning.enums.js';
import { PlanStatus } from '../planning/planning.enums.js';
import { AppraisalCheckpoint, AppraisalStatus, Predikat, Rating } from './evaluation.enums.js';
import { Appraisal, SelfAssessment } from './evaluation.entity.js';
import { appraisalTransition, type AppraisalAction, predikatOf } from './evaluation.rules.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress' | 'loaders' | 'config'>;

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
      throw badInput(
        `${value} is not a core value; use one of ${CORE_VALUES.join(', ')}.`,
        'valueNotes',
      );
    }
    const text = note.trim();
    if (text.length > 2000)
      throw badInput(`The note on ${value} is at most 2,000 characters.`, 'valueNotes');
    if (text) out[value] = text;
  }
  return out;
}

function checkOverall(note: string | null | undefined): string | null {
  const text = note?.trim() || null;
  if (text && text.length > 4000)
    throw badInput('The overall note is at most 4,000 characters.', 'overallNote');
  return text;
}

export function transition(appraisal: Appraisal, action: AppraisalAction): AppraisalStatus {
  const result = appraisalTransition(appraisal.status, action);
  if ('problem' in result) throw badInput(result.problem, 'status');
  return result.next as AppraisalStatus;
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
  if (!plan) throw notFound(`No performance plan has id ${planId}.`);
  if (plan.status !== PlanStatus.APPROVED) {
    throw badInput('Only an approved plan is appraised; this one is not approved yet.', 'planId');
  }
  if (!plan.assessor) throw badInput('This plan has no assessor to appraise it.', 'planId');
  return plan;
}

async function opdOf(em: EntityManager, unitId: string): Promise<string> {
  const unit = await em.findOneOrFail(OrgUnit, { id: unitId });
  return unit.opd?.id ?? unit.id;
}

export async function getAppraisal(ctx: Ctx, id: string): Promise<Appraisal | null> {
  assertMayReadSomeAppraisals(ctx.viewer);
  const appraisal = await ctx.em.findOne(Appraisal, { id });
  if (!appraisal) return null;
  const plan = (await ctx.loaders.plan.load(appraisal.plan.id))!;
  assertAppraisalRead(ctx.viewer, await planSubject(ctx.loaders, plan));
  return appraisal;
}

/** An employee's appraisals in a period, checkpoints in order. */
export async function appraisalsFor(
  ctx: Ctx,
  employeeId: string,
  periodId: string,
): Promise<Appraisal[]> {
  assertMayReadSomeAppraisals(ctx.viewer);
  const employee = await ctx.em.findOne(Employee, { id: employeeId });
  if (!employee) return [];
  const plan = await ctx.em.findOne(PerformancePlan, { employee, period: periodId });
  assertAppraisalRead(
    ctx.viewer,
    plan ? await planSubject(ctx.loaders, plan) : await employeeSubject(ctx.loaders, employee),
  );
  const rows = await ctx.em.find(Appraisal, { employee, period: periodId });
  const order = Object.values(AppraisalCheckpoint);
  return rows.sort((a, b) => order.indexOf(a.checkpoint) - order.indexOf(b.checkpoint));
}

/**
 * The assessor records (or corrects) ratings and notes, creating the appraisal on first save.
 * The predikat follows the two ratings through the matrix. Refused for anyone but the plan's
 * assessor, on an unapproved plan, after the appraisal is final, and with a stale version.
 */
export async function saveAppraisal(ctx: Ctx, input: AppraisalInput): Promise<Appraisal> {
  requirePerson(ctx.viewer, 'appraise');
  return ctx.em.transactional(async (em) => {
    const plan = await approvedPlan(em, input.planId);
    assertAssessor(ctx.viewer, await planSubject(em, plan), 'appraise this plan');
    let appraisal = await em.findOne(Appraisal, { plan, checkpoint: input.checkpoint });
    const before = appraisal ? ratingsSnapshot(appraisal) : null;
    if (appraisal) {
      if (input.expectedVersion == null) {
        throw badInput(
          'This appraisal exists already: pass the expectedVersion you edited.',
          'expectedVersion',
        );
      }
      if (appraisal.version !== input.expectedVersion) {
        throw conflict(
          `The appraisal was changed by someone else (now version ${appraisal.version}, status ${appraisal.status}; you edited version ${input.expectedVersion}). Reload it and apply your change again.`,
          { currentVersion: appraisal.version },
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
    audit(em, ctx, {
      action: before ? 'appraisal.save' : 'appraisal.create',
      subjectType: 'Appraisal',
      subjectId: appraisal.id,
      before,
      after: ratingsSnapshot(appraisal),
    });
    await em.flush();
    return appraisal;
  });
}

/** The assessor submits the appraisal; both ratings are required. */
export async function submitAppraisal(
  ctx: Ctx,
  appraisalId: string,
  expectedVersion: number,
): Promise<Appraisal> {
  requirePerson(ctx.viewer, 'submit appraisals');
  return ctx.em.transactional(async (em) => {
    const appraisal = await em.findOne(Appraisal, { id: appraisalId });
    if (!appraisal) throw notFound(`No appraisal has id ${appraisalId}.`);
    const plan = await em.findOneOrFail(PerformancePlan, { id: appraisal.plan.id });
    assertAssessor(ctx.viewer, await planSubject(em, plan), 'submit this appraisal');
    if (appraisal.version !== expectedVersion) {
      throw conflict(
        `The appraisal was changed by someone else (now version ${appraisal.version}).`,
        {
          currentVersion: appraisal.version,
        },
      );
    }
    const next = transition(appraisal, 'SUBMIT');
    if (!appraisal.resultRating || !appraisal.behaviourRating) {
      throw badInput('Rate both Hasil Kerja and Perilaku Kerja before submitting.', 'resultRating');
    }
    const before = ratingsSnapshot(appraisal);
    appraisal.status = next;
    appraisal.submittedAt = ctx.config.clock();
    await recordPlanEvent(em, plan, {
      type: 'appraisal.submit',
      subjectType: 'Appraisal',
      subjectId: appraisal.id,
      data: { appraisalId: appraisal.id },
    });
    audit(em, ctx, {
      action: 'appraisal.submit',
      subjectType: 'Appraisal',
      subjectId: appraisal.id,
      before,
      after: ratingsSnapshot(appraisal),
    });
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
  ctx: Ctx,
  input: SelfAssessmentInput,
): Promise<SelfAssessment> {
  requirePerson(ctx.viewer, 'assess yourself');
  return ctx.em.transactional(async (em) => {
    const plan = await approvedPlan(em, input.planId);
    assertOwner(ctx.viewer, await planSubject(em, plan), 'submit this self-assessment');
    const appraisal = await em.findOne(Appraisal, { plan, checkpoint: input.checkpoint });
    if (appraisal && appraisal.status !== AppraisalStatus.DRAFT) {
      throw badInput(
        'Your assessor has already submitted this appraisal; the self-assessment is closed.',
        'checkpoint',
      );
    }
    let self = await em.findOne(SelfAssessment, { plan, checkpoint: input.checkpoint });
    self ??= em.create(SelfAssessment, {
      plan,
      checkpoint: input.checkpoint,
      resultRating: input.resultRating,
      behaviourRating: input.behaviourRating,
      submittedAt: ctx.config.clock(),
    });
    self.resultRating = input.resultRating;
    self.behaviourRating = input.behaviourRating;
    self.valueNotes = checkValueNotes(input.valueNotes);
    self.overallNote = checkOverall(input.overallNote);
    self.submittedAt = ctx.config.clock();
    await recordPlanEvent(em, plan, {
      type: 'self_assessment.submit',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      toOwner: false,
    });
    audit(em, ctx, {
      action: 'self_assessment.submit',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      after: {
        checkpoint: input.checkpoint,
        resultRating: input.resultRating,
        behaviourRating: input.behaviourRating,
      },
    });
    await em.flush();
    return self;
  });
}
