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
import { JobType } from '../directory/index.js';
import { Employee } from '../directory/employee.entity.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import {
  AssessmentSource,
  CompetencyKind,
  EnrolmentStatus,
  PotentialLevel,
  TrainingMode,
} from './development.enums.js';

/** One competency at one level: a requirement of a standard, or what a training develops. */
@ObjectType({ description: 'A competency at a level 1–5' })
export class CompetencyLevel {
  @Field({
    description: 'INTEGRITY, COMMUNICATION, …, NATION_BINDING, or TECH:<name> for technical',
  })
  key!: string;

  @Field({ description: 'Name in Bahasa Indonesia, e.g. Komunikasi' })
  name!: string;

  @Field(() => CompetencyKind)
  kind!: CompetencyKind;

  @Field(() => Int)
  level!: number;
}

/**
 * Standar Kompetensi Jabatan: the levels a position requires. A position standard names the OPD,
 * the position title and job type; a shared standard (no OPD, no title) applies to every
 * position of its job type that has no standard of its own.
 */
@ObjectType({ description: 'Standar kompetensi jabatan: required levels of a position' })
@Entity({ tableName: 'competency_standard' })
@Index({ properties: ['jobType', 'positionTitle'] })
export class CompetencyStandard {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  /** Null for a shared standard of the job type. */
  @ManyToOne(() => OrgUnit, { nullable: true })
  opd: Rel<OrgUnit> | null = null;

  @Field(() => String, { nullable: true, description: 'Nama jabatan; null for a shared standard' })
  @Property({ type: 'string', length: 200, nullable: true })
  positionTitle: string | null = null;

  @Field(() => JobType)
  @Enum({ items: () => JobType })
  jobType!: JobType;

  @Field(() => Boolean, { description: 'The position serves the public (pelayanan publik)' })
  @Property({ type: 'boolean', default: false })
  publicService: Opt<boolean> = false;

  @Field(() => [CompetencyLevel], { description: 'Required levels, managerial first' })
  @Property({ type: 'json' })
  requirements: Opt<CompetencyLevel[]> = [];

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** A level assessed for one competency of an employee. Rows are never changed: the latest counts. */
@ObjectType({ description: 'Hasil penilaian kompetensi: one competency, one level, one source' })
@Entity({ tableName: 'competency_assessment' })
@Index({ properties: ['employee', 'competencyKey', 'assessedOn'] })
export class CompetencyAssessment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  @Field()
  @Property({ type: 'string', length: 120 })
  competencyKey!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  competencyName!: string;

  @Field(() => CompetencyKind)
  @Enum({ items: () => CompetencyKind })
  kind!: CompetencyKind;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  level!: number;

  @Field(() => AssessmentSource)
  @Enum({ items: () => AssessmentSource })
  source!: AssessmentSource;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  assessedOn!: string;

  /** Who recorded it (the supervisor, the employee, or the HR admin for an assessment centre). */
  @ManyToOne(() => Employee, { nullable: true })
  assessor: Rel<Employee> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** Potensi recorded by an HR admin (talent management); the latest counts. */
@ObjectType({ description: 'Potensi of an employee, recorded by an HR admin' })
@Entity({ tableName: 'potential_assessment' })
@Index({ properties: ['employee', 'assessedOn'] })
export class PotentialAssessment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  @Field(() => PotentialLevel)
  @Enum({ items: () => PotentialLevel })
  level!: PotentialLevel;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  assessedOn!: string;

  @ManyToOne(() => Employee, { nullable: true })
  recordedBy: Rel<Employee> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** A training of the catalogue (pelatihan / pengembangan kompetensi). */
@ObjectType({ description: 'Pelatihan: a training of the catalogue' })
@Entity({ tableName: 'training' })
export class Training {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field()
  @Property({ type: 'string', length: 250 })
  title!: string;

  @Field({ description: 'Penyelenggara, e.g. BPSDM Provinsi Bali, LAN, Kemendagri' })
  @Property({ type: 'string', length: 200 })
  provider!: string;

  @Field(() => TrainingMode)
  @Enum({ items: () => TrainingMode })
  mode!: TrainingMode;

  @Field(() => Int, { description: 'Jam pelajaran (1 JP = 45 minutes)' })
  @Property({ type: 'integer' })
  jp!: number;

  @Field(() => [CompetencyLevel], { description: 'Competencies it develops, up to these levels' })
  @Property({ type: 'json' })
  competencies: Opt<CompetencyLevel[]> = [];

  @Field(() => Boolean, { description: 'Aimed at public-service work (pelayanan publik)' })
  @Property({ type: 'boolean', default: false })
  publicServiceFocus: Opt<boolean> = false;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startsOn: string | null = null;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Seats; null = unlimited (e.g. e-learning)' })
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** An employee on a training: assigned by the supervisor, enrolled, completed or cancelled. */
@ObjectType({ description: 'Keikutsertaan pelatihan' })
@Entity({ tableName: 'enrolment' })
@Unique({ properties: ['training', 'employee'] })
@Index({ properties: ['employee', 'status'] })
export class Enrolment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Training)
  training!: Rel<Training>;

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  @Field(() => EnrolmentStatus)
  @Enum({ items: () => EnrolmentStatus })
  status!: EnrolmentStatus;

  @ManyToOne(() => Employee, { nullable: true })
  assignedBy: Rel<Employee> | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was assigned' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  assignedAt: Date | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  enrolledAt: Date | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Day completed (WITA)' })
  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;

  @Field(() => Int, { description: 'JP credited on completion' })
  @Property({ type: 'integer', default: 0 })
  jpCredited: Opt<number> = 0;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
