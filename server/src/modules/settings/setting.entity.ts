import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** Small named values the system keeps about itself (e.g. which demo logins were seeded). */
@Entity({ tableName: 'app_setting' })
export class AppSetting {
  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'json' })
  value!: unknown;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
