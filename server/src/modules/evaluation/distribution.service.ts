import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertCityAdmin,
  assertDistributionRead,
  assertFinalise,
  assertMayReadSomeAppraisals,
  hasRole,
  requirePerson,
} from '../../access/policy.js';
import { invalidInput } from '../../kernel/errors.js';
import { Role, type Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Employee, JobType, OrgUnit, STRUCTURAL_JOB_TYPES } from '../directory/index.js';
import { requirePeriod } from '../planning/index.js';
import {
  AppraisalCheckpoint,
  AppraisalStatus,
  OrgRatingLevel,
  Predikat,
} from './evaluation.enums.js';
import { Appraisal, DistributionPattern, OrgRating } from './evaluation.entity.js';
import { distributionReasons } from './evaluation.reasons.js';
import {
  checkDistribution,
  DEFAULT_PATTERNS,
  type DistributionCheck,
  type DistributionRule,
  patternRefusals,
} from './evaluation.rules.js';

/** Adds the published default patterns that are missing; never changes edited ones. */
export async function ensureDefaultPatterns(em: EntityManager): Promise<number> {
  const existing = new Set((await em.find(DistributionPattern, {})).map((p) => p.orgRating));
  let added = 0;
  for (const [orgRating, pattern] of Object.entries(DEFAULT_PATTERNS)) {
    if (existing.has(orgRating as OrgRatingLevel)) continue;
    em.create(DistributionPattern, {
      orgRating: orgRating as OrgRatingLevel,
      text: pattern.text,
      rules: pattern.rules as DistributionPattern['rules'],
    });
    added += 1;
  }
  await em.flush();
  return added;
}

export async function listPatterns(scope: Scope): Promise<DistributionPattern[]> {
  requirePerson(scope.viewer, 'read distribution patterns');
  const order = Object.values(OrgRatingLevel);
  const rows = await scope.em.find(DistributionPattern, {});
  return rows.sort((a, b) => order.indexOf(a.orgRating) - order.indexOf(b.orgRating));
}

/** HR admins edit a pattern; refused unless its fractions are within 0..1 and can hold together. */
export async function updatePattern(
  scope: Scope,
  orgRating: OrgRatingLevel,
  rules: DistributionRule[],
  text: string | null,
): Promise<DistributionPattern> {
  assertCityAdmin(scope.viewer, 'change distribution patterns');
  const refusals = patternRefusals(rules);
  if (refusals.length > 0) throw invalidInput(refusals);
  return scope.em.transactional(async (em) => {
    const pattern = await em.findOneOrFail(DistributionPattern, { orgRating });
    const before = { text: pattern.text, rules: pattern.rules };
    pattern.rules = rules.map((r) => ({
      ...r,
      predikat: [...r.predikat],
    })) as DistributionPattern['rules'];
    if (text?.trim()) pattern.text = text.trim();
    // A city-wide pattern: nobody in particular hears of it live.
    await recordChange(
      scope,
      {
        action: 'distribution_pattern.update',
        subjectType: 'DistributionPattern',
        subjectId: orgRating,
        before,
        after: { text: pattern.text, rules: pattern.rules },
        data: { orgRating },
      },
      em,
    );
    await em.flush();
    return pattern;
  });
}

/** The head of an OPD: the highest structural position in its top unit. */
export async function opdHead(em: EntityManager, opdId: string): Promise<Employee | null> {
  const candidates = await em.find(Employee, {
    orgUnit: opdId,
    active: true,
    jobType: { $in: [...STRUCTURAL_JOB_TYPES] },
  });
  const rank = (j: JobType) => STRUCTURAL_JOB_TYPES.indexOf(j);
  return candidates.sort((a, b) => rank(a.jobType) - rank(b.jobType))[0] ?? null;
}

async function requireOpd(em: EntityManager, orgUnitId: string): Promise<OrgUnit> {
  const unit = await em.findOne(OrgUnit, { id: orgUnitId });
  if (!unit) throw distributionReasons.orgUnitNotFound({ id: orgUnitId });
  if (unit.parent) throw distributionReasons.notAnOpd({ unitName: unit.name });
  return unit;
}

/**
 * Sets an OPD's organisation rating for a period, with a justification. HR admins, or the head
 * one level up (the supervisor of the OPD's head). Audited.
 */
