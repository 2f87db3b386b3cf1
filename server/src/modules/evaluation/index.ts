// The public face of the feature: other features import it from here, never its files.
export * from './appeal.service.js';
export * from './appraisal.service.js';
export * from './distribution.service.js';
export * from './evaluation.entity.js';
export * from './evaluation.enums.js';
export * from './evaluation.loaders.js';
export * from './evaluation.reasons.js';
export * from './evaluation.rules.js';
export * from './peer.service.js';
export * from './distribution.types.js';
