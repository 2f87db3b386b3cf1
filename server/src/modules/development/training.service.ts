import { type FilterQuery, LockMode, QueryOrder, raw } from '@mikro-orm/core';
import { isUuid } from '../../db/records.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isCalendarDate, todayInDenpasar } from '../../kernel/calendar.js';
import { commonReasons, invalidInput } from '../../kernel/errors.js';
import {
  type Connection,
  decodeCursor,
  pageOfList,
  pageSize,
  toConnection,
} from '../../kernel/pagination.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import {
  assertCityAdmin,
  assertDevelopmentRead,
  assertMayReadSomeDevelopment,
  assertSelf,
  assertTrainingAssigner,
  assertTrainingEnrolmentsRead,
  assertUnitDevelopmentRead,
  type EmployeeSubject,
  requirePerson,
} from '../../access/policy.js';
import type { EmployeeRecord } from '../directory/index.js';
import { Predikat } from '../evaluation/index.js';
import {
  type LevelInput,
  peopleOfUnit,
  profilesOf,
  subjectOf,
  unitOf,
  viewerWorksIn,
} from './competency.service.js';
import { EnrolmentStatus, TrainingMode } from './development.enums.js';
import { type CompetencyLevel, Enrolment, Training } from './development.entity.js';
import { DEVELOPMENT_PAGE_SIZE, type PageArgs } from './development.input.js';
import { trainingReasons } from './development.reasons.js';
import {
  type EnrolmentAction,
  enrolmentTransition,
  jpProgress,
  type JpProgress,
  normaliseLevels,
  type RecommendationBasis,
  recommendTrainings,
  unitJpProgress,
} from './development.rules.js';

const MAX_JP = 500;
export const DEFAULT_RECOMMENDATIONS = 10;
export const MAX_RECOMMENDATIONS = 20;

export interface TrainingFilter {
  competencyKey?: string | null;
  mode?: TrainingMode | null;
  /** Include trainings that ended before today (default: no). */
  includeEnded?: boolean | null;
  /** Include deactivated trainings (default: no); HR admins only. */
  includeInactive?: boolean | null;
}

/**
 * A page of the active catalogue, soonest first (undated last), then by title; any signed-in
 * person and API clients with `development:read`. With `includeInactive`, deactivated trainings
 * too, for HR admins only (FORBIDDEN for everyone else). Two statements.
 */
export async function listTrainings(
  scope: Scope,
  filter: TrainingFilter = {},
  page: PageArgs = {},
): Promise<Connection<Training>> {
  assertMayReadSomeDevelopment(scope.viewer);
  if (filter.includeInactive) assertCityAdmin(scope.viewer, 'list deactivated trainings');
  const limit = pageSize(page.first ?? DEVELOPMENT_PAGE_SIZE);
  const today = todayInDenpasar(scope.config.clock());
  // A function, not a value: a raw fragment serves one query only.
  const where = (): FilterQuery<Training>[] => [
    ...(filter.includeInactive ? [] : [{ active: true }]),
    ...(filter.includeEnded ? [] : [{ $or: [{ endsOn: null }, { endsOn: { $gte: today } }] }]),
    ...(filter.mode ? [{ mode: filter.mode }] : []),
    ...(filter.competencyKey
      ? [
          {
            [raw(
              (alias) => `${alias}.competencies @> ?::jsonb`,
              [JSON.stringify([{ key: filter.competencyKey }])],
            )]: [],
          },
        ]
      : []),
  ];
  const rows = where();
  if (page.after) {
    const [startsOn, title, id] = decodeCursor(page.after, 3);
    const sameDay = { $or: [{ title: { $gt: title } }, { title, id: { $gt: id } }] };
    rows.push(
      startsOn === ''
        ? { startsOn: null, ...sameDay }
        : { $or: [{ startsOn: { $gt: startsOn } }, { startsOn: null }, { startsOn, ...sameDay }] },
    );
  }
  const [found, totalCount] = await Promise.all([
    scope.em.find(
      Training,
      { $and: rows },
      {
        orderBy: [
          { startsOn: QueryOrder.ASC_NULLS_LAST },
          { title: QueryOrder.ASC },
          { id: QueryOrder.ASC },
        ],
        limit: limit + 1,
      },
    ),
    scope.em.count(Training, { $and: where() }),
  ]);
  return toConnection(found, limit, Boolean(page.after), totalCount, (t) => [
    t.startsOn ?? '',
    t.title,
    t.id,
  ]);
}

