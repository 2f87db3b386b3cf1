import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../access/context.js';
import type { PlanRecord } from './plan.records.js';
import { badInput, conflict, notFound } from '../../kernel/errors.js';
import {
  assertAssessor,
  assertOwner,
  assertPlanRead,
  assertUnitPlansRead,
  assertMayReadSomePlans,
  requirePerson,
  requireViewer,
} from '../../access/policy.js';
import { employeeSubject, planSubject } from '../../access/subjects.js';
import { Activity } from '../activities/activity.entity.js';
import { audit } from '../audit/audit.service.js';
import { recordPlanEvent } from '../../realtime/outbox.js';
import { JobType } from '../directory/directory.enums.js';
import { Employee } from '../directory/employee.entity.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import { requirePeriod } from './period.service.js';
import {
  BehaviourExpectation,
  Indicator,
  PerformancePlan,
  PlanVersion,
  WorkResult,
} from './plan.entity.js';
import {
  cascadeProblem,
  type FieldProblem,
  indicatorProblems,
  type PlanAction,
  planTransition,
  submitProblems,
  workResultTextProblems,
} from './plan.rules.js';
import {
  CORE_VALUES,
  type CoreValue,
  PlanStatus,
  type ResultAspect,
  WorkResultKind,
} from './planning.enums.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress' | 'loaders'>;

export interface IndicatorInput {
  id?: string | null;
  aspect: ResultAspect;
  text: string;
  targetValue?: number | null;
  targetUnit?: string | null;
  targetText?: string | null;
}

export interface WorkResultInput {
  kind: WorkResultKind;
  text: string;
  parentId?: string | null;
  indicators: IndicatorInput[];
}

function refuse(problems: FieldProblem[], prefix = ''): never {
  throw badInput(problems.map((p) => p.message).join(' '), `${prefix}${problems[0].field}`);
}

async function loadPlan(ctx: Ctx, em: EntityManager, id: string): Promise<PerformancePlan> {
  const plan = await em.findOne(PerformancePlan, { id }, { populate: ['period'] });
  if (!plan) {
    requirePerson(ctx.viewer, 'change plans');
    throw notFound(`No performance plan has id ${id}.`);
  }
  return plan;
}

function checkVersion(plan: PerformancePlan, expectedVersion: number): void {
  if (plan.version !== expectedVersion) {
    throw conflict(
      `The plan was changed by someone else (now version ${plan.version}; you edited version ${expectedVersion}, status now ${plan.status}). Reload it and apply your change again.`,
      { currentVersion: plan.version, status: plan.status },
    );
  }
}

function transition(plan: PerformancePlan, action: PlanAction): PlanStatus {
  const result = planTransition(plan.status, action);
  if ('problem' in result) throw badInput(result.problem, 'status');
  return result.next;
}

/** Marks the plan changed so its version moves on with every edit of its parts. */
function touch(plan: PerformancePlan): void {
  plan.updatedAt = new Date();
}

/** Plain content of a plan, for history and the audit trail. */
async function planContent(em: EntityManager, plan: PerformancePlan) {
  const workResults = await em.find(
    WorkResult,
    { plan },
    { populate: ['indicators'], orderBy: { position: 'asc', id: 'asc' } },
  );
  const behaviour = await em.find(BehaviourExpectation, { plan });
  return {
    status: plan.status,
    workResults: workResults.map((w) => ({
      id: w.id,
      kind: w.kind,
      text: w.text,
      parentId: w.parent?.id ?? null,
      indicators: w.indicators.getItems().map((i) => ({
        id: i.id,
        aspect: i.aspect,
        text: i.text,
        targetValue: i.targetValue,
        targetUnit: i.targetUnit,
        targetText: i.targetText,
      })),
    })),
    behaviour: behaviour.map((b) => ({ value: b.value, expectation: b.expectation })),
  };
}

