import {
  Appeal,
  AppealExplanation,
  Appraisal,
  AppraisalHistory,
  DistributionPattern,
  OrgRating,
  PeerFeedbackRequest,
  PeerFeedbackResponse,
  SelfAssessment,
} from './evaluation.entity.js';
import { evaluationLoaders } from './evaluation.loaders.js';
import {
  AppealExplanationResolver,
  AppealResolver,
  AppraisalResolver,
  DistributionPatternResolver,
  DistributionResolver,
  OrgRatingResolver,
  PeerFeedbackResolver,
  SelfAssessmentResolver,
} from './evaluation.resolver.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'evaluation',
  entities: [
    Appraisal,
    SelfAssessment,
    AppraisalHistory,
    OrgRating,
    DistributionPattern,
    PeerFeedbackRequest,
    PeerFeedbackResponse,
    Appeal,
    AppealExplanation,
  ],
  resolvers: [
    AppraisalResolver,
    SelfAssessmentResolver,
    DistributionResolver,
    DistributionPatternResolver,
    OrgRatingResolver,
    PeerFeedbackResolver,
    AppealResolver,
    AppealExplanationResolver,
  ],
  loaders: evaluationLoaders,
};
