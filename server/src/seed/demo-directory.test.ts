import { describe, it, expect } from 'vitest';
import units from '../db/reference/denpasar-org-units.json' with { type: 'json' };
import { checkNip } from '../modules/directory/index.js';
import {
  DEMO_DIRECTORY_MINIMUM_EMPLOYEES,
  generateDemoDirectory,
  type DemoDirectory,
  type DemoEmployee,
  type DemoUnit,
  type JobTypeKey,
} from './demo-directory.js';

// A date in the past of any real clock: buildNip checks the NIPs it builds against the real today.
const TODAY = '2026-06-30';
const OPTIONS = { seed: 1, employees: 9000, today: TODAY };
const directory = generateDemoDirectory(OPTIONS);

const STRUCTURAL: ReadonlySet<JobTypeKey> = new Set([
  'SENIOR_EXECUTIVE',
  'ADMINISTRATOR',
  'SUPERVISOR',
]);
const PNS_RANKS = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
];

function rankRange(from: string, to: string): string[] {
  return PNS_RANKS.slice(PNS_RANKS.indexOf(from), PNS_RANKS.indexOf(to) + 1);
}

/** Full years from `from` to `to`, both 'YYYY-MM-DD'. */
function fullYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

function indexDirectory(d: DemoDirectory) {
  const unitByCode = new Map(d.units.map((u) => [u.code, u]));
  const employeeByNip = new Map(d.employees.map((e) => [e.nip, e]));
  const opdOf = (code: string): DemoUnit => {
    let unit = unitByCode.get(code)!;
    while (unit.parentCode !== null) unit = unitByCode.get(unit.parentCode)!;
    return unit;
  };
  const headOf = new Map<string, DemoEmployee>();
  for (const e of d.employees) if (STRUCTURAL.has(e.jobType)) headOf.set(e.orgUnitCode, e);
  const directReports = new Map<string, DemoEmployee[]>();
  for (const e of d.employees) {
    if (e.supervisorNip === null) continue;
    const list = directReports.get(e.supervisorNip) ?? [];
    list.push(e);
    directReports.set(e.supervisorNip, list);
  }
  return { unitByCode, employeeByNip, opdOf, headOf, directReports };
}

const index = indexDirectory(directory);

/** Rank ranges by job type (and, for jabatan fungsional, level) that a record must fall in. */
function allowedRanks(e: DemoEmployee, isSekda: boolean): string[] {
  if (e.employmentType !== 'PNS') {
    if (e.jobType === 'EXECUTOR') return ['V', 'VI', 'VII'];
    return e.positionTitle.endsWith(' Terampil') ? ['VII'] : ['IX', 'X', 'XI'];
  }
  switch (e.jobType) {
    case 'SENIOR_EXECUTIVE':
      return isSekda ? ['IV/d', 'IV/e'] : rankRange('IV/c', 'IV/e');
    case 'ADMINISTRATOR':
      return ['IV/a', 'IV/b'];
    case 'SUPERVISOR':
      return ['III/c', 'III/d'];
    case 'EXECUTOR':
      return rankRange('II/a', 'III/b');
    case 'FUNCTIONAL': {
      const level = /(Ahli Pertama|Ahli Muda|Ahli Madya|Terampil|Mahir|Penyelia)$/.exec(
        e.positionTitle,
      )?.[1];
      const ranges: Record<string, string[]> = {
        'Ahli Pertama': ['III/a', 'III/b'],
        'Ahli Muda': ['III/c', 'III/d'],
        'Ahli Madya': ['IV/a', 'IV/b'],
        Terampil: ['II/c', 'II/d'],
        Mahir: ['III/a', 'III/b'],
        Penyelia: ['III/c', 'III/d'],
      };
      return level ? ranges[level] : [];
    }
  }
}

