import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula, restoreNeutralised } from '../../kernel/spreadsheet.js';
/**
 * Development and talent rules (DOMAIN.md, "Development"): competency gaps, training
 * recommendations with their reasons, the 20 JP right, nine-box placement and candidates. Pure
 * functions over plain values; the competency list, the JP minimum and the box numbers come from
 * `asn-reference.json`.
 */
import reference from '../../db/reference/asn-reference.json' with { type: 'json' };
import type { DomainError } from '../../kernel/errors.js';
import {
  PREDIKAT_NAMES,
  type PredikatValue as Predikat,
  type RatingValue as Rating,
} from '../evaluation/index.js';
import { competencyReasons, trainingReasons } from './development.reasons.js';

/** The values of the `CompetencyKind` enum, as the rules know them. */
export type CompetencyKindValue = 'MANAGERIAL' | 'SOCIO_CULTURAL' | 'TECHNICAL';
export type Potential = 'LOW' | 'MEDIUM' | 'HIGH';
/** The values of the `EnrolmentStatus` enum, as the rules know them. */
export type EnrolmentStatusValue = 'ASSIGNED' | 'ENROLLED' | 'COMPLETED' | 'CANCELLED';
export type EnrolmentAction = 'ASSIGN' | 'ENROL' | 'CANCEL' | 'COMPLETE';

export interface Competency {
  key: string;
  name: string;
  kind: CompetencyKindValue;
}

/** The 8 managerial competencies and Perekat Bangsa, as in the reference data. */
export const COMMON_COMPETENCIES: readonly Competency[] = Object.freeze([
  ...reference.competencies.managerial.map((c) => ({ ...c, kind: 'MANAGERIAL' as const })),
  ...reference.competencies.socioCultural.map((c) => ({ ...c, kind: 'SOCIO_CULTURAL' as const })),
]);
const COMMON_BY_KEY = new Map(COMMON_COMPETENCIES.map((c) => [c.key, c]));

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 5;
/** Hak pengembangan kompetensi: JP a year (PP 11/2017). */
export const MINIMUM_JP_PER_YEAR: number = reference.developmentHours.minimumPerYear;
export const TECHNICAL_PREFIX = 'TECH:';

/** The key of a technical competency, from its name: `TECH:` and the name in capitals. */
export function technicalKey(name: string): string {
  return `${TECHNICAL_PREFIX}${name.trim().replace(/\s+/g, ' ').toUpperCase()}`;
}

export interface CompetencyLevelValue extends Competency {
  level: number;
}

/** The problems of a list of levels, as a form field's or as a line of the standards CSV. */
function levelProblems(field: string, line: number | null) {
  const known = [...COMMON_BY_KEY.keys()].join(', ');
  const options = { field };
  return {
    unknownCompetency: (key: string) =>
      line === null
        ? competencyReasons.unknownCompetency({ key, known }, options)
        : competencyReasons.csvUnknownCompetency({ line, key, known }, options),
    technicalNameLength: () =>
      line === null
        ? competencyReasons.technicalNameLength({}, options)
        : competencyReasons.csvTechnicalNameLength({ line }, options),
    levelOutOfRange: (name: string, level: number) => {
      const params = { name, min: MIN_LEVEL, max: MAX_LEVEL, level };
      return line === null
        ? competencyReasons.levelOutOfRange(params, options)
        : competencyReasons.csvLevelOutOfRange({ ...params, line }, options);
    },
    listedTwice: (name: string) =>
      line === null
        ? competencyReasons.listedTwice({ name }, options)
        : competencyReasons.csvListedTwice({ line, name }, options),
  };
}

/**
 * A requirement or development entry, checked and named: common competencies by key (their
 * official name is taken from the reference data), technical ones by name. Returns the
 * normalised list, or the problems with it (about `field`; naming the line when `line` is given,
 * for the standards CSV).
 */
