import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDemoLogins, seedDemoIfEmpty } from '../src/db/demo.js';
import { createLogger } from '../src/logger.js';
import { gql, signIn, startTestApp, type TestApp } from './helpers.js';

let t: TestApp;
const logins: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const summary = await seedDemoIfEmpty(
    t.app.orm,
    { demoSeed: 3, demoEmployees: 400, demoActivitiesPerPerson: 20 },
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
      '{ reviewQueue { total activitiesAwaitingReview people { employee { nip } } } }',
      {},
      { token },
    );
    expect(queue.data!.reviewQueue.activitiesAwaitingReview).toBeGreaterThan(0);
    expect(queue.data!.reviewQueue.people.map((p: any) => p.employee.nip)).toContain(
      logins.EMPLOYEE,
    );
  });

  it('does not seed twice', async () => {
    const again = await seedDemoIfEmpty(
      t.app.orm,
      { demoSeed: 3, demoEmployees: 400, demoActivitiesPerPerson: 20 },
      createLogger({ logLevel: 'silent' }),
    );
    expect(again).toBeNull();
  });
});
