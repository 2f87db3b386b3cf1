import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../kernel/scalars.js';
import { PlanStatus, ResultAspect, WorkResultKind } from './planning.enums.js';

@InputType({
  description: 'Open a period; windows default to January (planning) and 1 Dec–31 Jan (evaluation)',
})
export class OpenPeriodInput {
  @Field(() => Int)
  year!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => DateScalar, { nullable: true })
  planningOpensOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  planningClosesOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  evaluationOpensOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  evaluationClosesOn?: string | null;
}

@InputType({
  description: 'An IKI: a quantitative target (value + unit) or a qualitative target text',
})
export class IndicatorInput {
  @Field(() => ID, { nullable: true, description: 'When updating: the IKI to keep and change' })
  id?: string | null;

  @Field(() => ResultAspect)
  aspect!: ResultAspect;

  @Field({ description: 'What is measured' })
  text!: string;

  @Field(() => Number, { nullable: true })
  targetValue?: number | null;

  @Field(() => String, { nullable: true })
  targetUnit?: string | null;

  @Field(() => String, { nullable: true })
  targetText?: string | null;
}

@InputType()
export class AddWorkResultInput {
  @Field(() => ID)
  planId!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => WorkResultKind)
  kind!: WorkResultKind;

  @Field()
  text!: string;

  @Field(() => ID, { nullable: true, description: "The assessor's RHK this cascades from" })
  parentId?: string | null;

  @Field(() => [IndicatorInput])
  indicators!: IndicatorInput[];
}

@InputType()
export class UpdateWorkResultInput {
  @Field(() => ID)
  workResultId!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => WorkResultKind, { nullable: true })
  kind?: WorkResultKind | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true })
  clearParent?: boolean | null;

  @Field(() => [IndicatorInput], {
    nullable: true,
    description: 'Replaces the IKI: with id = keep and change, without = add; left out = remove',
  })
  indicators?: IndicatorInput[] | null;
}

@InputType({ description: 'Which plans a bulk read returns; every field narrows it' })
export class PlanFilter {
  @Field(() => ID, { nullable: true, description: 'Plans of people in this OPD' })
  opdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Plans of people in this unit or below it' })
  orgUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  periodId?: string | null;

  @Field(() => PlanStatus, { nullable: true })
  status?: PlanStatus | null;

  @Field(() => ID, { nullable: true, description: 'Plans this employee assesses' })
  assessorId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Changed at or after this time' })
  updatedSince?: Date | null;
}
