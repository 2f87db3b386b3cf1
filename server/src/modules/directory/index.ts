// The public face of the feature: other features import it from here, never its files.
export * from './directory.enums.js';
export * from './directory.loaders.js';
export * from './directory.reasons.js';
export * from './directory.records.js';
export * from './directory.rules.js';
export * from './directory.service.js';
export * from './directory.subjects.js';
export * from './employee.entity.js';
export * from './nip.rules.js';
export * from './nip.types.js';
export * from './org-unit.entity.js';
