import {
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Opt,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { uuidv7 } from 'uuidv7';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { Employee } from '../directory/employee.entity.js';
import { Indicator, PerformancePlan, WorkResult } from '../planning/plan.entity.js';

/** Umpan balik berkelanjutan: the assessor's feedback on a plan, RHK or IKI, and replies. */
@ObjectType({ description: 'Continuous feedback on a plan, RHK or IKI, or a reply to it' })
@Entity({ tableName: 'feedback' })
@Index({ properties: ['plan', 'createdAt'] })
export class Feedback {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => PerformancePlan)
  plan!: Rel<PerformancePlan>;

  @ManyToOne(() => WorkResult, { nullable: true, deleteRule: 'set null' })
  workResult: Rel<WorkResult> | null = null;

  @ManyToOne(() => Indicator, { nullable: true, deleteRule: 'set null' })
  indicator: Rel<Indicator> | null = null;

  @ManyToOne(() => Employee)
  author!: Rel<Employee>;

  /** The feedback this replies to. */
  @ManyToOne(() => Feedback, { nullable: true })
  @Index()
  replyTo: Rel<Feedback> | null = null;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
