import { AuditResolver } from './audit.resolver.js';

/** What the api floor composes of this feature (the audit entry itself is realtime's). */
export const feature = {
  name: 'audit',
  entities: [],
  resolvers: [AuditResolver],
};
