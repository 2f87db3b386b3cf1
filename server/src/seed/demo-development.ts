import { uuidv7 } from 'uuidv7';
import {
  COMMON_COMPETENCIES,
  type CompetencyLevelValue,
  technicalKey,
} from '../modules/development/index.js';
import { addDays } from '../kernel/calendar.js';
import type { PlanningPerson } from './demo-planning.js';

/**
 * Deterministic demo development data: competency standards (shared per job type, and one per
 * position of the demo employee's OPD, which serves the public), supervisor assessments of
 * everyone, potential for some, a catalogue of realistic trainings from BPSDM Provinsi Bali, LAN,
 * Kemendagri and others, and trainings completed this year so the 20 JP progress varies. Every
 * demo login (`focusIds`) has a Komunikasi gap and some JP, so they see recommendations and
 * progress. Pure apart from generating ids: the caller writes the rows in bulk.
 */

export interface DevelopmentRows {
  standards: Record<string, unknown>[];
  assessments: Record<string, unknown>[];
  potentials: Record<string, unknown>[];
  trainings: Record<string, unknown>[];
  enrolments: Record<string, unknown>[];
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

const common = (key: string, level: number): CompetencyLevelValue => ({
  ...COMMON_COMPETENCIES.find((c) => c.key === key)!,
  level,
});
const technical = (name: string, level: number): CompetencyLevelValue => ({
  key: technicalKey(name),
  name,
  kind: 'TECHNICAL',
  level,
});

/** Required managerial level by job type (PermenPANRB 38/2017 puts JPT at 4–5, pelaksana at 2). */
const LEVEL_BY_JOB: Record<string, number> = {
  SENIOR_EXECUTIVE: 4,
  ADMINISTRATOR: 4,
  SUPERVISOR: 3,
  FUNCTIONAL: 3,
  EXECUTOR: 2,
};

function commonRequirements(jobType: string): CompetencyLevelValue[] {
  const base = LEVEL_BY_JOB[jobType] ?? 2;
  return COMMON_COMPETENCIES.map((c) => {
    let level = base;
    if (c.key === 'COMMUNICATION' || c.key === 'PUBLIC_SERVICE') level = Math.max(base, 3);
    if (c.key === 'INTEGRITY') level = Math.min(base + 1, 5);
    if (c.key === 'DECISION_MAKING' && jobType === 'EXECUTOR') level = 1;
    return common(c.key, level);
  });
}

const TECHNICAL_BY_TITLE: [RegExp, string][] = [
  [/pranata komputer|informasi|data/i, 'Pengelolaan Sistem Informasi'],
  [/analis|perencana/i, 'Analisis Kebijakan Publik'],
  [/keuangan|bendahara|akuntan/i, 'Pengelolaan Keuangan Daerah'],
  [/arsip|pengadministrasi|administrasi/i, 'Administrasi Perkantoran dan Kearsipan'],
  [/kepala|sekretaris|camat|lurah/i, 'Manajemen Pelayanan Publik'],
];

function technicalOf(title: string): string {
  return TECHNICAL_BY_TITLE.find(([re]) => re.test(title))?.[1] ?? 'Pelayanan Administrasi Umum';
}

interface CatalogueEntry {
  title: string;
  provider: string;
  mode: 'CLASSROOM' | 'E_LEARNING' | 'COACHING' | 'MENTORING' | 'WORKSHOP';
  jp: number;
  develops: CompetencyLevelValue[];
  publicServiceFocus?: boolean;
  /** Days from today it starts (negative: in the past); absent for self-paced e-learning. */
  startsIn?: number;
  days?: number;
  capacity?: number;
}

const C = common;
const T = technical;
const CATALOGUE: CatalogueEntry[] = [
  {
    title: 'Pelatihan Komunikasi Efektif dalam Pelayanan Publik',
    provider: 'BPSDM Provinsi Bali',
    mode: 'CLASSROOM',
    jp: 24,
    develops: [C('COMMUNICATION', 3), C('PUBLIC_SERVICE', 3)],
    publicServiceFocus: true,
    startsIn: 21,
    days: 3,
    capacity: 40,
  },
  {
    title: 'Pelatihan Komunikasi Publik dan Kehumasan Pemerintah',
    provider: 'Kementerian Komunikasi dan Digital',
    mode: 'WORKSHOP',
    jp: 16,
    develops: [C('COMMUNICATION', 4)],
    publicServiceFocus: true,
    startsIn: 45,
    days: 2,
    capacity: 30,
  },
  {
    title: 'E-Learning Teknik Presentasi dan Penulisan Naskah Dinas',
    provider: 'LAN',
    mode: 'E_LEARNING',
    jp: 12,
    develops: [C('COMMUNICATION', 3)],
  },
  {
    title: 'Pelatihan Budaya Pelayanan Prima',
    provider: 'BPSDM Provinsi Bali',
    mode: 'CLASSROOM',
    jp: 24,
    develops: [C('PUBLIC_SERVICE', 4), C('COMMUNICATION', 2)],
    publicServiceFocus: true,
    startsIn: 35,
    days: 3,
    capacity: 40,
  },
  {
    title: 'E-Learning Standar Pelayanan Publik dan Survei Kepuasan Masyarakat',
    provider: 'Kementerian PANRB',
    mode: 'E_LEARNING',
    jp: 10,
    develops: [C('PUBLIC_SERVICE', 3)],
    publicServiceFocus: true,
  },
  {
    title: 'Pelatihan Integritas dan Antikorupsi bagi ASN',
    provider: 'KPK bersama BPSDM Provinsi Bali',
    mode: 'CLASSROOM',
    jp: 20,
    develops: [C('INTEGRITY', 4)],
    startsIn: 28,
    days: 3,
    capacity: 50,
  },
  {
    title: 'E-Learning Penguatan Nilai Dasar BerAKHLAK',
    provider: 'LAN',
    mode: 'E_LEARNING',
    jp: 12,
    develops: [C('INTEGRITY', 3), C('TEAMWORK', 3)],
  },
  {
    title: 'Pelatihan Kerja Sama Tim dan Kolaborasi Lintas Perangkat Daerah',
    provider: 'BPSDM Provinsi Bali',
    mode: 'WORKSHOP',
    jp: 16,
    develops: [C('TEAMWORK', 4)],
    startsIn: 56,
    days: 2,
    capacity: 35,
  },
  {
    title: 'Pelatihan Manajemen Kinerja dan Orientasi pada Hasil',
    provider: 'Kemendagri',
    mode: 'CLASSROOM',
    jp: 24,
    develops: [C('RESULTS_ORIENTATION', 4)],
    startsIn: 42,
    days: 3,
    capacity: 40,
  },
  {
    title: 'E-Learning Penyusunan SKP dan Indikator Kinerja Individu',
    provider: 'BKN',
    mode: 'E_LEARNING',
    jp: 8,
    develops: [C('RESULTS_ORIENTATION', 3)],
  },
  {
    title: 'Coaching Pengembangan Diri dan Orang Lain',
    provider: 'BKPSDM Kota Denpasar',
    mode: 'COACHING',
    jp: 12,
    develops: [C('DEVELOPING_SELF_AND_OTHERS', 4)],
    startsIn: 14,
    days: 30,
    capacity: 15,
  },
  {
    title: 'Mentoring Kepemimpinan bagi Pejabat Pengawas',
    provider: 'BKPSDM Kota Denpasar',
    mode: 'MENTORING',
    jp: 16,
    develops: [C('DEVELOPING_SELF_AND_OTHERS', 4), C('DECISION_MAKING', 4)],
    startsIn: 30,
    days: 60,
    capacity: 12,
  },
  {
    title: 'Pelatihan Kepemimpinan Pengawas (PKP)',
    provider: 'BPSDM Provinsi Bali',
    mode: 'CLASSROOM',
    jp: 60,
    develops: [C('DECISION_MAKING', 4), C('MANAGING_CHANGE', 4), C('TEAMWORK', 4)],
    startsIn: 70,
    days: 30,
    capacity: 30,
  },
  {
    title: 'Pelatihan Kepemimpinan Administrator (PKA)',
    provider: 'LAN',
    mode: 'CLASSROOM',
    jp: 80,
    develops: [C('DECISION_MAKING', 5), C('MANAGING_CHANGE', 5), C('RESULTS_ORIENTATION', 5)],
    startsIn: 90,
    days: 45,
    capacity: 30,
  },
  {
    title: 'Workshop Manajemen Perubahan dan Reformasi Birokrasi',
    provider: 'Kementerian PANRB',
    mode: 'WORKSHOP',
    jp: 12,
    develops: [C('MANAGING_CHANGE', 3)],
    startsIn: 24,
    days: 2,
    capacity: 40,
  },
  {
    title: 'Pelatihan Pengambilan Keputusan Berbasis Data',
    provider: 'LAN',
    mode: 'CLASSROOM',
    jp: 24,
    develops: [C('DECISION_MAKING', 3), T('Analisis Kebijakan Publik', 3)],
    startsIn: 49,
    days: 3,
    capacity: 35,
  },
  {
    title: 'Pelatihan Wawasan Kebangsaan dan Moderasi Beragama',
    provider: 'Kemendagri',
    mode: 'CLASSROOM',
    jp: 16,
    develops: [C('NATION_BINDING', 4)],
    startsIn: 38,
    days: 2,
    capacity: 50,
  },
  {
    title: 'E-Learning Wawasan Kebangsaan dan Nilai-Nilai Bela Negara',
    provider: 'Lemhannas',
    mode: 'E_LEARNING',
    jp: 10,
    develops: [C('NATION_BINDING', 3)],
  },
  {
    title: 'Bimbingan Teknis Tata Naskah Dinas dan Kearsipan Elektronik',
    provider: 'ANRI',
    mode: 'WORKSHOP',
    jp: 16,
    develops: [T('Administrasi Perkantoran dan Kearsipan', 3)],
    startsIn: 18,
    days: 2,
    capacity: 40,
  },
  {
    title: 'Pelatihan Pengelolaan Keuangan Daerah (SIPD)',
    provider: 'Kemendagri',
    mode: 'CLASSROOM',
    jp: 32,
    develops: [T('Pengelolaan Keuangan Daerah', 4)],
    startsIn: 33,
    days: 4,
    capacity: 30,
  },
  {
    title: 'Pelatihan Analis Kebijakan Ahli',
    provider: 'LAN',
    mode: 'CLASSROOM',
    jp: 40,
    develops: [T('Analisis Kebijakan Publik', 4)],
    startsIn: 60,
    days: 5,
    capacity: 30,
  },
  {
    title: 'Pelatihan Keamanan Informasi dan Sistem Pemerintahan Berbasis Elektronik',
    provider: 'BSSN',
    mode: 'WORKSHOP',
    jp: 24,
    develops: [T('Pengelolaan Sistem Informasi', 4)],
    startsIn: 26,
    days: 3,
    capacity: 30,
  },
  {
    title: 'E-Learning Pelayanan Administrasi Kependudukan Terpadu',
    provider: 'Kemendagri',
    mode: 'E_LEARNING',
    jp: 8,
    develops: [T('Pelayanan Administrasi Umum', 3), C('PUBLIC_SERVICE', 3)],
    publicServiceFocus: true,
  },
  {
    title: 'Pelatihan Manajemen Pelayanan Publik bagi Camat dan Lurah',
    provider: 'BPSDM Provinsi Bali',
    mode: 'CLASSROOM',
    jp: 32,
    develops: [T('Manajemen Pelayanan Publik', 4), C('PUBLIC_SERVICE', 4)],
    publicServiceFocus: true,
    startsIn: 52,
    days: 4,
    capacity: 30,
  },
  // Held earlier this year: what people completed.
  {
    title: 'Pelatihan Dasar Pelayanan Publik Berbasis Digital',
    provider: 'BPSDM Provinsi Bali',
    mode: 'CLASSROOM',
    jp: 16,
    develops: [C('PUBLIC_SERVICE', 3)],
    publicServiceFocus: true,
    startsIn: -120,
    days: 2,
    capacity: 400,
  },
  {
    title: 'Workshop Penyusunan Laporan Kinerja Instansi',
    provider: 'BKPSDM Kota Denpasar',
    mode: 'WORKSHOP',
    jp: 8,
    develops: [C('RESULTS_ORIENTATION', 3)],
    startsIn: -60,
    days: 1,
    capacity: 400,
  },
];

const DELTAS = [-2, -1, -1, -1, 0, 0, 0, 0, 1, 1];

/**
 * Development rows for the people of the demo city. `opdId` is the demo employee's OPD, whose
 * positions get their own public-service standards; `focusIds` are the demo logins.
 */
export function generateDevelopment(
  people: PlanningPerson[],
  options: {
    seed: number;
    year: number;
    today: string;
    opdId: string;
    focusIds: string[];
    hrAdminId: string;
  },
): DevelopmentRows {
  const random = mulberry32(options.seed * 7919 + 11);
  const rows: DevelopmentRows = {
    standards: [],
    assessments: [],
    potentials: [],
    trainings: [],
    enrolments: [],
  };
  const focus = new Set(options.focusIds);
  const yearStart = `${options.year}-01-01`;
  const clampDate = (date: string) =>
    date < yearStart ? yearStart : date > options.today ? options.today : date;

  // Standards: shared per job type; the demo OPD's positions their own, serving the public.
  const shared = new Map<string, CompetencyLevelValue[]>();
  for (const jobType of Object.keys(LEVEL_BY_JOB)) {
    const requirements = commonRequirements(jobType);
    shared.set(jobType, requirements);
    rows.standards.push({
      id: uuidv7(),
      opd: null,
      positionTitle: null,
      jobType,
      publicService: jobType === 'EXECUTOR',
      requirements,
    });
  }
  const positional = new Map<string, CompetencyLevelValue[]>();
  for (const person of people) {
    if (person.opdId !== options.opdId) continue;
    const key = `${person.positionTitle}\u0000${person.jobType}`;
    if (positional.has(key)) continue;
    const requirements = [
      ...commonRequirements(person.jobType),
      technical(technicalOf(person.positionTitle), Math.max(LEVEL_BY_JOB[person.jobType] ?? 2, 2)),
    ];
    positional.set(key, requirements);
    rows.standards.push({
      id: uuidv7(),
      opd: options.opdId,
      positionTitle: person.positionTitle,
      jobType: person.jobType,
      publicService: true,
      requirements,
    });
  }

  // A supervisor assessment of everyone (the HR admin's for those without a supervisor).
  for (const person of people) {
    const requirements =
      (person.opdId === options.opdId &&
        positional.get(`${person.positionTitle}\u0000${person.jobType}`)) ||
      shared.get(person.jobType) ||
      [];
    const assessedOn = clampDate(addDays(yearStart, Math.floor(random() * 180)));
    for (const r of requirements) {
      let level = r.level + DELTAS[Math.floor(random() * DELTAS.length)];
      if (focus.has(person.id) && r.key === 'COMMUNICATION') level = r.level - 2;
      rows.assessments.push({
        id: uuidv7(),
        employee: person.id,
        competencyKey: r.key,
        competencyName: r.name,
        kind: r.kind,
        level: Math.min(5, Math.max(1, level)),
        source: person.supervisorId ? 'SUPERVISOR' : 'ASSESSMENT_CENTRE',
        assessedOn,
        assessor: person.supervisorId ?? options.hrAdminId,
      });
    }
    if (random() < 0.3) {
      rows.potentials.push({
        id: uuidv7(),
        employee: person.id,
        level: ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH'][Math.floor(random() * 4)],
        assessedOn,
        recordedBy: options.hrAdminId,
        note: 'Hasil uji kompetensi dan potensi BKPSDM',
      });
    }
  }

  // The catalogue, dated around today.
  const trainings = CATALOGUE.map((entry) => {
    const startsOn = entry.startsIn === undefined ? null : addDays(options.today, entry.startsIn);
    const row = {
      id: uuidv7(),
      title: entry.title,
      provider: entry.provider,
      mode: entry.mode,
      jp: entry.jp,
      competencies: entry.develops,
      publicServiceFocus: entry.publicServiceFocus ?? false,
      startsOn,
      endsOn: startsOn ? addDays(startsOn, (entry.days ?? 1) - 1) : null,
      capacity: entry.capacity ?? null,
    };
    rows.trainings.push(row);
    return row;
  });
  // Completed this year: self-paced e-learning and the trainings held earlier this year.
  const completable = trainings.filter(
    (t) => t.startsOn === null || (t.endsOn! < options.today && t.endsOn! >= yearStart),
  );
  const upcoming = trainings.filter((t) => t.startsOn !== null && t.startsOn > options.today);
  const daysSoFar = Math.max(
    1,
    Math.round((Date.parse(options.today) - Date.parse(yearStart)) / 86_400_000),
  );
  const taken = new Map<string, number>();
  for (const person of people) {
    const count = focus.has(person.id) ? 1 : Math.floor(random() * 4);
    const chosen = new Set<number>();
    for (let i = 0; i < count; i += 1) chosen.add(Math.floor(random() * completable.length));
    for (const index of chosen) {
      const t = completable[index];
      // A focus login completes a short e-learning only: progress shows, and 20 JP is still ahead.
      const training = focus.has(person.id)
        ? completable.find((c) => c.startsOn === null && c.jp < 20)!
        : t;
      const completedOn =
        training.endsOn ?? clampDate(addDays(yearStart, Math.floor(random() * daysSoFar)));
      rows.enrolments.push({
        id: uuidv7(),
        training: training.id,
        employee: person.id,
        status: 'COMPLETED',
        enrolledAt: new Date(`${completedOn}T01:00:00Z`),
        completedOn,
        jpCredited: training.jp,
      });
    }
    if (!focus.has(person.id) && upcoming.length > 0 && random() < 0.04) {
      const t = upcoming[Math.floor(random() * upcoming.length)];
      const seats = taken.get(t.id) ?? 0;
      if (t.capacity !== null && seats >= t.capacity) continue;
      taken.set(t.id, seats + 1);
      rows.enrolments.push({
        id: uuidv7(),
        training: t.id,
        employee: person.id,
        status: 'ENROLLED',
        enrolledAt: new Date(`${options.today}T01:00:00Z`),
        // bulkInsert takes its columns from the first row of a chunk: give every row all of them.
        completedOn: null,
        jpCredited: 0,
      });
    }
  }
  return rows;
}
