// The public face of the feature: other features import it from here, never its files.
export * from './api-client.entity.js';
export * from './api-clients.reasons.js';
export * from './api-clients.service.js';
