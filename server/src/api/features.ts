import type { LoaderKit } from '../db/loaders.js';
import { feature as activities } from '../modules/activities/feature.js';
import { feature as apiClients } from '../modules/api-clients/feature.js';
import { feature as audit } from '../modules/audit/feature.js';
import { feature as changes } from '../modules/changes/feature.js';
import { feature as auth } from '../modules/auth/feature.js';
import { feature as development } from '../modules/development/feature.js';
import { feature as directory } from '../modules/directory/feature.js';
import { feature as evaluation } from '../modules/evaluation/feature.js';
import { feature as feedback } from '../modules/feedback/feature.js';
import { feature as myPerformance } from '../modules/my-performance/feature.js';
import { feature as planning } from '../modules/planning/feature.js';
import { feature as reviewQueue } from '../modules/review-queue/feature.js';
import { feature as settings } from '../modules/settings/feature.js';
import { feature as unitDashboard } from '../modules/unit-dashboard/feature.js';

/** What a feature gives the api floor to compose (its `modules/<feature>/feature.ts`). */
export interface Feature {
  name: string;
  /** Its MikroORM entities. */
  entities: readonly (abstract new (...args: never[]) => unknown)[];
  /** Its type-graphql resolver classes (queries, mutations, fields, subscriptions). */
  resolvers: readonly (new (...args: never[]) => unknown)[];
  /** Its request-scoped loaders, merged into the kernel's `Loaders`. */
  loaders?: (kit: LoaderKit) => object;
}

/**
 * Every feature, in the order their types appear in the schema. Adding a feature is adding it
 * here (one import, one entry): schema, entities and loaders are built from this list.
 */
export const FEATURES: readonly Feature[] = [
  auth,
  directory,
  apiClients,
  audit,
  changes,
  settings,
  planning,
  activities,
  feedback,
  reviewQueue,
  evaluation,
  myPerformance,
  unitDashboard,
  development,
];
