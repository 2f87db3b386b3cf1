import type { PlanRecord } from './plan.records.js';
import type { IndicatorRecord } from './indicator.records.js';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../access/context.js';
import { DateScalar } from '../../kernel/scalars.js';
import { Employee, OrgUnit, type EmployeeRecord, type OrgUnitRecord } from '../directory/index.js';
import { Checkpoint, DateWindow, Period } from './period.entity.js';
import * as periods from './period.service.js';
import {
  BehaviourExpectation,
  Indicator,
  PerformancePlan,
  PlanVersion,
  WorkResult,
} from './plan.entity.js';
import {
  AddWorkResultInput,
  OpenPeriodInput,
  PlanFilter,
  UpdateWorkResultInput,
} from './plan.input.js';
import { connectionTypes } from '../../kernel/connection-types.js';
import {
  indicatorProgress,
  planProgress,
  realisationAt,
  workResultProgress,
} from './plan.progress.js';
import { checkpointsOf } from '../../kernel/calendar.js';
import { progressOf } from './plan.rules.js';
import * as plans from './plan.service.js';
import { CoreValue, PlanStatus, WorkResultKind } from './planning.enums.js';

export const { ConnectionType: PerformancePlanConnection } = connectionTypes(
  PerformancePlan,
  'PerformancePlan',
);

@ObjectType({ description: 'Realisation of an IKI at one checkpoint' })
export class IndicatorRealisation {
  @Field({ description: 'Q1..Q4' })
  checkpoint!: string;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => Number, {
    nullable: true,
    description: 'Achieved value (sum of approved outputs, or entered)',
  })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Entered qualitative realisation' })
  text!: string | null;

  @Field(() => [String])
  evidenceUrls!: string[];

  @Field(() => Number, { nullable: true, description: 'value / target' })
  progress!: number | null;
}

/**
 * An RHK as others may see it: its words and whose it is, never the plan's targets, progress or
 * realisation (those are for the plan's readers). Used for the cascade and for parents.
 */
@ObjectType({ description: 'An RHK as seen from outside its plan: text, kind and owner' })
export class WorkResultSummary {
  @Field(() => ID)
  id!: string;

  @Field(() => WorkResultKind)
  kind!: WorkResultKind;

  @Field()
  text!: string;

  ownerId!: string;

  @Field(() => PlanStatus, { description: 'Status of the plan it belongs to' })
  planStatus!: PlanStatus;
}

@ObjectType({
  description: 'An RHK in the cascade tree of a unit, with the RHK that cascade from it',
})
export class CascadeNode {
  @Field(() => WorkResultSummary)
  workResult!: WorkResultSummary;

  @Field(() => [CascadeNode])
  children!: CascadeNode[];
}

function summaryOf(workResult: WorkResult, plan: PerformancePlan): WorkResultSummary {
  return {
    id: workResult.id,
    kind: workResult.kind,
    text: workResult.text,
    ownerId: plan.employee.id,
    planStatus: plan.status,
  };
}

function toCascadeNode(node: plans.CascadeNodeData): CascadeNode {
  return {
    workResult: summaryOf(node.workResult, node.plan),
    children: node.children.map(toCascadeNode),
  };
}

@Resolver(() => WorkResultSummary)
export class WorkResultSummaryResolver {
  @FieldResolver(() => Employee, { description: 'Whose RHK it is' })
  async owner(@Root() summary: WorkResultSummary, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(summary.ownerId))!;
  }
}

@Resolver(() => Period)
export class PeriodResolver {
  @Query(() => [Period])
  periods(@Ctx() ctx: Context): Promise<Period[]> {
    return periods.listPeriods(ctx);
  }

  @Query(() => Period, { nullable: true })
  period(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Period | null> {
    return periods.getPeriod(ctx, id);
  }

  @Query(() => Period, {
    nullable: true,
    description: "This year's period (WITA), or the latest before it",
  })
  currentPeriod(@Ctx() ctx: Context): Promise<Period | null> {
    return periods.currentPeriod(ctx);
  }

  @Mutation(() => Period, { description: 'HR admins open the period of a year' })
  openPeriod(@Ctx() ctx: Context, @Arg('input') input: OpenPeriodInput): Promise<Period> {
    return periods.openPeriod(ctx, input);
  }

  @FieldResolver(() => [Checkpoint], { description: 'Triwulan I–IV' })
  checkpoints(@Root() period: Period): Checkpoint[] {
    return checkpointsOf(period.year);
  }

  @FieldResolver(() => DateWindow)
  planningWindow(@Root() period: Period): DateWindow {
    return { opensOn: period.planningOpensOn, closesOn: period.planningClosesOn };
  }

  @FieldResolver(() => DateWindow)
  evaluationWindow(@Root() period: Period): DateWindow {
    return { opensOn: period.evaluationOpensOn, closesOn: period.evaluationClosesOn };
  }
}

@Resolver(() => PerformancePlan)
export class PlanResolver {
  @Query(() => PerformancePlan, { nullable: true })
  performancePlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<PerformancePlan | null> {
    return plans.getPlan(ctx, id);
  }

