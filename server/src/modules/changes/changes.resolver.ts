import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { Context } from '../../access/context.js';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { DEFAULT_FEED_PAGE, MAX_FEED_PAGE, readChanges } from './changes.service.js';

@ObjectType({ description: 'Something that changed: its type, its subject, and the ids to read' })
export class Change {
  @Field({ description: 'Its place in the feed (opaque, ordered): the cursor after it' })
  cursor!: string;

  @Field({ description: 'e.g. plan.approve, activity.log, appraisal.finalise' })
  type!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field({ description: 'Plan, Activity, Appraisal, Appeal, Employee, ...' })
  subjectType!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => [ID], { description: 'Employees whose own record it changes' })
  employeeIds!: string[];

  @Field(() => [ID], { description: 'OPDs it belongs to' })
  opdIds!: string[];

  @Field(() => GraphQLJSON, { description: 'Ids of the changed objects by kind (planId, ...)' })
  ids!: Record<string, unknown>;
}

@ObjectType({ description: 'A page of the change feed' })
export class ChangePage {
  @Field(() => [Change])
  nodes!: Change[];

  @Field(() => String, {
    nullable: true,
    description:
      'Pass as after to read on; saved by a syncing tool. Null only while nothing has ever changed.',
  })
  endCursor!: string | null;

  @Field({ description: 'More changes are there now; read again at once with endCursor' })
  hasNextPage!: boolean;
}

@Resolver()
export class ChangesResolver {
  @Query(() => ChangePage, {
    description: `The change feed, oldest first: every change of the kinds agency tools sync, in the order they took effect, each once. Keep endCursor and pass it as after. API clients with changes:read (only their OPDs), HR admins, auditors.`,
  })
  changes(
    @Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('types', () => [String], {
      nullable: true,
      description: 'Only these types; plan.* for all plan types. Default: all',
    })
    types?: string[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `At most ${MAX_FEED_PAGE}; default ${DEFAULT_FEED_PAGE}`,
    })
    first?: number | null,
  ): Promise<ChangePage> {
    return readChanges(ctx, { after, types, first }).then((page) => ({
      nodes: page.changes.map((e) => ({
        cursor: e.id,
        type: e.type,
        at: e.createdAt,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        employeeIds: e.ownerIds,
        opdIds: e.opdIds,
        ids: e.data,
      })),
      endCursor: page.endCursor,
      hasNextPage: page.hasNextPage,
    }));
  }
}
