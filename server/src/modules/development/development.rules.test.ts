import { describe, expect, it } from 'vitest';
import {
  aggregateGaps,
  awardCandidate,
  COMMON_COMPETENCIES,
  competencyGaps,
  type CompetencyLevelValue,
  enrolmentTransition,
  type EnrolmentAction,
  type EnrolmentStatusValue,
  type Gap,
  jpProgress,
  latestLevels,
  normaliseLevels,
  parseStandardsCsv,
  performanceOf,
  pickStandard,
  type Potential,
  potentialFromGaps,
  promotionCandidate,
  recommendTrainings,
  standardsToCsv,
  talentBox,
  technicalKey,
  type TrainingOption,
  unitJpProgress,
} from './development.rules.js';
import type { PREDIKAT_NAMES, Rating as RatingEnum } from '../evaluation/index.js';

type Predikat = keyof typeof PREDIKAT_NAMES;
type Rating = `${RatingEnum}`;

const req = (key: string, level: number): CompetencyLevelValue => {
  const common = COMMON_COMPETENCIES.find((c) => c.key === key);
  return common
    ? { ...common, level }
    : { key: technicalKey(key), name: key, kind: 'TECHNICAL', level };
};
const gap = (key: string, required: number, assessed: number | null): Gap =>
  competencyGaps(
    [req(key, required)],
    new Map(assessed === null ? [] : [[req(key, 1).key, assessed]]),
  )[0];

describe('the reference competencies', () => {
  it('are the 8 managerial competencies and Perekat Bangsa', () => {
    expect(COMMON_COMPETENCIES.map((c) => c.name)).toEqual([
      'Integritas',
      'Kerja Sama',
      'Komunikasi',
      'Orientasi pada Hasil',
      'Pelayanan Publik',
      'Pengembangan Diri dan Orang Lain',
      'Mengelola Perubahan',
      'Pengambilan Keputusan',
      'Perekat Bangsa',
    ]);
  });
});

describe('normaliseLevels', () => {
  it.each<[string, { key?: string; name?: string; level: number }[], string[] | null]>([
    ['accepts a managerial key', [{ key: 'COMMUNICATION', level: 3 }], ['COMMUNICATION']],
    [
      'names a technical competency by its name',
      [{ name: 'Analisis  Kebijakan', level: 2 }],
      ['TECH:ANALISIS KEBIJAKAN'],
    ],
    [
      'accepts a technical key on its own',
      [{ key: 'TECH:Pengelolaan Arsip', level: 2 }],
      ['TECH:PENGELOLAAN ARSIP'],
    ],
    [
      'sorts managerial before Perekat Bangsa before technical',
      [
        { name: 'Arsip', level: 2 },
        { key: 'NATION_BINDING', level: 2 },
        { key: 'INTEGRITY', level: 3 },
      ],
      ['INTEGRITY', 'NATION_BINDING', 'TECH:ARSIP'],
    ],
    ['refuses an unknown key', [{ key: 'CHARISMA', level: 3 }], null],
    ['refuses level 0', [{ key: 'INTEGRITY', level: 0 }], null],
    ['refuses level 6', [{ key: 'INTEGRITY', level: 6 }], null],
    ['refuses a fractional level', [{ key: 'INTEGRITY', level: 2.5 }], null],
    [
      'refuses the same competency twice',
      [
        { key: 'INTEGRITY', level: 2 },
        { key: 'INTEGRITY', level: 3 },
      ],
      null,
    ],
    ['refuses a technical competency without a name', [{ name: '  ', level: 2 }], null],
  ])('%s', (_name, entries, keys) => {
    const { levels, problems } = normaliseLevels(entries, 'requirements');
    if (keys === null) expect(problems.length).toBeGreaterThan(0);
    else {
      expect(problems).toEqual([]);
      expect(levels.map((l) => l.key)).toEqual(keys);
    }
  });
});