export function normaliseLevels(
  entries: { key?: string | null; name?: string | null; level: number }[],
  field: string,
  line: number | null = null,
): { levels: CompetencyLevelValue[]; problems: DomainError[] } {
  const problems: DomainError[] = [];
  const problem = levelProblems(field, line);
  const levels: CompetencyLevelValue[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    let competency: Competency | undefined;
    const key = entry.key?.trim() ?? '';
    if (key && !key.startsWith(TECHNICAL_PREFIX)) {
      competency = COMMON_BY_KEY.get(key);
      if (!competency) {
        problems.push(problem.unknownCompetency(key));
        continue;
      }
    } else {
      const name = (entry.name?.trim() || key.slice(TECHNICAL_PREFIX.length)).replace(/\s+/g, ' ');
      if (!name || name.length > 150) {
        problems.push(problem.technicalNameLength());
        continue;
      }
      competency = { key: technicalKey(name), name, kind: 'TECHNICAL' };
    }
    if (!Number.isInteger(entry.level) || entry.level < MIN_LEVEL || entry.level > MAX_LEVEL) {
      problems.push(problem.levelOutOfRange(competency.name, entry.level));
      continue;
    }
    if (seen.has(competency.key)) {
      problems.push(problem.listedTwice(competency.name));
      continue;
    }
    seen.add(competency.key);
    levels.push({ ...competency, level: entry.level });
  }
  return { levels: sortLevels(levels), problems };
}

const KIND_ORDER: Record<CompetencyKindValue, number> = {
  MANAGERIAL: 0,
  SOCIO_CULTURAL: 1,
  TECHNICAL: 2,
};
const commonIndex = (key: string) => {
  const i = COMMON_COMPETENCIES.findIndex((c) => c.key === key);
  return i < 0 ? COMMON_COMPETENCIES.length : i;
};

/** Managerial in reference order, then Perekat Bangsa, then technical by name. */
export function sortLevels<T extends Competency>(levels: T[]): T[] {
  return [...levels].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      commonIndex(a.key) - commonIndex(b.key) ||
      a.name.localeCompare(b.name),
  );
}

// ---------------------------------------------------------------------------------------------
// Assessments and gaps

export interface AssessedRow {
  competencyKey: string;
  level: number;
  assessedOn: string;
  createdAt: Date;
}

/** The latest assessment of each competency (by date, then by when it was recorded). */
export function latestLevels<T extends AssessedRow>(rows: T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const known = latest.get(row.competencyKey);
    if (
      !known ||
      row.assessedOn > known.assessedOn ||
      (row.assessedOn === known.assessedOn && row.createdAt.getTime() > known.createdAt.getTime())
    ) {
      latest.set(row.competencyKey, row);
    }
  }
  return latest;
}

export interface Gap extends Competency {
  required: number;
  /** Null when never assessed. */
  assessed: number | null;
  /** required − assessed; negative when above the requirement; null when never assessed. */
  gap: number | null;
}

/**
 * Gap per required competency, largest first; never-assessed competencies last (their gap is
 * unknown, not zero); ties in the standard's order.
 */
export function competencyGaps(
  requirements: CompetencyLevelValue[],
  assessed: ReadonlyMap<string, number>,
): Gap[] {
  const gaps = sortLevels(requirements).map((r, index) => {
    const level = assessed.get(r.key) ?? null;
    return {
      gap: {
        key: r.key,
        name: r.name,
        kind: r.kind,
        required: r.level,
        assessed: level,
        gap: level === null ? null : r.level - level,
      },
      index,
    };
  });
  return gaps
    .sort((a, b) => (b.gap.gap ?? -Infinity) - (a.gap.gap ?? -Infinity) || a.index - b.index)
    .map((g) => g.gap);
}

export interface UnitGap extends Competency {
  /** People whose standard requires it and who were assessed on it. */
  assessedPeople: number;
  peopleWithGap: number;
  /** Mean of max(gap, 0) over the assessed people. */
  averageGap: number;
  largestGap: number;
}

