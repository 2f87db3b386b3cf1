import { AppSetting } from './setting.entity.js';
import { SettingsResolver } from './settings.resolver.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'settings',
  entities: [AppSetting],
  resolvers: [SettingsResolver],
};
