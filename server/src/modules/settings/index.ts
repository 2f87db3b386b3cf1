// The public face of the feature: other features import it from here, never its files.
export * from './setting.entity.js';
export * from './settings.reasons.js';
export * from './settings.service.js';