  @Query(() => PerformancePlan, {
    nullable: true,
    description: 'The SKP of an employee for a period',
  })
  performancePlanFor(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('periodId', () => ID) periodId: string,
  ): Promise<PerformancePlan | null> {
    return plans.planFor(ctx, employeeId, periodId);
  }

  @Query(() => PerformancePlanConnection, {
    description:
      'Plans of many people (agency tools, admins; assessors with assessorId = themselves), in creation order. Pages up to 500 for API clients, 100 for people.',
  })
  performancePlans(
    @Ctx() ctx: Context,
    @Arg('filter', () => PlanFilter, { nullable: true }) filter?: PlanFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return plans.listPlans(ctx, filter ?? {}, { first, after });
  }

  @Query(() => [CascadeNode], {
    description: 'Matriks peran hasil: cascaded RHK of a unit and its sub-units',
  })
  async cascade(
    @Ctx() ctx: Context,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('periodId', () => ID) periodId: string,
  ): Promise<CascadeNode[]> {
    return (await plans.cascade(ctx, orgUnitId, periodId)).map(toCascadeNode);
  }

  @Mutation(() => PerformancePlan, { description: 'Create your own SKP for a period' })
  createPerformancePlan(
    @Ctx() ctx: Context,
    @Arg('periodId', () => ID) periodId: string,
  ): Promise<PerformancePlan> {
    return plans.createPlan(ctx, periodId);
  }

  @Mutation(() => PerformancePlan)
  addWorkResult(
    @Ctx() ctx: Context,
    @Arg('input') input: AddWorkResultInput,
  ): Promise<PerformancePlan> {
    return plans.addWorkResult(ctx, input.planId, input.expectedVersion, input);
  }

  @Mutation(() => PerformancePlan)
  updateWorkResult(
    @Ctx() ctx: Context,
    @Arg('input') input: UpdateWorkResultInput,
  ): Promise<PerformancePlan> {
    return plans.updateWorkResult(ctx, input.workResultId, input.expectedVersion, input);
  }

