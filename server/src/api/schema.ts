import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import {
  ActivityResolver,
  MonthlyReportResolver,
} from '../modules/activities/activity.resolver.js';
import {
  AppealExplanationResolver,
  AppealResolver,
  AppraisalResolver,
  DistributionPatternResolver,
  DistributionResolver,
  OrgRatingResolver,
  PeerFeedbackResolver,
  SelfAssessmentResolver,
} from '../modules/evaluation/evaluation.resolver.js';
import {
  CompetencyAssessmentResolver,
  CompetencyStandardResolver,
  DevelopmentHoursResolver,
  DevelopmentResolver,
  EnrolmentResolver,
  JpStandingResolver,
  TalentBoxCellResolver,
  TalentGridResolver,
  TalentPlacementResolver,
  TrainingResolver,
  UnitDevelopmentHoursResolver,
  UnplacedEmployeeResolver,
} from '../modules/development/development.resolver.js';
import { FeedbackResolver } from '../modules/feedback/feedback.resolver.js';
import {
  IndicatorResolver,
  PeriodResolver,
  PlanResolver,
  PlanVersionResolver,
  WorkResultResolver,
  WorkResultSummaryResolver,
} from '../modules/planning/plan.resolver.js';
import {
  ReviewQueuePersonResolver,
  ReviewQueueResolver,
} from '../modules/review-queue/review-queue.resolver.js';
import { SettingsResolver } from '../modules/settings/settings.resolver.js';
import { ApiClientResolver } from '../modules/api-clients/api-clients.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AccountResolver, AuthResolver } from '../modules/auth/auth.resolver.js';
import { EmployeeResolver, OrgUnitResolver } from '../modules/directory/directory.resolver.js';
import {
  PerformanceEventResolver,
  ReviewQueueEventResolver,
  UnitDashboardResolver,
} from '../realtime/subscriptions.resolver.js';
import { bindFieldResolversDirectly, resolvePlainFieldsByDefault } from './direct-resolvers.js';
import { DateTimeScalar } from '../kernel/scalars.js';

let cached: Promise<GraphQLSchema> | null = null;

/** The GraphQL schema, built once per process from the resolver classes. */
export function buildKinerjaSchema(): Promise<GraphQLSchema> {
  if (!cached) resolvePlainFieldsByDefault();
  cached ??= buildSchema({
    resolvers: [
      AuthResolver,
      AccountResolver,
      OrgUnitResolver,
      EmployeeResolver,
      ApiClientResolver,
      AuditResolver,
      SettingsResolver,
      PeriodResolver,
      PlanResolver,
      WorkResultResolver,
      WorkResultSummaryResolver,
      IndicatorResolver,
      PlanVersionResolver,
      ActivityResolver,
      MonthlyReportResolver,
      FeedbackResolver,
      ReviewQueueResolver,
      ReviewQueuePersonResolver,
      AppraisalResolver,
      SelfAssessmentResolver,
      DistributionResolver,
      DistributionPatternResolver,
      OrgRatingResolver,
      PeerFeedbackResolver,
      AppealResolver,
      AppealExplanationResolver,
      PerformanceEventResolver,
      ReviewQueueEventResolver,
      UnitDashboardResolver,
      DevelopmentResolver,
      CompetencyStandardResolver,
      CompetencyAssessmentResolver,
      TrainingResolver,
      EnrolmentResolver,
      JpStandingResolver,
      DevelopmentHoursResolver,
      TalentPlacementResolver,
      UnplacedEmployeeResolver,
      UnitDevelopmentHoursResolver,
      TalentBoxCellResolver,
      TalentGridResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    // Required by type-graphql for any subscription; ours stream from the event bus instead.
    pubSub: createPubSub(),
  }).then((schema) => {
    bindFieldResolversDirectly(schema);
    return schema;
  });
  return cached;
}
