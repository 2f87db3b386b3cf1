import { registerEnumType } from 'type-graphql';

export enum OrgUnitKind {
  SECRETARIAT = 'SECRETARIAT',
  SECTION = 'SECTION',
  EXPERT_STAFF = 'EXPERT_STAFF',
  DEPARTMENT = 'DEPARTMENT',
  AGENCY = 'AGENCY',
  INSPECTORATE = 'INSPECTORATE',
  HOSPITAL = 'HOSPITAL',
  DISTRICT = 'DISTRICT',
  SUBDISTRICT = 'SUBDISTRICT',
  UNIT_SECRETARIAT = 'UNIT_SECRETARIAT',
  DIVISION = 'DIVISION',
  SUBDIVISION = 'SUBDIVISION',
  TECHNICAL_UNIT = 'TECHNICAL_UNIT',
}

export enum EmploymentType {
  PNS = 'PNS',
  PPPK = 'PPPK',
  PPPK_PART_TIME = 'PPPK_PART_TIME',
}

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum JobType {
  SENIOR_EXECUTIVE = 'SENIOR_EXECUTIVE',
  ADMINISTRATOR = 'ADMINISTRATOR',
  SUPERVISOR = 'SUPERVISOR',
  EXECUTOR = 'EXECUTOR',
  FUNCTIONAL = 'FUNCTIONAL',
}

registerEnumType(OrgUnitKind, {
  name: 'OrgUnitKind',
  description: 'Kind of organisation unit (Perangkat Daerah and its sub-units)',
  valuesConfig: {
    SECRETARIAT: { description: 'Sekretariat (Daerah / DPRD)' },
    SECTION: { description: 'Bagian of the Sekretariat Daerah' },
    EXPERT_STAFF: { description: 'Staf Ahli' },
    DEPARTMENT: { description: 'Dinas' },
    AGENCY: { description: 'Badan' },
    INSPECTORATE: { description: 'Inspektorat' },
    HOSPITAL: { description: 'Rumah Sakit Umum Daerah' },
    DISTRICT: { description: 'Kecamatan' },
    SUBDISTRICT: { description: 'Kelurahan' },
    UNIT_SECRETARIAT: { description: 'Sekretariat of a dinas, badan or kecamatan' },
    DIVISION: { description: 'Bidang (or Inspektur Pembantu)' },
    SUBDIVISION: { description: 'Seksi, Subbagian or Subbidang' },
    TECHNICAL_UNIT: { description: 'UPT / UPTD (puskesmas, sekolah, ...)' },
  },
});
registerEnumType(EmploymentType, {
  name: 'EmploymentType',
  description: 'Jenis kepegawaian ASN',
  valuesConfig: {
    PNS: { description: 'Pegawai Negeri Sipil' },
    PPPK: { description: 'Pegawai Pemerintah dengan Perjanjian Kerja' },
    PPPK_PART_TIME: { description: 'PPPK Paruh Waktu' },
  },
});
registerEnumType(Sex, { name: 'Sex', description: 'Jenis kelamin' });
registerEnumType(JobType, {
  name: 'JobType',
  description: 'Jenis jabatan',
  valuesConfig: {
    SENIOR_EXECUTIVE: { description: 'Jabatan Pimpinan Tinggi (JPT)' },
    ADMINISTRATOR: { description: 'Jabatan Administrator' },
    SUPERVISOR: { description: 'Jabatan Pengawas' },
    EXECUTOR: { description: 'Jabatan Pelaksana' },
    FUNCTIONAL: { description: 'Jabatan Fungsional' },
  },
});

/** Job types that head a unit and may be an assessor (pejabat penilai kinerja). */
export const STRUCTURAL_JOB_TYPES: readonly JobType[] = [
  JobType.SENIOR_EXECUTIVE,
  JobType.ADMINISTRATOR,
  JobType.SUPERVISOR,
];
