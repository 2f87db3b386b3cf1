import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { selectedFields } from '../../kernel/selection.js';
import type { Context } from '../../access/context.js';
import { DateScalar } from '../../kernel/scalars.js';
import { assertDirectoryRead, assertPersonalRead } from '../../access/policy.js';
import { connectionTypes } from '../../kernel/connection-types.js';
import { EmploymentType, OrgUnitKind } from './directory.enums.js';
import {
  CreateEmployeeInput,
  CreateOrgUnitInput,
  EmployeeFilter,
  UpdateEmployeeInput,
} from './directory.input.js';
import type { EmployeeRecord, OrgUnitRecord } from './directory.records.js';
import * as directory from './directory.service.js';
import { employeeSubject, limitedClient, visibleEmployees } from './directory.subjects.js';
import { Employee } from './employee.entity.js';
import { NipCheckInfo, toNipCheck } from './nip.types.js';
import { OrgUnit } from './org-unit.entity.js';

export const { ConnectionType: EmployeeConnection } = connectionTypes(Employee, 'Employee');

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Query(() => [OrgUnit], {
    description: 'Units: all, the children of parentId, or only OPDs (topLevel)',
  })
  orgUnits(
    @Ctx() ctx: Context,
    @Arg('parentId', () => ID, { nullable: true }) parentId?: string | null,
    @Arg('kind', () => OrgUnitKind, { nullable: true }) kind?: OrgUnitKind | null,
    @Arg('topLevel', () => Boolean, { nullable: true }) topLevel?: boolean | null,
  ): Promise<OrgUnit[]> {
    return directory.listOrgUnits(ctx, { parentId, kind, topLevel });
  }

  @Query(() => OrgUnit, { nullable: true })
  orgUnit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<OrgUnit | null> {
    return directory.getOrgUnit(ctx, id);
  }

  @Mutation(() => OrgUnit, { description: 'Add a sub-unit (bidang, seksi, UPT, ...) below a unit' })
  createOrgUnit(@Ctx() ctx: Context, @Arg('input') input: CreateOrgUnitInput): Promise<OrgUnit> {
    return directory.createOrgUnit(ctx, input);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  async parent(@Root() unit: OrgUnitRoot, @Ctx() ctx: Context): Promise<OrgUnitRecord | null> {
    return unit.parent ? ctx.loaders.orgUnit.load(unit.parent.id) : null;
  }

  @FieldResolver(() => OrgUnit, {
    description: 'The Perangkat Daerah (top-level unit) it belongs to',
  })
  async opd(@Root() unit: OrgUnitRoot, @Ctx() ctx: Context): Promise<OrgUnitRoot> {
    return unit.opd ? ((await ctx.loaders.orgUnit.load(unit.opd.id)) ?? unit) : unit;
  }

  @FieldResolver(() => [OrgUnit])
  children(@Root() unit: OrgUnitRoot, @Ctx() ctx: Context): Promise<OrgUnit[]> {
    return ctx.loaders.childUnits.load(unit.id);
  }
}

/**
 * The root of an Employee field: a managed entity, or a plain read-only record of the same shape
 * (the employees list). Typed structurally on purpose: with the class as the parameter type,
 * type-graphql would copy every plain record into a new Employee (constructor, id generation,
 * the ORM's property setters) for every field of every row.
 */
type EmployeeRoot = Pick<
  EmployeeRecord,
  'id' | 'name' | 'birthDate' | 'email' | 'phone' | 'orgUnit' | 'supervisor'
>;

/** The root of an OrgUnit field: an entity or a record (see EmployeeRoot). */
type OrgUnitRoot = Pick<OrgUnitRecord, 'id' | 'parent' | 'opd'>;

