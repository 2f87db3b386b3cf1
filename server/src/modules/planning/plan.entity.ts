import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  type Opt,
  type Rel,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { uuidv7 } from 'uuidv7';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { JobType } from '../directory/index.js';
import { Employee } from '../directory/employee.entity.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import { Period } from './period.entity.js';
import { CoreValue, PlanStatus, ResultAspect, WorkResultKind } from './planning.enums.js';

/**
 * SKP (Sasaran Kinerja Pegawai): one per employee and period. The assessor, unit and position
 * are snapshotted when it is created, so moving the employee later never silently moves a plan.
 */
@ObjectType({ description: 'SKP: the performance plan of one employee for one period' })
@Entity({ tableName: 'performance_plan' })
@Unique({ properties: ['employee', 'period'] })
@Index({ properties: ['assessor', 'status'] })
// Per-unit questions (dashboards, distribution) at province size: found by the benchmarks.
@Index({ properties: ['orgUnit', 'period'] })
export class PerformancePlan {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  @ManyToOne(() => Period)
  period!: Rel<Period>;

  /** Pejabat penilai kinerja at creation; null for those nobody in Kinerja assesses (the Sekda). */
  @ManyToOne(() => Employee, { nullable: true })
  assessor: Rel<Employee> | null = null;

  @ManyToOne(() => OrgUnit)
  @Index()
  orgUnit!: Rel<OrgUnit>;

  @Field({ description: 'Position at creation' })
  @Property({ type: 'string', length: 200 })
  positionTitle!: string;

  @Field(() => JobType)
  @Enum({ items: () => JobType })
  jobType!: JobType;

  @Field(() => PlanStatus)
  @Enum({ items: () => PlanStatus, default: PlanStatus.DRAFT })
  @Index()
  status: Opt<PlanStatus> = PlanStatus.DRAFT;

  @Field(() => Int, { description: 'Optimistic-lock version; pass it as expectedVersion' })
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Field(() => Int, {
    description: 'How many times it has been approved (the last approved version number)',
  })
  @Property({ type: 'integer', default: 0 })
  approvedCount: Opt<number> = 0;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  @Field(() => String, {
    nullable: true,
    description: "The assessor's note when returning it for revision",
  })
  @Property({ type: 'text', nullable: true })
  revisionNote: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why the approved plan was reopened' })
  @Property({ type: 'text', nullable: true })
  reopenReason: string | null = null;

  @OneToMany(() => WorkResult, (w) => w.plan)
  workResults = new Collection<WorkResult>(this);

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** RHK (Rencana Hasil Kerja), Utama or Tambahan. */
@ObjectType({ description: 'RHK: a result the employee commits to deliver' })
@Entity({ tableName: 'work_result' })
export class WorkResult {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => PerformancePlan)
  @Index()
  plan!: Rel<PerformancePlan>;

  @Field(() => WorkResultKind)
  @Enum({ items: () => WorkResultKind })
  kind!: WorkResultKind;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  /** The assessor's RHK this one cascades from (RHK atasan yang diintervensi). */
  @ManyToOne(() => WorkResult, { nullable: true, deleteRule: 'set null' })
  @Index()
  parent: Rel<WorkResult> | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;

  @OneToMany(() => Indicator, (i) => i.workResult)
  indicators = new Collection<Indicator>(this);
}

/** IKI (Indikator Kinerja Individu). */
@ObjectType({ description: 'IKI: how an RHK is measured, with its target' })
@Entity({ tableName: 'indicator' })
export class Indicator {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => WorkResult, { deleteRule: 'cascade' })
  @Index()
  workResult!: Rel<WorkResult>;

  @Field(() => ResultAspect)
  @Enum({ items: () => ResultAspect })
  aspect!: ResultAspect;

  @Field({ description: 'What is measured' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => Number, { nullable: true, description: 'Quantitative target value, e.g. 12' })
  @Property({ type: 'double', nullable: true })
  targetValue: number | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Unit of the target, e.g. Dokumen, %, Bulan',
  })
  @Property({ type: 'string', length: 60, nullable: true })
  targetUnit: string | null = null;

  @Field(() => String, { nullable: true, description: 'Qualitative target, when not a number' })
  @Property({ type: 'text', nullable: true })
  targetText: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}

/** Perilaku Kerja: one row per core value, always all seven, with the assessor's expectations. */
@ObjectType({ description: 'A BerAKHLAK core value in the plan, with specific expectations' })
@Entity({ tableName: 'behaviour_expectation' })
@Unique({ properties: ['plan', 'value'] })
export class BehaviourExpectation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => PerformancePlan, { deleteRule: 'cascade' })
  plan!: Rel<PerformancePlan>;

  @Field(() => CoreValue)
  @Enum({ items: () => CoreValue })
  value!: CoreValue;

  @Field(() => String, { nullable: true, description: 'Ekspektasi khusus pimpinan' })
  @Property({ type: 'text', nullable: true })
  expectation: string | null = null;
}

/** Each approval of a plan, with the plan as approved (kept when the plan is reopened). */
@ObjectType({ description: 'An approved version of a plan, kept in history' })
@Entity({ tableName: 'plan_version' })
@Unique({ properties: ['plan', 'number'] })
export class PlanVersion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => PerformancePlan)
  plan!: Rel<PerformancePlan>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime' })
  approvedAt!: Date;

  @Property({ type: 'uuid' })
  approvedByEmployeeId!: string;

  /** The RHK, IKI and expectations as approved. */
  @Property({ type: 'json' })
  content!: unknown;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  reopenedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reopenReason: string | null = null;
}
