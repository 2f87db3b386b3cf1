import { registerEnumType } from 'type-graphql';

export enum CompetencyKind {
  MANAGERIAL = 'MANAGERIAL',
  SOCIO_CULTURAL = 'SOCIO_CULTURAL',
  TECHNICAL = 'TECHNICAL',
}

export enum AssessmentSource {
  ASSESSMENT_CENTRE = 'ASSESSMENT_CENTRE',
  SUPERVISOR = 'SUPERVISOR',
  SELF = 'SELF',
}

export enum TrainingMode {
  CLASSROOM = 'CLASSROOM',
  E_LEARNING = 'E_LEARNING',
  COACHING = 'COACHING',
  MENTORING = 'MENTORING',
  WORKSHOP = 'WORKSHOP',
}

export enum EnrolmentStatus {
  ASSIGNED = 'ASSIGNED',
  ENROLLED = 'ENROLLED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum PotentialLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export enum PotentialSource {
  RECORDED = 'RECORDED',
  COMPETENCIES = 'COMPETENCIES',
}

registerEnumType(CompetencyKind, {
  name: 'CompetencyKind',
  description: 'Jenis kompetensi (PermenPANRB 38/2017)',
  valuesConfig: {
    MANAGERIAL: { description: 'Kompetensi manajerial' },
    SOCIO_CULTURAL: { description: 'Kompetensi sosial kultural (Perekat Bangsa)' },
    TECHNICAL: { description: 'Kompetensi teknis of the position' },
  },
});
registerEnumType(AssessmentSource, {
  name: 'AssessmentSource',
  description: 'Who assessed a competency level',
  valuesConfig: {
    ASSESSMENT_CENTRE: { description: 'Assessment centre (recorded by an HR admin)' },
    SUPERVISOR: { description: 'The direct supervisor (pejabat penilai kinerja)' },
    SELF: { description: 'The employee' },
  },
});
registerEnumType(TrainingMode, {
  name: 'TrainingMode',
  description: 'Bentuk pengembangan kompetensi',
  valuesConfig: {
    CLASSROOM: { description: 'Pelatihan klasikal' },
    E_LEARNING: { description: 'E-learning' },
    COACHING: { description: 'Coaching' },
    MENTORING: { description: 'Mentoring' },
    WORKSHOP: { description: 'Workshop / bimbingan teknis' },
  },
});
registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'ASSIGNED (by the supervisor) → ENROLLED → COMPLETED, or CANCELLED',
});
registerEnumType(PotentialLevel, {
  name: 'PotentialLevel',
  description: 'Potensi (manajemen talenta): RENDAH, MENENGAH, TINGGI',
});
registerEnumType(PotentialSource, {
  name: 'PotentialSource',
  description: 'RECORDED by an HR admin, or derived from the latest COMPETENCIES assessed',
});
