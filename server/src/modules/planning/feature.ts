import { Period } from './period.entity.js';
import {
  BehaviourExpectation,
  Indicator,
  PerformancePlan,
  PlanVersion,
  WorkResult,
} from './plan.entity.js';
import {
  IndicatorResolver,
  PeriodResolver,
  PlanResolver,
  PlanVersionResolver,
  WorkResultResolver,
  WorkResultSummaryResolver,
} from './plan.resolver.js';
import { planningLoaders } from './planning.loaders.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'planning',
  entities: [Period, PerformancePlan, WorkResult, Indicator, BehaviourExpectation, PlanVersion],
  resolvers: [
    PeriodResolver,
    PlanResolver,
    WorkResultResolver,
    WorkResultSummaryResolver,
    IndicatorResolver,
    PlanVersionResolver,
  ],
  loaders: planningLoaders,
};
