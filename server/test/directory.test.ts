import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNip } from '../src/modules/directory/nip.rules.js';
import {
  countStatements,
  gql,
  seedDirectory,
  signIn,
  startTestApp,
  type TestApp,
  type TestDirectory,
} from './helpers.js';

let t: TestApp;
let dir: TestDirectory;
let token: string;
let hrToken: string;

beforeAll(async () => {
  t = await startTestApp();
  dir = await seedDirectory(t.app, 400);
  token = await signIn(t.url, dir.logins.employee, dir.password);
  hrToken = await signIn(t.url, dir.logins.hrAdmin, dir.password);
});
afterAll(async () => {
  await t?.close();
});

const q = (query: string, variables: Record<string, unknown> = {}, as = token) =>
  gql(t.url, query, variables, { token: as });

async function unitByCode(code: string): Promise<{ id: string; name: string }> {
  const result = await q(
    'query($kind: OrgUnitKind) { orgUnits(kind: $kind) { id code name } }',
    {},
  );
  return result.data!.orgUnits.find((u: { code: string }) => u.code === code);
}

describe('organisation units', () => {
  it('lists the 64 Perangkat Daerah of the reference data with their parents', async () => {
    const result = await q('{ orgUnits { code reference parent { code } } }');
    const reference = result.data!.orgUnits.filter((u: { reference: boolean }) => u.reference);
    expect(reference).toHaveLength(64);
    const bagianHukum = reference.find((u: { code: string }) => u.code === '1012');
    expect(bagianHukum.parent.code).toBe('1000');
  });

  it('filters units by parent and by kind, and shows children', async () => {
    const dinkes = await unitByCode('3002');
    const children = await q(
      'query($p: ID) { orgUnits(parentId: $p) { code kind parent { id } } }',
      { p: dinkes.id },
    );
    expect(children.data!.orgUnits.length).toBeGreaterThan(2);
    for (const child of children.data!.orgUnits) expect(child.parent.id).toBe(dinkes.id);

    const districts = await q('{ orgUnits(kind: DISTRICT) { name } }');
    expect(districts.data!.orgUnits.map((u: { name: string }) => u.name)).toEqual([
      'Kecamatan Denpasar Timur',
      'Kecamatan Denpasar Barat',
      'Kecamatan Denpasar Selatan',
      'Kecamatan Denpasar Utara',
    ]);
    const opds = await q('{ orgUnits(topLevel: true) { code } }');
    expect(opds.data!.orgUnits).toHaveLength(36);

    const one = await q(
      'query($id: ID!) { orgUnit(id: $id) { name children { parent { code } } opd { code } } }',
      {
        id: dinkes.id,
      },
    );
    expect(one.data!.orgUnit.name).toBe('Dinas Kesehatan');
    expect(one.data!.orgUnit.opd.code).toBe('3002');
    expect(one.data!.orgUnit.children[0].parent.code).toBe('3002');
  });

  it('lets an HR admin add a sub-unit and refuses a duplicate code', async () => {
    const dinkes = await unitByCode('3002');
    const create = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { code opd { code } parent { code } } }`;
    const input = {
      code: '3002.99',
      name: 'UPT Laboratorium Kesehatan',
      kind: 'TECHNICAL_UNIT',
      parentId: dinkes.id,
    };
    const ok = await q(create, { input }, hrToken);
    expect(ok.data!.createOrgUnit).toEqual({
      code: '3002.99',
      opd: { code: '3002' },
      parent: { code: '3002' },
    });
    const dup = await q(create, { input }, hrToken);
    expect(dup.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const byEmployee = await q(create, { input: { ...input, code: '3002.98' } });
    expect(byEmployee.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

const LIST = `query($filter: EmployeeFilter, $first: Int, $after: String) {
  employees(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id nip name jobType employmentType orgUnit { id code } supervisor { id } } }
    nodes { id }
  }
}`;

describe('employees', () => {
  it('pages through everyone in name order without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const result: any = await q(LIST, { first: 100, after });
      expect(result.errors).toBeUndefined();
      const conn = result.data.employees;
      total = conn.totalCount;
      seen.push(...conn.edges.map((e: any) => e.node.name + '|' + e.node.id));
      expect(conn.nodes.map((n: any) => n.id)).toEqual(conn.edges.map((e: any) => e.node.id));
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(total).toBe(dir.employees);
    expect(new Set(seen).size).toBe(dir.employees);
  });

  it('refuses pages over 100 and cursors it did not give out', async () => {
    const big = await q(LIST, { first: 101 });
    expect(big.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(big.errors![0].message).toBe('first must be between 0 and 100; got 101.');
    const bad = await q(LIST, { first: 5, after: 'bm9wZQ' });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('filters by unit including its sub-units', async () => {
    const dinkes = await unitByCode('3002');
    const result = await q(LIST, { filter: { orgUnitId: dinkes.id }, first: 100 });
    const conn = result.data!.employees;
    expect(conn.totalCount).toBeGreaterThan(5);
    const units = await q('{ orgUnits { id opd { code } } }');
    const inDinkes = new Set(
      units.data!.orgUnits.filter((u: any) => u.opd.code === '3002').map((u: any) => u.id),
    );
    for (const edge of conn.edges) expect(inDinkes.has(edge.node.orgUnit.id)).toBe(true);
    expect(conn.edges.some((e: any) => e.node.orgUnit.code !== '3002')).toBe(true);
  });

  it('counts exactly the people of a unit and of every unit below it; an unknown unit is NOT_FOUND', async () => {
    const units = (await q('{ orgUnits { id code parent { id } } }')).data!.orgUnits as {
      id: string;
      code: string;
      parent: { id: string } | null;
    }[];
    const children = new Map<string, string[]>();
    for (const u of units)
      if (u.parent) children.set(u.parent.id, [...(children.get(u.parent.id) ?? []), u.id]);
    const everyone: { orgUnit: { id: string } }[] = [];
    let after: string | null = null;
    do {
      const page: any = await q(
        'query($after: String) { employees(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { orgUnit { id } } } }',
        { after },
      );
      everyone.push(...page.data.employees.nodes);
      after = page.data.employees.pageInfo.hasNextPage
        ? page.data.employees.pageInfo.endCursor
        : null;
    } while (after);
    for (const code of ['3002', units.find((u) => u.parent && children.has(u.id))!.code]) {
      const unit = units.find((u) => u.code === code)!;
      const below = new Set<string>();
      const walk = (id: string) => {
        below.add(id);
        for (const child of children.get(id) ?? []) walk(child);
      };
      walk(unit.id);
      const result = await q(LIST, { filter: { orgUnitId: unit.id }, first: 1 });
      expect(result.data!.employees.totalCount, code).toBe(
        everyone.filter((e) => below.has(e.orgUnit.id)).length,
      );
    }
    for (const id of ['01a20000-0000-7000-8000-000000000000', 'not-a-unit']) {
      const missing = await q(LIST, { filter: { orgUnitId: id }, first: 5 });
      expect(missing.errors?.[0]?.extensions?.code, id).toBe('NOT_FOUND');
      expect(missing.data?.employees ?? null).toBeNull();
    }
  });

  it('searches by part of the name or by the first digits of the NIP', async () => {
    const me = await q('query($nip: String) { employee(nip: $nip) { id name nip } }', {
      nip: dir.logins.employee,
    });
    const person = me.data!.employee;
    const word = person.name.split(' ').find((w: string) => w.length > 4 && !w.includes('.'))!;
    const byName = await q(LIST, { filter: { search: word.toLowerCase() }, first: 100 });
    expect(byName.data!.employees.edges.map((e: any) => e.node.id)).toContain(person.id);
    for (const e of byName.data!.employees.edges)
      expect(e.node.name.toLowerCase()).toContain(word.toLowerCase());

    const prefix = `${person.nip.slice(0, 8)} ${person.nip.slice(8, 12)}`;
    const byNip = await q(LIST, { filter: { search: prefix }, first: 100 });
    expect(byNip.data!.employees.edges.map((e: any) => e.node.id)).toContain(person.id);
    for (const e of byNip.data!.employees.edges)
      expect(e.node.nip.startsWith(person.nip.slice(0, 12))).toBe(true);
  });

  it('filters by job type, employment type and supervisor', async () => {
    const fungsional = await q(LIST, { filter: { jobType: 'FUNCTIONAL' }, first: 50 });
    expect(fungsional.data!.employees.totalCount).toBeGreaterThan(0);
    for (const e of fungsional.data!.employees.edges) expect(e.node.jobType).toBe('FUNCTIONAL');

    const pppk = await q(LIST, { filter: { employmentType: 'PPPK' }, first: 50 });
    expect(pppk.data!.employees.totalCount).toBeGreaterThan(0);
    for (const e of pppk.data!.employees.edges) expect(e.node.employmentType).toBe('PPPK');

    const sup = await q('query($nip: String) { employee(nip: $nip) { id directReports { id } } }', {
      nip: dir.logins.supervisor,
    });
    const reports = await q(LIST, { filter: { supervisorId: sup.data!.employee.id }, first: 100 });
    expect(reports.data!.employees.totalCount).toBe(sup.data!.employee.directReports.length);
    for (const e of reports.data!.employees.edges)
      expect(e.node.supervisor.id).toBe(sup.data!.employee.id);
  });

  it('finds one employee by id or by NIP, and refuses a wrong NIP naming the segment', async () => {
    const byNip = await q(
      'query($nip: String) { employee(nip: $nip) { id nip supervisor { nip } } }',
      {
        nip: dir.logins.employee,
      },
    );
    expect(byNip.data!.employee.supervisor.nip).toBe(dir.logins.supervisor);
    const byId = await q('query($id: ID) { employee(id: $id) { nip } }', {
      id: byNip.data!.employee.id,
    });
    expect(byId.data!.employee.nip).toBe(dir.logins.employee);

    const nobody = await q('query($nip: String) { employee(nip: $nip) { id } }', {
      nip: '199001012015011999',
    });
    expect(nobody.errors).toBeUndefined();
    expect(nobody.data!.employee).toBeNull();

    const wrong = await q('query($nip: String) { employee(nip: $nip) { id } }', {
      nip: '198613262015051001',
    });
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nip' });
    expect(wrong.errors![0].message).toContain('Digits 1–8 (birth date)');
  });

  it('resolves a nested list of 100 with the same number of SQL statements as a list of 5', async () => {
    const nested = `query($first: Int) { employees(first: $first) { edges { node { orgUnit { name } supervisor { name } } } } }`;
    await q(nested, { first: 1 }); // warm up: the session's last-seen time is written once
    const five = await countStatements(() => q(nested, { first: 5 }));
    const hundred = await countStatements(() => q(nested, { first: 100 }));
    expect(hundred).toBe(five);
    expect(five).toBeLessThanOrEqual(5);
  });

  it('brings a page’s units and supervisors with the page, and checks its personal fields with them: one statement', async () => {
    const page = `query($first: Int) { employees(first: $first) { totalCount nodes {
      nip birthDate email orgUnit { name } supervisor { nip name } } } }`;
    await q(page, { first: 1 }, hrToken);
    const statements = await countStatements(async () => {
      const result = await q(page, { first: 100 }, hrToken);
      expect(result.errors).toBeUndefined();
      expect(result.data!.employees.nodes).toHaveLength(100);
      expect(result.data!.employees.nodes.filter((n: any) => n.supervisor).length).toBeGreaterThan(
        50,
      );
    });
    // The page (with the total); nothing per row or per relation, and no sign-in check: the
    // first request's is remembered (the viewer cache).
    expect(statements).toBe(1);
  });

  it('answers a page that asks for few fields in full, and its people in full wherever else they appear', async () => {
    const fields = 'id nip name email birthDate positionTitle rank jobType sex active version';
    const everyone = await q(
      `{ employees(first: 100) { nodes { ${fields} } pageInfo { endCursor } } }`,
      {},
      hrToken,
    );
    const rest = await q(
      `query($after: String) { employees(first: 100, after: $after) { nodes { ${fields} } } }`,
      { after: everyone.data!.employees.pageInfo.endCursor },
      hrToken,
    );
    const byId = new Map<string, Record<string, unknown>>(
      [...everyone.data!.employees.nodes, ...rest.data!.employees.nodes].map((n: any) => [n.id, n]),
    );
    // The first page asks for little; in the same operation, the second asks for everything of
    // each supervisor, some of whom are on the first page (without supervising anyone there).
    const result = await q(
      `query($after: String) {
         few: employees(first: 100) { nodes { id name } }
         next: employees(first: 100, after: $after) { edges { node { id supervisor { ${fields} } } } }
       }`,
      { after: everyone.data!.employees.pageInfo.endCursor },
      hrToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.few.nodes).toEqual(
      everyone.data!.employees.nodes.map((n: any) => ({ id: n.id, name: n.name })),
    );
    const onFirstPage = new Set(result.data!.few.nodes.map((n: { id: string }) => n.id));
    const nodes = result.data!.next.edges.map((e: any) => e.node);
    const supervisedFromFirstPage = nodes.filter(
      (n: any) => n.supervisor && onFirstPage.has(n.supervisor.id),
    );
    expect(supervisedFromFirstPage.length).toBeGreaterThan(0);
    for (const n of nodes)
      if (n.supervisor && byId.has(n.supervisor.id))
        expect(n.supervisor).toEqual(byId.get(n.supervisor.id));
  });
});

describe('NIP validation through the API', () => {
  const VALIDATE = `query($nip: String!, $type: EmploymentType) {
    validateNip(nip: $nip, employmentType: $type) { valid normalized formatted kind birthDate appointment sex sequence problems { segment message } segments { name digits } }
  }`;

  it('reads a valid PNS NIP typed with spaces, without signing in', async () => {
    const result = await gql(t.url, VALIDATE, { nip: '19860926 201505 1 001' });
    expect(result.data!.validateNip).toMatchObject({
      valid: true,
      normalized: '198609262015051001',
      formatted: '19860926 201505 1 001',
      kind: 'PNS',
      birthDate: '1986-09-26',
      appointment: '2015-05',
      sex: 'MALE',
      sequence: 1,
      problems: [],
    });
  });

  it('does not read digits 13–14 of a PPPK number as a month', async () => {
    const result = await gql(t.url, VALIDATE, { nip: '199001012021212001', type: 'PPPK' });
    expect(result.data!.validateNip).toMatchObject({
      valid: true,
      kind: 'PPPK',
      appointment: '2021',
      sex: 'FEMALE',
    });
  });

  it('names the wrong segment', async () => {
    const result = await gql(t.url, VALIDATE, { nip: '198609262015133001' });
    expect(result.data!.validateNip.valid).toBe(false);
    expect(result.data!.validateNip.problems.map((p: any) => p.segment)).toContain('sex');
  });
});

describe('changing the directory', () => {
  const CREATE = `mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { id nip version supervisor { nip } } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateEmployeeInput!, $v: Int!) { updateEmployee(id: $id, input: $input, expectedVersion: $v) { id version supervisor { id } active } }`;

  async function person(nip: string) {
    const r = await q(
      'query($nip: String) { employee(nip: $nip) { id version orgUnit { id } directReports { id } supervisor { id } } }',
      { nip },
    );
    return r.data!.employee;
  }

  it('adds an employee whose NIP agrees with birth date and sex, and refuses one that does not', async () => {
    const supervisor = await person(dir.logins.supervisor);
    const nip = buildNip({
      kind: 'PNS',
      birthDate: '1995-03-14',
      appointment: '2020-01',
      sex: 'FEMALE',
      sequence: 7,
    });
    const input = {
      nip,
      name: 'Ni Putu Test Lestari',
      employmentType: 'PNS',
      sex: 'FEMALE',
      birthDate: '1995-03-14',
      rank: 'III/a',
      jobType: 'EXECUTOR',
      positionTitle: 'Pengadministrasi Umum',
      orgUnitId: supervisor.orgUnit.id,
      supervisorId: supervisor.id,
    };
    const wrongBirth = await q(CREATE, { input: { ...input, birthDate: '1995-03-15' } }, hrToken);
    expect(wrongBirth.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'nip',
    });
    expect(wrongBirth.errors![0].message).toContain('1995-03-14');
    const wrongSex = await q(CREATE, { input: { ...input, sex: 'MALE' } }, hrToken);
    expect(wrongSex.errors![0].extensions!.field).toBe('nip');

    const ok = await q(CREATE, { input }, hrToken);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createEmployee).toMatchObject({
      nip,
      version: 1,
      supervisor: { nip: dir.logins.supervisor },
    });
    const dup = await q(CREATE, { input }, hrToken);
    expect(dup.errors![0].message).toBe(`NIP ${nip} already belongs to another employee.`);

    const asEmployee = await q(CREATE, {
      input: {
        ...input,
        nip: buildNip({
          kind: 'PNS',
          birthDate: '1995-03-14',
          appointment: '2020-01',
          sex: 'FEMALE',
          sequence: 8,
        }),
      },
    });
    expect(asEmployee.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses a supervisor link that would make a cycle', async () => {
    const supervisor = await person(dir.logins.supervisor);
    const employee = await person(dir.logins.employee);
    const result = await q(
      UPDATE,
      { id: supervisor.id, input: { supervisorId: employee.id }, v: supervisor.version },
      hrToken,
    );
    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'supervisorId',
    });
    expect(result.errors![0].message).toMatch(/cannot be a supervisor|would create a cycle/);

    // A structural head below the supervisor's own boss: make the boss report to them.
    const boss = await person(
      (
        await q('query($id: ID) { employee(id: $id) { supervisor { nip } } }', {
          id: supervisor.id,
        })
      ).data!.employee.supervisor.nip,
    );
    const cycle = await q(
      UPDATE,
      { id: boss.id, input: { supervisorId: supervisor.id }, v: boss.version },
      hrToken,
    );
    expect(cycle.errors![0].message).toMatch(/would create a cycle: .* → .* → /);
    expect(cycle.errors![0].extensions!.field).toBe('supervisorId');
  });

  it('refuses an inactive supervisor and deactivating someone with active reports', async () => {
    const supervisor = await person(dir.logins.supervisor);
    const deactivate = await q(
      UPDATE,
      { id: supervisor.id, input: { active: false }, v: supervisor.version },
      hrToken,
    );
    expect(deactivate.errors![0].message).toMatch(/still supervises \d+ active employee/);

    // Deactivate a pengawas without reports, then try to use them as a supervisor.
    const heads = await q(LIST, { filter: { jobType: 'SUPERVISOR' }, first: 100 });
    let idle: any = null;
    for (const edge of heads.data!.employees.edges) {
      const p = await person(edge.node.nip);
      if (p.directReports.length === 0) {
        idle = p;
        break;
      }
    }
    if (!idle) throw new Error('fixture has no pengawas without reports');
    const off = await q(
      UPDATE,
      { id: idle.id, input: { active: false }, v: idle.version },
      hrToken,
    );
    expect(off.data!.updateEmployee.active).toBe(false);
    const employee = await person(dir.logins.employee);
    const link = await q(
      UPDATE,
      { id: employee.id, input: { supervisorId: idle.id }, v: employee.version },
      hrToken,
    );
    expect(link.errors![0].message).toMatch(/is inactive and cannot supervise anyone/);
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    const employee = await person(dir.logins.employee);
    const first = await q(
      UPDATE,
      { id: employee.id, input: { phone: '081234567890' }, v: employee.version },
      hrToken,
    );
    expect(first.data!.updateEmployee.version).toBe(employee.version + 1);
    const second = await q(
      UPDATE,
      { id: employee.id, input: { phone: '081200000000' }, v: employee.version },
      hrToken,
    );
    expect(second.errors![0].extensions!.code).toBe('CONFLICT');
    expect(second.errors![0].message).toMatch(/changed by someone else/);
  });
});
