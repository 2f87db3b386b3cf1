import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../access/context.js';
import { connectionTypes } from '../../kernel/connection-types.js';
import { DateScalar } from '../../kernel/scalars.js';
import {
  Employee,
  type EmployeeRecord,
  JobType,
  OrgUnit,
  type OrgUnitRecord,
} from '../directory/index.js';
import { Predikat, Rating } from '../evaluation/index.js';
import { Period } from '../planning/index.js';
import * as competencies from './competency.service.js';
import {
  CompetencyKind,
  EnrolmentStatus,
  PotentialLevel,
  PotentialSource,
} from './development.enums.js';
import {
  CompetencyAssessment,
  CompetencyStandard,
  Enrolment,
  PotentialAssessment,
  Training,
} from './development.entity.js';
import {
  CompetencyAssessmentInput,
  CompetencyStandardInput,
  DEVELOPMENT_PAGE_SIZE,
  PotentialInput,
  TALENT_BOX_PAGE_SIZE,
  TrainingFilterInput,
  TrainingInput,
} from './development.input.js';
import * as talent from './talent.service.js';
import * as trainings from './training.service.js';

/** `first` of the development connections: at most 100 a page. */
const firstArg = (defaultValue: number) =>
  Arg('first', () => Int, {
    nullable: true,
    defaultValue,
    description: `Page size, at most 100 (default ${defaultValue})`,
  });
const afterArg = () =>
  Arg('after', () => String, {
    nullable: true,
    description: 'Continue after this cursor (pageInfo.endCursor)',
  });

export const { ConnectionType: TrainingConnection } = connectionTypes(Training, 'Training');
export const { ConnectionType: CompetencyStandardConnection } = connectionTypes(
  CompetencyStandard,
  'CompetencyStandard',
);
export const { ConnectionType: CompetencyAssessmentConnection } = connectionTypes(
  CompetencyAssessment,
  'CompetencyAssessment',
);
export const { ConnectionType: EnrolmentConnection } = connectionTypes(Enrolment, 'Enrolment');

@ObjectType({ description: 'A managerial or socio-cultural competency of the reference list' })
export class Competency {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => CompetencyKind)
  kind!: CompetencyKind;
}

@ObjectType({ description: 'Gap of one competency: required − assessed (latest assessment)' })
export class CompetencyGap {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => CompetencyKind)
  kind!: CompetencyKind;

  @Field(() => Int)
  required!: number;

  @Field(() => Int, { nullable: true, description: 'Null when never assessed' })
  assessed!: number | null;

  @Field(() => Int, { nullable: true, description: 'Negative when above the requirement' })
  gap!: number | null;
}

@ObjectType({ description: "An employee's gaps against the standard of their position" })
export class CompetencyGaps {
  @Field(() => CompetencyStandard, { nullable: true, description: 'Null: no standard applies' })
  standard!: CompetencyStandard | null;

  @Field(() => [CompetencyGap], { description: 'Largest first; never-assessed last' })
  gaps!: CompetencyGap[];
}

@ObjectType({ description: 'One competency across a unit' })
export class UnitCompetencyGap {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => CompetencyKind)
  kind!: CompetencyKind;

  @Field(() => Int)
  assessedPeople!: number;

  @Field(() => Int)
  peopleWithGap!: number;

  @Field(() => Float, { description: 'Mean shortfall over the assessed people' })
  averageGap!: number;

  @Field(() => Int)
  largestGap!: number;
}

@ObjectType({ description: 'Competency gaps across a unit and the units below it' })
export class UnitCompetencyGaps {
  @Field(() => Int)
  people!: number;

  @Field(() => Int)
  assessedPeople!: number;

  @Field(() => [UnitCompetencyGap], { description: 'Weakest first' })
  competencies!: UnitCompetencyGap[];
}

@ObjectType({ description: 'A recommended training, with the reason in words' })
export class TrainingRecommendation {
  @Field(() => Int)
  rank!: number;

  @Field(() => Training)
  training!: Training;

  @Field({ description: 'The competency it was recommended for' })
  competencyKey!: string;

  @Field({ description: 'GAP (closes a gap) or ADVANCED (a good performer’s next step)' })
  basis!: string;

  @Field({
    description: 'e.g. "Komunikasi: required 3, assessed 1; your work is in public service"',
  })
  reason!: string;
}

@ObjectType({ description: 'JP of one employee in a year against the 20 JP right' })
export class JpStanding {
  @Field(() => ID)
  employeeId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  jp!: number;

  @Field(() => Int)
  minimum!: number;

  @Field(() => Int)
  remaining!: number;

  @Field(() => Boolean)
  reached!: boolean;

  @Field(() => Float, { description: 'jp / minimum, at most 1' })
  share!: number;
}