@Resolver(() => Employee)
export class EmployeeResolver {
  @Query(() => EmployeeConnection, { description: 'Employees ordered by name; at most 100 a page' })
  employees(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EmployeeFilter, { nullable: true }) filter?: EmployeeFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    // The page reads only the columns of the fields asked for (see employeeColumns).
    const fields = selectedFields(info, ['nodes'], ['edges', 'node']);
    return directory.listEmployees(ctx, { filter, first, after, fields });
  }

  @Query(() => Employee, { nullable: true, description: 'One employee by id or by NIP' })
  employee(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('nip', () => String, { nullable: true }) nip?: string | null,
  ): Promise<Employee | null> {
    return directory.getEmployee(ctx, { id, nip });
  }

  @Query(() => NipCheckInfo, { description: 'Check a NIP / NI PPPK without signing in' })
  validateNip(
    @Arg('nip') nip: string,
    @Arg('employmentType', () => EmploymentType, { nullable: true })
    employmentType?: EmploymentType | null,
  ): NipCheckInfo {
    return toNipCheck(directory.validateNip(nip, employmentType));
  }

  @Mutation(() => Employee)
  createEmployee(@Ctx() ctx: Context, @Arg('input') input: CreateEmployeeInput): Promise<Employee> {
    return directory.createEmployee(ctx, input);
  }

  @Mutation(() => Employee)
  updateEmployee(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateEmployeeInput,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ): Promise<Employee> {
    return directory.updateEmployee(ctx, { id, input, expectedVersion });
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'Tanggal lahir. Personal: the person, their supervision chain, unit admins of their OPD, HR admins, auditors',
  })
  async birthDate(@Root() employee: EmployeeRoot, @Ctx() ctx: Context): Promise<string> {
    assertPersonalRead(ctx.viewer, await employeeSubject(ctx.loaders, employee));
    return employee.birthDate;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal, like birthDate' })
  async email(@Root() employee: EmployeeRoot, @Ctx() ctx: Context): Promise<string | null> {
    assertPersonalRead(ctx.viewer, await employeeSubject(ctx.loaders, employee));
    return employee.email;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal, like birthDate' })
  async phone(@Root() employee: EmployeeRoot, @Ctx() ctx: Context): Promise<string | null> {
    assertPersonalRead(ctx.viewer, await employeeSubject(ctx.loaders, employee));
    return employee.phone;
  }

  // orgUnit and supervisor answer synchronously when the record is already in the request's
  // loader (a list primes them): no promise per row.
  @FieldResolver(() => OrgUnit)
  orgUnit(
    @Root() employee: EmployeeRoot,
    @Ctx() ctx: Context,
  ): OrgUnitRecord | Promise<OrgUnitRecord> {
    return ctx.loaders.orgUnit.get(employee.orgUnit.id) as OrgUnitRecord | Promise<OrgUnitRecord>;
  }

  @FieldResolver(() => Employee, {
    nullable: true,
    description: 'Direct supervisor (pejabat penilai kinerja)',
  })
  supervisor(
    @Root() employee: EmployeeRoot,
    @Ctx() ctx: Context,
  ): EmployeeRecord | null | Promise<EmployeeRecord | null> {
    // Reached through a plan, an API client still needs directory:read to walk the directory.
    assertDirectoryRead(ctx.viewer);
    if (!employee.supervisor) return null;
    const held = ctx.loaders.employee.peek(employee.supervisor.id);
    if (held !== undefined && !limitedClient(ctx.viewer)) return held;
    return (async () => {
      const supervisor = await ctx.loaders.employee.load(employee.supervisor!.id);
      if (!supervisor) return null;
      return (await visibleEmployees(ctx.viewer, ctx.loaders, [supervisor]))[0] ?? null;
    })();
  }

  @FieldResolver(() => [Employee], { description: 'Active employees whose supervisor this is' })
  async directReports(@Root() employee: EmployeeRoot, @Ctx() ctx: Context): Promise<Employee[]> {
    assertDirectoryRead(ctx.viewer);
    return visibleEmployees(
      ctx.viewer,
      ctx.loaders,
      await ctx.loaders.directReports.load(employee.id),
    );
  }
}
