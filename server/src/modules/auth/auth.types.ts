import type { PersonViewer } from '../../kernel/scope.js';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../kernel/scalars.js';
import { Role } from './auth.enums.js';

@ObjectType('Viewer', { description: 'The signed-in person: their employee record and roles' })
export class ViewerInfo {
  employeeId!: string;
  adminOrgUnitId!: string | null;

  @Field(() => [Role])
  roles!: Role[];

  @Field({ description: 'A reset password must be changed before anything else' })
  mustChangePassword!: boolean;
}

@ObjectType('Session', { description: 'A new sign-in session' })
export class SessionInfo {
  @Field({
    description: 'Bearer token; shown once. The dashboard uses the HttpOnly cookie instead.',
  })
  token!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Field(() => ViewerInfo)
  viewer!: ViewerInfo;

  /** Who is now signed in (not a GraphQL field): the rest of the operation resolves as them. */
  signedIn?: PersonViewer;
}
