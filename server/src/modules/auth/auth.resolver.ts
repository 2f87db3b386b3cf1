import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Employee } from '../directory/employee.entity.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import * as auth from './auth.service.js';
import { SessionInfo, ViewerInfo } from './auth.types.js';

@Resolver(() => ViewerInfo)
export class AuthResolver {
  @Query(() => ViewerInfo, {
    nullable: true,
    description: 'The signed-in viewer, or null when signed out',
  })
  me(@Ctx() ctx: Context): ViewerInfo | null {
    return ctx.viewer ? auth.viewerInfo(ctx.viewer) : null;
  }

  @Mutation(() => SessionInfo, {
    description: 'Sign in with NIP and password; also sets the HttpOnly session cookie',
  })
  async login(
    @Ctx() ctx: Context,
    @Arg('nip') nip: string,
    @Arg('password') password: string,
  ): Promise<SessionInfo> {
    const session = await auth.login(ctx, nip, password);
    ctx.res?.cookie(auth.SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.nodeEnv === 'production',
      path: '/',
      expires: session.expiresAt,
    });
    return session;
  }

  @Mutation(() => Boolean, { description: 'End this session and clear its cookie' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await auth.logout(ctx);
    ctx.res?.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    return true;
  }

  @FieldResolver(() => Employee)
  async employee(@Root() viewer: ViewerInfo, @Ctx() ctx: Context): Promise<Employee> {
    return (await ctx.loaders.employee.load(viewer.employeeId))!;
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The OPD a unit admin administers' })
  async adminOrgUnit(@Root() viewer: ViewerInfo, @Ctx() ctx: Context): Promise<OrgUnit | null> {
    return viewer.adminOrgUnitId ? ctx.loaders.orgUnit.load(viewer.adminOrgUnitId) : null;
  }
}
