import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { Context } from '../../access/context.js';
import { badInput } from '../../kernel/errors.js';
import { assertCityAdmin, requireViewer } from '../../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { AppSetting } from './setting.entity.js';

/** Values the rules call configurable: data with a default, editable by HR admins. */
@ObjectType({ description: 'Configurable values of the rules (HR admins edit them)' })
export class SystemSettings {
  @Field(() => Int, { description: 'How many days back an activity may be dated (default 31)' })
  activityWindowDays!: number;

  @Field(() => Int, {
    description: 'Responses needed before a person sees their 360 aggregates (default 3)',
  })
  peerFeedbackMinimum!: number;

  @Field(() => Int, {
    description: 'Days after an appraisal is final during which it may be appealed (default 14)',
  })
  appealWindowDays!: number;
}

@InputType()
export class SystemSettingsInput {
  @Field(() => Int, { nullable: true })
  activityWindowDays?: number | null;

  @Field(() => Int, { nullable: true })
  peerFeedbackMinimum?: number | null;

  @Field(() => Int, { nullable: true })
  appealWindowDays?: number | null;
}

export const DEFAULT_SETTINGS: SystemSettings = {
  activityWindowDays: 31,
  peerFeedbackMinimum: 3,
  appealWindowDays: 14,
};

const RANGES: Record<keyof SystemSettings, [number, number, string]> = {
  activityWindowDays: [1, 366, 'days'],
  peerFeedbackMinimum: [1, 50, 'responses'],
  appealWindowDays: [1, 90, 'days'],
};
const KEY = 'system.settings';

export async function loadSettings(em: EntityManager): Promise<SystemSettings> {
  const row = await em.findOne(AppSetting, { key: KEY });
  return { ...DEFAULT_SETTINGS, ...((row?.value as Partial<SystemSettings>) ?? {}) };
}

export async function getSettings(ctx: Pick<Context, 'em' | 'viewer'>): Promise<SystemSettings> {
  requireViewer(ctx.viewer);
  return loadSettings(ctx.em);
}

/** Changes configurable values; refuses values outside their ranges. HR admins only; audited. */
export async function updateSettings(
  ctx: Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress'>,
  input: SystemSettingsInput,
): Promise<SystemSettings> {
  assertCityAdmin(ctx.viewer, 'change system settings');
  return ctx.em.transactional(async (em) => {
    const before = await loadSettings(em);
    const after = { ...before };
    for (const key of Object.keys(RANGES) as (keyof SystemSettings)[]) {
      const value = input[key];
      if (value == null) continue;
      const [min, max, unit] = RANGES[key];
      if (!Number.isInteger(value) || value < min || value > max) {
        throw badInput(`${key} must be a whole number of ${unit} from ${min} to ${max}.`, key);
      }
      after[key] = value;
    }
    await em.upsert(AppSetting, { key: KEY, value: after });
    audit(em, ctx, {
      action: 'settings.update',
      subjectType: 'Settings',
      subjectId: KEY,
      before,
      after,
    });
    await em.flush();
    return after;
  });
}
