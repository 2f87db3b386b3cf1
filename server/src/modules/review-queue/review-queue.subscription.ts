import { Arg, Ctx, Field, ID, Int, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../access/context.js';
import { requirePerson } from '../../access/policy.js';
import { DateTimeScalar } from '../../kernel/scalars.js';
import type { BusEvent } from '../../realtime/bus.js';
import { refreshPerEvent } from '../../realtime/fresh-context.js';
import { eventStream, resumeFrom } from '../../realtime/stream.js';
import { ReviewQueueTotals } from './review-queue.resolver.js';
import { queueTotals, reviewQueue } from './review-queue.service.js';

@ObjectType({ description: 'Counts of your review queue' })
export class ReviewQueueCounts extends ReviewQueueTotals {
  @Field(() => Int)
  peerFeedbackRequests!: number;

  @Field(() => Int)
  appealsToDecide!: number;
}

@ObjectType({ description: 'Your review queue changed' })
export class ReviewQueueEvent {
  @Field(() => ID)
  id!: string;

  @Field()
  type!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => ReviewQueueCounts)
  counts!: ReviewQueueCounts;
}

@Resolver(() => ReviewQueueEvent)
export class ReviewQueueEventResolver {
  @Subscription(() => ReviewQueueEvent, {
    name: 'reviewQueue',
    description: 'Changes to your review queue as assessor, with the new counts',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const viewer = requirePerson(ctx.viewer, 'subscribe');
      const after = await resumeFrom(ctx.bus, args.after as string | null | undefined);
      return eventStream(
        ctx.bus,
        (e) => e.reviewerIds.includes(viewer.employeeId),
        after,
        () => refreshPerEvent(ctx),
      );
    },
  })
  async reviewQueueChanged(
    @Root() event: BusEvent,
    @Ctx() ctx: Context,
    @Arg('after', () => ID, { nullable: true }) _after?: string | null,
  ): Promise<ReviewQueueEvent> {
    const q = await reviewQueue(ctx);
    return {
      id: event.id,
      type: event.type,
      at: event.createdAt,
      counts: {
        ...queueTotals(q),
        peerFeedbackRequests: q.peerRequests.length,
        appealsToDecide: q.appeals.length,
      },
    };
  }
}