export async function getTraining(scope: Scope, id: string): Promise<Training | null> {
  assertMayReadSomeDevelopment(scope.viewer);
  return scope.em.findOne(Training, { id });
}

export interface TrainingInput {
  id?: string | null;
  expectedVersion?: number | null;
  title: string;
  provider: string;
  mode: TrainingMode;
  jp: number;
  competencies: LevelInput[];
  publicServiceFocus?: boolean | null;
  startsOn?: string | null;
  endsOn?: string | null;
  capacity?: number | null;
  active?: boolean | null;
}

const trainingSnapshot = (t: Training) => ({
  title: t.title,
  provider: t.provider,
  mode: t.mode,
  jp: t.jp,
  competencies: t.competencies,
  publicServiceFocus: t.publicServiceFocus,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  capacity: t.capacity,
  active: t.active,
});

/** Adds a training to the catalogue or changes one (HR admins). */
export async function saveTraining(scope: Scope, input: TrainingInput): Promise<Training> {
  assertCityAdmin(scope.viewer, 'manage the training catalogue');
  const title = input.title.trim().replace(/\s+/g, ' ');
  const provider = input.provider.trim().replace(/\s+/g, ' ');
  if (title.length < 5 || title.length > 250) throw trainingReasons.titleLength();
  if (provider.length < 2 || provider.length > 200) throw trainingReasons.providerLength();
  if (!Number.isInteger(input.jp) || input.jp < 1 || input.jp > MAX_JP) {
    throw trainingReasons.jpOutOfRange({ max: MAX_JP });
  }
  const { levels, problems } = normaliseLevels(input.competencies, 'competencies');
  if (problems.length > 0) throw invalidInput(problems);
  if (levels.length === 0) throw trainingReasons.noCompetency();
  for (const [field, value] of [
    ['startsOn', input.startsOn],
    ['endsOn', input.endsOn],
  ] as const) {
    if (value && !isCalendarDate(value)) throw trainingReasons.notADate({ value }, { field });
  }
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    throw trainingReasons.endsBeforeStart();
  }
  if (input.capacity != null && (!Number.isInteger(input.capacity) || input.capacity < 1)) {
    throw trainingReasons.capacityInvalid();
  }
  return scope.em.transactional(async (em) => {
    let training: Training;
    let before: ReturnType<typeof trainingSnapshot> | null = null;
    if (input.id) {
      const found = await em.findOne(Training, { id: input.id });
      if (!found) throw trainingReasons.notFound({ id: input.id });
      if (found.version !== input.expectedVersion) {
        throw trainingReasons.stale(
          { currentVersion: found.version, editedVersion: input.expectedVersion ?? 'none' },
          { extra: { currentVersion: found.version } },
        );
      }
      training = found;
      before = trainingSnapshot(training);
    } else {
      training = em.create(Training, { title, provider, mode: input.mode, jp: input.jp });
    }
    em.assign(training, {
      title,
      provider,
      mode: input.mode,
      jp: input.jp,
      competencies: levels as CompetencyLevel[],
      publicServiceFocus: input.publicServiceFocus ?? training.publicServiceFocus,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      capacity: input.capacity ?? null,
      active: input.active ?? training.active,
    });
    // The catalogue is everyone's: nobody in particular hears of a change live.
    await recordChange(
      scope,
      {
        action: before ? 'training.update' : 'training.create',
        subjectType: 'Training',
        subjectId: training.id,
        before,
        after: trainingSnapshot(training),
      },
      em,
    );
    await em.flush();
    return training;
  });
}

