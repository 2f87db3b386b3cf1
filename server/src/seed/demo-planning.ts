import { uuidv7 } from 'uuidv7';
import { CORE_VALUES } from '../modules/planning/index.js';

/**
 * Deterministic demo plans and work for a generated city: an approved SKP for everyone, each
 * MAIN RHK cascading from an RHK of the supervisor's plan, IKI with realistic targets, and
 * activities spread over the working days of the year so far — the recent ones still waiting
 * for review, the older ones approved (a few rejected), earlier months verified as reports.
 * Pure apart from generating ids: the caller writes the rows in bulk.
 */

export interface PlanningPerson {
  id: string;
  nip: string;
  name: string;
  jobType: string;
  positionTitle: string;
  orgUnitId: string;
  orgUnitName: string;
  opdId: string;
  supervisorId: string | null;
}

export interface PlanningOptions {
  seed: number;
  year: number;
  /** YYYY-MM-DD: activities are dated up to this day. */
  today: string;
  /** Average activities per person from 1 January to today. */
  activitiesPerPerson: number;
  /** Activities newer than this many days stay unreviewed (the supervisors' queues). */
  pendingDays: number;
}

export interface PlanRows {
  plans: Record<string, unknown>[];
  behaviour: Record<string, unknown>[];
  workResults: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
  versions: Record<string, unknown>[];
}

