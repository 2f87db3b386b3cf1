import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { assertCityAdmin, requireViewer } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { AppSetting } from './setting.entity.js';

/** Values the rules call configurable: data with a default, editable by HR admins. */
@ObjectType({ description: 'Configurable values of the rules (HR admins edit them)' })
export class SystemSettings {
  @Field(() => Int, { description: 'How many days back an activity may be dated (default 31)' })
  activityWindowDays!: number;
}

@InputType()
export class SystemSettingsInput {
  @Field(() => Int, { nullable: true })
  activityWindowDays?: number | null;
}

export const DEFAULT_SETTINGS: SystemSettings = { activityWindowDays: 31 };
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
    if (input.activityWindowDays != null) {
      if (
        !Number.isInteger(input.activityWindowDays) ||
        input.activityWindowDays < 1 ||
        input.activityWindowDays > 366
      ) {
        throw badInput(
          'activityWindowDays must be a whole number of days from 1 to 366.',
          'activityWindowDays',
        );
      }
      after.activityWindowDays = input.activityWindowDays;
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
