// The public face of the feature: other features import it from here, never its files.
export * from './activities.enums.js';
export * from './activities.loaders.js';
export * from './activities.reasons.js';
export * from './activity.entity.js';
export * from './activity.records.js';
export * from './activity.rules.js';
export * from './activity.service.js';
