import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../access/context.js';
import { connectionTypes } from '../../kernel/connection-types.js';
import { Employee, type EmployeeRecord } from '../directory/index.js';
import { Indicator, type IndicatorRecord, PerformancePlan, WorkResult } from '../planning/index.js';
import { Feedback } from './feedback.entity.js';
import * as feedback from './feedback.service.js';

@InputType({ description: 'Feedback on a plan, an RHK or an IKI (give one of the ids)' })
export class FeedbackInput {
  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field(() => ID, { nullable: true })
  workResultId?: string | null;

  @Field(() => ID, { nullable: true })
  indicatorId?: string | null;

  @Field()
  body!: string;
}

export const { ConnectionType: FeedbackConnection } = connectionTypes(Feedback, 'Feedback');

@Resolver(() => Feedback)
export class FeedbackResolver {
  @Query(() => FeedbackConnection, {
    description: "Feedback on an employee's plans (yours by default), newest first",
  })
  feedbackFeed(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID, { nullable: true }) employeeId?: string | null,
    @Arg('periodId', () => ID, { nullable: true }) periodId?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return feedback.feedbackFeed(ctx, { employeeId, periodId, first, after });
  }

  @Mutation(() => Feedback, { description: 'Umpan balik: the assessor or their supervisor' })
  giveFeedback(@Ctx() ctx: Context, @Arg('input') input: FeedbackInput): Promise<Feedback> {
    return feedback.giveFeedback(ctx, input);
  }

  @Mutation(() => Feedback, { description: 'The employee replies to feedback' })
  replyToFeedback(
    @Ctx() ctx: Context,
    @Arg('feedbackId', () => ID) feedbackId: string,
    @Arg('body') body: string,
  ): Promise<Feedback> {
    return feedback.replyToFeedback(ctx, feedbackId, body);
  }

  @FieldResolver(() => Employee)
  async author(@Root() item: Feedback, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(item.author.id))!;
  }

  @FieldResolver(() => PerformancePlan)
  async plan(@Root() item: Feedback, @Ctx() ctx: Context): Promise<PerformancePlan> {
    return (await ctx.loaders.plan.load(item.plan.id))!;
  }

  @FieldResolver(() => WorkResult, { nullable: true })
  async workResult(@Root() item: Feedback, @Ctx() ctx: Context): Promise<WorkResult | null> {
    return item.workResult ? ctx.loaders.workResult.load(item.workResult.id) : null;
  }

  @FieldResolver(() => Indicator, { nullable: true })
  async indicator(@Root() item: Feedback, @Ctx() ctx: Context): Promise<IndicatorRecord | null> {
    return item.indicator ? ctx.loaders.indicator.load(item.indicator.id) : null;
  }

  @FieldResolver(() => [Feedback])
  replies(@Root() item: Feedback, @Ctx() ctx: Context): Promise<Feedback[]> {
    return ctx.loaders.repliesTo.load(item.id);
  }
}
