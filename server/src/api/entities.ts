import {
  Activity,
  MonthlyReport,
  RealisationEntry,
  WaitingActivityCount,
} from '../modules/activities/activity.entity.js';
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
} from '../modules/evaluation/evaluation.entity.js';
import {
  CompetencyAssessment,
  CompetencyStandard,
  Enrolment,
  PotentialAssessment,
  Training,
} from '../modules/development/development.entity.js';
import { Feedback } from '../modules/feedback/feedback.entity.js';
import { Period } from '../modules/planning/period.entity.js';
import {
  BehaviourExpectation,
  Indicator,
  PerformancePlan,
  PlanVersion,
  WorkResult,
} from '../modules/planning/plan.entity.js';
import { ApiClient } from '../modules/api-clients/api-client.entity.js';
import { AuditEntry } from '../realtime/audit-entry.entity.js';
import { EventRow } from '../realtime/event.entity.js';
import { Account } from '../modules/auth/account.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { Employee } from '../modules/directory/employee.entity.js';
import { OrgUnit } from '../modules/directory/org-unit.entity.js';
import { AppSetting } from '../modules/settings/setting.entity.js';

/** Every entity, listed (not discovered from files) so the compiled server needs no file scanning. */
export const entities = [
  OrgUnit,
  Employee,
  Account,
  Session,
  AppSetting,
  AuditEntry,
  ApiClient,
  Period,
  PerformancePlan,
  WorkResult,
  Indicator,
  BehaviourExpectation,
  PlanVersion,
  Activity,
  MonthlyReport,
  RealisationEntry,
  WaitingActivityCount,
  Feedback,
  Appraisal,
  SelfAssessment,
  AppraisalHistory,
  OrgRating,
  DistributionPattern,
  PeerFeedbackRequest,
  PeerFeedbackResponse,
  Appeal,
  AppealExplanation,
  EventRow,
  CompetencyStandard,
  CompetencyAssessment,
  PotentialAssessment,
  Training,
  Enrolment,
];
