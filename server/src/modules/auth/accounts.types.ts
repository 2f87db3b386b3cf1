import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { Role } from './auth.enums.js';

@ObjectType({ description: "A person's account: roles and state, for administrators" })
export class AccountInfo {
  @Field(() => ID)
  id!: string;

  employeeId!: string;
  adminOrgUnitId!: string | null;

  @Field(() => [Role])
  roles!: Role[];

  @Field()
  active!: boolean;

  @Field({ description: 'A reset password must be changed at the next sign-in' })
  mustChangePassword!: boolean;

  @Field({ description: 'Whether a password is set at all' })
  hasPassword!: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  lastLoginAt!: Date | null;

  @Field(() => Number)
  version!: number;
}

@ObjectType({ description: 'An account with a one-time password to hand to its owner' })
export class AccountWithPassword {
  @Field(() => AccountInfo)
  account!: AccountInfo;

  @Field({ description: 'Shown once; the owner must change it at the next sign-in' })
  temporaryPassword!: string;
}

@ObjectType({ description: 'One of your sign-in sessions' })
export class SessionEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastSeenAt!: Date | null;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => String, { nullable: true })
  ipAddress!: string | null;

  @Field({ description: 'The session this request came with' })
  current!: boolean;
}