describe('latestLevels', () => {
  const row = (key: string, level: number, assessedOn: string, at = 0) => ({
    competencyKey: key,
    level,
    assessedOn,
    createdAt: new Date(at),
  });
  it.each<[string, ReturnType<typeof row>[], number]>([
    ['takes the later date', [row('X', 2, '2026-01-01'), row('X', 4, '2026-03-01')], 4],
    [
      'takes the later date whatever the order',
      [row('X', 4, '2026-03-01'), row('X', 2, '2026-01-01')],
      4,
    ],
    [
      'on the same day takes the one recorded last',
      [row('X', 2, '2026-03-01', 2), row('X', 3, '2026-03-01', 1)],
      2,
    ],
  ])('%s', (_name, rows, level) => {
    expect(latestLevels(rows).get('X')!.level).toBe(level);
  });
});

describe('competencyGaps', () => {
  it.each<[string, CompetencyLevelValue[], [string, number][], [string, number | null][]]>([
    [
      'sorts by gap, largest first',
      [req('INTEGRITY', 3), req('COMMUNICATION', 3), req('TEAMWORK', 3)],
      [
        ['INTEGRITY', 2],
        ['COMMUNICATION', 1],
        ['TEAMWORK', 3],
      ],
      [
        ['COMMUNICATION', 2],
        ['INTEGRITY', 1],
        ['TEAMWORK', 0],
      ],
    ],
    [
      'puts a level above the requirement last among the assessed, as a negative gap',
      [req('INTEGRITY', 2), req('TEAMWORK', 3)],
      [
        ['INTEGRITY', 4],
        ['TEAMWORK', 3],
      ],
      [
        ['TEAMWORK', 0],
        ['INTEGRITY', -2],
      ],
    ],
    [
      'puts never-assessed competencies last, with an unknown gap',
      [req('INTEGRITY', 3), req('COMMUNICATION', 3)],
      [['COMMUNICATION', 3]],
      [
        ['COMMUNICATION', 0],
        ['INTEGRITY', null],
      ],
    ],
    [
      'breaks ties in the standard’s order (managerial, then Perekat Bangsa, then technical)',
      [req('Arsip', 3), req('NATION_BINDING', 3), req('DECISION_MAKING', 3)],
      [
        ['TECH:ARSIP', 2],
        ['NATION_BINDING', 2],
        ['DECISION_MAKING', 2],
      ],
      [
        ['DECISION_MAKING', 1],
        ['NATION_BINDING', 1],
        ['TECH:ARSIP', 1],
      ],
    ],
  ])('%s', (_name, requirements, assessed, expected) => {
    expect(competencyGaps(requirements, new Map(assessed)).map((g) => [g.key, g.gap])).toEqual(
      expected,
    );
  });

  it('reports required and assessed levels', () => {
    expect(gap('COMMUNICATION', 3, 1)).toMatchObject({
      name: 'Komunikasi',
      required: 3,
      assessed: 1,
      gap: 2,
    });
  });
});

describe('aggregateGaps', () => {
  it('ranks the weakest competency across a unit first and counts who falls short', () => {
    const unit = aggregateGaps([
      [gap('COMMUNICATION', 3, 1), gap('INTEGRITY', 3, 3)],
      [gap('COMMUNICATION', 3, 2), gap('INTEGRITY', 3, 4)],
      [gap('COMMUNICATION', 3, null), gap('INTEGRITY', 3, 2)],
    ]);
    expect(
      unit.map((u) => [u.key, u.assessedPeople, u.peopleWithGap, u.averageGap, u.largestGap]),
    ).toEqual([
      ['COMMUNICATION', 2, 2, 1.5, 2],
      ['INTEGRITY', 3, 1, 0.33, 1],
    ]);
  });
});