  @Mutation(() => PerformancePlan)
  removeWorkResult(
    @Ctx() ctx: Context,
    @Arg('workResultId', () => ID) workResultId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<PerformancePlan> {
    return plans.removeWorkResult(ctx, workResultId, expectedVersion);
  }

  @Mutation(() => PerformancePlan, {
    description: "The assessor's specific expectation for a core value",
  })
  setBehaviourExpectation(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('value', () => CoreValue) value: CoreValue,
    @Arg('expectation', () => String, { nullable: true }) expectation: string | null,
  ): Promise<PerformancePlan> {
    return plans.setBehaviourExpectation(ctx, planId, expectedVersion, value, expectation ?? null);
  }

  @Mutation(() => PerformancePlan)
  submitPerformancePlan(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<PerformancePlan> {
    return plans.submitPlan(ctx, planId, expectedVersion);
  }

  @Mutation(() => PerformancePlan, { description: 'Menetapkan SKP: the assessor approves' })
  approvePerformancePlan(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<PerformancePlan> {
    return plans.approvePlan(ctx, planId, expectedVersion);
  }

  @Mutation(() => PerformancePlan)
  requestPlanRevision(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('note') note: string,
  ): Promise<PerformancePlan> {
    return plans.requestRevision(ctx, planId, expectedVersion, note);
  }

  @Mutation(() => PerformancePlan)
  reopenPerformancePlan(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason') reason: string,
  ): Promise<PerformancePlan> {
    return plans.reopenPlan(ctx, planId, expectedVersion, reason);
  }

  @FieldResolver(() => Employee)
  async employee(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(plan.employee.id))!;
  }

  @FieldResolver(() => Employee, {
    nullable: true,
    description: 'Pejabat penilai kinerja, as when the plan was made',
  })
  async assessor(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<EmployeeRecord | null> {
    return plan.assessor ? ctx.loaders.employee.load(plan.assessor.id) : null;
  }

  @FieldResolver(() => OrgUnit, { description: 'Unit as when the plan was made' })
  async orgUnit(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<OrgUnitRecord> {
    return (await ctx.loaders.orgUnit.load(plan.orgUnit.id))!;
  }

  @FieldResolver(() => Period)
  async period(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<Period> {
    return (await ctx.loaders.period.load(plan.period.id))!;
  }

  @FieldResolver(() => [WorkResult])
  workResults(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<WorkResult[]> {
    return ctx.loaders.workResultsOfPlan.load(plan.id);
  }

  @FieldResolver(() => [BehaviourExpectation], {
    description: 'The seven core values, always present',
  })
  behaviourExpectations(
    @Root() plan: PlanRecord,
    @Ctx() ctx: Context,
  ): Promise<BehaviourExpectation[]> {
    return ctx.loaders.behaviourOfPlan.load(plan.id);
  }

  @FieldResolver(() => [WorkResultSummary], {
    description:
      "RHK of the assessor's plan in the same period: the parents this plan's MAIN RHK may name",
  })
  async parentCandidates(
    @Root() plan: PlanRecord,
    @Ctx() ctx: Context,
  ): Promise<WorkResultSummary[]> {
    const assessorPlan = await plans.assessorPlanOf(ctx, plan);
    if (!assessorPlan) return [];
    const workResults = await ctx.loaders.workResultsOfPlan.load(assessorPlan.id);
    return workResults.map((w) => summaryOf(w, assessorPlan));
  }

  @FieldResolver(() => [PlanVersion], { description: 'Approved versions, oldest first' })
  approvedVersions(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<PlanVersion[]> {
    return ctx.loaders.versionsOfPlan.load(plan.id);
  }

  @FieldResolver(() => Number, {
    nullable: true,
    description: 'Mean progress of its RHK (fraction of target)',
  })
  progress(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<number | null> {
    return planProgress(ctx.loaders, plan);
  }
}

@Resolver(() => WorkResult)
export class WorkResultResolver {
  @FieldResolver(() => WorkResultSummary, {
    nullable: true,
    description:
      "The assessor's RHK this cascades from (its text and owner; its plan stays the assessor's)",
  })
  async parent(
    @Root() workResult: WorkResult,
    @Ctx() ctx: Context,
  ): Promise<WorkResultSummary | null> {
    const parent = workResult.parent
      ? await ctx.loaders.workResult.load(workResult.parent.id)
      : null;
    if (!parent) return null;
    return summaryOf(parent, (await ctx.loaders.plan.load(parent.plan.id))!);
  }

  @FieldResolver(() => [Indicator])
  indicators(@Root() workResult: WorkResult, @Ctx() ctx: Context): Promise<Indicator[]> {
    return ctx.loaders.indicatorsOfWorkResult.load(workResult.id);
  }

  @FieldResolver(() => Number, { nullable: true, description: 'Mean progress of its IKI' })
  progress(@Root() workResult: WorkResult, @Ctx() ctx: Context): Promise<number | null> {
    return workResultProgress(ctx.loaders, workResult);
  }
}

/** The root of an Indicator field: an entity or a read-only record (see IndicatorRecord). */
type IndicatorRoot = Pick<IndicatorRecord, 'id' | 'targetValue' | 'workResult'>;

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => Boolean, { description: 'Counted from approved activity outputs' })
  quantitative(@Root() indicator: IndicatorRoot): boolean {
    return indicator.targetValue !== null;
  }

  @FieldResolver(() => Number, { nullable: true, description: 'Realisation so far / target' })
  progress(@Root() indicator: IndicatorRoot, @Ctx() ctx: Context): Promise<number | null> {
    return indicatorProgress(ctx.loaders, indicator);
  }

  @FieldResolver(() => [IndicatorRealisation], {
    description: 'Realisation at each checkpoint (Triwulan I–IV)',
  })
  async realisations(
    @Root() indicator: IndicatorRoot,
    @Ctx() ctx: Context,
  ): Promise<IndicatorRealisation[]> {
    const workResult = (await ctx.loaders.workResult.load(indicator.workResult.id))!;
    const plan = (await ctx.loaders.plan.load(workResult.plan.id))!;
    const period = (await ctx.loaders.period.load(plan.period.id))!;
    const [outputs, entries] = await Promise.all([
      ctx.loaders.approvedOutputs.load(indicator.id),
      ctx.loaders.realisationEntries.load(indicator.id),
    ]);
    return checkpointsOf(period.year).map((checkpoint) => {
      if (indicator.targetValue !== null) {
        const value = realisationAt(outputs, checkpoint.endsOn);
        return {
          checkpoint: checkpoint.key,
          endsOn: checkpoint.endsOn,
          value,
          text: null,
          evidenceUrls: [],
          progress: progressOf(value, indicator.targetValue),
        };
      }
      const entry = entries.find((e) => e.checkpoint === checkpoint.key);
      return {
        checkpoint: checkpoint.key,
        endsOn: checkpoint.endsOn,
        value: entry?.value ?? null,
        text: entry?.text ?? null,
        evidenceUrls: entry?.evidenceUrls ?? [],
        progress: null,
      };
    });
  }
}

@Resolver(() => PlanVersion)
export class PlanVersionResolver {
  @FieldResolver(() => Employee)
  async approvedBy(@Root() version: PlanVersion, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(version.approvedByEmployeeId))!;
  }
}
