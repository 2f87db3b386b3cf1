import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/kernel/logger.js';
import { printDemoLogins, seedDemoIfEmpty } from '../src/seed/demo.js';
import { countStatements, gql, signIn, startTestApp, type TestApp } from './helpers.js';

/**
 * Bulk reads for agency tools and admins: the plans and appraisals of many people in one
 * request, filtered, paged (up to 500 for API clients), with their people batched.
 */
let t: TestApp;
const logins: Record<string, string> = {};
const tokens: Record<string, string> = {};
let periodId: string;
let opdId: string;
let otherOpdId: string;

const Q3 = `query($filter: AppraisalFilter, $first: Int, $after: String) {
  appraisals(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id checkpoint status predikat employee { nip name } assessor { nip } plan { period { year } } }
  }
}`;
const PLANS = `query($filter: PlanFilter, $first: Int, $after: String) {
  performancePlans(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id status employee { nip name orgUnit { opd { id } } } assessor { nip } period { year } }
  }
}`;

async function as(token: string | undefined, query: string, variables: Record<string, unknown>) {
  return gql(t.url, query, variables, token ? { token } : {});
}

async function direct<T>(sql: string, params: unknown[]): Promise<T[]> {
  return t.app.orm.em.fork().execute<T[]>(sql, params);
}

