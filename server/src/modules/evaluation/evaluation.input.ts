import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { AppraisalCheckpoint, AppraisalStatus, Predikat } from './evaluation.enums.js';

@InputType({ description: 'Which appraisals a bulk read returns; every field narrows it' })
export class AppraisalFilter {
  @Field(() => ID, { nullable: true, description: 'Appraisals of people in this OPD' })
  opdId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Appraisals of people whose plan is in this unit or below it',
  })
  orgUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  periodId?: string | null;

  @Field(() => AppraisalCheckpoint, { nullable: true })
  checkpoint?: AppraisalCheckpoint | null;

  @Field(() => AppraisalStatus, { nullable: true })
  status?: AppraisalStatus | null;

  @Field(() => Predikat, { nullable: true })
  predikat?: Predikat | null;

  @Field(() => ID, { nullable: true, description: 'Appraisals by this assessor' })
  assessorId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Changed at or after this time' })
  updatedSince?: Date | null;
}
