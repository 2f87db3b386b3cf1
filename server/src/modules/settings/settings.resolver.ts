import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../access/context.js';
import { getSettings, updateSettings } from './settings.service.js';
import { SystemSettings, SystemSettingsInput } from './settings.types.js';

@Resolver()
export class SettingsResolver {
  @Query(() => SystemSettings)
  systemSettings(@Ctx() ctx: Context): Promise<SystemSettings> {
    return getSettings(ctx);
  }

  @Mutation(() => SystemSettings, { description: 'HR admins: change configurable values' })
  updateSystemSettings(
    @Ctx() ctx: Context,
    @Arg('input') input: SystemSettingsInput,
  ): Promise<SystemSettings> {
    return updateSettings(ctx, input);
  }
}
