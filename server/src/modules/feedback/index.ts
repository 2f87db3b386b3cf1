// The public face of the feature: other features import it from here, never its files.
export * from './feedback.entity.js';
export * from './feedback.loaders.js';
export * from './feedback.reasons.js';
export * from './feedback.service.js';
