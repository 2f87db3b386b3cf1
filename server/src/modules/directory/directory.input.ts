import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../kernel/scalars.js';
import { EmploymentType, JobType, OrgUnitKind, Sex } from './directory.enums.js';

@InputType({ description: 'Filters for the employee list; all given filters must match' })
export class EmployeeFilter {
  @Field(() => ID, { nullable: true, description: 'This unit and every unit below it' })
  orgUnitId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, or the first digits of the NIP',
  })
  search?: string | null;

  @Field(() => JobType, { nullable: true })
  jobType?: JobType | null;

  @Field(() => EmploymentType, { nullable: true })
  employmentType?: EmploymentType | null;

  @Field(() => ID, { nullable: true, description: 'Direct reports of this supervisor' })
  supervisorId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Default: active employees only; false for inactive',
  })
  active?: boolean | null;
}

@InputType()
export class CreateEmployeeInput {
  @Field({ description: 'NIP or NI PPPK; spaces allowed' })
  nip!: string;

  @Field()
  name!: string;

  @Field(() => EmploymentType)
  employmentType!: EmploymentType;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => DateScalar)
  birthDate!: string;

  @Field()
  rank!: string;

  @Field(() => JobType)
  jobType!: JobType;

  @Field()
  positionTitle!: string;

  @Field(() => ID)
  orgUnitId!: string;

  @Field(() => ID, { nullable: true })
  supervisorId?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are' })
export class UpdateEmployeeInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  rank?: string | null;

  @Field(() => JobType, { nullable: true })
  jobType?: JobType | null;

  @Field(() => String, { nullable: true })
  positionTitle?: string | null;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'New supervisor; see clearSupervisor to remove' })
  supervisorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Remove the supervisor link' })
  clearSupervisor?: boolean | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
export class CreateOrgUnitInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => ID, { description: 'Sub-units always have a parent; OPDs come from reference data' })
  parentId!: string;
}

export const EXPECTED_VERSION = { type: () => Int, description: 'The version you edited' };
