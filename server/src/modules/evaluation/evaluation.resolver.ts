import { connectionTypes } from '../../kernel/connection-types.js';
import { AppraisalFilter } from './evaluation.input.js';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../access/context.js';
import { Activity } from '../activities/index.js';
import { Employee, type EmployeeRecord, OrgUnit, type OrgUnitRecord } from '../directory/index.js';
import { Feedback } from '../feedback/index.js';
import { CoreValue, Period, PerformancePlan } from '../planning/index.js';
import * as appeals from './appeal.service.js';
import * as appraisals from './appraisal.service.js';
import * as distributions from './distribution.service.js';
import {
  AppealDecision,
  AppraisalCheckpoint,
  ExplanationFrom,
  OrgRatingLevel,
  Predikat,
  Rating,
} from './evaluation.enums.js';
import {
  Appeal,
  AppealExplanation,
  Appraisal,
  AppraisalHistory,
  DistributionPattern,
  OrgRating,
  PeerFeedbackRequest,
  SelfAssessment,
} from './evaluation.entity.js';
import { predikatOf, PREDIKAT_NAMES } from './evaluation.rules.js';
import * as peers from './peer.service.js';
import { Distribution, toDistribution } from './distribution.types.js';

export const { ConnectionType: AppraisalConnection } = connectionTypes(Appraisal, 'Appraisal');

@ObjectType({ description: 'A note on one core value' })
export class ValueNote {
  @Field(() => CoreValue)
  value!: CoreValue;

  @Field()
  note!: string;
}

@InputType()
export class ValueNoteInput {
  @Field(() => CoreValue)
  value!: CoreValue;

  @Field()
  note!: string;
}

@InputType({ description: 'Ratings and notes; absent fields stay as they are' })
export class SaveAppraisalInput {
  @Field(() => ID)
  planId!: string;

  @Field(() => AppraisalCheckpoint)
  checkpoint!: AppraisalCheckpoint;

  @Field(() => Rating, { nullable: true })
  resultRating?: Rating | null;

  @Field(() => Rating, { nullable: true })
  behaviourRating?: Rating | null;

  @Field(() => [ValueNoteInput], { nullable: true })
  valueNotes?: ValueNoteInput[] | null;

  @Field(() => String, { nullable: true })
  overallNote?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required once the appraisal exists' })
  expectedVersion?: number | null;
}

@InputType()
export class SelfAssessmentInput {
  @Field(() => ID)
  planId!: string;

  @Field(() => AppraisalCheckpoint)
  checkpoint!: AppraisalCheckpoint;

  @Field(() => Rating)
  resultRating!: Rating;

  @Field(() => Rating)
  behaviourRating!: Rating;

  @Field(() => [ValueNoteInput], { nullable: true })
  valueNotes?: ValueNoteInput[] | null;

  @Field(() => String, { nullable: true })
  overallNote?: string | null;
}

@ObjectType({ description: 'What an appraisal rests on' })
export class AppraisalEvidence {
  @Field(() => Number, { nullable: true, description: 'Plan progress (fraction of target)' })
  planProgress!: number | null;

  @Field(() => Int, { description: 'Approved activities dated in the checkpoint (or year)' })
  approvedActivities!: number;

  @Field(() => [Activity], { description: 'The latest 20 of them' })
  recentActivities!: Activity[];

  @Field(() => [Feedback], { description: 'Feedback given on the plan during the period' })
  feedback!: Feedback[];
}

@ObjectType()
export class ValueAggregate {
  @Field(() => CoreValue)
  value!: CoreValue;

  @Field(() => Int)
  responses!: number;

  @Field(() => Number, { nullable: true, description: 'ABOVE = 3, MEETS = 2, BELOW = 1' })
  meanScore!: number | null;

  @Field(() => Rating, { nullable: true })
  rating!: Rating | null;

  @Field(() => Int)
  above!: number;

  @Field(() => Int)
  meets!: number;

  @Field(() => Int)
  below!: number;
}

