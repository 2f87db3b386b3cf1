import { UnitDashboardResolver } from './unit-dashboard.subscription.js';

/** What the api floor composes of this feature: the `unitDashboard` subscription. */
export const feature = {
  name: 'unit-dashboard',
  entities: [],
  resolvers: [UnitDashboardResolver],
};