/** Gaps across a unit, weakest competency first (mean gap, then how many fall short). */
export function aggregateGaps(perPerson: Gap[][]): UnitGap[] {
  const byKey = new Map<string, UnitGap & { sum: number }>();
  for (const gaps of perPerson) {
    for (const g of gaps) {
      if (g.gap === null) continue;
      let agg = byKey.get(g.key);
      if (!agg) {
        agg = {
          key: g.key,
          name: g.name,
          kind: g.kind,
          assessedPeople: 0,
          peopleWithGap: 0,
          averageGap: 0,
          largestGap: 0,
          sum: 0,
        };
        byKey.set(g.key, agg);
      }
      agg.assessedPeople += 1;
      if (g.gap > 0) agg.peopleWithGap += 1;
      agg.sum += Math.max(g.gap, 0);
      agg.largestGap = Math.max(agg.largestGap, g.gap);
    }
  }
  return sortLevels(
    [...byKey.values()].map(({ sum, ...agg }) => ({
      ...agg,
      averageGap: Math.round((sum / agg.assessedPeople) * 100) / 100,
    })),
  ).sort((a, b) => b.averageGap - a.averageGap || b.peopleWithGap - a.peopleWithGap);
}

// ---------------------------------------------------------------------------------------------
// Recommendations

export interface TrainingOption {
  id: string;
  title: string;
  jp: number;
  publicServiceFocus: boolean;
  competencies: { key: string; level: number }[];
  endsOn: string | null;
}

export type RecommendationBasis = 'GAP' | 'ADVANCED';

export interface Recommendation {
  trainingId: string;
  competencyKey: string;
  basis: RecommendationBasis;
  reason: string;
}

const GOOD_PERFORMERS: readonly Predikat[] = ['VERY_GOOD', 'GOOD'];

interface Match {
  training: TrainingOption;
  gap: Gap;
  basis: RecommendationBasis;
  publicFit: boolean;
  /** The level the training develops the competency to. */
  level: number;
}

function reasonOf(m: Match, predikat: Predikat | null, publicService: boolean): string {
  const g = m.gap;
  const parts: string[] = [];
  if (m.basis === 'GAP') {
    parts.push(`${g.name}: required ${g.required}, assessed ${g.assessed}`);
    if (publicService && m.training.publicServiceFocus)
      parts.push('your work is in public service');
    if (predikat && !GOOD_PERFORMERS.includes(predikat)) {
      parts.push(`your latest predikat is ${PREDIKAT_NAMES[predikat]}`);
    }
  } else {
    parts.push(`${g.name}: assessed ${g.assessed}, required ${g.required}`);
    parts.push(
      `your latest predikat is ${PREDIKAT_NAMES[predikat!]}: advanced training for your field`,
    );
    if (publicService && m.training.publicServiceFocus)
      parts.push('your work is in public service');
  }
  return parts.join('; ');
}

/**
 * Trainings recommended from the gaps and the latest predikat, best first, one entry per
 * training with its reason in words. Everyone is offered trainings that close a gap (a training
 * fits when it develops the competency beyond the assessed level), the largest gap first, for a
 * public-service position trainings aimed at public service before others, then those that
 * reach the required level and aim closest to it, then the shorter. Good performers
 * (VERY_GOOD, GOOD) are offered, before those, advanced trainings for competencies they already
 * meet (technical ones, their field, first). Trainings already taken (`taken`) and those that
 * have ended before `today` are left out.
 */
