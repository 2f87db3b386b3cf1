import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCityAdmin, requireViewer } from '../../access/policy.js';
import { todayInDenpasar } from '../../kernel/calendar.js';
import { invalidInput } from '../../kernel/errors.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Period } from './period.entity.js';
import { periodRefusals } from './plan.rules.js';
import { periodReasons } from './planning.reasons.js';

export interface OpenPeriodInput {
  year: number;
  name?: string | null;
  planningOpensOn?: string | null;
  planningClosesOn?: string | null;
  evaluationOpensOn?: string | null;
  evaluationClosesOn?: string | null;
}

/**
 * Opens a period for a year. Windows default to planning in January and evaluation from
 * 1 December to 31 January of the next year. Refuses a second period for the same year and
 * windows outside what the rules allow. HR admins only; audited.
 */
export async function openPeriod(scope: Scope, input: OpenPeriodInput): Promise<Period> {
  assertCityAdmin(scope.viewer, 'open a period');
  const year = input.year;
  const values = {
    year,
    planningOpensOn: input.planningOpensOn ?? `${year}-01-01`,
    planningClosesOn: input.planningClosesOn ?? `${year}-01-31`,
    evaluationOpensOn: input.evaluationOpensOn ?? `${year}-12-01`,
    evaluationClosesOn: input.evaluationClosesOn ?? `${year + 1}-01-31`,
  };
  const problems = periodRefusals(values);
  if (problems.length > 0) throw invalidInput(problems);
  return scope.em.transactional(async (em) => {
    if (await em.count(Period, { year })) throw periodReasons.alreadyOpen({ year });
    const period = em.create(Period, {
      ...values,
      name: input.name?.trim() || `Periode Penilaian ${year}`,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    // City-wide: written to the outbox for whoever follows periods, addressed to nobody.
    await recordChange(
      scope,
      { action: 'period.open', subjectType: 'Period', subjectId: period.id, after: values },
      em,
    );
    await em.flush();
    return period;
  });
}

export async function listPeriods(scope: Scope): Promise<Period[]> {
  requireViewer(scope.viewer);
  return scope.em.find(Period, {}, { orderBy: { year: 'desc' } });
}

export async function getPeriod(scope: Scope, id: string): Promise<Period | null> {
  requireViewer(scope.viewer);
  return scope.em.findOne(Period, { id });
}

/** The period of this year in Denpasar, or the latest one before it; null when none is open. */
export async function currentPeriod(scope: Scope): Promise<Period | null> {
  requireViewer(scope.viewer);
  const year = Number(todayInDenpasar(scope.config.clock()).slice(0, 4));
  return scope.em.findOne(Period, { year: { $lte: year } }, { orderBy: { year: 'desc' } });
}

/** The period with this id; refused (naming the input `field`) when there is none. */
export async function requirePeriod(
  scope: { em: EntityManager },
  id: string,
  field = 'periodId',
): Promise<Period> {
  const period = await scope.em.findOne(Period, { id });
  if (!period) throw periodReasons.notFound({ id, argument: field });
  return period;
}
