import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, type KeyPart, pageOfList } from '../../kernel/pagination.js';
import type { Scope } from '../../kernel/scope.js';
import {
  assertCandidatesRead,
  assertMayReadSomeDevelopment,
  assertTalentGridRead,
  developmentOpdLimit,
} from '../../access/policy.js';
import { Predikat, Rating } from '../evaluation/index.js';
import { Period } from '../planning/index.js';
import { peopleOfUnit, profilesOf, unitOf } from './competency.service.js';
import { PotentialLevel, PotentialSource } from './development.enums.js';
import { DEVELOPMENT_PAGE_SIZE, type PageArgs } from './development.input.js';
import { talentReasons } from './development.reasons.js';
import {
  type AppraisalFact,
  awardCandidate,
  performanceOf,
  type Potential,
  potentialFromGaps,
  promotionCandidate,
  talentBox,
} from './development.rules.js';

const CHECKPOINT_NAMES: Record<string, string> = {
  Q1: 'Triwulan I',
  Q2: 'Triwulan II',
  Q3: 'Triwulan III',
  Q4: 'Triwulan IV',
  ANNUAL: 'annual',
};

export interface Placement {
  employeeId: string;
  /** For ordering: the employee's name. */
  name: string;
  /** Null only for an award candidate whose potential is unknown. */
  box: number | null;
  performance: Rating;
  predikat: Predikat | null;
  potential: PotentialLevel | null;
  potentialSource: PotentialSource | null;
  /** The checkpoint whose results rating placed them. */
  ratingCheckpoint: string;
  fallback: boolean;
  note: string | null;
}

export interface Unplaced {
  employeeId: string;
  name: string;
  reason: string;
}

interface Person {
  id: string;
  name: string;
  opdId: string;
  positionTitle: string;
  jobType: string;
}

async function placements(
  em: EntityManager,
  people: Person[],
  period: Period,
): Promise<{ placed: Placement[]; unplaced: Unplaced[]; performers: Placement[] }> {
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return { placed: [], unplaced: [], performers: [] };
  const [appraisals, potentials, profiles] = await Promise.all([
    em.execute<(AppraisalFact & { employee_id: string; result_rating: Rating | null })[]>(
      `select employee_id, checkpoint, status, result_rating, predikat from appraisal
       where period_id = ? and employee_id in (?)`,
      [period.id, ids],
    ),
    em.execute<{ employee_id: string; level: PotentialLevel }[]>(
      `select distinct on (employee_id) employee_id, level from potential_assessment
       where employee_id in (?) order by employee_id, assessed_on desc, created_at desc`,
      [ids],
    ),
    profilesOf(em, people),
  ]);
  const factsOf = new Map<string, AppraisalFact[]>();
  for (const a of appraisals) {
    const list = factsOf.get(a.employee_id) ?? [];
    list.push({
      checkpoint: a.checkpoint,
      status: a.status,
      resultRating: a.result_rating,
      predikat: a.predikat,
    });
    factsOf.set(a.employee_id, list);
  }
  const recorded = new Map(potentials.map((p) => [p.employee_id, p.level]));
  const placed: Placement[] = [];
  const unplaced: Unplaced[] = [];
  /** Everyone with a final appraisal, placed or not (award candidates need no potential). */
  const performers: Placement[] = [];
  for (const person of people) {
    const performance = performanceOf(factsOf.get(person.id) ?? []);
    let potential: Potential | null = recorded.get(person.id) ?? null;
    let potentialSource = PotentialSource.RECORDED;
    if (!potential) {
      potential = potentialFromGaps(profiles.get(person.id)?.gaps ?? []);
      potentialSource = PotentialSource.COMPETENCIES;
    }
    if (!performance) {
      unplaced.push({
        employeeId: person.id,
        name: person.name,
        reason: `No final appraisal in ${period.name} yet.`,
      });
      continue;
    }
    const note = performance.fallback
      ? `No final annual appraisal yet: placed by the final ${CHECKPOINT_NAMES[performance.checkpoint]} appraisal.`
      : null;
    const base = {
      employeeId: person.id,
      name: person.name,
      performance: performance.rating as Rating,
      predikat: performance.predikat as Predikat | null,
      ratingCheckpoint: performance.checkpoint,
      fallback: performance.fallback,
      note,
    };
    if (!potential) {
      performers.push({ ...base, box: null, potential: null, potentialSource: null });
      unplaced.push({
        employeeId: person.id,
        name: person.name,
        reason: 'No potential recorded and no competencies assessed against a standard.',
      });
      continue;
    }
    const placement = {
      ...base,
      box: talentBox(performance.rating, potential),
      potential: potential as PotentialLevel,
      potentialSource,
    };
    placed.push(placement);
    performers.push(placement);
  }
  return { placed, unplaced, performers };
}

async function periodOf(em: EntityManager, periodId: string): Promise<Period> {
  const period = await em.findOne(Period, { id: periodId });
  if (!period) throw talentReasons.periodNotFound({ id: periodId });
  return period;
}

/** The people of one box; `placements` pages through `all`. */
export interface TalentBox {
  box: number;
  count: number;
  all: Placement[];
}

export interface TalentGridView {
  period: Period;
  boxes: TalentBox[];
  /** Everyone who could not be placed; `unplaced` pages through it. */
  unplacedAll: Unplaced[];
  fallbackCount: number;
}

// The grid and the candidates are computed whole for a unit (or the city) in a fixed number of
// statements, so their pages are cut from the computed lists: by name within a box and among the
// unplaced, highest box first among candidates.
const BY_NAME: KeyPart[] = ['text', 'text'];
const nameKey = (p: { name: string; employeeId: string }) => [p.name, p.employeeId];
const BY_BOX_THEN_NAME: KeyPart[] = ['number-desc', 'text', 'text'];
const boxKey = (p: Placement) => [String(p.box ?? 0), p.name, p.employeeId];