@ObjectType({ description: 'Hak pengembangan kompetensi: JP completed in a year' })
export class DevelopmentHours extends JpStanding {
  @Field(() => [Enrolment], { description: 'Trainings completed in the year' })
  completions!: Enrolment[];
}

@ObjectType({ description: "A unit's progress toward 20 JP each" })
export class UnitDevelopmentHours {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'People at or above the minimum' })
  reached!: number;

  @Field(() => Float)
  share!: number;

  /** Everyone behind; the `behind` field pages through it. */
  behindAll!: trainings.JpStandingView[];
}

@ObjectType({ description: 'An employee placed in the nine-box grid' })
export class TalentPlacement {
  @Field(() => ID)
  employeeId!: string;

  @Field(() => Int, { nullable: true, description: 'Box 1–9; null only when potential is unknown' })
  box!: number | null;

  @Field(() => Rating, { description: 'Results rating that placed them' })
  performance!: Rating;

  @Field(() => Predikat, { nullable: true })
  predikat!: Predikat | null;

  @Field(() => PotentialLevel, { nullable: true })
  potential!: PotentialLevel | null;

  @Field(() => PotentialSource, { nullable: true })
  potentialSource!: PotentialSource | null;

  @Field({ description: 'ANNUAL, or the quarter used as a fallback' })
  ratingCheckpoint!: string;

  @Field(() => Boolean, { description: 'No final annual appraisal: a quarter stood in' })
  fallback!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

export const { ConnectionType: JpStandingConnection } = connectionTypes(JpStanding, 'JpStanding');
export const { ConnectionType: TalentPlacementConnection } = connectionTypes(
  TalentPlacement,
  'TalentPlacement',
);

@ObjectType({ description: 'One box of the nine-box grid' })
export class TalentBoxCell {
  @Field(() => Int)
  box!: number;

  @Field(() => Int, { description: 'People in this box' })
  count!: number;

  /** Everyone in the box; the `placements` field pages through it. */
  all!: talent.Placement[];
}

@ObjectType()
export class UnplacedEmployee {
  @Field(() => ID)
  employeeId!: string;

  @Field()
  reason!: string;
}

export const { ConnectionType: UnplacedEmployeeConnection } = connectionTypes(
  UnplacedEmployee,
  'UnplacedEmployee',
);

@ObjectType({ description: 'Manajemen talenta: nine boxes of performance × potential' })
export class TalentGrid {
  @Field(() => Period)
  period!: Period;

  /** All nine boxes; the `boxes` field gives them, or the one asked for. */
  boxes!: TalentBoxCell[];

  /** Everyone who could not be placed; the `unplaced` field pages through it. */
  unplacedAll!: talent.Unplaced[];

  @Field(() => Int, { description: 'Placed by a quarter because no annual appraisal is final' })
  fallbackCount!: number;
}

@ObjectType()
export class StandardImportResult {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;
}

@Resolver()
export class DevelopmentResolver {
  @Query(() => [Competency], { description: 'Kompetensi manajerial and sosial kultural' })
  competencies(@Ctx() ctx: Context) {
    return competencies.listCompetencies(ctx);
  }

  @Query(() => CompetencyStandardConnection, {
    description:
      "Standar kompetensi jabatan: shared standards first, then by job type and title; with opdId, that OPD's positions and the shared standards",
  })
  competencyStandards(
    @Ctx() ctx: Context,
    @Arg('opdId', () => ID, { nullable: true }) opdId?: string | null,
    @Arg('jobType', () => JobType, { nullable: true }) jobType?: JobType | null,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return competencies.listStandards(ctx, { opdId, jobType }, { first, after });
  }

  @Query(() => String, { description: 'Every standard as CSV (HR admins)' })
  competencyStandardsCsv(@Ctx() ctx: Context) {
    return competencies.exportStandardsCsv(ctx);
  }

  @Query(() => CompetencyAssessmentConnection, {
    description: 'Assessment history, newest first (by date assessed, then as recorded)',
  })
  competencyAssessments(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return competencies.assessmentHistory(ctx, employeeId, { first, after });
  }

  @Query(() => CompetencyGaps)
  competencyGaps(@Ctx() ctx: Context, @Arg('employeeId', () => ID) employeeId: string) {
    return competencies.gapsFor(ctx, employeeId);
  }

  @Query(() => UnitCompetencyGaps, { description: 'Weakest competencies across a unit' })
  unitCompetencyGaps(@Ctx() ctx: Context, @Arg('orgUnitId', () => ID) orgUnitId: string) {
    return competencies.unitGaps(ctx, orgUnitId);
  }

  @Query(() => TrainingConnection, {
    description: 'The training catalogue, soonest first (undated last), then by title',
  })
  trainings(
    @Ctx() ctx: Context,
    @Arg('filter', () => TrainingFilterInput, { nullable: true })
    filter?: TrainingFilterInput | null,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return trainings.listTrainings(ctx, filter ?? {}, { first, after });
  }

