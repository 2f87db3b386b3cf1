import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToOne,
  PrimaryKey,
  Property,
  type Opt,
  type Rel,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { uuidv7 } from 'uuidv7';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { Employee } from '../directory/employee.entity.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import { Period } from '../planning/period.entity.js';
import { PerformancePlan } from '../planning/plan.entity.js';
import {
  AppealDecision,
  AppealStatus,
  AppraisalCheckpoint,
  AppraisalStatus,
  ExplanationFrom,
  OrgRatingLevel,
  PeerRelation,
  PeerRequestStatus,
  Predikat,
  Rating,
} from './evaluation.enums.js';

/** Evaluasi kinerja of one plan at one checkpoint (or the year), by the plan's assessor. */
@ObjectType({
  description: 'Evaluasi kinerja: ratings and predikat at a checkpoint or for the year',
})
@Entity({ tableName: 'appraisal' })
@Unique({ properties: ['plan', 'checkpoint'] })
@Index({ properties: ['opd', 'period', 'checkpoint', 'status'] })
@Index({ properties: ['assessor', 'status'] })
export class Appraisal {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => PerformancePlan)
  plan!: Rel<PerformancePlan>;

  @ManyToOne(() => Employee)
  @Index()
  employee!: Rel<Employee>;

  /** The plan's assessor, who alone rates. */
  @ManyToOne(() => Employee)
  assessor!: Rel<Employee>;

  @ManyToOne(() => Period)
  period!: Rel<Period>;

  /** The OPD of the plan's unit: distribution and finalisation are per OPD. */
  @ManyToOne(() => OrgUnit)
  opd!: Rel<OrgUnit>;

  @Field(() => AppraisalCheckpoint)
  @Enum({ items: () => AppraisalCheckpoint })
  checkpoint!: AppraisalCheckpoint;

  @Field(() => AppraisalStatus)
  @Enum({ items: () => AppraisalStatus, default: AppraisalStatus.DRAFT })
  status: Opt<AppraisalStatus> = AppraisalStatus.DRAFT;

  @Field(() => Rating, { nullable: true, description: 'Rating Hasil Kerja' })
  @Enum({ items: () => Rating, nullable: true })
  resultRating: Rating | null = null;

  @Field(() => Rating, { nullable: true, description: 'Rating Perilaku Kerja' })
  @Enum({ items: () => Rating, nullable: true })
  behaviourRating: Rating | null = null;

  @Field(() => Predikat, {
    nullable: true,
    description: 'Looked up from the two ratings, never typed in',
  })
  @Enum({ items: () => Predikat, nullable: true })
  predikat: Predikat | null = null;

  /** Note per core value: { SERVICE_ORIENTED: '...', ... } */
  @Property({ type: 'json' })
  valueNotes: Opt<Record<string, string>> = {};

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  overallNote: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finalisedAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field(() => DateTimeScalar, { description: 'Last change (ratings, status, an appeal granted)' })
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** The employee's own assessment with the same fields, shown to the assessor beside theirs. */
@ObjectType({ description: 'Self-assessment by the employee' })
@Entity({ tableName: 'self_assessment' })
@Unique({ properties: ['plan', 'checkpoint'] })
export class SelfAssessment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => PerformancePlan)
  plan!: Rel<PerformancePlan>;

  @Field(() => AppraisalCheckpoint)
  @Enum({ items: () => AppraisalCheckpoint })
  checkpoint!: AppraisalCheckpoint;

  @Field(() => Rating)
  @Enum({ items: () => Rating })
  resultRating!: Rating;

  @Field(() => Rating)
  @Enum({ items: () => Rating })
  behaviourRating!: Rating;

  @Property({ type: 'json' })
  valueNotes: Opt<Record<string, string>> = {};

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  overallNote: string | null = null;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime' })
  submittedAt!: Date;
}

/** Ratings an appraisal had before they were changed (by a granted appeal). */
@ObjectType({ description: 'Earlier ratings of an appraisal, kept when they change' })
@Entity({ tableName: 'appraisal_history' })
export class AppraisalHistory {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Appraisal)
  @Index()
  appraisal!: Rel<Appraisal>;

  @Field(() => Rating, { nullable: true })
  @Enum({ items: () => Rating, nullable: true })
  resultRating: Rating | null = null;

  @Field(() => Rating, { nullable: true })
  @Enum({ items: () => Rating, nullable: true })
  behaviourRating: Rating | null = null;

  @Field(() => Predikat, { nullable: true })
  @Enum({ items: () => Predikat, nullable: true })
  predikat: Predikat | null = null;

  @Field()
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  changedAt: Opt<Date> = new Date();
}