export function boxPage(
  box: TalentBox,
  page: PageArgs,
  defaultSize: number,
): Connection<Placement> {
  return pageOfList(
    box.all,
    { first: page.first ?? defaultSize, after: page.after },
    nameKey,
    BY_NAME,
  );
}

/** All nine boxes, or only box `box`; BAD_USER_INPUT unless `box` is a whole number 1–9. */
export function boxesOf(grid: TalentGridView, box?: number | null): TalentBox[] {
  if (box === null || box === undefined) return grid.boxes;
  if (!Number.isInteger(box) || box < 1 || box > 9) {
    throw talentReasons.boxOutOfRange({ box });
  }
  return grid.boxes.filter((cell) => cell.box === box);
}

export function unplacedPage(grid: TalentGridView, page: PageArgs): Connection<Unplaced> {
  return pageOfList(
    grid.unplacedAll,
    { first: page.first ?? DEVELOPMENT_PAGE_SIZE, after: page.after },
    nameKey,
    BY_NAME,
  );
}

/**
 * The nine-box grid of a unit (and the units below it) for a period: boxes 1–9 with who is in
 * each, and who could not be placed and why.
 */
export async function talentGrid(
  scope: Scope,
  orgUnitId: string,
  periodId: string,
): Promise<TalentGridView> {
  assertMayReadSomeDevelopment(scope.viewer);
  const { unit, opdId } = await unitOf(scope.em, orgUnitId);
  assertTalentGridRead(scope.viewer, { opdId, name: unit.name });
  const period = await periodOf(scope.em, periodId);
  const { placed, unplaced } = await placements(
    scope.em,
    await peopleOfUnit(scope.em, unit),
    period,
  );
  return {
    period,
    boxes: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((box) => {
      const all = placed.filter((p) => p.box === box);
      return { box, count: all.length, all };
    }),
    unplacedAll: unplaced,
    fallbackCount: placed.filter((p) => p.fallback).length,
  };
}

/**
 * The people candidates are drawn from, after the access check: one unit and the units below it,
 * or the whole city (for an API client, its OPDs).
 */
async function candidatePool(
  scope: Scope,
  orgUnitId: string | null | undefined,
): Promise<Person[]> {
  const viewer = assertCandidatesRead(scope.viewer);
  if (orgUnitId) {
    const { unit, opdId } = await unitOf(scope.em, orgUnitId);
    assertCandidatesRead(viewer, opdId);
    return peopleOfUnit(scope.em, unit);
  }
  const opds = developmentOpdLimit(viewer);
  const rows = await scope.em.execute<
    { id: string; name: string; opd_id: string; position_title: string; job_type: string }[]
  >(
    `select e.id, e.name, coalesce(u.opd_id, u.id) as opd_id, e.position_title, e.job_type
     from employee e join org_unit u on u.id = e.org_unit_id
     where e.active${opds ? ' and coalesce(u.opd_id, u.id) in (?)' : ''} order by e.name, e.id`,
    opds ? [opds.length > 0 ? opds : [null]] : [],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    opdId: r.opd_id,
    positionTitle: r.position_title,
    jobType: r.job_type,
  }));
}

/**
 * A page of promotion candidates (HR admins, auditors, API clients with `development:read`): in
 * boxes 7–9 for the period, with no POOR or VERY_POOR final predikat in the period's year or the
 * year before; highest box first. City-wide, or one unit.
 */
export async function promotionCandidates(
  scope: Scope,
  periodId: string,
  orgUnitId?: string | null,
  page: PageArgs = {},
): Promise<Connection<Placement>> {
  const pool = await candidatePool(scope, orgUnitId);
  const period = await periodOf(scope.em, periodId);
  const { placed } = await placements(scope.em, pool, period);
  const inBoxes = placed.filter((p) => promotionCandidate(p.box!, []));
  const history =
    inBoxes.length === 0
      ? []
      : await scope.em.execute<{ employee_id: string; predikat: Predikat }[]>(
          `select a.employee_id, a.predikat from appraisal a join period p on p.id = a.period_id
     where a.employee_id in (?) and p.year between ? and ? and a.status in ('FINAL', 'APPEALED')`,
          [inBoxes.map((p) => p.employeeId), period.year - 1, period.year],
        );
  const byEmployee = new Map<string, Predikat[]>();
  for (const row of history) {
    byEmployee.set(row.employee_id, [...(byEmployee.get(row.employee_id) ?? []), row.predikat]);
  }
  return pageOfList(
    inBoxes.filter((p) => promotionCandidate(p.box!, byEmployee.get(p.employeeId) ?? [])),
    { first: page.first ?? DEVELOPMENT_PAGE_SIZE, after: page.after },
    boxKey,
    BY_BOX_THEN_NAME,
  );
}

/**
 * A page of award candidates (HR admins, auditors, API clients with `development:read`):
 * VERY_GOOD predikat in the period's year; highest box first (unknown potential last).
 */
export async function awardCandidates(
  scope: Scope,
  periodId: string,
  orgUnitId?: string | null,
  page: PageArgs = {},
): Promise<Connection<Placement>> {
  const pool = await candidatePool(scope, orgUnitId);
  const period = await periodOf(scope.em, periodId);
  const { performers } = await placements(scope.em, pool, period);
  return pageOfList(
    performers.filter((p) => awardCandidate(p.predikat)),
    { first: page.first ?? DEVELOPMENT_PAGE_SIZE, after: page.after },
    boxKey,
    BY_BOX_THEN_NAME,
  );
}
