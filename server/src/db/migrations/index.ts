import { Migration20261127190722_Directory } from './Migration20261127190722_Directory.js';
import type { MigrationObject } from '@mikro-orm/core';

/**
 * Every migration, in order. Listed explicitly so the compiled server applies them without
 * scanning folders; `pnpm migration:create` appends new ones here.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127190722_Directory', class: Migration20261127190722_Directory },
];