beforeAll(async () => {
  t = await startTestApp({ clock: () => new Date('2026-11-27T03:00:00Z') });
  await seedDemoIfEmpty(
    t.app.orm,
    { demoSeed: 3, demoEmployees: 400, demoActivitiesPerPerson: 2, clock: t.config.clock },
    createLogger({ logLevel: 'silent' }),
  );
  await printDemoLogins(t.app.orm.em.fork(), (line) => {
    const [, role, nip, password] = /^Demo login: (\w+) (\d{18}) \/ (\S+)$/.exec(line)!;
    logins[role] = nip;
    logins.password = password;
  });
  for (const role of ['HR_ADMIN', 'UNIT_ADMIN', 'SUPERVISOR', 'EMPLOYEE', 'AUDITOR']) {
    tokens[role] = await signIn(t.url, logins[role], logins.password);
  }
  const period = await as(tokens.HR_ADMIN, '{ periods { id year } }', {});
  periodId = period.data!.periods.find((p: { year: number }) => p.year === 2026).id;
  const me = await as(tokens.UNIT_ADMIN, '{ me { adminOrgUnit { id } } }', {});
  opdId = me.data!.me.adminOrgUnit.id;
  const [other] = await direct<{ opd_id: string }>(
    `select opd_id from appraisal where opd_id <> ? and checkpoint = 'Q3' limit 1`,
    [opdId],
  );
  otherOpdId = other.opd_id;
  const client = async (name: string, scopes: string[], opdIds?: string[]) => {
    const created = await as(
      tokens.HR_ADMIN,
      'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }',
      { input: { name, scopes, opdIds } },
    );
    return created.data!.createApiClient.token as string;
  };
  tokens.tpp = await client('TPP', ['APPRAISALS_READ', 'PLANS_READ']);
  tokens.tppOfOpd = await client('TPP OPD', ['APPRAISALS_READ', 'PLANS_READ'], [opdId]);
  tokens.directoryOnly = await client('Direktori', ['DIRECTORY_READ']);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('appraisals of many people', () => {
  it('answers "the Q3 predikat of the first 50 appraised people of an OPD, with NIP and name" in one request', async () => {
    const result = await as(tokens.tpp, Q3, {
      filter: { opdId, periodId, checkpoint: 'Q3', status: 'FINAL' },
      first: 50,
    });
    expect(result.errors).toBeUndefined();
    const page = result.data!.appraisals;
    const [{ n }] = await direct<{ n: number }>(
      `select count(*)::int as n from appraisal
        where opd_id = ? and period_id = ? and checkpoint = 'Q3' and status = 'FINAL'`,
      [opdId, periodId],
    );
    expect(n).toBeGreaterThan(0);
    expect(page.totalCount).toBe(n);
    expect(page.nodes).toHaveLength(Math.min(50, n));
    for (const node of page.nodes) {
      expect(node).toMatchObject({
        checkpoint: 'Q3',
        status: 'FINAL',
        plan: { period: { year: 2026 } },
      });
      expect(node.predikat).toBeTruthy();
      expect(node.employee.nip).toMatch(/^\d{18}$/);
    }
  });

  it('pages through them, the same rows as in one page, in a constant number of statements', async () => {
    const filter = { periodId, checkpoint: 'Q3' };
    const whole = await as(tokens.tpp, Q3, { filter, first: 500 });
    expect(whole.errors).toBeUndefined();
    const all = whole.data!.appraisals.nodes.map((n: { id: string }) => n.id);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await as(tokens.tpp, Q3, { filter, first: 37, after });
      paged.push(...page.data!.appraisals.nodes.map((n: { id: string }) => n.id));
      if (!page.data!.appraisals.pageInfo.hasNextPage) break;
      after = page.data!.appraisals.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
    const small = await countStatements(() => as(tokens.tpp, Q3, { filter, first: 5 }));
    const large = await countStatements(() => as(tokens.tpp, Q3, { filter, first: 300 }));
    expect(large).toBe(small);
  });

  it('keeps a client inside its OPDs and a person inside their reach', async () => {
    const mine = await as(tokens.tppOfOpd, Q3, { filter: { periodId }, first: 500 });
    expect(mine.errors).toBeUndefined();
    const opds = await direct<{ id: string; opd_id: string }>(
      'select id, opd_id from appraisal where period_id = ?',
      [periodId],
    );
    const opdOf = new Map(opds.map((r) => [r.id, r.opd_id]));
    expect(mine.data!.appraisals.totalCount).toBeGreaterThan(0);
    expect(
      mine.data!.appraisals.nodes.every((n: { id: string }) => opdOf.get(n.id) === opdId),
    ).toBe(true);
    const outside = await as(tokens.tppOfOpd, Q3, { filter: { opdId: otherOpdId } });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // A unit admin reads their OPD; an employee nobody else's; an assessor their own people.
    const admin = await as(tokens.UNIT_ADMIN, Q3, { filter: { periodId }, first: 100 });
    expect(admin.data!.appraisals.totalCount).toBe(mine.data!.appraisals.totalCount);
    expect(
      (await as(tokens.UNIT_ADMIN, Q3, { filter: { opdId: otherOpdId } })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const employee = await as(tokens.EMPLOYEE, Q3, {});
    expect(employee.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'access.bulkRead',
    });
    const supervisorId = (await as(tokens.SUPERVISOR, '{ me { employee { id nip } } }', {})).data!
      .me.employee;
    const assessed = await as(tokens.SUPERVISOR, Q3, {
      filter: { assessorId: supervisorId.id, periodId },
    });
    expect(assessed.errors).toBeUndefined();
    expect(assessed.data!.appraisals.totalCount).toBeGreaterThan(0);
    expect(
      assessed.data!.appraisals.nodes.every(
        (n: { assessor: { nip: string } }) => n.assessor.nip === supervisorId.nip,
      ),
    ).toBe(true);
    expect((await as(tokens.directoryOnly, Q3, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as(undefined, Q3, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('pages up to 500 for API clients and 100 for people', async () => {
    expect((await as(tokens.tpp, Q3, { first: 500 })).errors).toBeUndefined();
    const tooMany = await as(tokens.tpp, Q3, { first: 501 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await as(tokens.HR_ADMIN, Q3, { first: 100 })).errors).toBeUndefined();
    const person = await as(tokens.HR_ADMIN, Q3, { first: 101 });
    expect(person.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('reads what changed since a time', async () => {
    const none = await as(tokens.tpp, Q3, { filter: { updatedSince: '2030-01-01T00:00:00Z' } });
    expect(none.data!.appraisals.totalCount).toBe(0);
    const all = await as(tokens.tpp, Q3, { filter: { updatedSince: '2000-01-01T00:00:00Z' } });
    expect(all.data!.appraisals.totalCount).toBeGreaterThan(0);
  });
});

describe('plans of many people', () => {
  it('filters by OPD, period, status and unit, with the people batched', async () => {
    const result = await as(tokens.tpp, PLANS, {
      filter: { opdId, periodId, status: 'APPROVED' },
      first: 500,
    });
    expect(result.errors).toBeUndefined();
    const page = result.data!.performancePlans;
    const [{ n }] = await direct<{ n: number }>(
      `select count(*)::int as n from performance_plan p join org_unit u on u.id = p.org_unit_id
        where u.opd_id = ? and p.period_id = ? and p.status = 'APPROVED'`,
      [opdId, periodId],
    );
    expect(n).toBeGreaterThan(0);
    expect(page.totalCount).toBe(n);
    expect(page.nodes.every((p: any) => p.status === 'APPROVED' && p.period.year === 2026)).toBe(
      true,
    );
    const small = await countStatements(() =>
      as(tokens.tpp, PLANS, { filter: { periodId }, first: 5 }),
    );
    const large = await countStatements(() =>
      as(tokens.tpp, PLANS, { filter: { periodId }, first: 300 }),
    );
    expect(large).toBe(small);
    const limited = await as(tokens.tppOfOpd, PLANS, { filter: { periodId }, first: 500 });
    expect(limited.data!.performancePlans.totalCount).toBeGreaterThan(0);
    expect(
      limited.data!.performancePlans.nodes.every((p: any) => p.employee.orgUnit.opd.id === opdId),
    ).toBe(true);
    expect((await as(tokens.EMPLOYEE, PLANS, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('activities of many people', () => {
  const ACTIVITIES = `query($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id date status employee { nip } }
    }
  }`;

  it('reads an OPD’s activities of a month for a tool, and someone’s own or assessed ones', async () => {
    const filter = { opdId, from: '2026-11-01', to: '2026-11-30' };
    const result = await as(tokens.tpp, ACTIVITIES, { filter, first: 500 });
    expect(result.errors).toBeUndefined();
    const [{ n }] = await direct<{ n: number }>(
      `select count(*)::int as n from activity a join performance_plan p on p.id = a.plan_id
         join org_unit u on u.id = p.org_unit_id
        where u.opd_id = ? and a.date between '2026-11-01' and '2026-11-30'`,
      [opdId],
    );
    expect(n).toBeGreaterThan(0);
    expect(result.data!.activities.totalCount).toBe(n);
    expect(
      result.data!.activities.nodes.every(
        (a: { date: string }) => a.date >= '2026-11-01' && a.date <= '2026-11-30',
      ),
    ).toBe(true);

    const me = (await as(tokens.EMPLOYEE, '{ me { employee { id nip } } }', {})).data!.me.employee;
    const own = await as(tokens.EMPLOYEE, ACTIVITIES, { filter: { employeeId: me.id } });
    expect(own.errors).toBeUndefined();
    expect(own.data!.activities.nodes.every((a: any) => a.employee.nip === me.nip)).toBe(true);
    const someoneElse = await as(tokens.EMPLOYEE, ACTIVITIES, { filter: { opdId } });
    expect(someoneElse.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outside = await as(tokens.tppOfOpd, ACTIVITIES, { filter: { opdId: otherOpdId } });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const reversed = await as(tokens.tpp, ACTIVITIES, {
      filter: { from: '2026-11-30', to: '2026-11-01' },
    });
    expect(reversed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'activity.rangeReversed',
    });
    const small = await countStatements(() => as(tokens.tpp, ACTIVITIES, { filter, first: 5 }));
    const large = await countStatements(() => as(tokens.tpp, ACTIVITIES, { filter, first: 300 }));
    expect(large).toBe(small);
  });
});