export function recommendTrainings(args: {
  gaps: Gap[];
  predikat: Predikat | null;
  publicService: boolean;
  trainings: TrainingOption[];
  taken: ReadonlySet<string>;
  today: string;
  limit?: number;
}): Recommendation[] {
  const { gaps, predikat, publicService, trainings, taken, today, limit = 10 } = args;
  const good = predikat !== null && GOOD_PERFORMERS.includes(predikat);
  const byKey = new Map(gaps.map((g) => [g.key, g]));
  const best = new Map<string, Match>();
  const rank = (m: Match): number[] => [
    // Lower sorts first.
    good ? (m.basis === 'ADVANCED' ? 0 : 1) : 0,
    m.basis === 'ADVANCED' ? (m.gap.kind === 'TECHNICAL' ? 0 : 1) : -(m.gap.gap ?? 0),
    publicService && !m.publicFit ? 1 : 0,
    // A gap training that reaches the required level, and aims closest to it, before others.
    m.basis === 'GAP' && m.level < m.gap.required ? 1 : 0,
    m.basis === 'GAP' ? Math.abs(m.level - m.gap.required) : 0,
    m.basis === 'ADVANCED' ? -(m.gap.assessed! - m.gap.required) : 0,
  ];
  const compare = (a: Match, b: Match): number => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i += 1) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return a.training.jp - b.training.jp || a.training.title.localeCompare(b.training.title);
  };
  for (const training of trainings) {
    if (taken.has(training.id)) continue;
    if (training.endsOn !== null && training.endsOn < today) continue;
    for (const develops of training.competencies) {
      const gap = byKey.get(develops.key);
      if (!gap || gap.assessed === null || develops.level <= gap.assessed) continue;
      let basis: RecommendationBasis | null = null;
      if (gap.gap! > 0) basis = 'GAP';
      else if (good) basis = 'ADVANCED';
      if (!basis) continue;
      const match: Match = {
        training,
        gap,
        basis,
        publicFit: training.publicServiceFocus,
        level: develops.level,
      };
      const known = best.get(training.id);
      if (!known || compare(match, known) < 0) best.set(training.id, match);
    }
  }
  return [...best.values()]
    .sort(compare)
    .slice(0, limit)
    .map((m) => ({
      trainingId: m.training.id,
      competencyKey: m.gap.key,
      basis: m.basis,
      reason: reasonOf(m, predikat, publicService),
    }));
}

// ---------------------------------------------------------------------------------------------
// Enrolment

const TRANSITIONS: Record<
  EnrolmentAction,
  Partial<Record<EnrolmentStatusValue | 'NONE', EnrolmentStatusValue>>
> = {
  ASSIGN: { NONE: 'ASSIGNED', CANCELLED: 'ASSIGNED' },
  ENROL: { NONE: 'ENROLLED', ASSIGNED: 'ENROLLED', CANCELLED: 'ENROLLED' },
  CANCEL: { ASSIGNED: 'CANCELLED', ENROLLED: 'CANCELLED' },
  COMPLETE: { ENROLLED: 'COMPLETED' },
};

const REFUSALS = {
  ASSIGN: trainingReasons.notAssignable,
  ENROL: trainingReasons.notEnrollable,
  CANCEL: trainingReasons.notCancellable,
  COMPLETE: trainingReasons.notCompletable,
} satisfies Record<EnrolmentAction, unknown>;

/** The next status of an enrolment (null = none yet), or why the action is refused. */
export function enrolmentTransition(
  status: EnrolmentStatusValue | null,
  action: EnrolmentAction,
): { next: EnrolmentStatusValue } | { problem: DomainError } {
  const next = TRANSITIONS[action][status ?? 'NONE'];
  if (next) return { next };
  return { problem: REFUSALS[action]({ status: status ?? 'not there' }) };
}

// ---------------------------------------------------------------------------------------------
// 20 JP

export interface JpProgress {
  jp: number;
  minimum: number;
  remaining: number;
  reached: boolean;
  /** jp / minimum, at most 1. */
  share: number;
}

export function jpProgress(jp: number, minimum = MINIMUM_JP_PER_YEAR): JpProgress {
  return {
    jp,
    minimum,
    remaining: Math.max(minimum - jp, 0),
    reached: jp >= minimum,
    share: minimum > 0 ? Math.min(jp / minimum, 1) : 1,
  };
}

/** A unit's progress: the share of people at or above the minimum, and who is behind (least first). */
export function unitJpProgress<T extends { jp: number; name: string }>(
  people: T[],
  minimum = MINIMUM_JP_PER_YEAR,
): { total: number; reached: number; share: number; behind: T[] } {
  const behind = people
    .filter((p) => p.jp < minimum)
    .sort((a, b) => a.jp - b.jp || a.name.localeCompare(b.name));
  const reached = people.length - behind.length;
  return {
    total: people.length,
    reached,
    share: people.length === 0 ? 0 : Math.round((reached / people.length) * 10000) / 10000,
    behind,
  };
}

// ---------------------------------------------------------------------------------------------
// Talent

