import { Feedback } from './feedback.entity.js';
import { feedbackLoaders } from './feedback.loaders.js';
import { FeedbackResolver } from './feedback.resolver.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'feedback',
  entities: [Feedback],
  resolvers: [FeedbackResolver],
  loaders: feedbackLoaders,
};