@ObjectType()
export class PeerComment {
  @Field(() => CoreValue)
  value!: CoreValue;

  @Field()
  text!: string;
}

@ObjectType({ description: '360 feedback aggregates; never who answered' })
export class PeerFeedbackSummary {
  @Field(() => Int)
  requested!: number;

  @Field(() => Int)
  responses!: number;

  @Field(() => Int, { description: 'Responses needed before the person sees aggregates' })
  minimum!: number;

  @Field({ description: 'Whether the person themselves may see the aggregates' })
  visible!: boolean;

  @Field(() => [ValueAggregate])
  values!: ValueAggregate[];

  @Field(() => [PeerComment], { description: 'For the assessor and their supervisor only' })
  comments!: PeerComment[];
}

@InputType()
export class PeerRatingInput {
  @Field(() => CoreValue)
  value!: CoreValue;

  @Field(() => Rating)
  rating!: Rating;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
export class DistributionRuleInput {
  @Field(() => [Predikat])
  predikat!: Predikat[];

  @Field(() => Number, { nullable: true, description: 'Largest share, 0..1' })
  max?: number | null;

  @Field(() => Number, { nullable: true, description: 'Smallest share, 0..1' })
  min?: number | null;

  @Field(() => Int, { nullable: true, description: 'Smallest count' })
  minCount?: number | null;
}

@ObjectType({ description: 'A rule of a distribution pattern' })
export class PatternRule {
  @Field(() => [Predikat])
  predikat!: Predikat[];

  @Field(() => Number, { nullable: true })
  max!: number | null;

  @Field(() => Number, { nullable: true })
  min!: number | null;

  @Field(() => Int, { nullable: true })
  minCount!: number | null;
}

@Resolver(() => Appraisal)
export class AppraisalResolver {
  @Query(() => Predikat, {
    description: 'Public lookup of the predikat matrix (no sign-in needed)',
  })
  predikatFor(
    @Arg('resultRating', () => Rating) resultRating: Rating,
    @Arg('behaviourRating', () => Rating) behaviourRating: Rating,
  ): Predikat {
    return predikatOf(resultRating, behaviourRating) as Predikat;
  }

  @Query(() => Appraisal, { nullable: true })
  appraisal(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Appraisal | null> {
    return appraisals.getAppraisal(ctx, id);
  }

  @Query(() => AppraisalConnection, {
    description:
      'Appraisals of many people, e.g. the Q3 predikat of an OPD (agency tools, admins; assessors with assessorId = themselves), in creation order. Pages up to 500 for API clients, 100 for people.',
  })
  appraisals(
    @Ctx() ctx: Context,
    @Arg('filter', () => AppraisalFilter, { nullable: true }) filter?: AppraisalFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return appraisals.listAppraisals(ctx, filter ?? {}, { first, after });
  }

  @Query(() => [Appraisal], { description: 'An employee’s appraisals in a period' })
  appraisalsFor(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('periodId', () => ID) periodId: string,
  ): Promise<Appraisal[]> {
    return appraisals.appraisalsFor(ctx, employeeId, periodId);
  }

  @Mutation(() => Appraisal, { description: 'The assessor records or corrects ratings and notes' })
  saveAppraisal(@Ctx() ctx: Context, @Arg('input') input: SaveAppraisalInput): Promise<Appraisal> {
    return appraisals.saveAppraisal(ctx, input);
  }

  @Mutation(() => Appraisal)
  submitAppraisal(
    @Ctx() ctx: Context,
    @Arg('appraisalId', () => ID) appraisalId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<Appraisal> {
    return appraisals.submitAppraisal(ctx, appraisalId, expectedVersion);
  }

  @Mutation(() => SelfAssessment, {
    description: 'The employee’s own assessment, before the assessor submits',
  })
  submitSelfAssessment(
    @Ctx() ctx: Context,
    @Arg('input') input: SelfAssessmentInput,
  ): Promise<SelfAssessment> {
    return appraisals.submitSelfAssessment(ctx, input);
  }

  @FieldResolver(() => Employee)
  async employee(@Root() a: Appraisal, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(a.employee.id))!;
  }

  @FieldResolver(() => Employee)
  async assessor(@Root() a: Appraisal, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(a.assessor.id))!;
  }