  @Query(() => Training, { nullable: true })
  training(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return trainings.getTraining(ctx, id);
  }

  @Query(() => EnrolmentConnection, {
    description:
      "An employee's trainings, newest first; with year, those completed (else enrolled, assigned) that year",
  })
  enrolments(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return trainings.enrolmentsOf(ctx, employeeId, year, { first, after });
  }

  @Query(() => [TrainingRecommendation], { description: 'Best first, each with its reason' })
  async trainingRecommendations(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('limit', () => Int, {
      nullable: true,
      description: `How many, 1–${trainings.MAX_RECOMMENDATIONS} (default ${trainings.DEFAULT_RECOMMENDATIONS})`,
    })
    limit?: number | null,
  ) {
    return (await trainings.recommendationsFor(ctx, employeeId, limit)).items;
  }

  @Query(() => DevelopmentHours)
  developmentHours(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('year', () => Int) year: number,
  ) {
    return trainings.hoursFor(ctx, employeeId, year);
  }

  @Query(() => UnitDevelopmentHours)
  unitDevelopmentHours(
    @Ctx() ctx: Context,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('year', () => Int) year: number,
  ) {
    return trainings.unitHours(ctx, orgUnitId, year);
  }

  @Query(() => TalentGrid)
  talentGrid(
    @Ctx() ctx: Context,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('periodId', () => ID) periodId: string,
  ) {
    return talent.talentGrid(ctx, orgUnitId, periodId);
  }

  @Query(() => TalentPlacementConnection, {
    description: 'Boxes 7–9, no POOR/VERY_POOR in two years; highest box first, then by name',
  })
  promotionCandidates(
    @Ctx() ctx: Context,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('orgUnitId', () => ID, { nullable: true }) orgUnitId?: string | null,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return talent.promotionCandidates(ctx, periodId, orgUnitId, { first, after });
  }

  @Query(() => TalentPlacementConnection, {
    description: 'VERY_GOOD predikat in the period; highest box first, then by name',
  })
  awardCandidates(
    @Ctx() ctx: Context,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('orgUnitId', () => ID, { nullable: true }) orgUnitId?: string | null,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return talent.awardCandidates(ctx, periodId, orgUnitId, { first, after });
  }

  @Mutation(() => CompetencyStandard, { description: 'HR admins' })
  saveCompetencyStandard(@Ctx() ctx: Context, @Arg('input') input: CompetencyStandardInput) {
    return competencies.saveStandard(ctx, input);
  }

  @Mutation(() => StandardImportResult, { description: 'HR admins; CSV as exported' })
  importCompetencyStandards(@Ctx() ctx: Context, @Arg('csv') csv: string) {
    return competencies.importStandardsCsv(ctx, csv);
  }

  @Mutation(() => [CompetencyAssessment], {
    description:
      'SELF by the employee, SUPERVISOR by the direct supervisor, ASSESSMENT_CENTRE by HR',
  })
  recordCompetencyAssessment(@Ctx() ctx: Context, @Arg('input') input: CompetencyAssessmentInput) {
    return competencies.recordAssessment(ctx, input);
  }

  @Mutation(() => PotentialAssessment, { description: 'HR admins' })
  recordPotential(@Ctx() ctx: Context, @Arg('input') input: PotentialInput) {
    return competencies.recordPotential(ctx, input);
  }

  @Mutation(() => Training, { description: 'HR admins' })
  saveTraining(@Ctx() ctx: Context, @Arg('input') input: TrainingInput) {
    return trainings.saveTraining(ctx, input);
  }

  @Mutation(() => Enrolment, { description: 'The direct supervisor assigns a training' })
  assignTraining(
    @Ctx() ctx: Context,
    @Arg('trainingId', () => ID) trainingId: string,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ) {
    return trainings.assignTraining(ctx, { trainingId, employeeId, reason });
  }

  @Mutation(() => Enrolment, { description: 'The signed-in employee enrols' })
  enrolInTraining(@Ctx() ctx: Context, @Arg('trainingId', () => ID) trainingId: string) {
    return trainings.enrol(ctx, trainingId);
  }

  @Mutation(() => Enrolment, { description: 'The employee cancels their own place' })
  cancelEnrolment(@Ctx() ctx: Context, @Arg('enrolmentId', () => ID) enrolmentId: string) {
    return trainings.cancelEnrolment(ctx, enrolmentId);
  }

