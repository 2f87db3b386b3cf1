import { todayInDenpasar } from '../../kernel/calendar.js';
import type { Context } from '../../access/context.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { assertCityAdmin, requireViewer } from '../../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { Period } from './period.entity.js';
import { periodProblems } from './plan.rules.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress' | 'config'>;

export interface OpenPeriodInput {
  year: number;
  name?: string | null;
  planningOpensOn?: string | null;
  planningClosesOn?: string | null;
  evaluationOpensOn?: string | null;
  evaluationClosesOn?: string | null;
}

export { todayInDenpasar };

/**
 * Opens a period for a year. Windows default to planning in January and evaluation from
 * 1 December to 31 January of the next year. Refuses a second period for the same year and
 * windows outside what the rules allow. HR admins only; audited.
 */
export async function openPeriod(ctx: Ctx, input: OpenPeriodInput): Promise<Period> {
  assertCityAdmin(ctx.viewer, 'open a period');
  const year = input.year;
  const values = {
    year,
    planningOpensOn: input.planningOpensOn ?? `${year}-01-01`,
    planningClosesOn: input.planningClosesOn ?? `${year}-01-31`,
    evaluationOpensOn: input.evaluationOpensOn ?? `${year}-12-01`,
    evaluationClosesOn: input.evaluationClosesOn ?? `${year + 1}-01-31`,
  };
  const problems = periodProblems(values);
  if (problems.length > 0) {
    throw badInput(problems.map((p) => p.message).join(' '), problems[0].field);
  }
  return ctx.em.transactional(async (em) => {
    if (await em.count(Period, { year }))
      throw badInput(`A period for ${year} is already open.`, 'year');
    const period = em.create(Period, {
      ...values,
      name: input.name?.trim() || `Periode Penilaian ${year}`,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    audit(em, ctx, {
      action: 'period.open',
      subjectType: 'Period',
      subjectId: period.id,
      after: values,
    });
    await em.flush();
    return period;
  });
}

export async function listPeriods(ctx: Ctx): Promise<Period[]> {
  requireViewer(ctx.viewer);
  return ctx.em.find(Period, {}, { orderBy: { year: 'desc' } });
}

export async function getPeriod(ctx: Ctx, id: string): Promise<Period | null> {
  requireViewer(ctx.viewer);
  return ctx.em.findOne(Period, { id });
}

/** The period of this year in Denpasar, or the latest one before it; null when none is open. */
export async function currentPeriod(ctx: Ctx): Promise<Period | null> {
  requireViewer(ctx.viewer);
  const year = Number(todayInDenpasar(ctx.config.clock()).slice(0, 4));
  return ctx.em.findOne(Period, { year: { $lte: year } }, { orderBy: { year: 'desc' } });
}

export async function requirePeriod(
  ctx: Pick<Context, 'em'>,
  id: string,
  field = 'periodId',
): Promise<Period> {
  const period = await ctx.em.findOne(Period, { id });
  if (!period) throw notFound(`No period has id ${id} (${field}).`);
  return period;
}