  @FieldResolver(() => PerformancePlan, { description: 'API clients need plans:read as well' })
  plan(@Root() a: Appraisal, @Ctx() ctx: Context): Promise<PerformancePlan> {
    return appraisals.appraisalPlan(ctx, a);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Official name of the predikat' })
  predikatName(@Root() a: Appraisal): string | null {
    return a.predikat ? PREDIKAT_NAMES[a.predikat] : null;
  }

  @FieldResolver(() => [ValueNote])
  valueNotes(@Root() a: Appraisal): ValueNote[] {
    return Object.entries(a.valueNotes).map(([value, note]) => ({
      value: value as CoreValue,
      note,
    }));
  }

  @FieldResolver(() => SelfAssessment, {
    nullable: true,
    description: 'Shown beside the assessor’s own',
  })
  selfAssessment(@Root() a: Appraisal, @Ctx() ctx: Context): Promise<SelfAssessment | null> {
    return ctx.loaders.selfAssessment.load(`${a.plan.id}|${a.checkpoint}`);
  }

  @FieldResolver(() => [AppraisalHistory], {
    description: 'Earlier ratings (e.g. before a granted appeal)',
  })
  history(@Root() a: Appraisal, @Ctx() ctx: Context): Promise<AppraisalHistory[]> {
    return ctx.loaders.appraisalHistory.load(a.id);
  }

  @FieldResolver(() => Appeal, { nullable: true })
  appeal(@Root() a: Appraisal, @Ctx() ctx: Context): Promise<Appeal | null> {
    return ctx.loaders.appealOfAppraisal.load(a.id);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Jabatan fungsional, annual: percentage of the annual credit coefficient (angka kredit)',
  })
  functionalCreditPercent(@Root() a: Appraisal, @Ctx() ctx: Context): Promise<number | null> {
    return appraisals.appraisalCreditPercent(ctx, a);
  }

  @FieldResolver(() => AppraisalEvidence, {
    description: 'Progress, approved activities and feedback it rests on',
  })
  evidence(@Root() a: Appraisal, @Ctx() ctx: Context): Promise<AppraisalEvidence> {
    return appraisals.appraisalEvidence(ctx, a);
  }
}

@Resolver(() => SelfAssessment)
export class SelfAssessmentResolver {
  @FieldResolver(() => [ValueNote])
  valueNotes(@Root() s: SelfAssessment): ValueNote[] {
    return Object.entries(s.valueNotes).map(([value, note]) => ({
      value: value as CoreValue,
      note,
    }));
  }

  @FieldResolver(() => Predikat, { description: 'What the employee’s own ratings would give' })
  predikat(@Root() s: SelfAssessment): Predikat {
    return predikatOf(s.resultRating, s.behaviourRating) as Predikat;
  }
}

@Resolver(() => Distribution)
export class DistributionResolver {
  @Query(() => Distribution, {
    description: 'Predikat counts of a unit against its OPD’s pattern, rule by rule',
  })
  async distribution(
    @Ctx() ctx: Context,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('checkpoint', () => AppraisalCheckpoint) checkpoint: AppraisalCheckpoint,
  ): Promise<Distribution> {
    return toDistribution(await distributions.distribution(ctx, orgUnitId, periodId, checkpoint));
  }

  @Mutation(() => Distribution, {
    description:
      'Move an OPD’s submitted appraisals to FINAL; refused while the pattern is broken unless an HR admin overrides',
  })
  async finaliseAppraisals(
    @Ctx() ctx: Context,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('checkpoint', () => AppraisalCheckpoint) checkpoint: AppraisalCheckpoint,
    @Arg('overrideReason', () => String, { nullable: true }) overrideReason?: string | null,
  ): Promise<Distribution> {
    return toDistribution(
      await distributions.finaliseAppraisals(ctx, {
        orgUnitId,
        periodId,
        checkpoint,
        overrideReason,
      }),
    );
  }

