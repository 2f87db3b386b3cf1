// The public face of the feature: other features import it from here, never its files.
export * from './competency.service.js';
export * from './development.entity.js';
export * from './development.enums.js';
export * from './development.loaders.js';
export * from './development.reasons.js';
export * from './development.rules.js';
export * from './talent.service.js';
export * from './training.service.js';
