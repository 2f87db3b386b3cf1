import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderKit, type LoaderOptions } from '../db/loaders.js';
import type { Loaders } from '../kernel/scope.js';
import { FEATURES } from './features.js';

/**
 * Request-scoped batch loaders, every feature's merged: every relation a list resolves goes
 * through one of these, so a nested list costs one SQL statement per relation, whatever its
 * length.
 */
export function createLoaders(em: EntityManager, options: LoaderOptions = {}): Loaders {
  const kit = loaderKit(em, options);
  const loaders = {};
  for (const feature of FEATURES) if (feature.loaders) Object.assign(loaders, feature.loaders(kit));
  return loaders as Loaders;
}