function transition(enrolment: Enrolment | null, action: EnrolmentAction): EnrolmentStatus {
  const result = enrolmentTransition(enrolment?.status ?? null, action);
  if ('problem' in result) throw result.problem;
  return result.next as EnrolmentStatus;
}

const enrolmentSnapshot = (e: Enrolment) => ({
  status: e.status,
  jpCredited: e.jpCredited,
  completedOn: e.completedOn,
});

/**
 * Records a change of an enrolment (its audit entry and its event): for the employee, their
 * supervisor and their OPD.
 */
async function enrolmentChange(
  scope: Scope,
  em: EntityManager,
  action: string,
  enrolment: Enrolment,
  subject: EmployeeSubject,
  before: unknown,
  after: unknown,
): Promise<void> {
  await recordChange(
    scope,
    {
      action,
      subjectType: 'Enrolment',
      subjectId: enrolment.id,
      before,
      after,
      audience: {
        ownerIds: [subject.id],
        reviewerIds: [subject.supervisorId],
        opdIds: [subject.opdId],
      },
      data: { trainingId: enrolment.training.id, status: enrolment.status },
    },
    em,
  );
}

/** Refuses enrolling in a training that ended or is full (the row is locked while counting). */
async function checkOpen(em: EntityManager, training: Training, today: string): Promise<void> {
  if (!training.active) throw trainingReasons.noLongerOffered();
  if (training.endsOn && training.endsOn < today) {
    throw trainingReasons.ended({ endsOn: training.endsOn });
  }
  if (training.capacity !== null) {
    const taken = await em.count(Enrolment, {
      training,
      status: { $in: [EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED] },
    });
    if (taken >= training.capacity) {
      throw trainingReasons.full({ capacity: training.capacity });
    }
  }
}

async function lockedTraining(em: EntityManager, id: string): Promise<Training> {
  const training = await em.findOne(Training, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!training) throw trainingReasons.notFound({ id });
  return training;
}

/** The direct supervisor assigns a (recommended) training to a report, with a reason. */
export async function assignTraining(
  scope: Scope,
  input: { trainingId: string; employeeId: string; reason?: string | null },
): Promise<Enrolment> {
  requirePerson(scope.viewer, 'assign trainings');
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 1000) throw trainingReasons.reasonTooLong();
  return scope.em.transactional(async (em) => {
    const { employee, subject } = await subjectOf(em, input.employeeId);
    const viewer = assertTrainingAssigner(scope.viewer, subject);
    const training = await lockedTraining(em, input.trainingId);
    const today = todayInDenpasar(scope.config.clock());
    if (!training.active || (training.endsOn && training.endsOn < today)) {
      throw trainingReasons.noLongerOffered();
    }
    let enrolment = await em.findOne(Enrolment, { training, employee: employee.id });
    const before = enrolment ? enrolmentSnapshot(enrolment) : null;
    const next = transition(enrolment, 'ASSIGN');
    enrolment ??= em.create(Enrolment, { training, employee: employee.id, status: next });
    em.assign(enrolment, {
      status: next,
      assignedBy: viewer.employeeId,
      assignedAt: scope.config.clock(),
      reason,
      cancelledAt: null,
    });
    await enrolmentChange(scope, em, 'training.assign', enrolment, subject, before, {
      ...enrolmentSnapshot(enrolment),
      trainingId: training.id,
      reason,
    });
    await em.flush();
    return enrolment;
  });
}

