import { ApiClient } from './api-client.entity.js';
import { ApiClientResolver } from './api-clients.resolver.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'api-clients',
  entities: [ApiClient],
  resolvers: [ApiClientResolver],
};