function parentOptional(plan: PerformancePlan): boolean {
  return plan.assessor === null || plan.jobType === JobType.SENIOR_EXECUTIVE;
}

/** Refuses a parent RHK that is not from the assessor's plan in the same period. */
async function checkParent(
  em: EntityManager,
  plan: PerformancePlan,
  kind: WorkResultKind,
  parentId: string | null,
): Promise<WorkResult | null> {
  const parent = parentId
    ? await em.findOne(WorkResult, { id: parentId }, { populate: ['plan', 'plan.employee'] })
    : null;
  if (parentId && !parent) throw badInput(`No RHK has id ${parentId}.`, 'parentId');
  const assessorPlan = plan.assessor
    ? await em.findOne(
        PerformancePlan,
        { employee: plan.assessor, period: plan.period },
        { populate: ['employee'] },
      )
    : null;
  const assessor = plan.assessor ? await em.findOne(Employee, { id: plan.assessor.id }) : null;
  const problem = cascadeProblem({
    kind,
    parent: parent
      ? {
          planId: parent.plan.id,
          periodId: parent.plan.period.id,
          ownerName: parent.plan.employee.name,
        }
      : null,
    assessorPlan: assessorPlan
      ? { id: assessorPlan.id, periodId: plan.period.id, ownerName: assessorPlan.employee.name }
      : null,
    hasAssessor: plan.assessor !== null,
    assessorName: assessor?.name ?? null,
    parentOptional: parentOptional(plan),
    periodId: plan.period.id,
  });
  if (problem) throw badInput(problem, 'parentId');
  return parent;
}

function checkIndicators(indicators: IndicatorInput[]): void {
  if (indicators.length === 0) throw badInput('Give the RHK at least one IKI.', 'indicators');
  if (indicators.length > 20) throw badInput('An RHK has at most 20 IKI.', 'indicators');
  indicators.forEach((indicator, i) => {
    const problems = indicatorProblems(indicator);
    if (problems.length > 0) refuse(problems, `indicators.${i}.`);
  });
}

function indicatorValues(input: IndicatorInput) {
  const quantitative = input.targetValue != null;
  return {
    aspect: input.aspect,
    text: input.text.trim(),
    targetValue: quantitative ? input.targetValue! : null,
    targetUnit: quantitative ? (input.targetUnit?.trim() ?? null) : null,
    targetText: quantitative ? null : (input.targetText?.trim() ?? null),
  };
}

export async function getPlan(ctx: Ctx, id: string): Promise<PerformancePlan | null> {
  assertMayReadSomePlans(ctx.viewer);
  const plan = await ctx.em.findOne(PerformancePlan, { id });
  if (!plan) return null;
  assertPlanRead(ctx.viewer, await planSubject(ctx.loaders, plan));
  return plan;
}

/** An employee's plan for a period; null when they have none (for viewers who may see it). */
export async function planFor(
  ctx: Ctx,
  employeeId: string,
  periodId: string,
): Promise<PerformancePlan | null> {
  const plan = await ctx.em.findOne(PerformancePlan, { employee: employeeId, period: periodId });
  if (plan) {
    assertPlanRead(ctx.viewer, await planSubject(ctx.loaders, plan));
    return plan;
  }
  const employee = await ctx.em.findOne(Employee, { id: employeeId });
  if (!employee) {
    requireViewer(ctx.viewer);
    return null;
  }
  assertPlanRead(ctx.viewer, await employeeSubject(ctx.loaders, employee));
  return null;
}

/**
 * Creates the viewer's own plan for a period, snapshotting their assessor, unit and position,
 * with the seven core values. Refuses a second plan for the same period.
 */
