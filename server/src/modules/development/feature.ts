import {
  CompetencyAssessment,
  CompetencyStandard,
  Enrolment,
  PotentialAssessment,
  Training,
} from './development.entity.js';
import { developmentLoaders } from './development.loaders.js';
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
} from './development.resolver.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'development',
  entities: [CompetencyStandard, CompetencyAssessment, PotentialAssessment, Training, Enrolment],
  resolvers: [
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
  loaders: developmentLoaders,
};
