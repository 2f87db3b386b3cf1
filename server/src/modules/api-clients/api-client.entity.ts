import { ApiScope } from '../../kernel/scope.js';
import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { uuidv7 } from 'uuidv7';
import { DateTimeScalar } from '../../kernel/scalars.js';

/** What an agency tool may read. Clients never write. */
export { ApiScope };
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'Read scopes of an API client',
  valuesConfig: {
    DIRECTORY_READ: { description: 'directory:read: units, names, positions, supervisors' },
    DIRECTORY_PERSONAL_READ: { description: 'directory:personal:read: birth date, email, phone' },
    PLANS_READ: { description: 'plans:read: performance plans (SKP) and their progress' },
    APPRAISALS_READ: { description: 'appraisals:read: appraisals and predikat' },
    DEVELOPMENT_READ: {
      description:
        'development:read: competency standards, assessments, gaps, recommendations, trainings, enrolments, JP hours, talent grid and candidates',
    },
  },
});

/** Another agency's tool, reading the API with its own secret token. */
@ObjectType({ description: 'An agency tool with read access' })
@Entity({ tableName: 'api_client' })
export class ApiClient {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field()
  @Property({ type: 'string', length: 120, unique: true })
  name!: string;

  @Field(() => [ApiScope])
  @Enum({ items: () => ApiScope, array: true })
  scopes!: ApiScope[];

  /** OPDs whose data it may read; null = every OPD. */
  @Property({ type: 'uuid[]', nullable: true })
  opdIds: string[] | null = null;

  @Property({ type: 'string', length: 64, unique: true, hidden: true })
  tokenHash!: string;

  @Field({ description: 'The first characters of the token, to tell tokens apart' })
  @Property({ type: 'string', length: 16 })
  tokenPrefix!: string;

  @Property({ type: 'uuid', nullable: true })
  createdByEmployeeId: string | null = null;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  rotatedAt: Date | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}