/** The employee enrols themselves (taking up an assignment, or on their own). */
export async function enrol(scope: Scope, trainingId: string): Promise<Enrolment> {
  const viewer = requirePerson(scope.viewer, 'enrol in trainings');
  return scope.em.transactional(async (em) => {
    const { employee, subject } = await subjectOf(em, viewer.employeeId);
    assertSelf(scope.viewer, subject, 'enrol themselves');
    const training = await lockedTraining(em, trainingId);
    let enrolment = await em.findOne(Enrolment, { training, employee: employee.id });
    const before = enrolment ? enrolmentSnapshot(enrolment) : null;
    const next = transition(enrolment, 'ENROL');
    await checkOpen(em, training, todayInDenpasar(scope.config.clock()));
    enrolment ??= em.create(Enrolment, { training, employee: employee.id, status: next });
    em.assign(enrolment, { status: next, enrolledAt: scope.config.clock(), cancelledAt: null });
    await enrolmentChange(scope, em, 'training.enrol', enrolment, subject, before, {
      ...enrolmentSnapshot(enrolment),
      trainingId: training.id,
    });
    await em.flush();
    return enrolment;
  });
}

async function enrolmentWithSubject(em: EntityManager, enrolmentId: string) {
  const enrolment = await em.findOne(Enrolment, { id: enrolmentId });
  if (!enrolment) throw trainingReasons.enrolmentNotFound({ id: enrolmentId });
  const { subject } = await subjectOf(em, enrolment.employee.id);
  return { enrolment, subject };
}

/** The employee cancels their own place (assigned or enrolled). */
export async function cancelEnrolment(scope: Scope, enrolmentId: string): Promise<Enrolment> {
  requirePerson(scope.viewer, 'cancel an enrolment');
  return scope.em.transactional(async (em) => {
    const { enrolment, subject } = await enrolmentWithSubject(em, enrolmentId);
    assertSelf(scope.viewer, subject, 'cancel their enrolment');
    const before = enrolmentSnapshot(enrolment);
    enrolment.status = transition(enrolment, 'CANCEL');
    enrolment.cancelledAt = scope.config.clock();
    await enrolmentChange(
      scope,
      em,
      'training.cancel',
      enrolment,
      subject,
      before,
      enrolmentSnapshot(enrolment),
    );
    await em.flush();
    return enrolment;
  });
}

/**
 * An HR admin records completion: the JP credited (the training's JP unless given) count toward
 * the year of `completedOn` (default today).
 */
export async function completeEnrolment(
  scope: Scope,
  input: { enrolmentId: string; jp?: number | null; completedOn?: string | null },
): Promise<Enrolment> {
  assertCityAdmin(scope.viewer, 'record training completion');
  const today = todayInDenpasar(scope.config.clock());
  const completedOn = input.completedOn ?? today;
  if (!isCalendarDate(completedOn) || completedOn > today) {
    throw trainingReasons.completedOnInvalid({ today });
  }
  return scope.em.transactional(async (em) => {
    const { enrolment, subject } = await enrolmentWithSubject(em, input.enrolmentId);
    const training = await em.findOneOrFail(Training, { id: enrolment.training.id });
    const jp = input.jp ?? training.jp;
    if (!Number.isInteger(jp) || jp < 0 || jp > MAX_JP) {
      throw trainingReasons.jpCreditedOutOfRange({ max: MAX_JP });
    }
    const before = enrolmentSnapshot(enrolment);
    enrolment.status = transition(enrolment, 'COMPLETE');
    enrolment.completedOn = completedOn;
    enrolment.jpCredited = jp;
    await enrolmentChange(
      scope,
      em,
      'training.complete',
      enrolment,
      subject,
      before,
      enrolmentSnapshot(enrolment),
    );
    await em.flush();
    return enrolment;
  });
}

/** The first instant of a year's first day in Denpasar (UTC+8). */
const yearStartsAt = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/**
 * A page of an employee's trainings (every status), newest first (ids are UUIDv7, so id order is
 * the order they were created); of one year when `year` is given: the year of completion, or
 * else of enrolment, assignment or creation (in Denpasar). Two statements after the access check.
 */