export async function setOrgRating(
  scope: Scope,
  input: { orgUnitId: string; periodId: string; rating: OrgRatingLevel; justification: string },
): Promise<OrgRating> {
  const viewer = requirePerson(scope.viewer, 'set organisation ratings');
  const justification = input.justification.trim();
  if (justification.length < 10) throw distributionReasons.justificationTooShort();
  return scope.em.transactional(async (em) => {
    const opd = await requireOpd(em, input.orgUnitId);
    const period = await requirePeriod({ em }, input.periodId);
    if (!hasRole(viewer, Role.HR_ADMIN)) {
      const head = await opdHead(em, opd.id);
      if (!head || head.supervisor?.id !== viewer.employeeId) {
        throw distributionReasons.orgRatingNotYours({ opdName: opd.name });
      }
    }
    let rating = await em.findOne(OrgRating, { orgUnit: opd, period });
    const before = rating ? { rating: rating.rating, justification: rating.justification } : null;
    rating ??= em.create(OrgRating, {
      orgUnit: opd,
      period,
      rating: input.rating,
      justification,
      setByEmployeeId: viewer.employeeId,
    });
    rating.rating = input.rating;
    rating.justification = justification;
    rating.setByEmployeeId = viewer.employeeId;
    await recordChange(
      scope,
      {
        action: 'org_rating.set',
        subjectType: 'OrgUnit',
        subjectId: opd.id,
        before,
        after: { periodId: period.id, rating: input.rating, justification },
        audience: { opdIds: [opd.id] },
        data: { orgRatingId: rating.id },
      },
      em,
    );
    await em.flush();
    return rating;
  });
}

export interface DistributionData {
  unit: OrgUnit;
  opd: OrgUnit;
  periodId: string;
  checkpoint: AppraisalCheckpoint;
  orgRating: OrgRating | null;
  pattern: DistributionPattern | null;
  check: DistributionCheck;
  /** Appraisals still being written (not counted). */
  drafts: number;
  submitted: number;
  final: number;
}

/** Counts per predikat of the submitted and final appraisals under `unit` (two statements). */
async function countsUnder(
  em: EntityManager,
  unit: OrgUnit,
  periodId: string,
  checkpoint: AppraisalCheckpoint,
) {
  type Row = { predikat: Predikat | null; status: AppraisalStatus; n: number };
  // A whole OPD (the usual question) by the OPD kept on each appraisal, through its index; a
  // unit inside an OPD by the units below it. Joining plans and units for a whole OPD made
  // PostgreSQL scan every plan at province size.
  const wholeOpd = !unit.opd || unit.opd.id === unit.id;
  const rows = wholeOpd
    ? await em.execute<Row[]>(
        `select a.predikat, a.status, count(*)::int as n
           from appraisal a
          where a.opd_id = ? and a.period_id = ? and a.checkpoint = ?
          group by a.predikat, a.status`,
        [unit.id, periodId, checkpoint],
      )
    : await em.execute<Row[]>(
        `select a.predikat, a.status, count(*)::int as n
           from appraisal a join performance_plan p on p.id = a.plan_id
          where a.period_id = ? and a.checkpoint = ?
            and p.org_unit_id = any(array(select id from org_unit where path like ?))
          group by a.predikat, a.status`,
        [periodId, checkpoint, `${unit.path}%`],
      );
  const counts: Partial<Record<Predikat, number>> = {};
  let drafts = 0;
  let submitted = 0;
  let final = 0;
  for (const row of rows) {
    if (row.status === AppraisalStatus.DRAFT || !row.predikat) {
      drafts += row.n;
      continue;
    }
    if (row.status === AppraisalStatus.SUBMITTED) submitted += row.n;
    else final += row.n;
    counts[row.predikat] = (counts[row.predikat] ?? 0) + row.n;
  }
  return { counts, drafts, submitted, final };
}

/** The distribution of a unit (with everything below it) against its OPD's pattern. */
export async function distributionOf(
  em: EntityManager,
  unit: OrgUnit,
  periodId: string,
  checkpoint: AppraisalCheckpoint,
): Promise<DistributionData> {
  const opd =
    unit.opd && unit.opd.id !== unit.id
      ? await em.findOneOrFail(OrgUnit, { id: unit.opd.id })
      : unit;
  const orgRating = await em.findOne(OrgRating, { orgUnit: opd, period: periodId });
  const pattern = orgRating
    ? await em.findOne(DistributionPattern, { orgRating: orgRating.rating })
    : null;
  const { counts, drafts, submitted, final } = await countsUnder(em, unit, periodId, checkpoint);
  return {
    unit,
    opd,
    periodId,
    checkpoint,
    orgRating,
    pattern,
    check: checkDistribution(counts, (pattern?.rules ?? []) as DistributionRule[]),
    drafts,
    submitted,
    final,
  };
}

