import { formatDate } from '$lib/datetime';
import type {
  AssessmentSource,
  EnrolmentStatus,
  JobType,
  PotentialLevel,
  TrainingMode,
} from '$lib/gql/graphql';
import { t, type MessageKey } from '$lib/i18n.svelte';

/** The modes of the catalogue, in the order the forms offer them. */
export const TRAINING_MODES: readonly TrainingMode[] = [
  'CLASSROOM',
  'E_LEARNING',
  'WORKSHOP',
  'COACHING',
  'MENTORING',
];

export const JOB_TYPES: readonly JobType[] = [
  'SENIOR_EXECUTIVE',
  'ADMINISTRATOR',
  'SUPERVISOR',
  'FUNCTIONAL',
  'EXECUTOR',
];

export const POTENTIAL_LEVELS: readonly PotentialLevel[] = ['LOW', 'MEDIUM', 'HIGH'];

export const COMPETENCY_LEVELS: readonly number[] = [1, 2, 3, 4, 5];

// The reference competencies have names in both languages; technical ones keep the name the
// agency gave them.
const COMMON_COMPETENCIES: Readonly<Record<string, MessageKey>> = {
  INTEGRITY: 'competency.INTEGRITY',
  TEAMWORK: 'competency.TEAMWORK',
  COMMUNICATION: 'competency.COMMUNICATION',
  RESULTS_ORIENTATION: 'competency.RESULTS_ORIENTATION',
  PUBLIC_SERVICE: 'competency.PUBLIC_SERVICE',
  DEVELOPING_SELF_AND_OTHERS: 'competency.DEVELOPING_SELF_AND_OTHERS',
  MANAGING_CHANGE: 'competency.MANAGING_CHANGE',
  DECISION_MAKING: 'competency.DECISION_MAKING',
  NATION_BINDING: 'competency.NATION_BINDING',
};

/** A competency's name in the UI language (`name` as the server gave it for technical ones). */
export function competencyName(key: string, name: string): string {
  const message = COMMON_COMPETENCIES[key];
  return message ? t(message) : name;
}

export function modeLabel(mode: TrainingMode): string {
  return t(`trainingMode.${mode}`);
}

export function enrolmentLabel(status: EnrolmentStatus): string {
  return t(`enrolment.${status}`);
}

/** The badge tone of an enrolment status (classes of app.css). */
export function enrolmentTone(status: EnrolmentStatus): string {
  return { ASSIGNED: 'waiting', ENROLLED: 'waiting', COMPLETED: 'good', CANCELLED: '' }[status];
}

export function potentialLabel(level: PotentialLevel): string {
  return t(`potential.${level}`);
}

export function sourceLabel(source: AssessmentSource): string {
  return t(`assessmentSource.${source}`);
}

export function jobTypeLabel(jobType: JobType): string {
  return t(`jobType.${jobType}`);
}

/** "5 Jan 2026 – 9 Jan 2026", "from 5 Jan 2026", or "any time" for a training without dates. */
export function scheduleText(startsOn: string | null | undefined, endsOn?: string | null): string {
  if (startsOn && endsOn) {
    return startsOn === endsOn
      ? formatDate(startsOn)
      : `${formatDate(startsOn)} – ${formatDate(endsOn)}`;
  }
  if (startsOn) return t('training.from', { date: formatDate(startsOn) });
  if (endsOn) return t('training.until', { date: formatDate(endsOn) });
  return t('training.anyTime');
}

/** "12 of 30 seats taken", "unlimited seats"; `full` when no seat is left. */
export function seatsText(capacity: number | null | undefined, taken: number): string {
  if (capacity === null || capacity === undefined) return t('training.unlimited');
  return t('training.seats', { taken, capacity });
}

export function isFull(capacity: number | null | undefined, taken: number): boolean {
  return capacity !== null && capacity !== undefined && taken >= capacity;
}

// The server words each recommendation's reason in English, addressed to the employee, from a
// few fixed phrases joined by "; " (development.rules.ts, reasonOf). They are put into the UI
// language phrase by phrase, addressed to the employee or (for someone else reading it) about
// them; a phrase not known here is shown as the server wrote it.
type Phrase = readonly [RegExp, (m: RegExpExecArray, self: boolean) => string];
const assessedText = (value: string) => (value === 'null' ? t('gaps.notAssessed') : value);
const REASON_PHRASES: readonly Phrase[] = [
  [
    /^(.+): required (\d+|null), assessed (\d+|null)$/,
    (m) => t('reason.gap', { name: m[1], required: m[2], assessed: assessedText(m[3]) }),
  ],
  [
    /^(.+): assessed (\d+|null), required (\d+|null)$/,
    (m) => t('reason.advancedLevel', { name: m[1], assessed: assessedText(m[2]), required: m[3] }),
  ],
  [
    /^your work is in public service$/,
    (_, self) => t(self ? 'reason.publicService' : 'reason.publicServiceOther'),
  ],
  [
    /^your latest predikat is (.+): advanced training for your field$/,
    (m, self) => t(self ? 'reason.advanced' : 'reason.advancedOther', { predikat: m[1] }),
  ],
  [
    /^your latest predikat is (.+)$/,
    (m, self) => t(self ? 'reason.predikat' : 'reason.predikatOther', { predikat: m[1] }),
  ],
];

/**
 * A recommendation's reason in the UI language: addressed to the employee (`self`), or about
 * them for their supervisor and HR.
 */
export function reasonText(reason: string, self = true): string {
  return reason
    .split('; ')
    .map((part) => {
      for (const [pattern, word] of REASON_PHRASES) {
        const match = pattern.exec(part);
        if (match) return word(match, self);
      }
      return part;
    })
    .join('; ');
}

// Why someone is not in the talent grid, as the server words it (talent.service.ts).
const UNPLACED_REASONS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^No final appraisal in (.+) yet\.$/, (m) => t('talent.unplaced.noAppraisal', { period: m[1] })],
  [
    /^No potential recorded and no competencies assessed against a standard\.$/,
    () => t('talent.unplaced.noPotential'),
  ],
];

/** The reason someone could not be placed, in the UI language. */
export function unplacedReason(reason: string): string {
  for (const [pattern, word] of UNPLACED_REASONS) {
    const match = pattern.exec(reason);
    if (match) return word(match);
  }
  return reason;
}