export async function enrolmentsOf(
  scope: Scope,
  employeeId: string,
  year?: number | null,
  page: PageArgs = {},
): Promise<Connection<Enrolment>> {
  assertMayReadSomeDevelopment(scope.viewer);
  const { subject } = await subjectOf(scope.loaders, employeeId);
  assertDevelopmentRead(scope.viewer, subject);
  const limit = pageSize(page.first ?? DEVELOPMENT_PAGE_SIZE);
  const where: FilterQuery<Enrolment>[] = [{ employee: employeeId }];
  if (year !== null && year !== undefined) {
    checkYear(year);
    const during = { $gte: yearStartsAt(year), $lt: yearStartsAt(year + 1) };
    where.push({
      $or: [
        { completedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
        { completedOn: null, enrolledAt: during },
        { completedOn: null, enrolledAt: null, assignedAt: during },
        { completedOn: null, enrolledAt: null, assignedAt: null, createdAt: during },
      ],
    });
  }
  const rows = [...where];
  if (page.after) rows.push({ id: { $lt: decodeCursor(page.after, 1)[0] } });
  const [found, totalCount] = await Promise.all([
    scope.em.find(
      Enrolment,
      { $and: rows },
      { orderBy: { id: QueryOrder.DESC }, limit: limit + 1 },
    ),
    scope.em.count(Enrolment, { $and: where }),
  ]);
  return toConnection(found, limit, Boolean(page.after), totalCount, (e) => [e.id]);
}

/** `status`, `first` and `after` of `Training.enrolments`. */
export interface TrainingEnrolmentArgs extends PageArgs {
  status?: EnrolmentStatus | null;
}

// One loader per request and per set of arguments: a list of trainings asking for the same page
// of each (the usual case: one field in one selection) costs one batch, whatever its length.
const trainingEnrolmentLoaders = new WeakMap<
  object,
  Map<string, DataLoader<string, Connection<Enrolment>>>
>();

/**
 * A page of who is on a training (HR admins and auditors), by name ignoring case: every status,
 * or one.
 * Batched: the trainings of a list are read together, two statements for the whole list.
 */
export function trainingEnrolments(
  scope: Scope,
  trainingId: string,
  args: TrainingEnrolmentArgs,
): Promise<Connection<Enrolment>> {
  assertTrainingEnrolmentsRead(scope.viewer);
  const limit = pageSize(args.first ?? DEVELOPMENT_PAGE_SIZE);
  let after: [string, string] | null = null;
  if (args.after) {
    const [name, id] = decodeCursor(args.after, 2);
    if (!isUuid(id)) throw commonReasons.invalidCursor();
    after = [name, id];
  }
  const status = args.status ?? null;
  const key = JSON.stringify([status, limit, after]);
  let byArgs = trainingEnrolmentLoaders.get(scope.loaders);
  if (!byArgs) trainingEnrolmentLoaders.set(scope.loaders, (byArgs = new Map()));
  let loader = byArgs.get(key);
  if (!loader) {
    loader = new DataLoader(
      (ids: readonly string[]) => enrolmentPages(scope.em, ids, { status, limit, after }),
      { batch: scope.config.dataLoaderBatching },
    );
    byArgs.set(key, loader);
  }
  return loader.load(trainingId);
}

/**
 * The same page of each training's enrolments, ordered by the employee's name (ignoring case, so
 * "dr. …" sorts among the d's) then id: one
 * statement numbers the rows of each training after the cursor, one counts them all.
 */
async function enrolmentPages(
  em: EntityManager,
  trainingIds: readonly string[],
  page: { status: EnrolmentStatus | null; limit: number; after: [string, string] | null },
): Promise<Connection<Enrolment>[]> {
  const ids = [...trainingIds];
  const statusSql = page.status ? ' and en.status = ?' : '';
  const statusParams = page.status ? [page.status] : [];
  const [rows, counts] = await Promise.all([
    em.execute<(Record<string, unknown> & { sort_name: string })[]>(
      `select en.*, numbered.sort_name from (
         select en.id, lower(e.name) as sort_name,
           row_number() over (partition by en.training_id order by lower(e.name), en.id) as rn
         from enrolment en join employee e on e.id = en.employee_id
         where en.training_id in (?)${statusSql}${page.after ? ' and (lower(e.name), en.id) > (?, ?::uuid)' : ''}
       ) numbered join enrolment en on en.id = numbered.id
       where numbered.rn <= ? order by en.training_id, numbered.rn`,
      [ids, ...statusParams, ...(page.after ?? []), page.limit + 1],
    ),
    em.execute<{ training_id: string; total: number }[]>(
      `select en.training_id, count(*)::int as total from enrolment en
       where en.training_id in (?)${statusSql} group by en.training_id`,
      [ids, ...statusParams],
    ),
  ]);
  // The cursor carries the name as the statement compared it (lower-cased by the database).
  const sortNames = new Map<string, string>();
  const byTraining = new Map<string, Enrolment[]>(ids.map((id) => [id, []]));
  for (const { sort_name: sortName, ...columns } of rows) {
    const enrolment = em.map(Enrolment, columns);
    sortNames.set(enrolment.id, sortName);
    byTraining.get(columns.training_id as string)?.push(enrolment);
  }
  const totals = new Map(counts.map((c) => [c.training_id, Number(c.total)]));
  return ids.map((id) =>
    toConnection(byTraining.get(id)!, page.limit, Boolean(page.after), totals.get(id) ?? 0, (e) => [
      sortNames.get(e.id)!,
      e.id,
    ]),
  );
}

/** The latest final predikat of each employee (any period, the annual one before quarters). */
export async function latestPredikats(
  em: EntityManager,
  employeeIds: string[],
): Promise<Map<string, Predikat>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await em.execute<{ employee_id: string; predikat: Predikat }[]>(
    `select distinct on (a.employee_id) a.employee_id, a.predikat
     from appraisal a join period p on p.id = a.period_id
     where a.employee_id in (?) and a.status in ('FINAL', 'APPEALED') and a.predikat is not null
     order by a.employee_id, p.year desc,
       case a.checkpoint when 'ANNUAL' then 5 when 'Q4' then 4 when 'Q3' then 3 when 'Q2' then 2 else 1 end desc`,
    [employeeIds],
  );
  return new Map(rows.map((r) => [r.employee_id, r.predikat]));
}

