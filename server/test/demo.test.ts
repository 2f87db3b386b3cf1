import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDemoLogins, seedDemoIfEmpty } from '../src/seed/demo.js';
import { createLogger } from '../src/kernel/logger.js';
import { gql, signIn, startTestApp, type TestApp } from './helpers.js';

let t: TestApp;
const logins: Record<string, string> = {};

beforeAll(async () => {
  // A fixed day, so the demo's last ended quarter (Q3) is evaluated whenever the test runs.
  t = await startTestApp({ clock: () => new Date('2026-11-27T03:00:00Z') });
  const summary = await seedDemoIfEmpty(
    t.app.orm,
    { demoSeed: 3, demoEmployees: 400, demoActivitiesPerPerson: 20, clock: t.config.clock },
    createLogger({ logLevel: 'silent' }),
  );
  expect(summary).toMatchObject({ employees: 400, plans: 400 });
  expect(summary!.activities).toBeGreaterThan(400 * 10);
  await printDemoLogins(t.app.orm.em.fork(), (line) => {
    const [, role, nip, password] = /^Demo login: (\w+) (\d{18}) \/ (\S+)$/.exec(line)!;
    logins[role] = nip;
    logins.password = password;
  });
});
afterAll(async () => {
  await t?.close();
});

describe('the demo city', () => {
  it('prints a login for each role, the employee reporting to the supervisor', async () => {
    expect(Object.keys(logins).sort()).toEqual([
      'AUDITOR',
      'EMPLOYEE',
      'HR_ADMIN',
      'SUPERVISOR',
      'UNIT_ADMIN',
      'password',
    ]);
    const token = await signIn(t.url, logins.EMPLOYEE, logins.password);
    const me = await gql(t.url, '{ me { employee { supervisor { nip } } } }', {}, { token });
    expect(me.data!.me.employee.supervisor.nip).toBe(logins.SUPERVISOR);
  });

  it('has the current period with an approved, cascaded plan for the employee, with progress', async () => {
    const token = await signIn(t.url, logins.EMPLOYEE, logins.password);
    const result = await gql(
      t.url,
      `{ me { employee { id } } currentPeriod { id } }`,
      {},
      { token },
    );
    const plan = await gql(
      t.url,
      'query($e: ID!, $p: ID!) { performancePlanFor(employeeId: $e, periodId: $p) { status assessor { nip } progress workResults { kind parent { owner { nip } } indicators { quantitative progress } } } }',
      { e: result.data!.me.employee.id, p: result.data!.currentPeriod.id },
      { token },
    );
    const p = plan.data!.performancePlanFor;
    expect(p.status).toBe('APPROVED');
    expect(p.assessor.nip).toBe(logins.SUPERVISOR);
    expect(
      p.workResults.every(
        (w: any) => w.kind !== 'MAIN' || w.parent?.owner.nip === logins.SUPERVISOR,
      ),
    ).toBe(true);
    expect(p.progress).toBeGreaterThan(0);
  });

  it("leaves the demo supervisor's review queue with work waiting", async () => {
    const token = await signIn(t.url, logins.SUPERVISOR, logins.password);
    const queue = await gql(
      t.url,
      '{ reviewQueue { total activitiesAwaitingReview people(first: 100) { nodes { employee { nip } } } } }',
      {},
      { token },
    );
    expect(queue.data!.reviewQueue.activitiesAwaitingReview).toBeGreaterThan(0);
    expect(queue.data!.reviewQueue.people.nodes.map((p: any) => p.employee.nip)).toContain(
      logins.EMPLOYEE,
    );
  });

  it('has a final third quarter that meets each OPD’s pattern, and one open appeal', async () => {
    const employee = await signIn(t.url, logins.EMPLOYEE, logins.password);
    const ids = await gql(
      t.url,
      '{ me { employee { id orgUnit { opd { id } } } } currentPeriod { id } }',
      {},
      { token: employee },
    );
    const { id, orgUnit } = ids.data!.me.employee;
    const periodId = ids.data!.currentPeriod.id;
    const mine = await gql(
      t.url,
      'query($e: ID!, $p: ID!) { appraisalsFor(employeeId: $e, periodId: $p) { checkpoint status predikat appeal { status decider { nip } explanations { question answer } } } }',
      { e: id, p: periodId },
      { token: employee },
    );
    expect(mine.data!.appraisalsFor).toHaveLength(1);
    expect(mine.data!.appraisalsFor[0]).toMatchObject({
      checkpoint: 'Q3',
      status: 'APPEALED',
      predikat: 'NEEDS_IMPROVEMENT',
      appeal: { status: 'FILED' },
    });

    const hr = await signIn(t.url, logins.HR_ADMIN, logins.password);
    const curve = await gql(
      t.url,
      'query($u: ID!, $p: ID!) { distribution(orgUnitId: $u, periodId: $p, checkpoint: Q3) { total holds orgRating { rating } rules { description holds } } }',
      { u: orgUnit.opd.id, p: periodId },
      { token: hr },
    );
    expect(curve.data!.distribution.total).toBeGreaterThan(0);
    expect(curve.data!.distribution.holds).toBe(true);

    const supervisor = await signIn(t.url, logins.SUPERVISOR, logins.password);
    const queue = await gql(
      t.url,
      '{ reviewQueue { explanationsRequested { question } dueCheckpoint } }',
      {},
      { token: supervisor },
    );
    expect(queue.data!.reviewQueue.explanationsRequested).toHaveLength(1);
    expect(queue.data!.reviewQueue.dueCheckpoint).toBe('Q3');
  });

  it('gives every demo login training recommendations and progress toward 20 JP', async () => {
    for (const role of ['EMPLOYEE', 'SUPERVISOR', 'HR_ADMIN', 'UNIT_ADMIN', 'AUDITOR']) {
      const token = await signIn(t.url, logins[role], logins.password);
      const me = await gql(t.url, '{ me { employee { id } } }', {}, { token });
      const result = await gql(
        t.url,
        `query($e: ID!) { trainingRecommendations(employeeId: $e) { rank reason training { title provider } }
           developmentHours(employeeId: $e, year: 2026) { jp minimum reached completions { training { title } } }
           competencyGaps(employeeId: $e) { gaps { key gap } } }`,
        { e: me.data!.me.employee.id },
        { token },
      );
      expect(result.errors, `${role}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      const { trainingRecommendations, developmentHours, competencyGaps } = result.data!;
      expect(trainingRecommendations.length, role).toBeGreaterThan(0);
      expect(developmentHours.jp, role).toBeGreaterThan(0);
      expect(developmentHours).toMatchObject({ minimum: 20, reached: false });
      expect(competencyGaps.gaps.find((g: any) => g.key === 'COMMUNICATION').gap, role).toBe(2);
      if (role === 'EMPLOYEE') {
        // The demo employee's OPD serves the public: effective communication in public service.
        expect(trainingRecommendations).toContainEqual(
          expect.objectContaining({
            reason: expect.stringMatching(
              /^Komunikasi: required 3, assessed 1; your work is in public service/,
            ),
            training: {
              title: 'Pelatihan Komunikasi Efektif dalam Pelayanan Publik',
              provider: 'BPSDM Provinsi Bali',
            },
          }),
        );
      }
    }
  });

  it('has a catalogue of at least 20 trainings and a unit where some reached 20 JP', async () => {
    const hr = await signIn(t.url, logins.HR_ADMIN, logins.password);
    const unit = await signIn(t.url, logins.UNIT_ADMIN, logins.password);
    const catalogue = await gql(t.url, '{ trainings { totalCount } }', {}, { token: hr });
    expect(catalogue.data!.trainings.totalCount).toBeGreaterThanOrEqual(20);
    const me = await gql(
      t.url,
      '{ me { employee { orgUnit { opd { id } } } } }',
      {},
      { token: unit },
    );
    const hours = await gql(
      t.url,
      'query($u: ID!) { unitDevelopmentHours(orgUnitId: $u, year: 2026) { total reached share behind { totalCount } } }',
      { u: me.data!.me.employee.orgUnit.opd.id },
      { token: unit },
    );
    const h = hours.data!.unitDevelopmentHours;
    expect(h.reached).toBeGreaterThan(0);
    expect(h.behind.totalCount).toBeGreaterThan(0);
    expect(h.reached + h.behind.totalCount).toBe(h.total);
  });

  it('does not seed twice', async () => {
    const again = await seedDemoIfEmpty(
      t.app.orm,
      { demoSeed: 3, demoEmployees: 400, demoActivitiesPerPerson: 20, clock: t.config.clock },
      createLogger({ logLevel: 'silent' }),
    );
    expect(again).toBeNull();
  });
});
