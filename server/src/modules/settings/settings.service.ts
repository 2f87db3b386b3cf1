import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCityAdmin, requireViewer } from '../../access/policy.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { AppSetting } from './setting.entity.js';
import { settingsReasons } from './settings.reasons.js';

/** Values the rules call configurable: data with a default, editable by HR admins. */
export interface SettingsValues {
  /** How many days back an activity may be dated. */
  activityWindowDays: number;
  /** Responses needed before a person sees their 360 aggregates. */
  peerFeedbackMinimum: number;
  /** Days after an appraisal is final during which it may be appealed. */
  appealWindowDays: number;
}

/** A change of some configurable values; those left out (or null) stay as they are. */
export type SettingsChange = { [K in keyof SettingsValues]?: number | null };

export const DEFAULT_SETTINGS: SettingsValues = {
  activityWindowDays: 31,
  peerFeedbackMinimum: 3,
  appealWindowDays: 14,
};

/** Each value's range (both ends included) and the reason refusing a value outside it. */
const RANGES = {
  activityWindowDays: [1, 366, settingsReasons.activityWindowDaysOutOfRange],
  peerFeedbackMinimum: [1, 50, settingsReasons.peerFeedbackMinimumOutOfRange],
  appealWindowDays: [1, 90, settingsReasons.appealWindowDaysOutOfRange],
} as const;
const KEY = 'system.settings';

export async function loadSettings(em: EntityManager): Promise<SettingsValues> {
  const row = await em.findOne(AppSetting, { key: KEY });
  return { ...DEFAULT_SETTINGS, ...((row?.value as Partial<SettingsValues>) ?? {}) };
}

export async function getSettings(scope: Scope): Promise<SettingsValues> {
  requireViewer(scope.viewer);
  return loadSettings(scope.em);
}

/** Changes configurable values; refuses values outside their ranges. HR admins only; audited. */
export async function updateSettings(scope: Scope, input: SettingsChange): Promise<SettingsValues> {
  assertCityAdmin(scope.viewer, 'change system settings');
  return scope.em.transactional(async (em) => {
    const before = await loadSettings(em);
    const after = { ...before };
    for (const key of Object.keys(RANGES) as (keyof SettingsValues)[]) {
      const value = input[key];
      if (value == null) continue;
      const [min, max, outOfRange] = RANGES[key];
      if (!Number.isInteger(value) || value < min || value > max) throw outOfRange({ min, max });
      after[key] = value;
    }
    await em.upsert(AppSetting, { key: KEY, value: after });
    // City-wide: written to the outbox for whoever follows settings, addressed to nobody.
    await recordChange(
      scope,
      { action: 'settings.update', subjectType: 'Settings', subjectId: KEY, before, after },
      em,
    );
    await em.flush();
    return after;
  });
}
