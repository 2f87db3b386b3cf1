import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertAssessor,
  assertOwner,
  assertPlanRead,
  assertUnitPlansRead,
  assertMayReadSomePlans,
  bulkReadReach,
  requirePerson,
  requireViewer,
} from '../../access/policy.js';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { pageById } from '../../db/pages.js';
import { DomainError, invalidInput } from '../../kernel/errors.js';
import { type Connection, pageSize } from '../../kernel/pagination.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Activity } from '../activities/index.js';
import { Employee, employeeSubject, JobType, OrgUnit, planSubject } from '../directory/index.js';
import { requirePeriod } from './period.service.js';
import { planAudience } from './plan.audience.js';
import {
  BehaviourExpectation,
  Indicator,
  PerformancePlan,
  PlanVersion,
  WorkResult,
} from './plan.entity.js';
import type { PlanRecord } from './plan.records.js';
import {
  cascadeRefusal,
  indicatorRefusals,
  type PlanAction,
  planStep,
  submitRefusals,
  workResultTextRefusals,
} from './plan.rules.js';
import {
  CORE_VALUES,
  type CoreValue,
  PlanStatus,
  type ResultAspect,
  WorkResultKind,
} from './planning.enums.js';
import { planReasons } from './planning.reasons.js';

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

/** The refusals with their fields under `prefix` (e.g. `indicators.0.`), as one error. */
function refusedAt(prefix: string, problems: readonly DomainError[]): DomainError {
  return invalidInput(
    problems.map(
      (p) =>
        new DomainError(p.kind, p.reason, p.message, p.params, {
          field: `${prefix}${p.field ?? ''}`,
          extra: p.extra,
        }),
    ),
  );
}

async function loadPlan(scope: Scope, em: EntityManager, id: string): Promise<PerformancePlan> {
  const plan = await em.findOne(PerformancePlan, { id }, { populate: ['period'] });
  if (!plan) {
    requirePerson(scope.viewer, 'change plans');
    throw planReasons.notFound({ id });
  }
  return plan;
}

function checkVersion(plan: PerformancePlan, expectedVersion: number): void {
  if (plan.version !== expectedVersion) {
    throw planReasons.staleVersion(
      { currentVersion: plan.version, expectedVersion, status: plan.status },
      { extra: { currentVersion: plan.version, status: plan.status } },
    );
  }
}

function transition(plan: PerformancePlan, action: PlanAction): PlanStatus {
  const step = planStep(plan.status, action);
  if ('refusal' in step) throw step.refusal;
  return step.next;
}