describe('generateDemoDirectory', () => {
  it('returns a deep-equal directory for the same options', () => {
    expect(generateDemoDirectory({ ...OPTIONS })).toStrictEqual(directory);
  });

  it('gives other people, but the same unit tree, for another seed', () => {
    const other = generateDemoDirectory({ ...OPTIONS, seed: 2 });
    expect(other.employees).not.toEqual(directory.employees);
    expect(other.employees.map((e) => e.nip)).not.toEqual(directory.employees.map((e) => e.nip));
    expect(other.units).toStrictEqual(directory.units);
  });

  it('creates exactly the number of employees asked for', () => {
    for (const employees of [DEMO_DIRECTORY_MINIMUM_EMPLOYEES, 300, 1234, 3000, 9000]) {
      expect(generateDemoDirectory({ ...OPTIONS, employees }).employees).toHaveLength(employees);
    }
  });

  it('accepts 300 employees and refuses fewer than the unit heads and role holders need, naming the minimum', () => {
    expect(DEMO_DIRECTORY_MINIMUM_EMPLOYEES).toBeLessThanOrEqual(300);
    expect(() =>
      generateDemoDirectory({ ...OPTIONS, employees: DEMO_DIRECTORY_MINIMUM_EMPLOYEES - 1 }),
    ).toThrow(
      new RegExp(
        `at least ${DEMO_DIRECTORY_MINIMUM_EMPLOYEES} employees.*got ${DEMO_DIRECTORY_MINIMUM_EMPLOYEES - 1}`,
      ),
    );
    expect(() => generateDemoDirectory({ ...OPTIONS, employees: 12.5 })).toThrow(/at least/);
  });

  it('refuses a today that is not a real YYYY-MM-DD date', () => {
    expect(() => generateDemoDirectory({ ...OPTIONS, today: '2026-02-30' })).toThrow(/real date/);
    expect(() => generateDemoDirectory({ ...OPTIONS, today: '30/06/2026' })).toThrow(/real date/);
  });

  it('writes every unit and person name on one line with single spaces', () => {
    const names = [
      ...directory.units.map((u) => u.name),
      ...directory.employees.map((e) => e.name),
    ];
    expect(names.filter((n) => /\s{2}|\n|^\s|\s$/.test(n))).toEqual([]);
    expect(directory.units.map((u) => u.name)).toContain('SD Negeri 1 Panjer');
  });

  it('lists every seksi, subbagian and school in a city-sized directory', () => {
    const childrenOf = (code: string) => directory.units.filter((u) => u.parentCode === code);
    const dinkes = childrenOf('3002');
    expect(dinkes.filter((u) => u.kind === 'UNIT_SECRETARIAT')).toHaveLength(1);
    expect(
      childrenOf(dinkes.find((u) => u.kind === 'UNIT_SECRETARIAT')!.code).length,
    ).toBeGreaterThanOrEqual(2);
    expect(dinkes.filter((u) => u.kind === 'DIVISION').map((u) => u.name)).toEqual([
      'Bidang Kesehatan Masyarakat',
      'Bidang Pencegahan dan Pengendalian Penyakit',
      'Bidang Pelayanan Kesehatan',
      'Bidang Sumber Daya Kesehatan',
    ]);
    expect(dinkes.filter((u) => u.name.startsWith('UPTD Puskesmas'))).toHaveLength(11);
    expect(childrenOf('3001').filter((u) => /^S[DM]P? Negeri/.test(u.name)).length).toBeGreaterThan(
      30,
    );
    expect(
      childrenOf('4100')
        .filter((u) => u.kind === 'DIVISION')
        .map((u) => u.name),
    ).toEqual([
      'Inspektur Pembantu I',
      'Inspektur Pembantu II',
      'Inspektur Pembantu III',
      'Inspektur Pembantu IV',
    ]);
    expect(childrenOf('1090')).toHaveLength(0);
    for (const unit of directory.units) {
      const children = childrenOf(unit.code);
      if (unit.kind === 'DEPARTMENT' || unit.kind === 'AGENCY') {
        const divisions = children.filter((u) => u.kind === 'DIVISION');
        expect(divisions.length).toBeGreaterThanOrEqual(3);
        expect(divisions.length).toBeLessThanOrEqual(5);
        for (const division of divisions) {
          expect(childrenOf(division.code).length).toBeGreaterThanOrEqual(2);
          expect(childrenOf(division.code).length).toBeLessThanOrEqual(3);
        }
      }
      if (unit.kind === 'SECTION') expect(children.length).toBeGreaterThanOrEqual(2);
      if (unit.kind === 'DISTRICT')
        expect(children.filter((u) => u.name.startsWith('Seksi '))).toHaveLength(4);
      if (unit.kind === 'SUBDISTRICT')
        expect(children.filter((u) => u.name.startsWith('Seksi ')).length).toBeGreaterThan(0);
    }
  });

  it('lists only the sekretariat, bidang and a few UPT of each OPD in a small directory, with the same codes', () => {
    const small = generateDemoDirectory({ ...OPTIONS, employees: 400 });
    expect(small.units.length).toBeLessThan(directory.units.length);
    expect(small.units.length).toBeLessThan(400 / 1.5);
    for (const unit of small.units) expect(index.unitByCode.get(unit.code)).toStrictEqual(unit);
    for (const unit of small.units.filter((u) => u.kind === 'DEPARTMENT' || u.kind === 'AGENCY')) {
      const children = small.units.filter((u) => u.parentCode === unit.code);
      expect(children.filter((u) => u.kind === 'UNIT_SECRETARIAT')).toHaveLength(1);
      expect(children.filter((u) => u.kind === 'DIVISION').length).toBeGreaterThanOrEqual(3);
    }
    const smallIndex = indexDirectory(small);
    const perOpd = new Map<string, number>();
    for (const e of small.employees) {
      const opd = smallIndex.opdOf(e.orgUnitCode).code;
      perOpd.set(opd, (perOpd.get(opd) ?? 0) + 1);
    }
    expect([...perOpd].sort((a, b) => b[1] - a[1])[0][0]).toBe('3001');
  });

  it('makes Disdikpora the largest OPD and staffs schools, puskesmas and RSUD mostly with functional posts', () => {
    const staff = directory.employees.filter((e) => !STRUCTURAL.has(e.jobType));
    const perOpd = new Map<string, number>();
    for (const e of directory.employees) {
      const opd = index.opdOf(e.orgUnitCode).code;
      perOpd.set(opd, (perOpd.get(opd) ?? 0) + 1);
    }
    expect([...perOpd].sort((a, b) => b[1] - a[1])[0][0]).toBe('3001');
    const functionalShare = (predicate: (unit: DemoUnit) => boolean) => {
      const people = staff.filter((e) => predicate(index.unitByCode.get(e.orgUnitCode)!));
      return people.filter((e) => e.jobType === 'FUNCTIONAL').length / people.length;
    };
    expect(functionalShare((u) => /^S[DM]P? Negeri/.test(u.name))).toBeGreaterThan(0.8);
    expect(functionalShare((u) => u.name.includes('Puskesmas'))).toBeGreaterThan(0.7);
    expect(
      functionalShare((u) => u.code.startsWith('4200.0') && !u.code.startsWith('4200.01')),
    ).toBeGreaterThan(0.7);
    expect(staff.some((e) => e.positionTitle.startsWith('Guru '))).toBe(true);
    expect(
      staff.filter((e) => e.positionTitle.startsWith('Bidan ')).every((e) => e.sex === 'FEMALE'),
    ).toBe(true);
  });

  it('employs about a quarter as PPPK and a few as part-time PPPK', () => {
    const pppk = directory.employees.filter((e) => e.employmentType !== 'PNS');
    const partTime = pppk.filter((e) => e.employmentType === 'PPPK_PART_TIME');
    expect(pppk.length / directory.employees.length).toBeGreaterThanOrEqual(0.2);
    expect(pppk.length / directory.employees.length).toBeLessThanOrEqual(0.3);
    expect(partTime.length).toBeGreaterThan(0);
    expect(partTime.length / directory.employees.length).toBeLessThan(0.05);
  });

  it('writes mostly Balinese names, with degrees, whose I or Ni agrees with the sex', () => {
    let balinese = 0;
    for (const e of directory.employees) {
      const words = e.name.split(',')[0].split(' ');
      while (words[0].endsWith('.')) words.shift(); // dr., Ns., apt., Dr., Ir.
      if (words[0] === 'I') expect(e.sex, e.name).toBe('MALE');
      if (words[0] === 'Ni') expect(e.sex, e.name).toBe('FEMALE');
      if (/^(I|Ni|Ida|Anak|Gusti|Desak|Dewa|Cokorda)$/.test(words[0])) balinese++;
    }
    expect(balinese / directory.employees.length).toBeGreaterThan(0.8);
    expect(directory.employees.some((e) => /^dr\. /.test(e.name))).toBe(true);
    expect(directory.employees.some((e) => /^Ns\. Ni .*, S\.Kep\.$/.test(e.name))).toBe(true);
    expect(directory.employees.some((e) => /, S\.Pd\.$/.test(e.name))).toBe(true);
  });

  it('gives unique denpasarkota.go.id emails to most and 08 mobile numbers to most', () => {
    const emails = directory.employees.map((e) => e.email).filter((e): e is string => e !== null);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.length / directory.employees.length).toBeGreaterThan(0.9);
    for (const email of emails) expect(email).toMatch(/^[a-z]+\.[a-z]+\d*@denpasarkota\.go\.id$/);
    const phones = directory.employees.map((e) => e.phone).filter((p): p is string => p !== null);
    expect(phones.length / directory.employees.length).toBeGreaterThan(0.8);
    for (const phone of phones) expect(phone).toMatch(/^08\d{9,11}$/);
  });

  it('generates a directory of 100,000 employees', { timeout: 60_000 }, () => {
    const large = generateDemoDirectory({ seed: 7, employees: 100_000, today: TODAY });
    expect(large.employees).toHaveLength(100_000);
    expect(new Set(large.employees.map((e) => e.nip)).size).toBe(100_000);
  });
});

