import { ChangesResolver } from './changes.resolver.js';

/** What the api floor composes of this feature (the outbox it reads is realtime's). */
export const feature = {
  name: 'changes',
  entities: [],
  resolvers: [ChangesResolver],
};
