import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../access/context.js';
import { isDomainError } from '../../kernel/errors.js';
import { Employee, type EmployeeRecord, OrgUnit, type OrgUnitRecord } from '../directory/index.js';
import * as accounts from './accounts.service.js';
import { AccountInfo, AccountWithPassword, SessionEntry } from './accounts.types.js';
import { Role } from './auth.enums.js';
import * as auth from './auth.service.js';
import { SessionInfo, ViewerInfo } from './auth.types.js';

@Resolver(() => ViewerInfo)
export class AuthResolver {
  @Query(() => ViewerInfo, {
    nullable: true,
    description: 'The signed-in person, or null when signed out (and for API clients)',
  })
  me(@Ctx() ctx: Context): ViewerInfo | null {
    return auth.isPerson(ctx.viewer) ? auth.viewerInfo(ctx.viewer) : null;
  }

  @Mutation(() => SessionInfo, {
    description: 'Sign in with NIP and password; also sets the HttpOnly session cookie',
  })
  async login(
    @Ctx() ctx: Context,
    @Arg('nip') nip: string,
    @Arg('password') password: string,
  ): Promise<SessionInfo> {
    const session = await auth
      .login(ctx, { nip, password, userAgent: ctx.req?.get('user-agent') ?? null })
      .catch((error: unknown) => {
        // A throttled sign-in says when to try again in the HTTP answer too.
        const wait = isDomainError(error) ? error.extra.retryAfterSeconds : undefined;
        if (typeof wait === 'number') ctx.res?.setHeader('retry-after', String(wait));
        throw error;
      });
    // The answer is the signed-in person's: what it selects of them (their employee record,
    // direct reports, …) is read as them, not as the anonymous caller who asked to sign in.
    if (session.signedIn) ctx.viewer = session.signedIn;
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

  @Mutation(() => Boolean, { description: 'Change your own password; ends your other sessions' })
  changePassword(
    @Ctx() ctx: Context,
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
  ): Promise<boolean> {
    return accounts.changePassword(ctx, { currentPassword, newPassword });
  }

  @Query(() => [SessionEntry], { description: 'Your sign-in sessions that still work' })
  sessions(@Ctx() ctx: Context): Promise<SessionEntry[]> {
    return accounts.listSessions(ctx);
  }

  @Mutation(() => Boolean, { description: 'End one of your sessions' })
  revokeSession(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return accounts.revokeSession(ctx, id);
  }

  @FieldResolver(() => Employee)
  async employee(@Root() viewer: ViewerInfo, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(viewer.employeeId))!;
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The OPD a unit admin administers' })
  async adminOrgUnit(
    @Root() viewer: ViewerInfo,
    @Ctx() ctx: Context,
  ): Promise<OrgUnitRecord | null> {
    return viewer.adminOrgUnitId ? ctx.loaders.orgUnit.load(viewer.adminOrgUnitId) : null;
  }
}

@Resolver(() => AccountInfo)
export class AccountResolver {
  @Query(() => AccountInfo, {
    nullable: true,
    description: "An employee's account (admins, auditors)",
  })
  account(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
  ): Promise<AccountInfo | null> {
    return accounts.getAccount(ctx, employeeId);
  }

  @Mutation(() => AccountWithPassword, {
    description: 'Create the account of an employee who has none',
  })
  createAccount(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
  ): Promise<AccountWithPassword> {
    return accounts.createAccount(ctx, employeeId);
  }

  @Mutation(() => AccountInfo)
  grantRole(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('role', () => Role) role: Role,
  ): Promise<AccountInfo> {
    return accounts.grantRole(ctx, employeeId, role);
  }

  @Mutation(() => AccountInfo)
  revokeRole(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('role', () => Role) role: Role,
  ): Promise<AccountInfo> {
    return accounts.revokeRole(ctx, employeeId, role);
  }

  @Mutation(() => AccountInfo, {
    description: 'Deactivation ends all of the person’s sessions at once',
  })
  setAccountActive(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('active') active: boolean,
  ): Promise<AccountInfo> {
    return accounts.setAccountActive(ctx, employeeId, active);
  }

  @Mutation(() => AccountWithPassword, {
    description: 'One-time password; must be changed at next sign-in',
  })
  resetPassword(
    @Ctx() ctx: Context,
    @Arg('employeeId', () => ID) employeeId: string,
  ): Promise<AccountWithPassword> {
    return accounts.resetPassword(ctx, employeeId);
  }

  @FieldResolver(() => Employee)
  async employee(@Root() account: AccountInfo, @Ctx() ctx: Context): Promise<EmployeeRecord> {
    return (await ctx.loaders.employee.load(account.employeeId))!;
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  async adminOrgUnit(
    @Root() account: AccountInfo,
    @Ctx() ctx: Context,
  ): Promise<OrgUnitRecord | null> {
    return account.adminOrgUnitId ? ctx.loaders.orgUnit.load(account.adminOrgUnitId) : null;
  }
}
