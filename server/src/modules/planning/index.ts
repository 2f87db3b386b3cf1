// The public face of the feature: other features import it from here, never its files.
export * from './indicator.records.js';
export * from './period.entity.js';
export * from './period.service.js';
export * from './plan.audience.js';
export * from './plan.entity.js';
export * from './plan.progress.js';
export * from './plan.records.js';
export * from './plan.rules.js';
export * from './plan.service.js';
export * from './planning.enums.js';
export * from './planning.loaders.js';
export * from './planning.reasons.js';