  @Mutation(() => OrgRating, { description: 'Predikat Kinerja Organisasi of an OPD for a period' })
  setOrgRating(
    @Ctx() ctx: Context,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('rating', () => OrgRatingLevel) rating: OrgRatingLevel,
    @Arg('justification') justification: string,
  ): Promise<OrgRating> {
    return distributions.setOrgRating(ctx, { orgUnitId, periodId, rating, justification });
  }

  @Query(() => [DistributionPattern])
  distributionPatterns(@Ctx() ctx: Context): Promise<DistributionPattern[]> {
    return distributions.listPatterns(ctx);
  }

  @Mutation(() => DistributionPattern, { description: 'HR admins edit a pattern (validated)' })
  updateDistributionPattern(
    @Ctx() ctx: Context,
    @Arg('orgRating', () => OrgRatingLevel) orgRating: OrgRatingLevel,
    @Arg('rules', () => [DistributionRuleInput]) rules: DistributionRuleInput[],
    @Arg('text', () => String, { nullable: true }) text?: string | null,
  ): Promise<DistributionPattern> {
    const clean = rules.map((r) => ({
      predikat: r.predikat,
      ...(r.max != null ? { max: r.max } : {}),
      ...(r.min != null ? { min: r.min } : {}),
      ...(r.minCount != null ? { minCount: r.minCount } : {}),
    }));
    return distributions.updatePattern(ctx, orgRating, clean, text ?? null);
  }
}

@Resolver(() => DistributionPattern)
export class DistributionPatternResolver {
  @FieldResolver(() => [PatternRule])
  rules(@Root() p: DistributionPattern): PatternRule[] {
    return p.rules.map((r) => ({
      predikat: r.predikat,
      max: r.max ?? null,
      min: r.min ?? null,
      minCount: r.minCount ?? null,
    }));
  }
}

@Resolver(() => OrgRating)
export class OrgRatingResolver {
  @FieldResolver(() => OrgUnit)
  async orgUnit(@Root() r: OrgRating, @Ctx() ctx: Context): Promise<OrgUnitRecord> {
    return (await ctx.loaders.orgUnit.load(r.orgUnit.id))!;
  }

  @FieldResolver(() => Period)
  async period(@Root() r: OrgRating, @Ctx() ctx: Context): Promise<Period> {
    return (await ctx.loaders.period.load(r.period.id))!;
  }
}

@Resolver(() => PeerFeedbackRequest)
export class PeerFeedbackResolver {
  @Mutation(() => [PeerFeedbackRequest], {
    description: 'The assessor asks peers and direct reports for 360 feedback',
  })
  requestPeerFeedback(
    @Ctx() ctx: Context,
    @Arg('subjectId', () => ID) subjectId: string,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('checkpoint', () => AppraisalCheckpoint) checkpoint: AppraisalCheckpoint,
    @Arg('respondentIds', () => [ID]) respondentIds: string[],
  ): Promise<PeerFeedbackRequest[]> {
    return peers.requestPeerFeedback(ctx, { subjectId, periodId, checkpoint, respondentIds });
  }

  @Query(() => [PeerFeedbackRequest], { description: '360 requests waiting for your answer' })
  myPeerFeedbackRequests(@Ctx() ctx: Context): Promise<PeerFeedbackRequest[]> {
    return peers.myPeerFeedbackRequests(ctx);
  }

  @Mutation(() => Boolean, {
    description: 'Answer a 360 request once; your name is not stored with it',
  })
  answerPeerFeedback(
    @Ctx() ctx: Context,
    @Arg('requestId', () => ID) requestId: string,
    @Arg('ratings', () => [PeerRatingInput]) ratings: PeerRatingInput[],
  ): Promise<boolean> {
    return peers.answerPeerFeedback(ctx, requestId, ratings);
  }