export async function createPlan(ctx: Ctx, periodId: string): Promise<PerformancePlan> {
  const viewer = requirePerson(ctx.viewer, 'create plans');
  return ctx.em.transactional(async (em) => {
    const period = await requirePeriod({ em }, periodId);
    const employee = await em.findOneOrFail(Employee, { id: viewer.employeeId });
    if (await em.count(PerformancePlan, { employee, period })) {
      throw badInput(`You already have a plan for ${period.name}; edit that one.`, 'periodId');
    }
    const plan = em.create(PerformancePlan, {
      employee,
      period,
      assessor: employee.supervisor,
      orgUnit: employee.orgUnit,
      positionTitle: employee.positionTitle,
      jobType: employee.jobType,
    });
    for (const value of CORE_VALUES) em.create(BehaviourExpectation, { plan, value });
    audit(em, ctx, {
      action: 'plan.create',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      after: {
        periodId,
        assessorId: employee.supervisor?.id ?? null,
        orgUnitId: employee.orgUnit.id,
      },
    });
    await em.flush();
    return plan;
  });
}

async function editablePlan(ctx: Ctx, em: EntityManager, planId: string, expectedVersion: number) {
  const plan = await loadPlan(ctx, em, planId);
  assertOwner(ctx.viewer, await planSubject(em, plan), 'change this plan');
  checkVersion(plan, expectedVersion);
  transition(plan, 'EDIT');
  return plan;
}

/** Adds an RHK with its IKI to the viewer's own plan while it is editable. */
export async function addWorkResult(
  ctx: Ctx,
  planId: string,
  expectedVersion: number,
  input: WorkResultInput,
): Promise<PerformancePlan> {
  requirePerson(ctx.viewer, 'change plans');
  return ctx.em.transactional(async (em) => {
    const plan = await editablePlan(ctx, em, planId, expectedVersion);
    const textProblems = workResultTextProblems(input.text);
    if (textProblems.length > 0) refuse(textProblems);
    checkIndicators(input.indicators);
    const parent = await checkParent(em, plan, input.kind, input.parentId ?? null);
    const position = await em.count(WorkResult, { plan });
    const workResult = em.create(WorkResult, {
      plan,
      kind: input.kind,
      text: input.text.trim(),
      parent,
      position,
    });
    input.indicators.forEach((indicator, i) =>
      em.create(Indicator, { workResult, position: i, ...indicatorValues(indicator) }),
    );
    touch(plan);
    audit(em, ctx, {
      action: 'plan.work_result.add',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      after: {
        workResultId: workResult.id,
        kind: input.kind,
        text: workResult.text,
        parentId: parent?.id ?? null,
      },
    });
    await em.flush();
    return plan;
  });
}

export interface UpdateWorkResultInput {
  kind?: WorkResultKind | null;
  text?: string | null;
  parentId?: string | null;
  clearParent?: boolean | null;
  /** Replaces the IKI: entries with an id update that IKI, without one add a new IKI, and IKI left out are removed. */
  indicators?: IndicatorInput[] | null;
}

/**
 * Changes an RHK of the viewer's own editable plan. IKI left out of `indicators` are removed,
 * refused when activities already count toward them.
 */