describe('pickStandard', () => {
  const standards = [
    { id: 'shared-exec', opdId: null, positionTitle: null, jobType: 'EXECUTOR' },
    { id: 'pos', opdId: 'opd1', positionTitle: 'Pengadministrasi Umum', jobType: 'EXECUTOR' },
  ];
  it.each<[string, { opdId: string; positionTitle: string; jobType: string }, string | null]>([
    [
      'takes the position’s own standard',
      { opdId: 'opd1', positionTitle: 'Pengadministrasi Umum', jobType: 'EXECUTOR' },
      'pos',
    ],
    [
      'matches the title without regard to case and spacing',
      { opdId: 'opd1', positionTitle: ' pengadministrasi  umum', jobType: 'EXECUTOR' },
      'pos',
    ],
    [
      'falls back to the shared standard in another OPD',
      { opdId: 'opd2', positionTitle: 'Pengadministrasi Umum', jobType: 'EXECUTOR' },
      'shared-exec',
    ],
    [
      'finds none for a job type without a standard',
      { opdId: 'opd1', positionTitle: 'Analis', jobType: 'FUNCTIONAL' },
      null,
    ],
  ])('%s', (_name, position, id) => {
    expect(pickStandard(standards, position)?.id ?? null).toBe(id);
  });
});

describe('recommendTrainings', () => {
  const T = (
    id: string,
    competencies: [string, number][],
    extra: Partial<TrainingOption> = {},
  ): TrainingOption => ({
    id,
    title: id,
    jp: 20,
    publicServiceFocus: false,
    competencies: competencies.map(([key, level]) => ({ key, level })),
    endsOn: null,
    ...extra,
  });
  const catalogue = [
    T('komunikasi-pelayanan', [['COMMUNICATION', 3]], { publicServiceFocus: true }),
    T('komunikasi-umum', [['COMMUNICATION', 3]], { jp: 10 }),
    T('integritas', [['INTEGRITY', 4]]),
    T('arsip-lanjut', [['TECH:ARSIP', 5]]),
    T('kepemimpinan', [['DECISION_MAKING', 5]]),
    T('lama', [['COMMUNICATION', 4]], { endsOn: '2026-01-31' }),
  ];
  const gaps = competencyGaps(
    [req('COMMUNICATION', 3), req('INTEGRITY', 3), req('DECISION_MAKING', 3), req('Arsip', 3)],
    new Map([
      ['COMMUNICATION', 1],
      ['INTEGRITY', 2],
      ['DECISION_MAKING', 3],
      ['TECH:ARSIP', 3],
    ]),
  );
  const run = (predikat: Predikat | null, publicService: boolean, taken: string[] = []) =>
    recommendTrainings({
      gaps,
      predikat,
      publicService,
      trainings: catalogue,
      taken: new Set(taken),
      today: '2026-06-01',
    });

  it.each<[string, Predikat | null, boolean, string[], string[]]>([
    [
      'public service, needs improvement: the public-service communication training first, largest gap first',
      'NEEDS_IMPROVEMENT',
      true,
      [],
      ['komunikasi-pelayanan', 'komunikasi-umum', 'integritas'],
    ],
    [
      'not public service: the shorter communication training breaks the tie',
      'NEEDS_IMPROVEMENT',
      false,
      [],
      ['komunikasi-umum', 'komunikasi-pelayanan', 'integritas'],
    ],
    [
      'good performer: advanced training in their field (technical first), then gaps',
      'VERY_GOOD',
      true,
      [],
      ['arsip-lanjut', 'kepemimpinan', 'komunikasi-pelayanan', 'komunikasi-umum', 'integritas'],
    ],
    [
      'no predikat yet: gaps only',
      null,
      false,
      [],
      ['komunikasi-umum', 'komunikasi-pelayanan', 'integritas'],
    ],
    [
      'leaves out trainings already taken',
      'POOR',
      true,
      ['komunikasi-pelayanan'],
      ['komunikasi-umum', 'integritas'],
    ],
  ])('%s', (_name, predikat, publicService, taken, expected) => {
    expect(run(predikat, publicService, taken).map((r) => r.trainingId)).toEqual(expected);
  });

  it.each<[string, Predikat | null, boolean, string, string]>([
    [
      'says why in words, for public service',
      'GOOD',
      true,
      'komunikasi-pelayanan',
      'Komunikasi: required 3, assessed 1; your work is in public service',
    ],
    [
      'names a weak predikat',
      'NEEDS_IMPROVEMENT',
      false,
      'integritas',
      'Integritas: required 3, assessed 2; your latest predikat is Butuh Perbaikan',
    ],
    [
      'explains an advanced training',
      'VERY_GOOD',
      false,
      'arsip-lanjut',
      'Arsip: assessed 3, required 3; your latest predikat is Sangat Baik: advanced training for your field',
    ],
  ])('%s', (_name, predikat, publicService, id, reason) => {
    expect(run(predikat, publicService).find((r) => r.trainingId === id)?.reason).toBe(reason);
  });

  it('prefers a training that reaches the required level, aiming closest to it, over a shorter one', () => {
    const ranked = recommendTrainings({
      gaps: [gap('COMMUNICATION', 3, 1)],
      predikat: 'NEEDS_IMPROVEMENT',
      publicService: true,
      trainings: [
        T('partial', [['COMMUNICATION', 2]], { publicServiceFocus: true, jp: 8 }),
        T('advanced', [['COMMUNICATION', 4]], { publicServiceFocus: true, jp: 16 }),
        T('exact', [['COMMUNICATION', 3]], { publicServiceFocus: true, jp: 24 }),
      ],
      taken: new Set(),
      today: '2026-06-01',
    });
    expect(ranked.map((r) => r.trainingId)).toEqual(['exact', 'advanced', 'partial']);
  });

  it('skips trainings that do not go beyond the assessed level, and ended ones', () => {
    const only = recommendTrainings({
      gaps: [gap('COMMUNICATION', 4, 3)],
      predikat: 'NEEDS_IMPROVEMENT',
      publicService: false,
      trainings: catalogue,
      taken: new Set(),
      today: '2026-06-01',
    });
    expect(only).toEqual([]);
  });
});