const POTENTIALS: readonly Potential[] = reference.talentBoxes.columns as Potential[];
const BOX_ROWS = reference.talentBoxes.rows as Record<Rating, number[]>;

/** The nine-box number for a performance rating and a potential (reference data). */
export function talentBox(performance: Rating, potential: Potential): number {
  const box = BOX_ROWS[performance]?.[POTENTIALS.indexOf(potential)];
  if (box === undefined) throw new Error(`No talent box for ${performance} × ${potential}.`);
  return box;
}

/**
 * Potential read from the latest competency assessments when none was recorded: the share of
 * assessed required competencies that meet the standard (≥ 0.8 HIGH, ≥ 0.5 MEDIUM, else LOW);
 * null without assessments.
 */
export function potentialFromGaps(gaps: Gap[]): Potential | null {
  const assessed = gaps.filter((g) => g.gap !== null);
  if (assessed.length === 0) return null;
  const share = assessed.filter((g) => g.gap! <= 0).length / assessed.length;
  if (share >= 0.8) return 'HIGH';
  if (share >= 0.5) return 'MEDIUM';
  return 'LOW';
}

export interface AppraisalFact {
  checkpoint: 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'ANNUAL';
  status: 'DRAFT' | 'SUBMITTED' | 'FINAL' | 'APPEALED';
  resultRating: Rating | null;
  predikat: Predikat | null;
}

export interface Performance {
  rating: Rating;
  predikat: Predikat | null;
  checkpoint: AppraisalFact['checkpoint'];
  /** True when there was no final annual appraisal and a quarter's stood in. */
  fallback: boolean;
}

const CHECKPOINT_ORDER = ['Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL'];
const isFinal = (a: AppraisalFact) =>
  (a.status === 'FINAL' || a.status === 'APPEALED') && a.resultRating !== null;

/**
 * Performance for the grid: the final annual results rating; without it, the latest final
 * appraisal of the period (marked as a fallback); null when nothing is final.
 */
export function performanceOf(appraisals: AppraisalFact[]): Performance | null {
  const finals = appraisals
    .filter(isFinal)
    .sort(
      (a, b) => CHECKPOINT_ORDER.indexOf(b.checkpoint) - CHECKPOINT_ORDER.indexOf(a.checkpoint),
    );
  const chosen = finals[0];
  if (!chosen) return null;
  return {
    rating: chosen.resultRating!,
    predikat: chosen.predikat,
    checkpoint: chosen.checkpoint,
    fallback: chosen.checkpoint !== 'ANNUAL',
  };
}

const PROMOTION_BOXES: readonly number[] = [7, 8, 9];
const DISQUALIFYING: readonly Predikat[] = ['POOR', 'VERY_POOR'];

/** Promotion: boxes 7–9 and no POOR or VERY_POOR predikat in the last two years. */
export function promotionCandidate(box: number, lastTwoYears: (Predikat | null)[]): boolean {
  return PROMOTION_BOXES.includes(box) && !lastTwoYears.some((p) => p && DISQUALIFYING.includes(p));
}

/** Award: the predikat of this year is VERY_GOOD. */
export function awardCandidate(predikatThisYear: Predikat | null): boolean {
  return predikatThisYear === 'VERY_GOOD';
}

// ---------------------------------------------------------------------------------------------
// CSV of standards

export const STANDARD_CSV_HEADER = [
  'opd_code',
  'position_title',
  'job_type',
  'public_service',
  'competency_key',
  'competency_name',
  'level',
] as const;

export interface StandardCsvRow {
  opdCode: string | null;
  positionTitle: string | null;
  jobType: string;
  publicService: boolean;
  requirements: { key: string | null; name: string | null; level: number }[];
}

