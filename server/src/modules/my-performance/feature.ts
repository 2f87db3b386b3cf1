import { PerformanceEventResolver } from './my-performance.subscription.js';

/** What the api floor composes of this feature: the `myPerformance` subscription. */
export const feature = {
  name: 'my-performance',
  entities: [],
  resolvers: [PerformanceEventResolver],
};