describe('enrolmentTransition', () => {
  it.each<[EnrolmentStatusValue | null, EnrolmentAction, EnrolmentStatusValue | null]>([
    [null, 'ASSIGN', 'ASSIGNED'],
    [null, 'ENROL', 'ENROLLED'],
    [null, 'CANCEL', null],
    [null, 'COMPLETE', null],
    ['ASSIGNED', 'ENROL', 'ENROLLED'],
    ['ASSIGNED', 'ASSIGN', null],
    ['ASSIGNED', 'CANCEL', 'CANCELLED'],
    ['ASSIGNED', 'COMPLETE', null],
    ['ENROLLED', 'COMPLETE', 'COMPLETED'],
    ['ENROLLED', 'CANCEL', 'CANCELLED'],
    ['ENROLLED', 'ENROL', null],
    ['ENROLLED', 'ASSIGN', null],
    ['COMPLETED', 'CANCEL', null],
    ['COMPLETED', 'ENROL', null],
    ['CANCELLED', 'ENROL', 'ENROLLED'],
    ['CANCELLED', 'ASSIGN', 'ASSIGNED'],
    ['CANCELLED', 'COMPLETE', null],
  ])('%s + %s → %s', (status, action, next) => {
    const result = enrolmentTransition(status, action);
    if (next) expect(result).toEqual({ next });
    else expect(result).toHaveProperty('problem');
  });
});

describe('20 JP', () => {
  it.each<[number, number, boolean, number]>([
    [0, 20, false, 0],
    [12, 8, false, 0.6],
    [20, 0, true, 1],
    [32, 0, true, 1],
  ])('%i JP leaves %i to go (reached: %s, share %d)', (jp, remaining, reached, share) => {
    expect(jpProgress(jp)).toEqual({ jp, minimum: 20, remaining, reached, share });
  });

  it('counts the share of a unit at or above 20 JP and lists who is behind, least first', () => {
    const unit = unitJpProgress([
      { name: 'Ayu', jp: 24 },
      { name: 'Bagus', jp: 4 },
      { name: 'Citra', jp: 20 },
      { name: 'Dewa', jp: 0 },
    ]);
    expect(unit).toEqual({
      total: 4,
      reached: 2,
      share: 0.5,
      behind: [
        { name: 'Dewa', jp: 0 },
        { name: 'Bagus', jp: 4 },
      ],
    });
    expect(unitJpProgress([])).toMatchObject({ total: 0, share: 0 });
  });
});

