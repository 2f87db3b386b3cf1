// The public face of the feature: other features import it from here, never its files.
export * from './audit.reasons.js';
export * from './audit.service.js';
