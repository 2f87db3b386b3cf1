// The public face of the feature: other features import it from here, never its files.
export * from './account.entity.js';
export * from './accounts.service.js';
export * from './accounts.types.js';
export * from './auth.enums.js';
export * from './auth.reasons.js';
export * from './auth.service.js';
export * from './auth.types.js';
export * from './common-passwords.js';
export * from './login-throttle.rules.js';
export * from './password.rules.js';
export * from './password.js';
export * from './session.entity.js';
export * from './viewer-cache.js';