  @Query(() => PeerFeedbackSummary, { description: '360 aggregates per core value' })
  peerFeedbackSummary(
    @Ctx() ctx: Context,
    @Arg('subjectId', () => ID) subjectId: string,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('checkpoint', () => AppraisalCheckpoint) checkpoint: AppraisalCheckpoint,
  ): Promise<PeerFeedbackSummary> {
    return peers.peerFeedbackSummary(ctx, subjectId, periodId, checkpoint);
  }

  @FieldResolver(() => Employee, { description: 'Whom the feedback is about' })
  async subject(@Root() r: PeerFeedbackRequest, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(r.subject.id))!;
  }

  @FieldResolver(() => Period)
  async period(@Root() r: PeerFeedbackRequest, @Ctx() ctx: Context): Promise<Period> {
    return (await ctx.loaders.period.load(r.period.id))!;
  }
}

@Resolver(() => Appeal)
export class AppealResolver {
  @Query(() => Appeal, { nullable: true })
  appeal(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Appeal | null> {
    return appeals.getAppeal(ctx, id);
  }

  @Mutation(() => Appeal, { description: 'Keberatan: once per final appraisal, within the window' })
  fileAppeal(
    @Ctx() ctx: Context,
    @Arg('appraisalId', () => ID) appraisalId: string,
    @Arg('reason') reason: string,
  ): Promise<Appeal> {
    return appeals.fileAppeal(ctx, appraisalId, reason);
  }

  @Mutation(() => AppealExplanation, {
    description: 'The decider asks the assessor or the employee to explain',
  })
  requestAppealExplanation(
    @Ctx() ctx: Context,
    @Arg('appealId', () => ID) appealId: string,
    @Arg('from', () => ExplanationFrom) from: ExplanationFrom,
    @Arg('question') question: string,
  ): Promise<AppealExplanation> {
    return appeals.requestExplanation(ctx, appealId, from, question);
  }

  @Mutation(() => AppealExplanation)
  explainAppeal(
    @Ctx() ctx: Context,
    @Arg('explanationId', () => ID) explanationId: string,
    @Arg('answer') answer: string,
  ): Promise<AppealExplanation> {
    return appeals.explainAppeal(ctx, explanationId, answer);
  }

  @Mutation(() => Appeal, {
    description: 'REJECTED (unchanged) or GRANTED with new ratings; final',
  })
  decideAppeal(
    @Ctx() ctx: Context,
    @Arg('appealId', () => ID) appealId: string,
    @Arg('decision', () => AppealDecision) decision: AppealDecision,
    @Arg('note') note: string,
    @Arg('resultRating', () => Rating, { nullable: true }) resultRating?: Rating | null,
    @Arg('behaviourRating', () => Rating, { nullable: true }) behaviourRating?: Rating | null,
  ): Promise<Appeal> {
    return appeals.decideAppeal(ctx, { appealId, decision, note, resultRating, behaviourRating });
  }

  @FieldResolver(() => Appraisal)
  appraisal(@Root() a: Appeal, @Ctx() ctx: Context): Promise<Appraisal> {
    return appeals.appealAppraisal(ctx, a);
  }

  @FieldResolver(() => Employee)
  async employee(@Root() a: Appeal, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(a.employee.id))!;
  }

  @FieldResolver(() => Employee, { description: 'The assessor’s supervisor who decides' })
  async decider(@Root() a: Appeal, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(a.decider.id))!;
  }

  @FieldResolver(() => [AppealExplanation])
  explanations(@Root() a: Appeal, @Ctx() ctx: Context): Promise<AppealExplanation[]> {
    return appeals.appealExplanations(ctx, a);
  }
}

@Resolver(() => AppealExplanation)
export class AppealExplanationResolver {
  @FieldResolver(() => Employee)
  async askedOf(@Root() e: AppealExplanation, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(e.askedOf.id))!;
  }
}