export interface RecommendationView {
  rank: number;
  training: Training;
  competencyKey: string;
  basis: RecommendationBasis;
  reason: string;
}

/**
 * Trainings recommended to an employee from their gaps and latest predikat, best first, each
 * with its reason (see `recommendTrainings`). Trainings they are already on are left out.
 */
export async function recommendationsFor(
  scope: Scope,
  employeeId: string,
  limit?: number | null,
): Promise<{ predikat: Predikat | null; publicService: boolean; items: RecommendationView[] }> {
  assertMayReadSomeDevelopment(scope.viewer);
  if (limit !== null && limit !== undefined) {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECOMMENDATIONS) {
      throw trainingReasons.recommendationLimit({ max: MAX_RECOMMENDATIONS, limit });
    }
  }
  const { employee, subject } = await subjectOf(scope.loaders, employeeId);
  assertDevelopmentRead(scope.viewer, subject);
  return recommend(scope.em, employee, subject.opdId, todayInDenpasar(scope.config.clock()), limit);
}

export async function recommend(
  em: EntityManager,
  employee: EmployeeRecord,
  opdId: string,
  today: string,
  limit?: number | null,
): Promise<{ predikat: Predikat | null; publicService: boolean; items: RecommendationView[] }> {
  const [profiles, predikats, trainings, mine] = await Promise.all([
    profilesOf(em, [
      { id: employee.id, opdId, positionTitle: employee.positionTitle, jobType: employee.jobType },
    ]),
    latestPredikats(em, [employee.id]),
    em.find(Training, { active: true }),
    em.find(Enrolment, { employee: employee.id, status: { $ne: EnrolmentStatus.CANCELLED } }),
  ]);
  const profile = profiles.get(employee.id)!;
  const predikat = predikats.get(employee.id) ?? null;
  const publicService = profile.standard?.publicService ?? false;
  const byId = new Map(trainings.map((t) => [t.id, t]));
  const items = recommendTrainings({
    gaps: profile.gaps,
    predikat,
    publicService,
    trainings,
    taken: new Set(mine.map((e) => e.training.id)),
    today,
    limit: Math.min(Math.max(limit ?? DEFAULT_RECOMMENDATIONS, 1), MAX_RECOMMENDATIONS),
  });
  return {
    predikat,
    publicService,
    items: items.map((r, i) => ({ ...r, rank: i + 1, training: byId.get(r.trainingId)! })),
  };
}

