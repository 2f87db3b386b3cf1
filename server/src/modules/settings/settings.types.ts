import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { SettingsChange, SettingsValues } from './settings.service.js';

/** Values the rules call configurable: data with a default, editable by HR admins. */
@ObjectType({ description: 'Configurable values of the rules (HR admins edit them)' })
export class SystemSettings implements SettingsValues {
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
export class SystemSettingsInput implements SettingsChange {
  @Field(() => Int, { nullable: true })
  activityWindowDays?: number | null;

  @Field(() => Int, { nullable: true })
  peerFeedbackMinimum?: number | null;

  @Field(() => Int, { nullable: true })
  appealWindowDays?: number | null;
}