export async function updateWorkResult(
  ctx: Ctx,
  workResultId: string,
  expectedVersion: number,
  input: UpdateWorkResultInput,
): Promise<PerformancePlan> {
  requirePerson(ctx.viewer, 'change plans');
  return ctx.em.transactional(async (em) => {
    const workResult = await em.findOne(
      WorkResult,
      { id: workResultId },
      { populate: ['indicators'] },
    );
    if (!workResult) throw notFound(`No RHK has id ${workResultId}.`);
    const plan = await editablePlan(ctx, em, workResult.plan.id, expectedVersion);
    const before = {
      kind: workResult.kind,
      text: workResult.text,
      parentId: workResult.parent?.id ?? null,
    };
    if (input.text != null) {
      const problems = workResultTextProblems(input.text);
      if (problems.length > 0) refuse(problems);
      workResult.text = input.text.trim();
    }
    if (input.kind != null) workResult.kind = input.kind;
    const parentId = input.clearParent ? null : (input.parentId ?? workResult.parent?.id ?? null);
    workResult.parent = await checkParent(em, plan, workResult.kind, parentId);
    if (input.indicators) {
      checkIndicators(input.indicators);
      const existing = new Map(workResult.indicators.getItems().map((i) => [i.id, i]));
      const kept = new Set<string>();
      input.indicators.forEach((value, position) => {
        if (value.id) {
          const indicator = existing.get(value.id);
          if (!indicator)
            throw badInput(`IKI ${value.id} is not part of this RHK.`, `indicators.${position}.id`);
          Object.assign(indicator, indicatorValues(value), { position });
          kept.add(value.id);
        } else {
          em.create(Indicator, { workResult, position, ...indicatorValues(value) });
        }
      });
      const removed = [...existing.values()].filter((i) => !kept.has(i.id));
      if (removed.length > 0) {
        const used = await em.count(Activity, { indicator: { $in: removed.map((i) => i.id) } });
        if (used > 0) {
          throw badInput(
            `${used} activities count toward the IKI you left out; keep those IKI (you may reword them).`,
            'indicators',
          );
        }
        removed.forEach((i) => em.remove(i));
      }
    }
    touch(plan);
    audit(em, ctx, {
      action: 'plan.work_result.update',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      before,
      after: {
        kind: workResult.kind,
        text: workResult.text,
        parentId: workResult.parent?.id ?? null,
      },
    });
    await em.flush();
    return plan;
  });
}

/** Removes an RHK; refused while it has activities or other plans cascade from it. */
export async function removeWorkResult(
  ctx: Ctx,
  workResultId: string,
  expectedVersion: number,
): Promise<PerformancePlan> {
  requirePerson(ctx.viewer, 'change plans');
  return ctx.em.transactional(async (em) => {
    const workResult = await em.findOne(
      WorkResult,
      { id: workResultId },
      { populate: ['indicators'] },
    );
    if (!workResult) throw notFound(`No RHK has id ${workResultId}.`);
    const plan = await editablePlan(ctx, em, workResult.plan.id, expectedVersion);
    const children = await em.count(WorkResult, { parent: workResult });
    if (children > 0) {
      throw badInput(
        `${children} RHK of your team cascade from this one; they must be moved first.`,
        'workResultId',
      );
    }
    const used = await em.count(Activity, {
      indicator: { $in: workResult.indicators.getItems().map((i) => i.id) },
    });
    if (used > 0)
      throw badInput(
        `${used} activities count toward this RHK; it cannot be removed.`,
        'workResultId',
      );
    audit(em, ctx, {
      action: 'plan.work_result.remove',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      before: { workResultId, kind: workResult.kind, text: workResult.text },
    });
    workResult.indicators.getItems().forEach((i) => em.remove(i));
    em.remove(workResult);
    touch(plan);
    await em.flush();
    return plan;
  });
}

/** The assessor adds (or clears) a specific expectation for one core value. */
export async function setBehaviourExpectation(
  ctx: Ctx,
  planId: string,
  expectedVersion: number,
  value: CoreValue,
  expectation: string | null,
): Promise<PerformancePlan> {
  requirePerson(ctx.viewer, 'set expectations');
  return ctx.em.transactional(async (em) => {
    const plan = await loadPlan(ctx, em, planId);
    assertAssessor(ctx.viewer, await planSubject(em, plan), 'set specific expectations');
    checkVersion(plan, expectedVersion);
    transition(plan, 'SET_EXPECTATION');
    const text = expectation?.trim() || null;
    if (text && text.length > 2000)
      throw badInput('An expectation is at most 2,000 characters.', 'expectation');
    const row = await em.findOneOrFail(BehaviourExpectation, { plan, value });
    const before = row.expectation;
    row.expectation = text;
    touch(plan);
    audit(em, ctx, {
      action: 'plan.expectation.set',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      before: { value, expectation: before },
      after: { value, expectation: text },
    });
    await em.flush();
    return plan;
  });
}

