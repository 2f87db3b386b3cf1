import { ReviewQueuePersonResolver, ReviewQueueResolver } from './review-queue.resolver.js';
import { ReviewQueueEventResolver } from './review-queue.subscription.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'review-queue',
  entities: [],
  resolvers: [ReviewQueueResolver, ReviewQueuePersonResolver, ReviewQueueEventResolver],
};