/** Records a change to `plan` (or something in it) for its audit trail and its audience. */
async function recordPlanChange(
  scope: Scope,
  em: EntityManager,
  plan: PerformancePlan,
  change: { action: string; before?: unknown; after?: unknown },
): Promise<void> {
  await recordChange(
    scope,
    {
      ...change,
      subjectType: 'PerformancePlan',
      subjectId: plan.id,
      audience: await planAudience(em, plan),
      data: { planId: plan.id },
    },
    em,
  );
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
  if (parentId && !parent) throw planReasons.parentNotFound({ id: parentId });
  const assessorPlan = plan.assessor
    ? await em.findOne(
        PerformancePlan,
        { employee: plan.assessor, period: plan.period },
        { populate: ['employee'] },
      )
    : null;
  const assessor = plan.assessor ? await em.findOne(Employee, { id: plan.assessor.id }) : null;
  const refusal = cascadeRefusal({
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
  if (refusal) throw refusal;
  return parent;
}

const MAX_INDICATORS = 20;

function checkIndicators(indicators: IndicatorInput[]): void {
  if (indicators.length === 0) throw planReasons.indicatorsMissing();
  if (indicators.length > MAX_INDICATORS)
    throw planReasons.tooManyIndicators({ max: MAX_INDICATORS });
  indicators.forEach((indicator, i) => {
    const problems = indicatorRefusals(indicator);
    if (problems.length > 0) throw refusedAt(`indicators.${i}.`, problems);
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

export async function getPlan(scope: Scope, id: string): Promise<PerformancePlan | null> {
  assertMayReadSomePlans(scope.viewer);
  const plan = await scope.em.findOne(PerformancePlan, { id });
  if (!plan) return null;
  assertPlanRead(scope.viewer, await planSubject(scope.loaders, plan));
  return plan;
}

export interface PlanListFilter {
  opdId?: string | null;
  orgUnitId?: string | null;
  periodId?: string | null;
  status?: PlanStatus | null;
  assessorId?: string | null;
  updatedSince?: Date | null;
}

/**
 * Plans of many people at once, for agency tools and admins (who may: `bulkReadReach`), in
 * creation order; the reader's OPD limits always apply, whatever the filter says.
 */
export async function listPlans(
  scope: Scope,
  filter: PlanListFilter,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<PerformancePlan>> {
  const reach = bulkReadReach(scope.viewer, 'plans', filter);
  const limit = pageSize(page.first, reach.maxPage);
  const and: FilterQuery<PerformancePlan>[] = [];
  if (filter.periodId) and.push({ period: filter.periodId });
  if (filter.status) and.push({ status: filter.status });
  const assessorId = reach.assessorId ?? filter.assessorId;
  if (assessorId) and.push({ assessor: assessorId });
  if (reach.employeeId) and.push({ employee: reach.employeeId });
  if (filter.updatedSince) and.push({ updatedAt: { $gte: filter.updatedSince } });
  if (filter.opdId) and.push({ orgUnit: { opd: filter.opdId } });
  if (reach.opdIds) and.push({ orgUnit: { opd: { $in: reach.opdIds } } });
  if (filter.orgUnitId) {
    const unit = await scope.em.findOne(OrgUnit, { id: filter.orgUnitId });
    and.push(unit ? { orgUnit: { path: { $like: `${unit.path}%` } } } : { id: { $in: [] } });
  }
  return pageById(
    scope.em,
    PerformancePlan,
    and.length > 0 ? { $and: and } : {},
    limit,
    page.after,
  );
}

/** An employee's plan for a period; null when they have none (for viewers who may see it). */
export async function planFor(
  scope: Scope,
  employeeId: string,
  periodId: string,
): Promise<PerformancePlan | null> {
  const plan = await scope.em.findOne(PerformancePlan, { employee: employeeId, period: periodId });
  if (plan) {
    assertPlanRead(scope.viewer, await planSubject(scope.loaders, plan));
    return plan;
  }
  const employee = await scope.em.findOne(Employee, { id: employeeId });
  if (!employee) {
    requireViewer(scope.viewer);
    return null;
  }
  assertPlanRead(scope.viewer, await employeeSubject(scope.loaders, employee));
  return null;
}

/**
 * Creates the viewer's own plan for a period, snapshotting their assessor, unit and position,
 * with the seven core values. Refuses a second plan for the same period.
 */
export async function createPlan(scope: Scope, periodId: string): Promise<PerformancePlan> {
  const viewer = requirePerson(scope.viewer, 'create plans');
  return scope.em.transactional(async (em) => {
    const period = await requirePeriod({ em }, periodId);
    const employee = await em.findOneOrFail(Employee, { id: viewer.employeeId });
    if (await em.count(PerformancePlan, { employee, period })) {
      throw planReasons.alreadyHasPlan({ periodName: period.name });
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
    await recordPlanChange(scope, em, plan, {
      action: 'plan.create',
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

async function editablePlan(
  scope: Scope,
  em: EntityManager,
  planId: string,
  expectedVersion: number,
) {
  const plan = await loadPlan(scope, em, planId);
  assertOwner(scope.viewer, await planSubject(em, plan), 'change this plan');
  checkVersion(plan, expectedVersion);
  transition(plan, 'EDIT');
  return plan;
}

/** Adds an RHK with its IKI to the viewer's own plan while it is editable. */
export async function addWorkResult(
  scope: Scope,
  planId: string,
  expectedVersion: number,
  input: WorkResultInput,
): Promise<PerformancePlan> {
  requirePerson(scope.viewer, 'change plans');
  return scope.em.transactional(async (em) => {
    const plan = await editablePlan(scope, em, planId, expectedVersion);
    const textProblems = workResultTextRefusals(input.text);
    if (textProblems.length > 0) throw invalidInput(textProblems);
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
    await recordPlanChange(scope, em, plan, {
      action: 'plan.work_result.add',
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
  scope: Scope,
  workResultId: string,
  expectedVersion: number,
  input: UpdateWorkResultInput,
): Promise<PerformancePlan> {
  requirePerson(scope.viewer, 'change plans');
  return scope.em.transactional(async (em) => {
    const workResult = await em.findOne(
      WorkResult,
      { id: workResultId },
      { populate: ['indicators'] },
    );
    if (!workResult) throw planReasons.workResultNotFound({ id: workResultId });
    const plan = await editablePlan(scope, em, workResult.plan.id, expectedVersion);
    const before = {
      kind: workResult.kind,
      text: workResult.text,
      parentId: workResult.parent?.id ?? null,
    };
    if (input.text != null) {
      const problems = workResultTextRefusals(input.text);
      if (problems.length > 0) throw invalidInput(problems);
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
          if (!indicator) {
            throw planReasons.indicatorNotInWorkResult(
              { id: value.id },
              { field: `indicators.${position}.id` },
            );
          }
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
          throw planReasons.removedIndicatorsInUse({ count: used });
        }
        removed.forEach((i) => em.remove(i));
      }
    }
    touch(plan);
    await recordPlanChange(scope, em, plan, {
      action: 'plan.work_result.update',
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
  scope: Scope,
  workResultId: string,
  expectedVersion: number,
): Promise<PerformancePlan> {
  requirePerson(scope.viewer, 'change plans');
  return scope.em.transactional(async (em) => {
    const workResult = await em.findOne(
      WorkResult,
      { id: workResultId },
      { populate: ['indicators'] },
    );
    if (!workResult) throw planReasons.workResultNotFound({ id: workResultId });
    const plan = await editablePlan(scope, em, workResult.plan.id, expectedVersion);
    const children = await em.count(WorkResult, { parent: workResult });
    if (children > 0) {
      throw planReasons.workResultHasChildren({ count: children });
    }
    const used = await em.count(Activity, {
      indicator: { $in: workResult.indicators.getItems().map((i) => i.id) },
    });
    if (used > 0) throw planReasons.workResultInUse({ count: used });
    await recordPlanChange(scope, em, plan, {
      action: 'plan.work_result.remove',
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
  scope: Scope,
  planId: string,
  expectedVersion: number,
  value: CoreValue,
  expectation: string | null,
): Promise<PerformancePlan> {
  requirePerson(scope.viewer, 'set expectations');
  return scope.em.transactional(async (em) => {
    const plan = await loadPlan(scope, em, planId);
    assertAssessor(scope.viewer, await planSubject(em, plan), 'set specific expectations');
    checkVersion(plan, expectedVersion);
    transition(plan, 'SET_EXPECTATION');
    const text = expectation?.trim() || null;
    if (text && text.length > 2000) throw planReasons.expectationTooLong();
    const row = await em.findOneOrFail(BehaviourExpectation, { plan, value });
    const before = row.expectation;
    row.expectation = text;
    touch(plan);
    await recordPlanChange(scope, em, plan, {
      action: 'plan.expectation.set',
      before: { value, expectation: before },
      after: { value, expectation: text },
    });
    await em.flush();
    return plan;
  });
}

/** The owner submits the plan to the assessor; refused while it is incomplete. */
export async function submitPlan(
  scope: Scope,
  planId: string,
  expectedVersion: number,
): Promise<PerformancePlan> {
  requirePerson(scope.viewer, 'submit plans');
  return scope.em.transactional(async (em) => {
    const plan = await loadPlan(scope, em, planId);
    assertOwner(scope.viewer, await planSubject(em, plan), 'submit this plan');
    checkVersion(plan, expectedVersion);
    const next = transition(plan, 'SUBMIT');
    if (!plan.assessor) throw planReasons.noAssessorToSubmitTo();
    const workResults = await em.find(WorkResult, { plan }, { populate: ['indicators'] });
    const problems = submitRefusals({
      parentOptional: parentOptional(plan),
      workResults: workResults.map((w) => ({
        kind: w.kind,
        text: w.text,
        hasParent: w.parent !== null,
        indicatorCount: w.indicators.length,
      })),
    });
    if (problems.length > 0) throw invalidInput(problems);
    const before = plan.status;
    plan.status = next;
    plan.submittedAt = new Date();
    plan.revisionNote = null;
    await recordPlanChange(scope, em, plan, {
      action: 'plan.submit',
      before: { status: before },
      after: { status: next },
    });
    await em.flush();
    return plan;
  });
}

/** The assessor approves (menetapkan) a submitted plan; its content is kept as a version. */
export async function approvePlan(
  scope: Scope,
  planId: string,
  expectedVersion: number,
): Promise<PerformancePlan> {
  const viewer = requirePerson(scope.viewer, 'approve plans');
  return scope.em.transactional(async (em) => {
    const plan = await loadPlan(scope, em, planId);
    assertAssessor(scope.viewer, await planSubject(em, plan), 'approve this plan');
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
    await recordPlanChange(scope, em, plan, {
      action: 'plan.approve',
      before: { status: PlanStatus.SUBMITTED },
      after: { status: next, versionNumber: plan.approvedCount },
    });
    await em.flush();
    return plan;
  });
}

/** The assessor returns a submitted plan for revision, saying what to change. */
export async function requestRevision(
  scope: Scope,
  planId: string,
  expectedVersion: number,
  note: string,
): Promise<PerformancePlan> {
  requirePerson(scope.viewer, 'return plans');
  const text = note.trim();
  if (!text) throw planReasons.revisionNoteMissing();
  return scope.em.transactional(async (em) => {
    const plan = await loadPlan(scope, em, planId);
    assertAssessor(scope.viewer, await planSubject(em, plan), 'return this plan for revision');
    checkVersion(plan, expectedVersion);
    const next = transition(plan, 'REQUEST_REVISION');
    plan.status = next;
    plan.revisionNote = text;
    await recordPlanChange(scope, em, plan, {
      action: 'plan.request_revision',
      before: { status: PlanStatus.SUBMITTED },
      after: { status: next, note: text },
    });
    await em.flush();
    return plan;
  });
}

/** The assessor reopens an approved plan with a reason; the approved version stays in history. */
export async function reopenPlan(
  scope: Scope,
  planId: string,
  expectedVersion: number,
  reason: string,
): Promise<PerformancePlan> {
  requirePerson(scope.viewer, 'reopen plans');
  const text = reason.trim();
  if (!text) throw planReasons.reopenReasonMissing();
  return scope.em.transactional(async (em) => {
    const plan = await loadPlan(scope, em, planId);
    assertAssessor(scope.viewer, await planSubject(em, plan), 'reopen this plan');
    checkVersion(plan, expectedVersion);
    const next = transition(plan, 'REOPEN');
    const version = await em.findOneOrFail(PlanVersion, { plan, number: plan.approvedCount });
    version.reopenedAt = new Date();
    version.reopenReason = text;
    plan.status = next;
    plan.reopenReason = text;
    await recordPlanChange(scope, em, plan, {
      action: 'plan.reopen',
      before: { status: PlanStatus.APPROVED },
      after: { status: next, reason: text },
    });
    await em.flush();
    return plan;
  });
}

/** The assessor's plan in the same period as `plan`, or null. */
export async function assessorPlanOf(
  scope: Pick<Scope, 'em'>,
  plan: Pick<PlanRecord, 'assessor' | 'period'>,
): Promise<PerformancePlan | null> {
  if (!plan.assessor) return null;
  return scope.em.findOne(PerformancePlan, { employee: plan.assessor.id, period: plan.period.id });
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
  scope: Scope,
  orgUnitId: string,
  periodId: string,
): Promise<CascadeNodeData[]> {
  const viewer = requireViewer(scope.viewer);
  const unit = await scope.em.findOne(OrgUnit, { id: orgUnitId });
  if (!unit) throw planReasons.orgUnitNotFound({ id: orgUnitId });
  let sameBranch = false;
  if (viewer.kind === 'person') {
    // People see the cascade of units above and below their own (a Kabid sees their seksi).
    const viewerEmployee = await scope.loaders.employee.load(viewer.employeeId);
    const viewerUnit = viewerEmployee
      ? await scope.loaders.orgUnit.load(viewerEmployee.orgUnit.id)
      : null;
    sameBranch = Boolean(
      viewerUnit &&
      (viewerUnit.path.startsWith(unit.path) || unit.path.startsWith(viewerUnit.path)),
    );
  }
  assertUnitPlansRead(scope.viewer, {
    opdId: unit.opd?.id ?? unit.id,
    name: unit.name,
    containsViewer: sameBranch,
  });
  const plans = await scope.em.find(PerformancePlan, {
    period: periodId,
    orgUnit: { path: { $like: `${unit.path}%` } },
  });
  if (plans.length === 0) return [];
  const workResults = await scope.em.find(
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