describe('talent boxes', () => {
  it.each<[Rating, Potential, number]>([
    ['BELOW', 'LOW', 1],
    ['MEETS', 'LOW', 2],
    ['BELOW', 'MEDIUM', 3],
    ['ABOVE', 'LOW', 4],
    ['MEETS', 'MEDIUM', 5],
    ['BELOW', 'HIGH', 6],
    ['ABOVE', 'MEDIUM', 7],
    ['MEETS', 'HIGH', 8],
    ['ABOVE', 'HIGH', 9],
  ])('%s × %s is box %i', (rating, potential, box) => {
    expect(talentBox(rating, potential)).toBe(box);
  });

  it.each<[string, [string, number, number | null][], Potential | null]>([
    [
      'HIGH when at least 80% meet the standard',
      [
        ['INTEGRITY', 3, 3],
        ['TEAMWORK', 3, 4],
        ['COMMUNICATION', 3, 3],
        ['PUBLIC_SERVICE', 3, 3],
        ['DECISION_MAKING', 3, 2],
      ],
      'HIGH',
    ],
    [
      'MEDIUM at half',
      [
        ['INTEGRITY', 3, 3],
        ['TEAMWORK', 3, 2],
      ],
      'MEDIUM',
    ],
    [
      'LOW below half',
      [
        ['INTEGRITY', 3, 3],
        ['TEAMWORK', 3, 2],
        ['COMMUNICATION', 3, 1],
      ],
      'LOW',
    ],
    ['unknown without assessments', [['INTEGRITY', 3, null]], null],
  ])('potential from competencies: %s', (_name, rows, expected) => {
    expect(potentialFromGaps(rows.map(([k, r, a]) => gap(k, r, a)))).toBe(expected);
  });

  it.each<[string, Parameters<typeof performanceOf>[0], ReturnType<typeof performanceOf>]>([
    [
      'uses the final annual appraisal',
      [
        { checkpoint: 'Q3', status: 'FINAL', resultRating: 'BELOW', predikat: 'NEEDS_IMPROVEMENT' },
        { checkpoint: 'ANNUAL', status: 'FINAL', resultRating: 'ABOVE', predikat: 'VERY_GOOD' },
      ],
      { rating: 'ABOVE', predikat: 'VERY_GOOD', checkpoint: 'ANNUAL', fallback: false },
    ],
    [
      'counts an appealed annual appraisal',
      [{ checkpoint: 'ANNUAL', status: 'APPEALED', resultRating: 'MEETS', predikat: 'GOOD' }],
      { rating: 'MEETS', predikat: 'GOOD', checkpoint: 'ANNUAL', fallback: false },
    ],
    [
      'falls back to the latest final quarter when the annual one is not final',
      [
        { checkpoint: 'Q2', status: 'FINAL', resultRating: 'MEETS', predikat: 'GOOD' },
        { checkpoint: 'Q3', status: 'FINAL', resultRating: 'BELOW', predikat: 'NEEDS_IMPROVEMENT' },
        { checkpoint: 'ANNUAL', status: 'SUBMITTED', resultRating: 'ABOVE', predikat: 'VERY_GOOD' },
      ],
      { rating: 'BELOW', predikat: 'NEEDS_IMPROVEMENT', checkpoint: 'Q3', fallback: true },
    ],
    [
      'is unknown with nothing final',
      [{ checkpoint: 'Q1', status: 'DRAFT', resultRating: 'MEETS', predikat: 'GOOD' }],
      null,
    ],
  ])('performance: %s', (_name, facts, expected) => {
    expect(performanceOf(facts)).toEqual(expected);
  });

  it.each<[number, (Predikat | null)[], boolean]>([
    [9, ['VERY_GOOD', 'GOOD'], true],
    [7, [], true],
    [8, ['GOOD', 'NEEDS_IMPROVEMENT'], true],
    [9, ['VERY_GOOD', 'POOR'], false],
    [8, ['VERY_POOR'], false],
    [6, ['VERY_GOOD'], false],
    [5, [], false],
  ])('promotion: box %i with %j → %s', (box, history, expected) => {
    expect(promotionCandidate(box, history)).toBe(expected);
  });

  it.each<[Predikat | null, boolean]>([
    ['VERY_GOOD', true],
    ['GOOD', false],
    [null, false],
  ])('award: %s → %s', (predikat, expected) => {
    expect(awardCandidate(predikat)).toBe(expected);
  });
});

