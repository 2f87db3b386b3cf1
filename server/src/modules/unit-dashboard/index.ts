// The public face of the feature: other features import it from here, never its files.
export * from './unit-dashboard.reasons.js';
export * from './unit-dashboard.service.js';
