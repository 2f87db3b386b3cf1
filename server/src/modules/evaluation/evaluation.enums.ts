import { registerEnumType } from 'type-graphql';

export enum Rating {
  ABOVE = 'ABOVE',
  MEETS = 'MEETS',
  BELOW = 'BELOW',
}

export enum Predikat {
  VERY_GOOD = 'VERY_GOOD',
  GOOD = 'GOOD',
  NEEDS_IMPROVEMENT = 'NEEDS_IMPROVEMENT',
  POOR = 'POOR',
  VERY_POOR = 'VERY_POOR',
}

export enum OrgRatingLevel {
  OUTSTANDING = 'OUTSTANDING',
  GOOD = 'GOOD',
  NEEDS_IMPROVEMENT = 'NEEDS_IMPROVEMENT',
  POOR = 'POOR',
  VERY_POOR = 'VERY_POOR',
}

export enum AppraisalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  FINAL = 'FINAL',
  APPEALED = 'APPEALED',
}

/** Q1–Q4 (Triwulan) and the annual evaluation. */
export enum AppraisalCheckpoint {
  Q1 = 'Q1',
  Q2 = 'Q2',
  Q3 = 'Q3',
  Q4 = 'Q4',
  ANNUAL = 'ANNUAL',
}

export enum PeerRelation {
  PEER = 'PEER',
  SUBORDINATE = 'SUBORDINATE',
}

export enum PeerRequestStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}

export enum AppealStatus {
  FILED = 'FILED',
  DECIDED = 'DECIDED',
}

export enum AppealDecision {
  REJECTED = 'REJECTED',
  GRANTED = 'GRANTED',
}

export enum ExplanationFrom {
  ASSESSOR = 'ASSESSOR',
  EMPLOYEE = 'EMPLOYEE',
}

registerEnumType(Rating, {
  name: 'Rating',
  description: 'Rating of Hasil Kerja or Perilaku Kerja',
  valuesConfig: {
    ABOVE: { description: 'Di Atas Ekspektasi' },
    MEETS: { description: 'Sesuai Ekspektasi' },
    BELOW: { description: 'Di Bawah Ekspektasi' },
  },
});
registerEnumType(Predikat, {
  name: 'Predikat',
  description: 'Predikat Kinerja Pegawai, looked up from the two ratings',
  valuesConfig: {
    VERY_GOOD: { description: 'Sangat Baik' },
    GOOD: { description: 'Baik' },
    NEEDS_IMPROVEMENT: { description: 'Butuh Perbaikan' },
    POOR: { description: 'Kurang/Misconduct' },
    VERY_POOR: { description: 'Sangat Kurang' },
  },
});
registerEnumType(OrgRatingLevel, {
  name: 'OrgRatingLevel',
  description: 'Predikat Kinerja Organisasi',
  valuesConfig: {
    OUTSTANDING: { description: 'Istimewa' },
    GOOD: { description: 'Baik' },
    NEEDS_IMPROVEMENT: { description: 'Butuh Perbaikan/Cukup' },
    POOR: { description: 'Kurang' },
    VERY_POOR: { description: 'Sangat Kurang' },
  },
});
registerEnumType(AppraisalStatus, { name: 'AppraisalStatus' });
registerEnumType(AppraisalCheckpoint, {
  name: 'AppraisalCheckpoint',
  description: 'Triwulan I–IV or the annual evaluation',
});
registerEnumType(PeerRelation, {
  name: 'PeerRelation',
  description: 'How a 360 respondent relates to the subject',
});
registerEnumType(PeerRequestStatus, { name: 'PeerRequestStatus' });
registerEnumType(AppealStatus, { name: 'AppealStatus' });
registerEnumType(AppealDecision, { name: 'AppealDecision' });
registerEnumType(ExplanationFrom, { name: 'ExplanationFrom' });