/** One line per requirement; the header first. */
export function standardsToCsv(
  standards: {
    opdCode: string | null;
    positionTitle: string | null;
    jobType: string;
    publicService: boolean;
    requirements: CompetencyLevelValue[];
  }[],
): string {
  const rows: string[][] = [[...STANDARD_CSV_HEADER]];
  for (const s of standards) {
    for (const r of s.requirements) {
      rows.push([
        s.opdCode ?? '',
        s.positionTitle ?? '',
        s.jobType,
        s.publicService ? 'yes' : 'no',
        r.key,
        r.name,
        String(r.level),
      ]);
    }
  }
  // Written by csv-stringify; cells a spreadsheet would run as formulas are neutralised.
  return stringify(rows.map((row) => row.map(neutraliseFormula)));
}

/**
 * Splits CSV text into records (quoted fields, doubled quotes, CRLF or LF) with csv-parse, lenient
 * about ragged rows and stray quotes (the lines are checked one by one afterwards); drops blank
 * lines and takes off the apostrophe an export puts before a formula-like cell. Throws what
 * csv-parse throws for text that is no CSV at all (an unclosed quote).
 */
export function parseCsv(text: string): string[][] {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  return records
    .filter((r) => r.some((f) => f.trim() !== ''))
    .map((r) => r.map(restoreNeutralised));
}

/**
 * Standards from CSV in the export's shape, grouped by (OPD, position, job type). Problems name
 * the line; nothing is imported when there is any.
 */
export function parseStandardsCsv(
  text: string,
  jobTypes: readonly string[],
): { standards: StandardCsvRow[]; problems: DomainError[] } {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { standards: [], problems: [competencyReasons.csvUnreadable({ detail })] };
  }
  const problems: DomainError[] = [];
  const header = records.shift()?.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = STANDARD_CSV_HEADER.filter((h) => !header.includes(h));
  if (missing.length > 0) {
    return {
      standards: [],
      problems: [competencyReasons.csvHeaderLacks({ columns: missing.join(', ') })],
    };
  }
  const col = (record: string[], name: (typeof STANDARD_CSV_HEADER)[number]) =>
    (record[header.indexOf(name)] ?? '').trim();
  const groups = new Map<string, StandardCsvRow>();
  records.forEach((record, i) => {
    const line = i + 2;
    const jobType = col(record, 'job_type').toUpperCase();
    if (!jobTypes.includes(jobType)) {
      problems.push(
        competencyReasons.csvUnknownJobType(
          { line, jobType, jobTypes: jobTypes.join(', ') },
          { field: `line ${line}` },
        ),
      );
      return;
    }
    const level = Number(col(record, 'level'));
    const publicService = /^(yes|ya|true|1)$/i.test(col(record, 'public_service'));
    const opdCode = col(record, 'opd_code') || null;
    const positionTitle = col(record, 'position_title') || null;
    if ((opdCode === null) !== (positionTitle === null)) {
      problems.push(competencyReasons.csvPositionHalf({ line }, { field: `line ${line}` }));
      return;
    }
    const id = `${opdCode ?? ''}\u0000${positionTitle ?? ''}\u0000${jobType}`;
    let group = groups.get(id);
    if (!group) {
      group = { opdCode, positionTitle, jobType, publicService, requirements: [] };
      groups.set(id, group);
    }
    group.publicService ||= publicService;
    const key = col(record, 'competency_key') || null;
    const name = col(record, 'competency_name') || null;
    problems.push(...normaliseLevels([{ key, name, level }], `line ${line}`, line).problems);
    group.requirements.push({ key, name, level });
  });
  return { standards: [...groups.values()], problems };
}

// ---------------------------------------------------------------------------------------------
// Which standard applies

export interface StandardKey {
  opdId: string | null;
  positionTitle: string | null;
  jobType: string;
}

const sameTitle = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The standard of a position: the one for its title and job type in its OPD, else the shared
 * one of its job type; null when neither exists.
 */
export function pickStandard<T extends StandardKey>(
  standards: readonly T[],
  position: { opdId: string; positionTitle: string; jobType: string },
): T | null {
  return (
    standards.find(
      (s) =>
        s.opdId === position.opdId &&
        s.positionTitle !== null &&
        s.jobType === position.jobType &&
        sameTitle(s.positionTitle, position.positionTitle),
    ) ??
    standards.find(
      (s) => s.opdId === null && s.positionTitle === null && s.jobType === position.jobType,
    ) ??
    null
  );
}
