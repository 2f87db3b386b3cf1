// The public face of the feature: other features import it from here, never its files.
export * from './review-queue.reasons.js';
export * from './review-queue.service.js';
