import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Opt,
  type Rel,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { uuidv7 } from 'uuidv7';
import { DateScalar, DateTimeScalar } from '../../kernel/scalars.js';
import { Employee } from '../directory/employee.entity.js';
import { Indicator, PerformancePlan } from '../planning/plan.entity.js';
import { ActivityStatus, MonthlyReportStatus } from './activities.enums.js';

/** Laporan kinerja harian: a dated piece of work, linked to an IKI where it contributes to one. */
@ObjectType({ description: 'Aktivitas: a dated piece of work with evidence' })
@Entity({ tableName: 'activity' })
@Index({ properties: ['plan', 'status', 'date'] })
@Index({ properties: ['indicator', 'status', 'date'] })
// The review queue reads only activities still waiting (SUBMITTED), a small share of all of
// them, so its index holds only those (a few MiB where the whole table's would be hundreds): it
// counts an assessor's waiting activities per person by an index-only scan, in person order,
// and reads each person's oldest by one ordered probe per person.
@Index({
  name: 'activity_waiting_index',
  expression:
    'create index "activity_waiting_index" on "activity" ("assessor_id", "employee_id", "created_at", "id") where "status" = \'SUBMITTED\'',
})
export class Activity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Employee)
  @Index()
  employee!: Rel<Employee>;

  @ManyToOne(() => PerformancePlan)
  plan!: Rel<PerformancePlan>;

  /** Copied from the plan, so a supervisor's queue is one index scan. */
  @ManyToOne(() => Employee, { nullable: true })
  assessor: Rel<Employee> | null = null;

  @ManyToOne(() => Indicator, { nullable: true })
  indicator: Rel<Indicator> | null = null;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  date!: string;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field(() => Number, { nullable: true, description: 'Quantity produced, for a quantitative IKI' })
  @Property({ type: 'double', nullable: true })
  output: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  durationMinutes: number | null = null;

  @Field(() => [String], { description: 'Bukti dukung: https links' })
  @Property({ type: 'text[]' })
  evidenceUrls: Opt<string[]> = [];

  @Field(() => ActivityStatus)
  @Enum({ items: () => ActivityStatus, default: ActivityStatus.SUBMITTED })
  status: Opt<ActivityStatus> = ActivityStatus.SUBMITTED;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reviewNote: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  reviewedByEmployeeId: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  reviewedAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/**
 * How many activities wait for an assessor from each person, and since when: the review queue's
 * per-person counts, read as one row per person instead of counting every waiting activity on
 * every request. Written only by PostgreSQL: statement triggers on `activity` (migration
 * WaitingActivityCounts) keep it equal to `count(*), min(created_at)` of the SUBMITTED
 * activities per (assessor, person), whatever statement changes them (the API, the seeders, an
 * operator's SQL); a person with none waiting has no row. The application never writes it.
 */
@Entity({ tableName: 'waiting_activity_count' })
export class WaitingActivityCount {
  @PrimaryKey({ type: 'uuid' })
  assessorId!: string;

  @PrimaryKey({ type: 'uuid' })
  employeeId!: string;

  @Property({ type: 'int' })
  waiting!: number;

  /** The created_at of the oldest waiting activity. */
  @Property({ type: 'datetime' })
  oldest!: Date;
}

/** Laporan kinerja bulanan: a month of activities submitted for verification at once. */
@ObjectType({ description: 'A month of activities submitted for verification' })
@Entity({ tableName: 'monthly_report' })
@Unique({ properties: ['plan', 'month'] })
@Index({ properties: ['assessor', 'status'] })
export class MonthlyReport {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  @ManyToOne(() => PerformancePlan)
  plan!: Rel<PerformancePlan>;

  @ManyToOne(() => Employee, { nullable: true })
  assessor: Rel<Employee> | null = null;

  @Field(() => Int, { description: '1–12' })
  @Property({ type: 'integer' })
  month!: number;

  @Field(() => MonthlyReportStatus)
  @Enum({ items: () => MonthlyReportStatus, default: MonthlyReportStatus.SUBMITTED })
  status: Opt<MonthlyReportStatus> = MonthlyReportStatus.SUBMITTED;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  verifiedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;
}

/** Realisasi entered by the employee for an IKI that is not counted from activities. */
@ObjectType({ description: 'Realisation entered for a non-quantitative IKI at a checkpoint' })
@Entity({ tableName: 'realisation_entry' })
@Unique({ properties: ['indicator', 'checkpoint'] })
export class RealisationEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Indicator)
  indicator!: Rel<Indicator>;

  @Field({ description: 'Q1..Q4' })
  @Property({ type: 'string', length: 4 })
  checkpoint!: string;

  @Field(() => Number, { nullable: true })
  @Property({ type: 'double', nullable: true })
  value: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  evidenceUrls: Opt<string[]> = [];

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