/** The owner submits the plan to the assessor; refused while it is incomplete. */
export async function submitPlan(
  ctx: Ctx,
  planId: string,
  expectedVersion: number,
): Promise<PerformancePlan> {
  requirePerson(ctx.viewer, 'submit plans');
  return ctx.em.transactional(async (em) => {
    const plan = await loadPlan(ctx, em, planId);
    assertOwner(ctx.viewer, await planSubject(em, plan), 'submit this plan');
    checkVersion(plan, expectedVersion);
    const next = transition(plan, 'SUBMIT');
    if (!plan.assessor) {
      throw badInput(
        'This plan has no assessor to submit it to; ask the unit admin to set your supervisor.',
        'planId',
      );
    }
    const workResults = await em.find(WorkResult, { plan }, { populate: ['indicators'] });
    const problems = submitProblems({
      parentOptional: parentOptional(plan),
      workResults: workResults.map((w) => ({
        kind: w.kind,
        text: w.text,
        hasParent: w.parent !== null,
        indicatorCount: w.indicators.length,
      })),
    });
    if (problems.length > 0) throw badInput(problems.join(' '), 'workResults');
    const before = plan.status;
    plan.status = next;
    plan.submittedAt = new Date();
    plan.revisionNote = null;
    await recordPlanEvent(em, plan, {
      type: 'plan.submit',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
    });
    audit(em, ctx, {
      action: 'plan.submit',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      before: { status: before },
      after: { status: next },
    });
    await em.flush();
    return plan;
  });
}

/** The assessor approves (menetapkan) a submitted plan; its content is kept as a version. */
export async function approvePlan(
  ctx: Ctx,
  planId: string,
  expectedVersion: number,
): Promise<PerformancePlan> {
  const viewer = requirePerson(ctx.viewer, 'approve plans');
  return ctx.em.transactional(async (em) => {
    const plan = await loadPlan(ctx, em, planId);
    assertAssessor(ctx.viewer, await planSubject(em, plan), 'approve this plan');
    checkVersion(plan, expectedVersion);
    const next = transition(plan, 'APPROVE');
    plan.status = next;
    plan.approvedAt = new Date();
    plan.approvedCount += 1;
    plan.reopenReason = null;
    em.create(PlanVersion, {
      plan,
      number: plan.approvedCount,
      approvedAt: plan.approvedAt,
      approvedByEmployeeId: viewer.employeeId,
      content: await planContent(em, plan),
    });
    await recordPlanEvent(em, plan, {
      type: 'plan.approve',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
    });
    audit(em, ctx, {
      action: 'plan.approve',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      before: { status: PlanStatus.SUBMITTED },
      after: { status: next, versionNumber: plan.approvedCount },
    });
    await em.flush();
    return plan;
  });
}

/** The assessor returns a submitted plan for revision, saying what to change. */
export async function requestRevision(
  ctx: Ctx,
  planId: string,
  expectedVersion: number,
  note: string,
): Promise<PerformancePlan> {
  requirePerson(ctx.viewer, 'return plans');
  const text = note.trim();
  if (!text) throw badInput('Say what should change: the note is shown to the employee.', 'note');
  return ctx.em.transactional(async (em) => {
    const plan = await loadPlan(ctx, em, planId);
    assertAssessor(ctx.viewer, await planSubject(em, plan), 'return this plan for revision');
    checkVersion(plan, expectedVersion);
    const next = transition(plan, 'REQUEST_REVISION');
    plan.status = next;
    plan.revisionNote = text;
    await recordPlanEvent(em, plan, {
      type: 'plan.request_revision',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
    });
    audit(em, ctx, {
      action: 'plan.request_revision',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      before: { status: PlanStatus.SUBMITTED },
      after: { status: next, note: text },
    });
    await em.flush();
    return plan;
  });
}