/** Predikat Kinerja Organisasi of an OPD for a period; it selects the distribution pattern. */
@ObjectType({ description: 'Predikat Kinerja Organisasi of an OPD for a period' })
@Entity({ tableName: 'org_rating' })
@Unique({ properties: ['orgUnit', 'period'] })
export class OrgRating {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => OrgUnit)
  orgUnit!: Rel<OrgUnit>;

  @ManyToOne(() => Period)
  period!: Rel<Period>;

  @Field(() => OrgRatingLevel)
  @Enum({ items: () => OrgRatingLevel })
  rating!: OrgRatingLevel;

  @Field()
  @Property({ type: 'text' })
  justification!: string;

  @Property({ type: 'uuid' })
  setByEmployeeId!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  setAt: Opt<Date> = new Date();
}

/** Pola distribusi for one organisation rating: data with published defaults, editable. */
@ObjectType({ description: 'Pola distribusi (kurva) for an organisation rating' })
@Entity({ tableName: 'distribution_pattern' })
export class DistributionPattern {
  @Field(() => OrgRatingLevel)
  @PrimaryKey({ type: 'string', length: 20 })
  orgRating!: OrgRatingLevel;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  /** [{ predikat: [...], max?, min?, minCount? }] */
  @Property({ type: 'json' })
  rules!: { predikat: Predikat[]; max?: number; min?: number; minCount?: number }[];

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** A request to rate a colleague's behaviour (360). Knows the respondent; the answer does not. */
@ObjectType({ description: 'A request to give 360 feedback on a colleague' })
@Entity({ tableName: 'peer_feedback_request' })
@Unique({ properties: ['subject', 'period', 'checkpoint', 'respondent'] })
@Index({ properties: ['respondent', 'status'] })
export class PeerFeedbackRequest {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Employee)
  subject!: Rel<Employee>;

  @ManyToOne(() => Period)
  period!: Rel<Period>;

  @Field(() => AppraisalCheckpoint)
  @Enum({ items: () => AppraisalCheckpoint })
  checkpoint!: AppraisalCheckpoint;

  @ManyToOne(() => Employee)
  respondent!: Rel<Employee>;

  @Property({ type: 'uuid' })
  requestedByEmployeeId!: string;

  @Field(() => PeerRelation)
  @Enum({ items: () => PeerRelation })
  relation!: PeerRelation;

  @Field(() => PeerRequestStatus)
  @Enum({ items: () => PeerRequestStatus, default: PeerRequestStatus.OPEN })
  status: Opt<PeerRequestStatus> = PeerRequestStatus.OPEN;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  requestedAt: Opt<Date> = new Date();
}

/**
 * An anonymous 360 answer: the subject and ratings, never the respondent (who answered is only
 * in the audit trail).
 */
@Entity({ tableName: 'peer_feedback_response' })
@Index({ properties: ['subject', 'period', 'checkpoint'] })
export class PeerFeedbackResponse {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Employee)
  subject!: Rel<Employee>;

  @ManyToOne(() => Period)
  period!: Rel<Period>;

  @Enum({ items: () => AppraisalCheckpoint })
  checkpoint!: AppraisalCheckpoint;

  @Enum({ items: () => PeerRelation })
  relation!: PeerRelation;

  /** { CORE_VALUE: 'ABOVE' | 'MEETS' | 'BELOW' } */
  @Property({ type: 'json' })
  ratings!: Record<string, Rating>;

  /** { CORE_VALUE: comment } */
  @Property({ type: 'json' })
  comments: Opt<Record<string, string>> = {};

  /** Day only: a time would let the subject match answers to the people asked. */
  @Property({ type: 'date' })
  answeredOn!: string;
}

/** Keberatan: the employee's objection to a final appraisal, decided by the assessor's supervisor. */
@ObjectType({ description: 'Keberatan: an objection to a final appraisal' })
@Entity({ tableName: 'appeal' })
@Index({ properties: ['decider', 'status'] })
export class Appeal {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @OneToOne(() => Appraisal, { owner: true, unique: true })
  appraisal!: Rel<Appraisal>;

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  /** The assessor's supervisor when the appeal was filed (atasan pejabat penilai). */
  @ManyToOne(() => Employee)
  decider!: Rel<Employee>;

  @Field()
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => AppealStatus)
  @Enum({ items: () => AppealStatus, default: AppealStatus.FILED })
  status: Opt<AppealStatus> = AppealStatus.FILED;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  filedAt: Opt<Date> = new Date();

  @Field(() => AppealDecision, { nullable: true })
  @Enum({ items: () => AppealDecision, nullable: true })
  decision: AppealDecision | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;
}

/** A question the decider asks the assessor or the employee about an appeal, and the answer. */
@ObjectType({ description: 'An explanation asked for an appeal, and its answer' })
@Entity({ tableName: 'appeal_explanation' })
export class AppealExplanation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Appeal)
  @Index()
  appeal!: Rel<Appeal>;

  @Field(() => ExplanationFrom)
  @Enum({ items: () => ExplanationFrom })
  from!: ExplanationFrom;

  @ManyToOne(() => Employee)
  @Index()
  askedOf!: Rel<Employee>;

  @Field()
  @Property({ type: 'text' })
  question!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  askedAt: Opt<Date> = new Date();

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;
}
