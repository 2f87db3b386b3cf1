import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { uuidv7 } from 'uuidv7';
import { DateTimeScalar } from '../kernel/scalars.js';

export enum ActorType {
  PERSON = 'PERSON',
  API_CLIENT = 'API_CLIENT',
  ANONYMOUS = 'ANONYMOUS',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ActorType, { name: 'ActorType', description: 'Who made a change' });

/**
 * One recorded change or security event. Append-only: the database refuses UPDATE, DELETE and
 * TRUNCATE on this table (trigger in the migration), so history cannot be rewritten.
 */
@ObjectType({ description: 'Jejak audit: who did what to which object, with before and after' })
@Entity({ tableName: 'audit_entry' })
@Index({ name: 'audit_entry_subject_index', properties: ['subjectId', 'at'] })
@Index({ name: 'audit_entry_action_subject_index', properties: ['action', 'subjectId', 'at'] })
@Index({ name: 'audit_entry_action_address_index', properties: ['action', 'ipAddress', 'at'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Opt<Date> = new Date();

  @Field(() => ActorType)
  @Enum({ items: () => ActorType })
  actorType!: ActorType;

  @Field(() => ID, { nullable: true, description: 'The employee who acted' })
  @Property({ type: 'uuid', nullable: true })
  actorEmployeeId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The API client that acted' })
  @Property({ type: 'uuid', nullable: true })
  actorClientId: string | null = null;

  @Field({ description: 'Name of the actor when it acted' })
  @Property({ type: 'string', length: 200 })
  actorLabel!: string;

  @Field({ description: 'e.g. employee.update, auth.login, auth.login_failed, role.grant' })
  @Property({ type: 'string', length: 80 })
  action!: string;

  @Field()
  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Field({ description: 'Id of the subject (a NIP for failed sign-ins)' })
  @Property({ type: 'string', length: 64 })
  subjectId!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before: unknown = null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after: unknown = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  requestId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  ipAddress: string | null = null;
}