/** The assessor reopens an approved plan with a reason; the approved version stays in history. */
export async function reopenPlan(
  ctx: Ctx,
  planId: string,
  expectedVersion: number,
  reason: string,
): Promise<PerformancePlan> {
  requirePerson(ctx.viewer, 'reopen plans');
  const text = reason.trim();
  if (!text)
    throw badInput(
      'Give the reason for reopening: it is kept with the approved version.',
      'reason',
    );
  return ctx.em.transactional(async (em) => {
    const plan = await loadPlan(ctx, em, planId);
    assertAssessor(ctx.viewer, await planSubject(em, plan), 'reopen this plan');
    checkVersion(plan, expectedVersion);
    const next = transition(plan, 'REOPEN');
    const version = await em.findOneOrFail(PlanVersion, { plan, number: plan.approvedCount });
    version.reopenedAt = new Date();
    version.reopenReason = text;
    plan.status = next;
    plan.reopenReason = text;
    await recordPlanEvent(em, plan, {
      type: 'plan.reopen',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
    });
    audit(em, ctx, {
      action: 'plan.reopen',
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      before: { status: PlanStatus.APPROVED },
      after: { status: next, reason: text },
    });
    await em.flush();
    return plan;
  });
}

/** The assessor's plan in the same period as `plan`, or null. */
export async function assessorPlanOf(
  ctx: Pick<Context, 'em'>,
  plan: Pick<PlanRecord, 'assessor' | 'period'>,
): Promise<PerformancePlan | null> {
  if (!plan.assessor) return null;
  return ctx.em.findOne(PerformancePlan, { employee: plan.assessor.id, period: plan.period.id });
}

export interface CascadeNodeData {
  workResult: WorkResult;
  plan: PerformancePlan;
  children: CascadeNodeData[];
}

/**
 * The tree of cascaded RHK (matriks peran hasil) of a unit and everything below it for a
 * period: roots are RHK whose parent is outside the unit (or none). Four statements however
 * large the unit.
 */
export async function cascade(
  ctx: Ctx,
  orgUnitId: string,
  periodId: string,
): Promise<CascadeNodeData[]> {
  const viewer = requireViewer(ctx.viewer);
  const unit = await ctx.em.findOne(OrgUnit, { id: orgUnitId });
  if (!unit) throw notFound(`No organisation unit has id ${orgUnitId}.`);
  let sameBranch = false;
  if (viewer.kind === 'person') {
    // People see the cascade of units above and below their own (a Kabid sees their seksi).
    const viewerEmployee = await ctx.loaders.employee.load(viewer.employeeId);
    const viewerUnit = viewerEmployee
      ? await ctx.loaders.orgUnit.load(viewerEmployee.orgUnit.id)
      : null;
    sameBranch = Boolean(
      viewerUnit &&
      (viewerUnit.path.startsWith(unit.path) || unit.path.startsWith(viewerUnit.path)),
    );
  }
  assertUnitPlansRead(ctx.viewer, {
    opdId: unit.opd?.id ?? unit.id,
    name: unit.name,
    containsViewer: sameBranch,
  });
  const plans = await ctx.em.find(PerformancePlan, {
    period: periodId,
    orgUnit: { path: { $like: `${unit.path}%` } },
  });
  if (plans.length === 0) return [];
  const workResults = await ctx.em.find(
    WorkResult,
    { plan: { $in: plans.map((p) => p.id) } },
    { orderBy: { position: 'asc', id: 'asc' } },
  );
  const planById = new Map(plans.map((p) => [p.id, p]));
  const nodes = new Map<string, CascadeNodeData>(
    workResults.map((w) => [w.id, { workResult: w, plan: planById.get(w.plan.id)!, children: [] }]),
  );
  const roots: CascadeNodeData[] = [];
  for (const node of nodes.values()) {
    const parent = node.workResult.parent ? nodes.get(node.workResult.parent.id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
