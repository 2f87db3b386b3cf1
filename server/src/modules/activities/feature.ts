import { activitiesLoaders } from './activities.loaders.js';
import {
  Activity,
  MonthlyReport,
  RealisationEntry,
  WaitingActivityCount,
} from './activity.entity.js';
import { ActivityResolver, MonthlyReportResolver } from './activity.resolver.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'activities',
  entities: [Activity, MonthlyReport, RealisationEntry, WaitingActivityCount],
  resolvers: [ActivityResolver, MonthlyReportResolver],
  loaders: activitiesLoaders,
};