describe.each([
  { employees: 300, seed: 3 },
  { employees: 2500, seed: 4 },
  { employees: 9000, seed: 1 },
])('generateDemoDirectory with $employees employees', ({ employees, seed }) => {
  const d =
    seed === OPTIONS.seed && employees === OPTIONS.employees
      ? directory
      : generateDemoDirectory({ seed, employees, today: TODAY });
  const ix = indexDirectory(d);
  const sekda = ix.headOf.get('1000')!;

  it('contains all 64 reference units with their codes, names, kinds and parents', () => {
    expect(units.units).toHaveLength(64);
    expect(d.units.filter((u) => u.reference)).toHaveLength(64);
    for (const ref of units.units)
      expect(ix.unitByCode.get(ref.code)).toStrictEqual({ ...ref, reference: true });
  });

  it('derives each generated unit code from its parent code and lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const unit of d.units) {
      expect(seen.has(unit.code)).toBe(false);
      if (unit.parentCode !== null) expect(seen.has(unit.parentCode)).toBe(true);
      if (!unit.reference) {
        expect(unit.code).toMatch(
          new RegExp(`^${unit.parentCode!.replace(/\./g, '\\.')}\\.\\d{2}$`),
        );
        expect(['UNIT_SECRETARIAT', 'DIVISION', 'SUBDIVISION', 'TECHNICAL_UNIT']).toContain(
          unit.kind,
        );
      }
      seen.add(unit.code);
    }
  });

  it('gives every unit exactly one head, and everyone else an executor or functional post', () => {
    const heads = new Map<string, number>();
    for (const e of d.employees) {
      expect(ix.unitByCode.has(e.orgUnitCode)).toBe(true);
      if (STRUCTURAL.has(e.jobType)) heads.set(e.orgUnitCode, (heads.get(e.orgUnitCode) ?? 0) + 1);
      else expect(['EXECUTOR', 'FUNCTIONAL']).toContain(e.jobType);
    }
    for (const unit of d.units) expect(heads.get(unit.code), unit.code).toBe(1);
  });

  it('puts heads in the job type of their post: JPT for OPD heads except the Camat, administrator, pengawas', () => {
    expect(sekda.positionTitle).toBe('Sekretaris Daerah');
    for (const unit of d.units) {
      const parentKind = unit.parentCode === null ? null : ix.unitByCode.get(unit.parentCode)!.kind;
      const expected: JobTypeKey =
        unit.kind === 'DISTRICT' || unit.kind === 'SECTION' || unit.kind === 'DIVISION'
          ? 'ADMINISTRATOR'
          : unit.kind === 'UNIT_SECRETARIAT'
            ? parentKind === 'SUBDISTRICT'
              ? 'SUPERVISOR'
              : 'ADMINISTRATOR'
            : unit.kind === 'SUBDISTRICT' ||
                unit.kind === 'SUBDIVISION' ||
                unit.kind === 'TECHNICAL_UNIT'
              ? 'SUPERVISOR'
              : 'SENIOR_EXECUTIVE';
      expect(ix.headOf.get(unit.code)!.jobType, `${unit.code} ${unit.name}`).toBe(expected);
    }
  });

  it('makes staff report to their unit head, heads to the parent unit head, and OPD heads to the Sekda', () => {
    expect(sekda.supervisorNip).toBeNull();
    for (const e of d.employees) {
      const unit = ix.unitByCode.get(e.orgUnitCode)!;
      const head = ix.headOf.get(unit.code)!;
      if (e !== head) expect(e.supervisorNip).toBe(head.nip);
      else if (unit.parentCode !== null)
        expect(e.supervisorNip).toBe(ix.headOf.get(unit.parentCode)!.nip);
      else if (e !== sekda) expect(e.supervisorNip).toBe(sekda.nip);
    }
    expect(ix.employeeByNip.get(ix.headOf.get('500101')!.supervisorNip!)!.positionTitle).toBe(
      'Camat Denpasar Timur',
    );
    expect(ix.headOf.get('1012')!.supervisorNip).toBe(sekda.nip);
  });

  it('builds an acyclic tree of existing, structural supervisors, each listed before their reports', () => {
    const position = new Map(d.employees.map((e, i) => [e.nip, i]));
    expect(d.employees.filter((e) => e.supervisorNip === null)).toEqual([sekda]);
    for (const [i, e] of d.employees.entries()) {
      if (e.supervisorNip === null) continue;
      const supervisor = ix.employeeByNip.get(e.supervisorNip);
      expect(supervisor, e.nip).toBeDefined();
      expect(STRUCTURAL.has(supervisor!.jobType)).toBe(true);
      expect(position.get(e.supervisorNip)!).toBeLessThan(i);
    }
    // Walking up from anyone reaches the Sekda without revisiting anyone.
    for (const e of d.employees) {
      const visited = new Set<string>([e.nip]);
      let current = e;
      while (current.supervisorNip !== null) {
        expect(visited.has(current.supervisorNip)).toBe(false);
        visited.add(current.supervisorNip);
        current = ix.employeeByNip.get(current.supervisorNip)!;
      }
      expect(current).toBe(sekda);
    }
  });

  it('issues unique NIPs that checkNip accepts for the employment type', () => {
    const today = new Date(`${TODAY}T00:00:00Z`);
    expect(new Set(d.employees.map((e) => e.nip)).size).toBe(d.employees.length);
    for (const e of d.employees) {
      const kind = e.employmentType === 'PNS' ? 'PNS' : 'PPPK';
      const check = checkNip(e.nip, { kind, today });
      expect(check.problems, `${e.nip} ${e.employmentType}`).toEqual([]);
      expect(check.valid).toBe(true);
    }
  });

  it('embeds the birth date and sex of each record in its NIP', () => {
    for (const e of d.employees) {
      expect(e.nip.slice(0, 8)).toBe(e.birthDate.replace(/-/g, ''));
      expect(e.nip[14]).toBe(e.sex === 'MALE' ? '1' : '2');
    }
  });

  it('gives ranks that fit the job type and, for functional posts, the level', () => {
    for (const e of d.employees)
      expect(allowedRanks(e, e === sekda), `${e.positionTitle} ${e.rank}`).toContain(e.rank);
  });

  it('keeps ages in the working life, heads older, and TMT CPNS between age 20 and 35 and not after today', () => {
    const age = (e: DemoEmployee) => fullYears(e.birthDate, TODAY);
    for (const e of d.employees) {
      expect(age(e)).toBeGreaterThanOrEqual(20);
      expect(age(e)).toBeLessThan(58);
      if (e.employmentType === 'PNS') {
        const tmt = `${e.nip.slice(8, 12)}-${e.nip.slice(12, 14)}`;
        expect(tmt <= TODAY.slice(0, 7)).toBe(true);
        const ageAtTmt = fullYears(e.birthDate, `${tmt}-01`);
        expect(ageAtTmt).toBeGreaterThanOrEqual(20);
        expect(ageAtTmt).toBeLessThanOrEqual(35);
      }
    }
    const meanAge = (job: JobTypeKey) => {
      const people = d.employees.filter((e) => e.jobType === job);
      return people.reduce((sum, e) => sum + age(e), 0) / people.length;
    };
    expect(meanAge('SENIOR_EXECUTIVE')).toBeGreaterThan(meanAge('ADMINISTRATOR'));
    expect(meanAge('ADMINISTRATOR')).toBeGreaterThan(meanAge('EXECUTOR'));
    expect(
      Math.min(...d.employees.filter((e) => e.jobType === 'SENIOR_EXECUTIVE').map(age)),
    ).toBeGreaterThanOrEqual(40);
  });

  it('appoints PPPK only to functional or executor posts, from 2019 to this year, after age 19', () => {
    for (const e of d.employees.filter((e) => e.employmentType !== 'PNS')) {
      expect(['FUNCTIONAL', 'EXECUTOR']).toContain(e.jobType);
      const year = Number(e.nip.slice(8, 12));
      expect(year).toBeGreaterThanOrEqual(2019);
      expect(year).toBeLessThanOrEqual(Number(TODAY.slice(0, 4)));
      expect(year - Number(e.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(20);
    }
  });

  it('grants 2–3 HR admins among BKPSDM staff, 1–2 auditors in the Inspektorat, and one unit admin per OPD from its sekretariat', () => {
    const byRole = (role: 'HR_ADMIN' | 'AUDITOR' | 'UNIT_ADMIN') =>
      d.roleGrants.filter((g) => g.roles.includes(role));
    expect(new Set(d.roleGrants.map((g) => g.nip)).size).toBe(d.roleGrants.length);

    const hr = byRole('HR_ADMIN');
    expect(hr.length).toBeGreaterThanOrEqual(2);
    expect(hr.length).toBeLessThanOrEqual(3);
    for (const grant of hr) {
      const e = ix.employeeByNip.get(grant.nip)!;
      expect(ix.opdOf(e.orgUnitCode).code).toBe('4003');
      expect(STRUCTURAL.has(e.jobType)).toBe(false);
      expect(grant.adminOrgUnitCode).toBeNull();
    }

    const auditors = byRole('AUDITOR');
    expect(auditors.length).toBeGreaterThanOrEqual(1);
    expect(auditors.length).toBeLessThanOrEqual(2);
    for (const grant of auditors) {
      const e = ix.employeeByNip.get(grant.nip)!;
      expect(ix.opdOf(e.orgUnitCode).code).toBe('4100');
      expect(e.positionTitle).toMatch(/^Auditor /);
      expect(grant.adminOrgUnitCode).toBeNull();
    }

    const opds = d.units.filter((u) => u.parentCode === null);
    expect(opds).toHaveLength(36);
    const admins = byRole('UNIT_ADMIN');
    expect(admins.map((g) => g.adminOrgUnitCode).sort()).toEqual(opds.map((u) => u.code).sort());
    for (const grant of admins) {
      const e = ix.employeeByNip.get(grant.nip)!;
      const unit = ix.unitByCode.get(e.orgUnitCode)!;
      expect(STRUCTURAL.has(e.jobType)).toBe(false);
      expect(ix.opdOf(unit.code).code).toBe(grant.adminOrgUnitCode);
      const opd = ix.unitByCode.get(grant.adminOrgUnitCode!)!;
      if (opd.kind === 'SECRETARIAT') expect(unit.name).toMatch(/^Bagian Umum/);
      else expect(unit.kind).toBe('UNIT_SECRETARIAT');
    }
  });

  it('links the logins: the employee reports to the supervisor login, a pengawas with 3+ reports in the unit admin OPD', () => {
    const { logins } = d;
    const supervisor = ix.employeeByNip.get(logins.supervisor)!;
    const employee = ix.employeeByNip.get(logins.employee)!;
    expect(supervisor.jobType).toBe('SUPERVISOR');
    expect(ix.directReports.get(supervisor.nip)!.length).toBeGreaterThanOrEqual(3);
    expect(employee.supervisorNip).toBe(supervisor.nip);
    expect(employee.employmentType).toBe('PNS');
    expect(['EXECUTOR', 'FUNCTIONAL']).toContain(employee.jobType);
    expect(ix.opdOf(supervisor.orgUnitCode).code).toBe('3002');

    const grantOf = (nip: string) => d.roleGrants.find((g) => g.nip === nip);
    expect(grantOf(logins.unitAdmin)?.roles).toEqual(['UNIT_ADMIN']);
    expect(grantOf(logins.unitAdmin)?.adminOrgUnitCode).toBe('3002');
    expect(grantOf(logins.hrAdmin)?.roles).toEqual(['HR_ADMIN']);
    expect(grantOf(logins.auditor)?.roles).toEqual(['AUDITOR']);
    expect(new Set(Object.values(logins)).size).toBe(5);
  });
});