export interface QuantIndicator {
  id: string;
  planId: string;
  employeeId: string;
  assessorId: string | null;
  noun: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

const HEAD_RHK = [
  'Meningkatnya kualitas pelayanan publik {unit}',
  'Terwujudnya tata kelola {unit} yang akuntabel dan berorientasi hasil',
  'Meningkatnya capaian kinerja program prioritas {unit}',
];
const MIDDLE_RHK = [
  'Terlaksananya program dan kegiatan {unit} sesuai rencana',
  'Meningkatnya kualitas layanan {unit}',
  'Tersedianya data dan laporan kinerja {unit} yang akurat',
];
const STAFF_RHK: [string, string, string][] = [
  // [RHK, IKI noun, unit]
  ['Tersusunnya laporan pelaksanaan kegiatan {unit}', 'laporan kegiatan yang disusun', 'Laporan'],
  [
    'Terlaksananya pengelolaan administrasi dan surat-menyurat {unit}',
    'naskah dinas yang diproses',
    'Dokumen',
  ],
  ['Terlaksananya pelayanan kepada masyarakat di {unit}', 'layanan yang diselesaikan', 'Layanan'],
  ['Tersedianya data pendukung kinerja {unit}', 'rekap data yang dimutakhirkan', 'Dokumen'],
  [
    'Terlaksananya koordinasi dan fasilitasi kegiatan {unit}',
    'kegiatan yang difasilitasi',
    'Kegiatan',
  ],
];
const QUALITY_TARGETS = [
  'Diterima atasan tanpa revisi',
  'Sesuai standar pelayanan dan tepat waktu',
  'Lengkap, akurat, dan terverifikasi',
];
const ACTIVITY_VERBS = ['Menyusun', 'Memproses', 'Menyelesaikan', 'Memverifikasi', 'Menyiapkan'];

function fill(template: string, unit: string): string {
  return template.replace('{unit}', unit);
}

/** Monday–Friday dates from 1 January of `year` to `today`, inclusive. */
export function workingDays(year: number, today: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${today}T00:00:00Z`);
  for (let t = Date.UTC(year, 0, 1); t <= end; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Plans for `people`, who must come supervisors first. The expected yearly output of each
 * quantitative IKI sets its target, so progress looks like a real year.
 */
export function generatePlans(
  people: PlanningPerson[],
  periodId: string,
  options: PlanningOptions,
): { rows: PlanRows; quantIndicators: QuantIndicator[]; planOf: Map<string, string> } {
  const random = mulberry32(options.seed * 7919 + options.year);
  const rows: PlanRows = {
    plans: [],
    behaviour: [],
    workResults: [],
    indicators: [],
    versions: [],
  };
  const quantIndicators: QuantIndicator[] = [];
  const mainRhkOf = new Map<string, string[]>();
  const approvedAt = new Date(Date.UTC(options.year, 0, 25, 2, 0, 0));
  const yearDays = workingDays(options.year, `${options.year}-12-31`).length;
  const daysSoFar = Math.max(1, workingDays(options.year, options.today).length);

  for (const person of people) {
    const planId = uuidv7();
    const isHead = person.jobType === 'SENIOR_EXECUTIVE' || person.supervisorId === null;
    const isStructural =
      isHead || person.jobType === 'ADMINISTRATOR' || person.jobType === 'SUPERVISOR';
    rows.plans.push({
      id: planId,
      employee: person.id,
      period: periodId,
      assessor: person.supervisorId,
      orgUnit: person.orgUnitId,
      positionTitle: person.positionTitle,
      jobType: person.jobType,
      status: 'APPROVED',
      version: 3,
      approvedCount: 1,
      submittedAt: new Date(approvedAt.getTime() - 3 * 86_400_000),
      approvedAt,
    });
    for (const value of CORE_VALUES) {
      rows.behaviour.push({ id: uuidv7(), plan: planId, value, expectation: null });
    }
    const parents = person.supervisorId ? (mainRhkOf.get(person.supervisorId) ?? []) : [];
    const rhkCount = isStructural ? 2 : 2 + (random() < 0.4 ? 1 : 0);
    const mine: string[] = [];
    const content: unknown[] = [];
    const quantCount = rhkCount;
    for (let r = 0; r < rhkCount; r++) {
      const rhkId = uuidv7();
      const template = isHead
        ? pick(random, HEAD_RHK)
        : isStructural
          ? pick(random, MIDDLE_RHK)
          : null;
      const staff = template
        ? null
        : STAFF_RHK[(r + Math.floor(random() * STAFF_RHK.length)) % STAFF_RHK.length];
      const text = fill(template ?? staff![0], person.orgUnitName);
      const parent = parents.length > 0 ? parents[(r + mine.length) % parents.length] : null;
      rows.workResults.push({ id: rhkId, plan: planId, kind: 'MAIN', text, parent, position: r });
      mine.push(rhkId);
      const noun = staff ? staff[1] : 'kegiatan yang dikoordinasikan';
      const unit = staff ? staff[2] : 'Kegiatan';
      const expected = (options.activitiesPerPerson * yearDays) / daysSoFar / quantCount;
      const target = Math.max(2, Math.round(expected * (0.85 + random() * 0.35)));
      const quantId = uuidv7();
      rows.indicators.push({
        id: quantId,
        workResult: rhkId,
        aspect: 'QUANTITY',
        text: `Jumlah ${noun}`,
        targetValue: target,
        targetUnit: unit,
        targetText: null,
        position: 0,
      });
      quantIndicators.push({
        id: quantId,
        planId,
        employeeId: person.id,
        assessorId: person.supervisorId,
        noun,
      });
      const indicators: unknown[] = [
        {
          id: quantId,
          aspect: 'QUANTITY',
          text: `Jumlah ${noun}`,
          targetValue: target,
          targetUnit: unit,
        },
      ];
      if (random() < 0.5) {
        const qualityId = uuidv7();
        const targetText = pick(random, QUALITY_TARGETS);
        rows.indicators.push({
          id: qualityId,
          workResult: rhkId,
          aspect: 'QUALITY',
          text: `Kualitas ${noun}`,
          targetValue: null,
          targetUnit: null,
          targetText,
          position: 1,
        });
        indicators.push({ id: qualityId, aspect: 'QUALITY', text: `Kualitas ${noun}`, targetText });
      }
      content.push({ id: rhkId, kind: 'MAIN', text, parentId: parent, indicators });
    }
    mainRhkOf.set(person.id, mine);
    if (person.supervisorId) {
      rows.versions.push({
        id: uuidv7(),
        plan: planId,
        number: 1,
        approvedAt,
        approvedByEmployeeId: person.supervisorId,
        content: {
          status: 'SUBMITTED',
          workResults: content,
          behaviour: CORE_VALUES.map((value) => ({ value, expectation: null })),
        },
      });
    } else {
      // Nobody in Kinerja assesses the Sekda: the plan stands approved from the performance agreement.
      rows.versions.push({
        id: uuidv7(),
        plan: planId,
        number: 1,
        approvedAt,
        approvedByEmployeeId: person.id,
        content: { status: 'SUBMITTED', workResults: content, behaviour: [] },
      });
    }
  }
  const planOf = new Map(rows.plans.map((p) => [p.employee as string, p.id as string]));
  return { rows, quantIndicators, planOf };
}

export interface EvaluationRows {
  orgRatings: Record<string, unknown>[];
  appraisals: Record<string, unknown>[];
  appeals: Record<string, unknown>[];
  explanations: Record<string, unknown>[];
}

const RATINGS_FOR: Record<string, [string, string]> = {
  VERY_GOOD: ['ABOVE', 'ABOVE'],
  GOOD: ['MEETS', 'MEETS'],
  NEEDS_IMPROVEMENT: ['BELOW', 'MEETS'],
  POOR: ['MEETS', 'BELOW'],
};

/**
 * The last quarter that has ended, evaluated and final: an organisation rating for each OPD
 * (mostly Baik, a few Istimewa) and an appraisal for everyone with an assessor, distributed so
 * each OPD meets its pattern (at most 70% of the top predikat, at least one Butuh Perbaikan).
 * The employee `appellantId` has appealed theirs; the decider has asked the assessor to explain.
 */
export function generateEvaluation(
  people: PlanningPerson[],
  planOf: Map<string, string>,
  periodId: string,
  options: {
    seed: number;
    checkpoint: string;
    finalisedAt: Date;
    appellantId: string | null;
    hrAdminId: string;
  },
): EvaluationRows {
  const random = mulberry32(options.seed * 15485863 + 7);
  const rows: EvaluationRows = { orgRatings: [], appraisals: [], appeals: [], explanations: [] };
  const byOpd = new Map<string, PlanningPerson[]>();
  for (const person of people) {
    if (!person.supervisorId) continue;
    const list = byOpd.get(person.opdId) ?? [];
    list.push(person);
    byOpd.set(person.opdId, list);
  }
  const supervisorOf = new Map(people.map((p) => [p.id, p.supervisorId]));
  let index = 0;
  for (const [opdId, members] of byOpd) {
    const outstanding = index++ % 9 === 4;
    rows.orgRatings.push({
      id: uuidv7(),
      orgUnit: opdId,
      period: periodId,
      rating: outstanding ? 'OUTSTANDING' : 'GOOD',
      justification: outstanding
        ? 'Capaian indikator kinerja utama OPD melampaui target pada seluruh sasaran strategis.'
        : 'Capaian indikator kinerja utama OPD sesuai target perjanjian kinerja.',
      setByEmployeeId: options.hrAdminId,
    });
    const predikats = members.map((person, i) => {
      // The first member of every OPD needs improvement, so the GOOD pattern's minimum holds.
      const draw = random();
      if (i === 0 || person.id === options.appellantId) return 'NEEDS_IMPROVEMENT';
      return draw < 0.22
        ? 'VERY_GOOD'
        : draw < 0.9
          ? 'GOOD'
          : draw < 0.97
            ? 'NEEDS_IMPROVEMENT'
            : 'POOR';
    });
    // At most 70% Baik (counts round down): move the excess to Sangat Baik.
    let excess = predikats.filter((p) => p === 'GOOD').length - Math.floor(0.7 * predikats.length);
    for (let i = predikats.length - 1; i >= 0 && excess > 0; i--) {
      if (predikats[i] === 'GOOD') {
        predikats[i] = 'VERY_GOOD';
        excess -= 1;
      }
    }
    members.forEach((person, i) => {
      const predikat = predikats[i];
      const [resultRating, behaviourRating] = RATINGS_FOR[predikat];
      const appraisalId = uuidv7();
      const appealed = person.id === options.appellantId;
      rows.appraisals.push({
        id: appraisalId,
        plan: planOf.get(person.id)!,
        employee: person.id,
        assessor: person.supervisorId,
        period: periodId,
        opd: opdId,
        checkpoint: options.checkpoint,
        status: appealed ? 'APPEALED' : 'FINAL',
        resultRating,
        behaviourRating,
        predikat,
        valueNotes: {},
        overallNote:
          predikat === 'NEEDS_IMPROVEMENT'
            ? 'Target triwulan belum tercapai; perlu pendampingan.'
            : null,
        submittedAt: new Date(options.finalisedAt.getTime() - 5 * 86_400_000),
        finalisedAt: options.finalisedAt,
        version: 3,
      });
      const decider = person.supervisorId ? supervisorOf.get(person.supervisorId) : null;
      if (appealed && decider) {
        const appealId = uuidv7();
        rows.appeals.push({
          id: appealId,
          appraisal: appraisalId,
          employee: person.id,
          decider,
          reason:
            'Capaian kuantitas laporan saya sudah 100% dari target triwulan dan bukti dukung lengkap; mohon ditinjau kembali.',
          status: 'FILED',
          filedAt: new Date(options.finalisedAt.getTime() + 3 * 86_400_000),
        });
        rows.explanations.push({
          id: uuidv7(),
          appeal: appealId,
          from: 'ASSESSOR',
          askedOf: person.supervisorId,
          question:
            'Mohon jelaskan dasar penilaian Hasil Kerja di bawah ekspektasi untuk triwulan ini.',
          askedAt: new Date(options.finalisedAt.getTime() + 4 * 86_400_000),
        });
      }
    });
  }
  return rows;
}

/**
 * Activities for the quantitative IKI, in chunks (a year for a city is millions of rows), with
 * the monthly reports of months that are over.
 */
export function* generateActivities(
  indicators: QuantIndicator[],
  options: PlanningOptions,
  chunkPeople = 500,
): Generator<{ activities: Record<string, unknown>[]; reports: Record<string, unknown>[] }> {
  const random = mulberry32(options.seed * 104729 + options.year);
  const days = workingDays(options.year, options.today);
  if (days.length === 0) return;
  const pendingFrom = new Date(
    Date.parse(`${options.today}T00:00:00Z`) - options.pendingDays * 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
  // A month's report is verified only when none of its activities still waits for review.
  const firstOpenMonth =
    pendingFrom.slice(0, 4) < String(options.year) ? 1 : Number(pendingFrom.slice(5, 7));
  const byPerson = new Map<string, QuantIndicator[]>();
  for (const indicator of indicators) {
    const list = byPerson.get(indicator.employeeId) ?? [];
    list.push(indicator);
    byPerson.set(indicator.employeeId, list);
  }
  const people = [...byPerson.values()];
  for (let start = 0; start < people.length; start += chunkPeople) {
    const activities: Record<string, unknown>[] = [];
    const reports: Record<string, unknown>[] = [];
    for (const own of people.slice(start, start + chunkPeople)) {
      const { employeeId, planId, assessorId } = own[0];
      const count = Math.max(1, Math.round(options.activitiesPerPerson * (0.7 + random() * 0.6)));
      // Everyone also has one to three from the last days, so every supervisor has work waiting.
      const recent = days.filter((d) => d >= pendingFrom);
      const extra =
        recent.length > 0 && options.activitiesPerPerson > 0 ? 1 + Math.floor(random() * 3) : 0;
      const months = new Set<number>();
      for (let i = 0; i < count + extra; i++) {
        const date =
          i < count
            ? days[Math.floor(random() * days.length)]
            : recent[Math.floor(random() * recent.length)];
        const indicator = own[Math.floor(random() * own.length)];
        const pending = date >= pendingFrom || assessorId === null;
        const rejected = !pending && random() < 0.04;
        const createdAt = new Date(
          Date.parse(`${date}T09:00:00Z`) + Math.floor(random() * 8 * 3_600_000),
        );
        activities.push({
          id: uuidv7(),
          employee: employeeId,
          plan: planId,
          assessor: assessorId,
          indicator: indicator.id,
          date,
          description: `${pick(random, ACTIVITY_VERBS)} ${indicator.noun}`,
          output: 1 + (random() < 0.2 ? 1 : 0),
          durationMinutes: 30 * (1 + Math.floor(random() * 8)),
          evidenceUrls: [
            `https://drive.denpasarkota.go.id/kinerja/${date.slice(0, 7)}/${uuidv7().slice(-12)}.pdf`,
          ],
          status: pending ? 'SUBMITTED' : rejected ? 'REJECTED' : 'APPROVED',
          reviewNote: rejected ? 'Bukti dukung belum sesuai; lengkapi dan ajukan kembali.' : null,
          reviewedByEmployeeId: pending ? null : assessorId,
          reviewedAt: pending ? null : new Date(createdAt.getTime() + 2 * 86_400_000),
          version: 1,
          createdAt,
        });
        months.add(Number(date.slice(5, 7)));
      }
      if (assessorId) {
        for (const month of months) {
          if (month >= firstOpenMonth) continue;
          const submittedAt = new Date(Date.UTC(options.year, month, 2, 3, 0, 0));
          reports.push({
            id: uuidv7(),
            employee: employeeId,
            plan: planId,
            assessor: assessorId,
            month,
            status: 'VERIFIED',
            submittedAt,
            verifiedAt: new Date(submittedAt.getTime() + 3 * 86_400_000),
            note: null,
            version: 1,
          });
        }
      }
    }
    yield { activities, reports };
  }
}
