import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../kernel/scalars.js';
import { JobType } from '../directory/index.js';
import { AssessmentSource, PotentialLevel, TrainingMode } from './development.enums.js';

@InputType({
  description:
    'A competency at a level: a common competency by key (INTEGRITY, …, NATION_BINDING), or a technical one by name',
})
export class CompetencyLevelInput {
  @Field(() => String, { nullable: true })
  key?: string | null;

  @Field(() => String, { nullable: true, description: 'For a technical competency' })
  name?: string | null;

  @Field(() => Int)
  level!: number;
}

@InputType({
  description: 'A position standard (OPD + title + job type) or a shared one (job type only)',
})
export class CompetencyStandardInput {
  @Field(() => ID, { nullable: true, description: 'To change an existing standard' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required with id' })
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true })
  opdId?: string | null;

  @Field(() => String, { nullable: true })
  positionTitle?: string | null;

  @Field(() => JobType)
  jobType!: JobType;

  @Field(() => Boolean, { nullable: true })
  publicService?: boolean | null;

  @Field(() => [CompetencyLevelInput])
  requirements!: CompetencyLevelInput[];
}

@InputType({ description: 'Assessed levels of one employee, from one source, on one day' })
export class CompetencyAssessmentInput {
  @Field(() => ID)
  employeeId!: string;

  @Field(() => AssessmentSource)
  source!: AssessmentSource;

  @Field(() => DateScalar, { nullable: true, description: 'Default: today' })
  assessedOn?: string | null;

  @Field(() => [CompetencyLevelInput])
  levels!: CompetencyLevelInput[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class PotentialInput {
  @Field(() => ID)
  employeeId!: string;

  @Field(() => PotentialLevel)
  level!: PotentialLevel;

  @Field(() => DateScalar, { nullable: true })
  assessedOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A training of the catalogue; with id, changes that training' })
export class TrainingInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field()
  title!: string;

  @Field()
  provider!: string;

  @Field(() => TrainingMode)
  mode!: TrainingMode;

  @Field(() => Int)
  jp!: number;

  @Field(() => [CompetencyLevelInput])
  competencies!: CompetencyLevelInput[];

  @Field(() => Boolean, { nullable: true })
  publicServiceFocus?: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string | null;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
export class TrainingFilterInput {
  @Field(() => String, { nullable: true })
  competencyKey?: string | null;

  @Field(() => TrainingMode, { nullable: true })
  mode?: TrainingMode | null;

  @Field(() => Boolean, { nullable: true })
  includeEnded?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Also deactivated trainings, to find and reactivate one (HR admins only; FORBIDDEN for others)',
  })
  includeInactive?: boolean | null;
}

/** Page size of the development lists when `first` is not given (at most `MAX_PAGE_SIZE`). */
export const DEVELOPMENT_PAGE_SIZE = 50;
/** Page size of the people in one box of the talent grid: nine boxes share a screen. */
export const TALENT_BOX_PAGE_SIZE = 20;

/** `first` and `after` of a connection. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}
