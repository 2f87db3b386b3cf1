// The public face of the feature: other features import it from here, never its files.
export * from './changes.reasons.js';
export * from './changes.service.js';