describe('standards as CSV', () => {
  const standards = [
    {
      opdCode: null,
      positionTitle: null,
      jobType: 'EXECUTOR',
      publicService: false,
      requirements: [req('INTEGRITY', 2), req('Pengelolaan Arsip, Dasar', 2)],
    },
    {
      opdCode: '1.02',
      positionTitle: 'Pengadministrasi "Layanan"',
      jobType: 'EXECUTOR',
      publicService: true,
      requirements: [req('COMMUNICATION', 3)],
    },
  ];

  it('round-trips through export and import, quotes and commas included', () => {
    const csv = standardsToCsv(standards);
    expect(csv.split('\n')[0]).toBe(
      'opd_code,position_title,job_type,public_service,competency_key,competency_name,level',
    );
    const { standards: parsed, problems } = parseStandardsCsv(csv, ['EXECUTOR']);
    expect(problems).toEqual([]);
    expect(parsed).toEqual([
      {
        opdCode: null,
        positionTitle: null,
        jobType: 'EXECUTOR',
        publicService: false,
        requirements: [
          { key: 'INTEGRITY', name: 'Integritas', level: 2 },
          { key: 'TECH:PENGELOLAAN ARSIP, DASAR', name: 'Pengelolaan Arsip, Dasar', level: 2 },
        ],
      },
      {
        opdCode: '1.02',
        positionTitle: 'Pengadministrasi "Layanan"',
        jobType: 'EXECUTOR',
        publicService: true,
        requirements: [{ key: 'COMMUNICATION', name: 'Komunikasi', level: 3 }],
      },
    ]);
  });

  it('neutralises formula-like cells on export and restores them on import (CSV injection)', () => {
    const risky = [{ ...standards[1], positionTitle: '=HYPERLINK("http://x","klik")' }];
    const csv = standardsToCsv(risky);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(parseStandardsCsv(csv, ['EXECUTOR']).standards[0].positionTitle).toBe(
      '=HYPERLINK("http://x","klik")',
    );
  });

  it('refuses a file that is no CSV at all, without throwing', () => {
    const { problems } = parseStandardsCsv('opd_code,"unclosed\n', ['EXECUTOR']);
    expect(problems[0].reason).toBe('competency.csvUnreadable');
  });

  it.each<[string, string, RegExp]>([
    ['a missing column', 'opd_code,job_type\n', /header lacks/],
    [
      'an unknown job type',
      'opd_code,position_title,job_type,public_service,competency_key,competency_name,level\n,,CEO,no,INTEGRITY,,3\n',
      /Line 2: job_type "CEO"/,
    ],
    [
      'a level out of range',
      'opd_code,position_title,job_type,public_service,competency_key,competency_name,level\n,,EXECUTOR,no,INTEGRITY,,9\n',
      /Line 2: The level of Integritas/,
    ],
    [
      'an OPD without a title',
      'opd_code,position_title,job_type,public_service,competency_key,competency_name,level\n1.02,,EXECUTOR,no,INTEGRITY,,3\n',
      /Line 2: give both/,
    ],
  ])('names the line of %s', (_name, csv, message) => {
    const { problems } = parseStandardsCsv(csv, ['EXECUTOR']);
    expect(problems[0].message).toMatch(message);
  });
});
