import { Migration20261208043950_AppraisalUpdatedAt } from './Migration20261208043950_AppraisalUpdatedAt.js';
import { Migration20261208034506_EventPositions } from './Migration20261208034506_EventPositions.js';
import { Migration20261208022255_LoginAttempts } from './Migration20261208022255_LoginAttempts.js';
import { Migration20261206022938_WaitingActivityCounts } from './Migration20261206022938_WaitingActivityCounts.js';
import { Migration20261205222604_WaitingActivitiesIndex } from './Migration20261205222604_WaitingActivitiesIndex.js';
import { Migration20261204181531_PendingIndexCoversEmployee } from './Migration20261204181531_PendingIndexCoversEmployee.js';
import { Migration20261127225216_ActivityPlanStatusIndex } from './Migration20261127225216_ActivityPlanStatusIndex.js';
import { Migration20261127211123_PlanUnitIndex } from './Migration20261127211123_PlanUnitIndex.js';
import { Migration20261127202501_Development } from './Migration20261127202501_Development.js';
import { Migration20261127200923_Events } from './Migration20261127200923_Events.js';
import { Migration20261127200016_Evaluation } from './Migration20261127200016_Evaluation.js';
import { Migration20261127193356_Planning } from './Migration20261127193356_Planning.js';
import { Migration20261127192401_AccessAudit } from './Migration20261127192401_AccessAudit.js';
import { Migration20261127190722_Directory } from './Migration20261127190722_Directory.js';
import type { MigrationObject } from '@mikro-orm/core';

/**
 * Every migration, in order. Listed explicitly so the compiled server applies them without
 * scanning folders; `pnpm migration:create` appends new ones here.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127190722_Directory', class: Migration20261127190722_Directory },
  { name: 'Migration20261127192401_AccessAudit', class: Migration20261127192401_AccessAudit },
  { name: 'Migration20261127193356_Planning', class: Migration20261127193356_Planning },
  { name: 'Migration20261127200016_Evaluation', class: Migration20261127200016_Evaluation },
  { name: 'Migration20261127200923_Events', class: Migration20261127200923_Events },
  { name: 'Migration20261127202501_Development', class: Migration20261127202501_Development },
  { name: 'Migration20261127211123_PlanUnitIndex', class: Migration20261127211123_PlanUnitIndex },
  { name: 'Migration20261127225216_ActivityPlanStatusIndex', class: Migration20261127225216_ActivityPlanStatusIndex },
  { name: 'Migration20261204181531_PendingIndexCoversEmployee', class: Migration20261204181531_PendingIndexCoversEmployee },
  { name: 'Migration20261205222604_WaitingActivitiesIndex', class: Migration20261205222604_WaitingActivitiesIndex },
  { name: 'Migration20261206022938_WaitingActivityCounts', class: Migration20261206022938_WaitingActivityCounts },
  { name: 'Migration20261208022255_LoginAttempts', class: Migration20261208022255_LoginAttempts },
  { name: 'Migration20261208034506_EventPositions', class: Migration20261208034506_EventPositions },
  { name: 'Migration20261208043950_AppraisalUpdatedAt', class: Migration20261208043950_AppraisalUpdatedAt },
];
