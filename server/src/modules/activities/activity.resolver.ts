import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../access/context.js';
import { selectsOnlyId } from '../../kernel/selection.js';
import { connectionTypes } from '../../kernel/connection-types.js';
import { DateScalar } from '../../kernel/scalars.js';
import { Employee, type EmployeeRecord } from '../directory/index.js';
import { Indicator, type IndicatorRecord, PerformancePlan } from '../planning/index.js';
import { ActivityStatus, ReportDecision, ReviewDecision } from './activities.enums.js';
import { Activity, MonthlyReport, RealisationEntry } from './activity.entity.js';
import * as activities from './activity.service.js';
import type { ActivityRecord } from './activity.records.js';

@InputType({
  description: 'A piece of work: date, what was done, output for a quantitative IKI, evidence',
})
export class ActivityInput {
  @Field(() => ID, { nullable: true, description: 'The IKI it contributes to' })
  indicatorId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Without an IKI: the period of your approved plan',
  })
  periodId?: string | null;

  @Field(() => DateScalar)
  date!: string;

  @Field()
  description!: string;

  @Field(() => Number, { nullable: true, description: 'Quantity, for a quantitative IKI' })
  output?: number | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => [String], { nullable: true, description: 'https links to evidence (bukti dukung)' })
  evidenceUrls?: string[] | null;
}

@InputType()
export class RealisationInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field({ description: 'Q1, Q2, Q3 or Q4' })
  checkpoint!: string;

  @Field(() => Number, { nullable: true })
  value?: number | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => [String])
  evidenceUrls!: string[];
}

export const { ConnectionType: ActivityConnection } = connectionTypes(Activity, 'Activity');

/**
 * The root of an Activity field: an entity or a read-only record (the review queue's). Typed
 * structurally so that type-graphql passes records as they are instead of copying each into a
 * new Activity for every field.
 */
type ActivityRoot = Pick<
  ActivityRecord,
  'employee' | 'indicator' | 'plan' | 'reviewedByEmployeeId'
>;

@InputType({ description: 'Which activities a bulk read returns; every field narrows it' })
export class ActivityFilter {
  @Field(() => ID, { nullable: true, description: 'Activities of people in this OPD' })
  opdId?: string | null;

  @Field(() => ID, { nullable: true })
  employeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Activities this employee reviews' })
  assessorId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Done on or after this day' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Done on or before this day' })
  to?: string | null;

  @Field(() => ActivityStatus, { nullable: true })
  status?: ActivityStatus | null;
}

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, {
    description:
      'Activities of a plan, newest first (planId); or, without planId, of many people by filter, in creation order (agency tools with plans:read up to 500 a page, admins, assessors with assessorId and anyone with employeeId = themselves)',
  })
  activities(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID, { nullable: true }) planId?: string | null,
    @Arg('month', () => Int, { nullable: true }) month?: number | null,
    @Arg('status', () => ActivityStatus, { nullable: true }) status?: ActivityStatus | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => ActivityFilter, {
      nullable: true,
      description: 'Without planId: which activities',
    })
    filter?: ActivityFilter | null,
  ) {
    if (planId) return activities.listActivities(ctx, { planId, month, status, first, after });
    return activities.listActivitiesBulk(
      ctx,
      { ...filter, status: filter?.status ?? status },
      {
        first,
        after,
      },
    );
  }

  @Mutation(() => Activity, { description: 'Log a piece of work against your approved plan' })
  logActivity(@Ctx() ctx: Context, @Arg('input') input: ActivityInput): Promise<Activity> {
    return activities.logActivity(ctx, input);
  }

  @Mutation(() => Activity, { description: 'Change an activity not yet reviewed' })
  updateActivity(
    @Ctx() ctx: Context,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: ActivityInput,
  ): Promise<Activity> {
    return activities.updateActivity(ctx, activityId, expectedVersion, input);
  }

  @Mutation(() => Activity, { description: 'Withdraw an activity not yet reviewed' })
  withdrawActivity(
    @Ctx() ctx: Context,
    @Arg('activityId', () => ID) activityId: string,
  ): Promise<Activity> {
    return activities.withdrawActivity(ctx, activityId);
  }

  @Mutation(() => Activity, {
    description: 'The assessor approves or rejects (with a note) an activity',
  })
  async reviewActivity(
    @Ctx() ctx: Context,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<Activity> {
    return (await activities.reviewActivities(ctx, [activityId], decision, note ?? null))[0];
  }

  @Mutation(() => [Activity], { description: 'Bulk review of selected activities (at most 500)' })
  reviewActivities(
    @Ctx() ctx: Context,
    @Arg('activityIds', () => [ID]) activityIds: string[],
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<Activity[]> {
    return activities.reviewActivities(ctx, activityIds, decision, note ?? null);
  }

  @Mutation(() => RealisationEntry, {
    description: 'Enter the realisation of a non-quantitative IKI',
  })
  recordRealisation(
    @Ctx() ctx: Context,
    @Arg('input') input: RealisationInput,
  ): Promise<RealisationEntry> {
    return activities.recordRealisation(ctx, input);
  }

  @FieldResolver(() => Employee)
  async employee(@Root() activity: ActivityRoot, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(activity.employee.id))!;
  }

  @FieldResolver(() => Indicator, { nullable: true })
  indicator(
    @Root() activity: ActivityRoot,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): IndicatorRecord | { id: string } | null | Promise<IndicatorRecord | null> {
    if (!activity.indicator) return null;
    // Its id is all some lists ask for (the review queue's): nothing to read for it.
    if (selectsOnlyId(info)) return { id: activity.indicator.id };
    // At once when the list brought it (the review queue primes the loader): no promise per row.
    return ctx.loaders.indicator.get(activity.indicator.id);
  }

  @FieldResolver(() => PerformancePlan)
  async plan(@Root() activity: ActivityRoot, @Ctx() ctx: Context): Promise<PerformancePlan> {
    return (await ctx.loaders.plan.load(activity.plan.id))!;
  }

  @FieldResolver(() => Employee, { nullable: true })
  async reviewedBy(
    @Root() activity: ActivityRoot,
    @Ctx() ctx: Context,
  ): Promise<EmployeeRecord | null> {
    return activity.reviewedByEmployeeId
      ? ctx.loaders.employee.load(activity.reviewedByEmployeeId)
      : null;
  }
}

@Resolver(() => MonthlyReport)
export class MonthlyReportResolver {
  @Query(() => [MonthlyReport])
  monthlyReports(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID) planId: string,
  ): Promise<MonthlyReport[]> {
    return activities.listMonthlyReports(ctx, planId);
  }

  @Mutation(() => MonthlyReport, {
    description: 'Submit a month of your activities for verification',
  })
  submitMonthlyReport(
    @Ctx() ctx: Context,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('month', () => Int) month: number,
  ): Promise<MonthlyReport> {
    return activities.submitMonthlyReport(ctx, periodId, month);
  }

  @Mutation(() => MonthlyReport, {
    description: 'Approve (all unreviewed activities of the month) or return',
  })
  verifyMonthlyReport(
    @Ctx() ctx: Context,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('decision', () => ReportDecision) decision: ReportDecision,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<MonthlyReport> {
    return activities.verifyMonthlyReport(ctx, reportId, decision, note ?? null);
  }

  @FieldResolver(() => Employee)
  async employee(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(report.employee.id))!;
  }

  @FieldResolver(() => PerformancePlan)
  async plan(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<PerformancePlan> {
    return (await ctx.loaders.plan.load(report.plan.id))!;
  }
}