export async function distribution(
  scope: Scope,
  orgUnitId: string,
  periodId: string,
  checkpoint: AppraisalCheckpoint,
): Promise<DistributionData> {
  const viewer = assertMayReadSomeAppraisals(scope.viewer);
  const unit = await scope.em.findOne(OrgUnit, { id: orgUnitId });
  if (!unit) throw distributionReasons.orgUnitNotFound({ id: orgUnitId });
  const opdId = unit.opd?.id ?? unit.id;
  let viewerOpdId: string | null = null;
  if (viewer.kind === 'person') {
    const me = await scope.loaders.employee.load(viewer.employeeId);
    const myUnit = me ? await scope.loaders.orgUnit.load(me.orgUnit.id) : null;
    viewerOpdId = myUnit ? (myUnit.opd?.id ?? myUnit.id) : null;
  }
  assertDistributionRead(scope.viewer, { id: opdId, name: unit.name }, viewerOpdId);
  await requirePeriod(scope, periodId);
  return distributionOf(scope.em, unit, periodId, checkpoint);
}

/**
 * Moves an OPD's submitted appraisals for a checkpoint to FINAL. Refused while the OPD has no
 * organisation rating, or while the distribution breaks its pattern (the violated rules are
 * listed) unless an HR admin gives an override reason, which is audited.
 */
export async function finaliseAppraisals(
  scope: Scope,
  input: {
    orgUnitId: string;
    periodId: string;
    checkpoint: AppraisalCheckpoint;
    overrideReason?: string | null;
  },
): Promise<DistributionData> {
  const viewer = requirePerson(scope.viewer, 'finalise appraisals');
  return scope.em.transactional(async (em) => {
    const opd = await requireOpd(em, input.orgUnitId);
    assertFinalise(viewer, opd.id);
    await requirePeriod({ em }, input.periodId);
    const before = await distributionOf(em, opd, input.periodId, input.checkpoint);
    if (!before.orgRating) throw distributionReasons.noOrgRating({ opdName: opd.name });
    if (before.submitted === 0) throw distributionReasons.nothingToFinalise();
    const override = input.overrideReason?.trim() || null;
    if (!before.check.holds) {
      const violations = before.check.checks.filter((c) => !c.holds).map((c) => c.problem!);
      if (!override) {
        throw distributionReasons.patternBroken(
          { orgRating: before.orgRating.rating, violations: violations.join(' ') },
          { extra: { violations } },
        );
      }
      if (!hasRole(viewer, Role.HR_ADMIN)) throw distributionReasons.overrideNeedsHrAdmin();
    }
    const appraisals = await em.find(Appraisal, {
      opd,
      period: input.periodId,
      checkpoint: input.checkpoint,
      status: AppraisalStatus.SUBMITTED,
    });
    const now = scope.config.clock();
    for (const appraisal of appraisals) {
      appraisal.status = AppraisalStatus.FINAL;
      appraisal.finalisedAt = now;
      await recordChange(
        scope,
        {
          action: 'appraisal.finalise',
          subjectType: 'Appraisal',
          subjectId: appraisal.id,
          before: { status: AppraisalStatus.SUBMITTED },
          after: { status: AppraisalStatus.FINAL, predikat: appraisal.predikat },
          audience: {
            ownerIds: [appraisal.employee.id],
            reviewerIds: [appraisal.assessor.id],
            opdIds: [opd.id],
          },
          data: { appraisalId: appraisal.id, planId: appraisal.plan.id },
        },
        em,
      );
    }
    await recordChange(
      scope,
      {
        action:
          override && !before.check.holds ? 'appraisals.finalise_override' : 'appraisals.finalise',
        subjectType: 'OrgUnit',
        subjectId: opd.id,
        after: {
          periodId: input.periodId,
          checkpoint: input.checkpoint,
          finalised: appraisals.length,
          patternHolds: before.check.holds,
          overrideReason: before.check.holds ? null : override,
        },
        audience: { opdIds: [opd.id] },
        data: { periodId: input.periodId, checkpoint: input.checkpoint },
      },
      em,
    );
    await em.flush();
    return distributionOf(em, opd, input.periodId, input.checkpoint);
  });
}