async function jpByEmployee(
  em: EntityManager,
  employeeIds: string[],
  year: number,
): Promise<Map<string, number>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await em.execute<{ employee_id: string; jp: number }[]>(
    `select employee_id, sum(jp_credited)::int as jp from enrolment
     where employee_id in (?) and status = ? and completed_on between ? and ?
     group by employee_id`,
    [employeeIds, EnrolmentStatus.COMPLETED, `${year}-01-01`, `${year}-12-31`],
  );
  return new Map(rows.map((r) => [r.employee_id, Number(r.jp)]));
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw trainingReasons.yearOutOfRange();
  }
}

/** JP completed in a year against the 20 JP right, with the completed trainings. */
export async function hoursFor(
  scope: Scope,
  employeeId: string,
  year: number,
): Promise<JpProgress & { year: number; employeeId: string; completions: Enrolment[] }> {
  assertMayReadSomeDevelopment(scope.viewer);
  checkYear(year);
  const { subject } = await subjectOf(scope.loaders, employeeId);
  assertDevelopmentRead(scope.viewer, subject);
  const completions = await scope.em.find(
    Enrolment,
    {
      employee: employeeId,
      status: EnrolmentStatus.COMPLETED,
      completedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` },
    },
    { orderBy: { completedOn: 'asc', id: 'asc' } },
  );
  const jp = completions.reduce((sum, e) => sum + e.jpCredited, 0);
  return { ...jpProgress(jp), year, employeeId, completions };
}

export interface UnitHours {
  year: number;
  total: number;
  reached: number;
  share: number;
  /** Everyone behind, computed whole: `behind` pages through it. */
  behindAll: JpStandingView[];
}

export type JpStandingView = JpProgress & { employeeId: string; name: string; year: number };

/** A unit's JP progress in a year: the share at or above 20 JP and who is behind. */
export async function unitHours(scope: Scope, orgUnitId: string, year: number): Promise<UnitHours> {
  assertMayReadSomeDevelopment(scope.viewer);
  checkYear(year);
  const { unit, opdId } = await unitOf(scope.em, orgUnitId);
  assertUnitDevelopmentRead(
    scope.viewer,
    { opdId, name: unit.name, containsViewer: await viewerWorksIn(scope, unit) },
    'The development hours',
  );
  const people = await peopleOfUnit(scope.em, unit);
  const hours = await jpByEmployee(
    scope.em,
    people.map((p) => p.id),
    year,
  );
  const progress = unitJpProgress(people.map((p) => ({ ...p, jp: hours.get(p.id) ?? 0 })));
  return {
    year,
    total: progress.total,
    reached: progress.reached,
    share: progress.share,
    behindAll: progress.behind.map((p) => ({
      employeeId: p.id,
      name: p.name,
      year,
      ...jpProgress(p.jp),
    })),
  };
}

/**
 * A page of who is behind, least JP first, then by name. The whole list was computed with the
 * unit's figures (one sum per unit), so the page is cut from it here.
 */
export function behindPage(hours: UnitHours, page: PageArgs): Connection<JpStandingView> {
  return pageOfList(
    hours.behindAll,
    { first: page.first ?? DEVELOPMENT_PAGE_SIZE, after: page.after },
    (s) => [String(s.jp), s.name, s.employeeId],
    ['number', 'text', 'text'],
  );
}