  @Mutation(() => Enrolment, { description: 'HR admins record completion and the JP credited' })
  completeEnrolment(
    @Ctx() ctx: Context,
    @Arg('enrolmentId', () => ID) enrolmentId: string,
    @Arg('jp', () => Int, { nullable: true }) jp?: number | null,
    @Arg('completedOn', () => DateScalar, { nullable: true }) completedOn?: string | null,
  ) {
    return trainings.completeEnrolment(ctx, { enrolmentId, jp, completedOn });
  }
}

@Resolver(() => CompetencyStandard)
export class CompetencyStandardResolver {
  @FieldResolver(() => OrgUnit, { nullable: true, description: 'Null for a shared standard' })
  opd(@Root() s: CompetencyStandard, @Ctx() ctx: Context): Promise<OrgUnitRecord | null> | null {
    return s.opd ? ctx.loaders.orgUnit.load(s.opd.id) : null;
  }
}

@Resolver(() => CompetencyAssessment)
export class CompetencyAssessmentResolver {
  @FieldResolver(() => Employee, { nullable: true, description: 'Who recorded it' })
  assessor(@Root() a: CompetencyAssessment, @Ctx() ctx: Context) {
    return a.assessor ? ctx.loaders.employee.load(a.assessor.id) : null;
  }
}

@Resolver(() => Training)
export class TrainingResolver {
  @FieldResolver(() => Int, { description: 'Seats taken (enrolled or completed)' })
  seatsTaken(@Root() t: Training, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.trainingSeats.load(t.id);
  }

  @FieldResolver(() => EnrolmentConnection, {
    description:
      'Who is on it, by name (HR admins and auditors); every status, or one. Batched across a list of trainings',
  })
  enrolments(
    @Root() t: Training,
    @Ctx() ctx: Context,
    @Arg('status', () => EnrolmentStatus, { nullable: true }) status?: EnrolmentStatus | null,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return trainings.trainingEnrolments(ctx, t.id, { status, first, after });
  }
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => Training)
  async training(@Root() e: Enrolment, @Ctx() ctx: Context): Promise<Training> {
    return (await ctx.loaders.training.load(e.training.id))!;
  }

  @FieldResolver(() => Employee)
  async employee(@Root() e: Enrolment, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(e.employee.id))!;
  }

  @FieldResolver(() => Employee, { nullable: true })
  assignedBy(@Root() e: Enrolment, @Ctx() ctx: Context) {
    return e.assignedBy ? ctx.loaders.employee.load(e.assignedBy.id) : null;
  }
}

@Resolver(() => UnitDevelopmentHours)
export class UnitDevelopmentHoursResolver {
  @FieldResolver(() => JpStandingConnection, {
    description: 'Who is behind, least JP first, then by name',
  })
  behind(
    @Root() hours: UnitDevelopmentHours,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return trainings.behindPage(hours, { first, after });
  }
}

@Resolver(() => TalentBoxCell)
export class TalentBoxCellResolver {
  @FieldResolver(() => TalentPlacementConnection, { description: 'The people in it, by name' })
  placements(
    @Root() cell: TalentBoxCell,
    @firstArg(TALENT_BOX_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return talent.boxPage(cell, { first, after }, TALENT_BOX_PAGE_SIZE);
  }
}

@Resolver(() => TalentGrid)
export class TalentGridResolver {
  @FieldResolver(() => [TalentBoxCell], {
    description:
      'Boxes 1–9 (numbers as in the reference data); with box, only that one (e.g. the box a person opened)',
  })
  boxes(
    @Root() grid: TalentGrid,
    @Arg('box', () => Int, { nullable: true, description: 'A box number, 1–9' })
    box?: number | null,
  ) {
    return talent.boxesOf(grid, box);
  }

  @FieldResolver(() => UnplacedEmployeeConnection, {
    description: 'Who could not be placed and why, by name',
  })
  unplaced(
    @Root() grid: TalentGrid,
    @firstArg(DEVELOPMENT_PAGE_SIZE) first?: number | null,
    @afterArg() after?: string | null,
  ) {
    return talent.unplacedPage(grid, { first, after });
  }
}

@Resolver(() => JpStanding)
export class JpStandingResolver {
  @FieldResolver(() => Employee)
  async employee(@Root() s: JpStanding, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(s.employeeId))!;
  }
}

@Resolver(() => TalentPlacement)
export class TalentPlacementResolver {
  @FieldResolver(() => Employee)
  async employee(@Root() p: TalentPlacement, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(p.employeeId))!;
  }
}

@Resolver(() => UnplacedEmployee)
export class UnplacedEmployeeResolver {
  @FieldResolver(() => Employee)
  async employee(@Root() p: UnplacedEmployee, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(p.employeeId))!;
  }
}

@Resolver(() => DevelopmentHours)
export class DevelopmentHoursResolver {
  @FieldResolver(() => Employee)
  async employee(@Root() s: DevelopmentHours, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(s.employeeId))!;
  }
}
