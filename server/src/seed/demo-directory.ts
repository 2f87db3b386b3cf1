/**
 * A realistic, made-up civil service directory of Kota Denpasar for demos, tests and benchmarks:
 * the 64 Perangkat Daerah of the reference list, their sub-units (sekretariat, bidang, seksi,
 * UPT, schools, puskesmas), and employees with valid NIPs, ranks that fit their position and
 * age, Balinese names, and a supervisor tree.
 *
 * Pure and deterministic: the output depends only on the options (a seeded PRNG, never
 * Math.random or the clock), so a seed reproduces the same people in every run and benchmark.
 * The unit tree does not depend on the seed, only on the size: a city-sized directory
 * (about 4,200 employees and more) lists every seksi and school; a small one only the
 * sekretariat, bidang and a few UPT of each OPD, so that a few hundred people still give
 * every unit a head.
 *
 * Output order is insertion order: units come after their parent, and employees after their
 * supervisor, so a bulk inserter can write both lists in one pass.
 */
import unitsJson from '../db/reference/denpasar-org-units.json' with { type: 'json' };
import asnReference from '../db/reference/asn-reference.json' with { type: 'json' };
import { buildNip } from '../modules/directory/index.js';

export type OrgUnitKindKey =
  | 'SECRETARIAT'
  | 'SECTION'
  | 'EXPERT_STAFF'
  | 'DEPARTMENT'
  | 'AGENCY'
  | 'INSPECTORATE'
  | 'HOSPITAL'
  | 'DISTRICT'
  | 'SUBDISTRICT'
  | 'UNIT_SECRETARIAT' /* sekretariat of a dinas/badan/kecamatan */
  | 'DIVISION' /* bidang, inspektur pembantu */
  | 'SUBDIVISION' /* seksi, subbagian, subbidang */
  | 'TECHNICAL_UNIT'; /* UPT/UPTD, schools, puskesmas */
export type JobTypeKey =
  'SENIOR_EXECUTIVE' | 'ADMINISTRATOR' | 'SUPERVISOR' | 'EXECUTOR' | 'FUNCTIONAL';

export interface DemoUnit {
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKindKey;
  parentCode: string | null;
  reference: boolean /* true for the 64 units of the JSON */;
}

export interface DemoEmployee {
  nip: string;
  name: string;
  employmentType: 'PNS' | 'PPPK' | 'PPPK_PART_TIME';
  sex: 'MALE' | 'FEMALE';
  birthDate: string /*YYYY-MM-DD*/;
  rank: string /* PNS golongan like 'III/a' or PPPK grade like 'IX' */;
  jobType: JobTypeKey;
  positionTitle: string;
  orgUnitCode: string;
  supervisorNip: string | null;
  email: string | null;
  phone: string | null;
  active: true;
}

export interface DemoRoleGrant {
  nip: string;
  roles: ('UNIT_ADMIN' | 'HR_ADMIN' | 'AUDITOR')[];
  adminOrgUnitCode: string | null /* the OPD, for UNIT_ADMIN */;
}

export interface DemoDirectory {
  units: DemoUnit[];
  employees: DemoEmployee[];
  roleGrants: DemoRoleGrant[];
  logins: {
    hrAdmin: string;
    supervisor: string;
    employee: string;
    unitAdmin: string;
    auditor: string;
  } /* NIPs */;
}

// ---------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, and good enough to make fake people look varied. */
class Rng {
  private state: number;

  constructor(seed: number) {
    // Mixing the seed keeps seeds 0, 1, 2... from starting in visibly similar states.
    this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x85ebca6b) >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number from lo to hi, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** Weighted choice with the cumulative sums computed once, since it runs per employee. */
class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => (sum += weight));
    this.total = sum;
  }

  get size(): number {
    return this.items.length;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let i = 0;
    while (i < this.cumulative.length - 1 && this.cumulative[i] <= x) i++;
    return this.items[i];
  }
}

/**
 * Splits a comma-separated list; keeps long word lists readable. An item wrapped across lines
 * ("SD\n  Negeri 1 Panjer") is one name with single spaces.
 */
function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item !== '');
}

// ---------------------------------------------------------------------------
// Ranks (PP 99/2000 golongan, Perpres 98/2020 PPPK grades), from the reference data

const PNS_RANKS: readonly string[] = asnReference.pnsRanks.values.map((entry) => entry[0]);
const PPPK_GRADES: readonly string[] = asnReference.pppkGrades.values;

function rankIndex(rank: string): number {
  const index = PNS_RANKS.indexOf(rank);
  if (index < 0) throw new Error(`asn-reference.json has no PNS rank ${rank}.`);
  return index;
}
function pppkGrade(grade: string): string {
  if (!PPPK_GRADES.includes(grade))
    throw new Error(`asn-reference.json has no PPPK grade ${grade}.`);
  return grade;
}

const II_C = rankIndex('II/c');
const III_A = rankIndex('III/a');
const III_B = rankIndex('III/b');
const III_C = rankIndex('III/c');
const IV_A = rankIndex('IV/a');

type Education = 'SMA' | 'D3' | 'S1' | 'S2';

/** The golongan a PNS starts in with each diploma (CPNS entry rank). */
const ENTRY_RANK: Record<Education, number> = {
  SMA: rankIndex('II/a'),
  D3: II_C,
  S1: III_A,
  S2: III_B,
};
/** Age at TMT CPNS by diploma; recruitment is open from 18 to 35, the demo keeps 20–34. */
const ENTRY_AGE: Record<Education, readonly [number, number]> = {
  SMA: [20, 27],
  D3: [21, 30],
  S1: [23, 33],
  S2: [25, 34],
};
/** Highest golongan a pelaksana reaches with each diploma, capped at III/b for the job type. */
const EXECUTOR_MAX_RANK: Record<Education, number> = {
  SMA: rankIndex('II/d'),
  D3: III_B,
  S1: III_B,
  S2: III_B,
};

const LAST_WORKING_AGE = 57; // retirement (BUP) at 58 for administrative and most functional posts
const PPPK_FIRST_YEAR = 2019; // first PPPK recruitment
const PPPK_PART_TIME_FIRST_YEAR = 2025; // PPPK paruh waktu, KepmenPANRB 16/2025

// ---------------------------------------------------------------------------
// Degrees and fields

/** A degree as written around a name: prefix before it ('dr.'), suffix after a comma ('S.Kep.'). */
type Degree = readonly [prefix: string, suffix: string];

/** 'dr.|' → ['dr.', ''], '|S.Pd.' → ['', 'S.Pd.'], 'Ns.|S.Kep.' → ['Ns.', 'S.Kep.'] */
function degrees(...specs: string[]): Degree[] {
  return specs.map((spec) => {
    const [prefix = '', suffix = ''] = spec.split('|');
    return [prefix, suffix] as const;
  });
}

type Field =
  | 'admin'
  | 'finance'
  | 'law'
  | 'tech'
  | 'it'
  | 'health'
  | 'edu'
  | 'agri'
  | 'fish'
  | 'env'
  | 'social'
  | 'culture'
  | 'tourism'
  | 'transport'
  | 'econ'
  | 'plan';

interface FieldDegrees {
  s1: readonly string[];
  s2: readonly string[];
  d3: readonly string[];
}

const FIELD_DEGREES: Record<Field, FieldDegrees> = {
  admin: {
    s1: ['S.Sos.', 'S.AP.', 'S.IP.', 'S.E.', 'S.H.', 'S.Kom.'],
    s2: ['M.Si.', 'M.AP.', 'M.M.'],
    d3: ['A.Md.'],
  },
  finance: {
    s1: ['S.E.', 'S.E.', 'S.Ak.'],
    s2: ['M.Si.', 'M.M.', 'M.Ak.'],
    d3: ['A.Md.Ak.', 'A.Md.'],
  },
  law: { s1: ['S.H.'], s2: ['M.H.', 'M.Kn.'], d3: ['A.Md.'] },
  tech: { s1: ['S.T.'], s2: ['M.T.', 'M.Si.'], d3: ['A.Md.T.'] },
  it: { s1: ['S.Kom.', 'S.T.', 'S.Kom.'], s2: ['M.Kom.', 'M.T.'], d3: ['A.Md.Kom.'] },
  health: { s1: ['S.K.M.', 'S.K.M.', 'S.Kep.'], s2: ['M.Kes.', 'M.P.H.'], d3: ['A.Md.Kes.'] },
  edu: { s1: ['S.Pd.', 'S.Pd.', 'S.Pd.H.'], s2: ['M.Pd.'], d3: ['A.Md.'] },
  agri: { s1: ['S.P.', 'S.Pt.', 'S.P.'], s2: ['M.P.', 'M.Si.'], d3: ['A.Md.P.'] },
  fish: { s1: ['S.Pi.', 'S.P.'], s2: ['M.Si.', 'M.P.'], d3: ['A.Md.Pi.'] },
  env: { s1: ['S.T.', 'S.Si.', 'S.T.'], s2: ['M.Si.', 'M.T.'], d3: ['A.Md.T.', 'A.Md.'] },
  social: { s1: ['S.Sos.', 'S.Psi.', 'S.Tr.Sos.'], s2: ['M.Si.', 'M.Psi.'], d3: ['A.Md.'] },
  culture: { s1: ['S.Sn.', 'S.S.', 'S.Ag.'], s2: ['M.Sn.', 'M.Hum.', 'M.Si.'], d3: ['A.Md.'] },
  tourism: { s1: ['S.Par.', 'S.E.', 'S.ST.Par.'], s2: ['M.Par.', 'M.M.'], d3: ['A.Md.Par.'] },
  transport: {
    s1: ['S.T.', 'S.SiT.', 'S.Sos.'],
    s2: ['M.T.', 'M.M.'],
    d3: ['A.Md.T.', 'A.Md.LLAJ.'],
  },
  econ: { s1: ['S.E.', 'S.E.', 'S.M.'], s2: ['M.M.', 'M.Si.'], d3: ['A.Md.'] },
  plan: { s1: ['S.E.', 'S.T.', 'S.Si.', 'S.P.'], s2: ['M.Si.', 'M.T.', 'M.M.'], d3: ['A.Md.'] },
};

// ---------------------------------------------------------------------------
// Jabatan fungsional

/** AHLI: Ahli Pertama/Muda/Madya; TERAMPIL: Terampil/Mahir/Penyelia; BOTH: either category. */
type Track = 'AHLI' | 'TERAMPIL' | 'BOTH';

interface FunctionalRole {
  title: string;
  track: Track;
  /** Share of the keterampilan category when the track is BOTH. */
  terampilShare: number;
  /** Share of women, so that e.g. bidan are women and polisi pamong praja mostly men. */
  female: number;
  /** Share of PPPK among people newly placed in this role (teachers and health staff most). */
  pppk: number;
  /** Share of Ahli Madya among PNS in the keahlian category. */
  madya: number;
  /** Doctors, dentists and vets enter at III/b after their professional education. */
  profession: boolean;
  ahli: readonly Degree[];
  terampil: readonly Degree[];
  /** Second degrees; for hospital doctors these are specialist titles. */
  masters: readonly string[];
}

function role(
  title: string,
  track: Track,
  options: {
    female: number;
    pppk?: number;
    terampilShare?: number;
    madya?: number;
    profession?: boolean;
    ahli?: string[];
    terampil?: string[];
    masters?: string[];
  },
): FunctionalRole {
  return {
    title,
    track,
    terampilShare: track === 'TERAMPIL' ? 1 : track === 'AHLI' ? 0 : (options.terampilShare ?? 0.4),
    female: options.female,
    pppk: options.pppk ?? 0.12,
    madya: options.madya ?? 0.2,
    profession: options.profession ?? false,
    ahli: degrees(...(options.ahli ?? [])),
    terampil: degrees(...(options.terampil ?? [])),
    masters: options.masters ?? [],
  };
}

const ROLES = {
  guru: role('Guru', 'AHLI', {
    female: 0.68,
    pppk: 0.45,
    madya: 0.3,
    ahli: ['|S.Pd.', '|S.Pd.', '|S.Pd.', '|S.Pd.H.', '|S.Ag.', '|S.Si.'],
    masters: ['M.Pd.'],
  }),
  pengawasSekolah: role('Pengawas Sekolah', 'AHLI', {
    female: 0.5,
    pppk: 0,
    madya: 0.6,
    ahli: ['|S.Pd.'],
    masters: ['M.Pd.'],
  }),
  penilik: role('Penilik', 'AHLI', { female: 0.55, pppk: 0, ahli: ['|S.Pd.'], masters: ['M.Pd.'] }),
  pranataLabPendidikan: role('Pranata Laboratorium Pendidikan', 'BOTH', {
    female: 0.5,
    pppk: 0.3,
    ahli: ['|S.Si.', '|S.Pd.'],
    terampil: ['|A.Md.'],
  }),
  dokter: role('Dokter', 'AHLI', {
    female: 0.6,
    pppk: 0.25,
    profession: true,
    ahli: ['dr.|'],
    masters: ['M.Kes.', 'M.Biomed.'],
  }),
  dokterRs: role('Dokter', 'AHLI', {
    female: 0.5,
    pppk: 0.15,
    madya: 0.45,
    profession: true,
    ahli: ['dr.|'],
    masters: [
      'Sp.PD.',
      'Sp.A.',
      'Sp.OG.',
      'Sp.B.',
      'Sp.An.',
      'Sp.JP.',
      'Sp.N.',
      'Sp.M.',
      'Sp.Rad.',
      'Sp.PK.',
      'Sp.KJ.',
      'Sp.THT-KL.',
    ],
  }),
  dokterGigi: role('Dokter Gigi', 'AHLI', {
    female: 0.65,
    pppk: 0.25,
    profession: true,
    ahli: ['drg.|'],
    masters: ['M.Kes.'],
  }),
  perawat: role('Perawat', 'BOTH', {
    female: 0.72,
    pppk: 0.35,
    terampilShare: 0.5,
    ahli: ['Ns.|S.Kep.'],
    terampil: ['|A.Md.Kep.'],
    masters: ['M.Kep.'],
  }),
  bidan: role('Bidan', 'BOTH', {
    female: 1,
    pppk: 0.35,
    terampilShare: 0.6,
    ahli: ['|S.Tr.Keb.', '|S.Keb.'],
    terampil: ['|A.Md.Keb.'],
    masters: ['M.Kes.', 'M.Keb.'],
  }),
  apoteker: role('Apoteker', 'AHLI', {
    female: 0.7,
    pppk: 0.3,
    ahli: ['apt.|S.Farm.'],
    masters: ['M.Farm.'],
  }),
  asistenApoteker: role('Asisten Apoteker', 'TERAMPIL', {
    female: 0.7,
    pppk: 0.3,
    terampil: ['|A.Md.Farm.'],
  }),
  pranataLab: role('Pranata Laboratorium Kesehatan', 'BOTH', {
    female: 0.65,
    pppk: 0.3,
    terampilShare: 0.6,
    ahli: ['|S.Tr.A.K.', '|S.Si.'],
    terampil: ['|A.Md.A.K.'],
  }),
  nutrisionis: role('Nutrisionis', 'BOTH', {
    female: 0.8,
    pppk: 0.3,
    terampilShare: 0.5,
    ahli: ['|S.Gz.'],
    terampil: ['|A.Md.Gz.'],
  }),
  sanitarian: role('Sanitarian', 'BOTH', {
    female: 0.55,
    pppk: 0.3,
    terampilShare: 0.5,
    ahli: ['|S.K.M.'],
    terampil: ['|A.Md.K.L.'],
  }),
  epidemiolog: role('Epidemiolog Kesehatan', 'AHLI', {
    female: 0.6,
    pppk: 0.1,
    ahli: ['|S.K.M.'],
    masters: ['M.Kes.', 'M.P.H.'],
  }),
  penyuluhKesmas: role('Penyuluh Kesehatan Masyarakat', 'AHLI', {
    female: 0.65,
    pppk: 0.2,
    ahli: ['|S.K.M.'],
    masters: ['M.Kes.', 'M.P.H.'],
  }),
  adminKes: role('Administrator Kesehatan', 'AHLI', {
    female: 0.6,
    pppk: 0.1,
    ahli: ['|S.K.M.', '|S.K.M.', '|S.E.'],
    masters: ['M.Kes.', 'M.P.H.', 'M.A.R.S.'],
  }),
  perekamMedis: role('Perekam Medis', 'BOTH', {
    female: 0.65,
    pppk: 0.3,
    terampilShare: 0.7,
    ahli: ['|S.Tr.Kes.'],
    terampil: ['|A.Md.Kes.'],
  }),
  radiografer: role('Radiografer', 'BOTH', {
    female: 0.45,
    pppk: 0.3,
    terampilShare: 0.6,
    ahli: ['|S.Tr.Rad.'],
    terampil: ['|A.Md.Rad.'],
  }),
  fisioterapis: role('Fisioterapis', 'BOTH', {
    female: 0.6,
    pppk: 0.3,
    terampilShare: 0.6,
    ahli: ['|S.Ft.'],
    terampil: ['|A.Md.Ftr.'],
  }),
  penataAnestesi: role('Penata Anestesi', 'BOTH', {
    female: 0.4,
    pppk: 0.3,
    terampilShare: 0.5,
    ahli: ['|S.Tr.Kes.'],
    terampil: ['|A.Md.Kep.'],
  }),
  elektromedis: role('Teknisi Elektromedis', 'BOTH', {
    female: 0.2,
    pppk: 0.3,
    terampilShare: 0.7,
    ahli: ['|S.Tr.T.'],
    terampil: ['|A.Md.T.'],
  }),
  auditor: role('Auditor', 'BOTH', {
    female: 0.5,
    pppk: 0.05,
    terampilShare: 0.15,
    ahli: ['|S.E.', '|S.Ak.', '|S.E.', '|S.H.', '|S.T.'],
    terampil: ['|A.Md.Ak.'],
    masters: ['M.Si.', 'M.Ak.', 'M.M.'],
  }),
  p2upd: role('Pengawas Penyelenggaraan Urusan Pemerintahan Daerah', 'AHLI', {
    female: 0.45,
    pppk: 0,
    ahli: ['|S.H.', '|S.Sos.', '|S.E.', '|S.IP.'],
    masters: ['M.Si.', 'M.H.', 'M.AP.'],
  }),
  analisSdm: role('Analis Sumber Daya Manusia Aparatur', 'AHLI', {
    female: 0.55,
    pppk: 0.1,
    ahli: ['|S.Psi.', '|S.Sos.', '|S.AP.', '|S.E.', '|S.H.'],
    masters: ['M.Si.', 'M.AP.', 'M.Psi.'],
  }),
  pranataSdm: role('Pranata Sumber Daya Manusia Aparatur', 'TERAMPIL', {
    female: 0.55,
    pppk: 0.1,
    terampil: ['|A.Md.', '|'],
  }),
  asesorSdm: role('Asesor Sumber Daya Manusia Aparatur', 'AHLI', {
    female: 0.5,
    pppk: 0,
    ahli: ['|S.Psi.'],
    masters: ['M.Psi.', 'M.Si.'],
  }),
  pranataKomputer: role('Pranata Komputer', 'BOTH', {
    female: 0.35,
    pppk: 0.2,
    ahli: ['|S.Kom.', '|S.T.', '|S.Kom.'],
    terampil: ['|A.Md.Kom.', '|A.Md.T.'],
    masters: ['M.Kom.', 'M.T.'],
  }),
  arsiparis: role('Arsiparis', 'BOTH', {
    female: 0.6,
    pppk: 0.15,
    terampilShare: 0.5,
    ahli: ['|S.IP.', '|S.Sos.', '|S.Hum.'],
    terampil: ['|A.Md.'],
    masters: ['M.Si.'],
  }),
  perencana: role('Perencana', 'AHLI', {
    female: 0.45,
    pppk: 0.05,
    ahli: ['|S.E.', '|S.T.', '|S.Sos.', '|S.Si.', '|S.P.'],
    masters: ['M.Si.', 'M.T.', 'M.M.'],
  }),
  analisKebijakan: role('Analis Kebijakan', 'AHLI', {
    female: 0.5,
    pppk: 0,
    ahli: ['|S.Sos.', '|S.IP.', '|S.H.', '|S.E.'],
    masters: ['M.Si.', 'M.AP.', 'M.H.'],
  }),
  analisKeuangan: role('Analis Keuangan Pusat dan Daerah', 'AHLI', {
    female: 0.55,
    pppk: 0.1,
    ahli: ['|S.E.', '|S.Ak.'],
    masters: ['M.Si.', 'M.Ak.', 'M.M.'],
  }),
  penataLaksanaBarang: role('Penata Laksana Barang', 'TERAMPIL', {
    female: 0.4,
    pppk: 0.1,
    terampil: ['|A.Md.', '|'],
  }),
  pengelolaPbj: role('Pengelola Pengadaan Barang/Jasa', 'AHLI', {
    female: 0.4,
    pppk: 0,
    ahli: ['|S.T.', '|S.E.', '|S.Kom.'],
    masters: ['M.T.', 'M.M.', 'M.Si.'],
  }),
  perancangPerundangan: role('Perancang Peraturan Perundang-undangan', 'AHLI', {
    female: 0.5,
    pppk: 0,
    ahli: ['|S.H.'],
    masters: ['M.H.', 'M.Kn.'],
  }),
  analisHukum: role('Analis Hukum', 'AHLI', {
    female: 0.5,
    pppk: 0.1,
    ahli: ['|S.H.'],
    masters: ['M.H.'],
  }),
  penyuluhHukum: role('Penyuluh Hukum', 'AHLI', {
    female: 0.5,
    pppk: 0,
    ahli: ['|S.H.'],
    masters: ['M.H.'],
  }),
  pranataHumas: role('Pranata Hubungan Masyarakat', 'BOTH', {
    female: 0.55,
    pppk: 0.1,
    ahli: ['|S.I.Kom.', '|S.Sos.'],
    terampil: ['|A.Md.'],
    masters: ['M.I.Kom.', 'M.Si.'],
  }),
  statistisi: role('Statistisi', 'BOTH', {
    female: 0.5,
    pppk: 0.1,
    terampilShare: 0.3,
    ahli: ['|S.Si.', '|S.Stat.', '|S.Tr.Stat.'],
    terampil: ['|A.Md.'],
    masters: ['M.Si.'],
  }),
  sandiman: role('Sandiman', 'BOTH', {
    female: 0.3,
    pppk: 0.1,
    terampilShare: 0.5,
    ahli: ['|S.Kom.', '|S.Tr.Kom.'],
    terampil: ['|A.Md.Kom.'],
    masters: ['M.Kom.'],
  }),
  pustakawan: role('Pustakawan', 'BOTH', {
    female: 0.65,
    pppk: 0.15,
    ahli: ['|S.IP.', '|S.Hum.'],
    terampil: ['|A.Md.'],
    masters: ['M.Hum.'],
  }),
  penyuluhPertanian: role('Penyuluh Pertanian', 'BOTH', {
    female: 0.4,
    pppk: 0.3,
    terampilShare: 0.35,
    ahli: ['|S.P.', '|S.Pt.', '|S.ST.'],
    terampil: ['|A.Md.P.'],
    masters: ['M.P.', 'M.Si.'],
  }),
  medikVeteriner: role('Medik Veteriner', 'AHLI', {
    female: 0.45,
    pppk: 0.1,
    profession: true,
    ahli: ['drh.|'],
    masters: ['M.Si.', 'M.Sc.'],
  }),
  paramedikVeteriner: role('Paramedik Veteriner', 'TERAMPIL', {
    female: 0.35,
    pppk: 0.15,
    terampil: ['|A.Md.Pt.', '|A.Md.Vet.'],
  }),
  penyuluhPerikanan: role('Penyuluh Perikanan', 'BOTH', {
    female: 0.35,
    pppk: 0.2,
    terampilShare: 0.3,
    ahli: ['|S.Pi.'],
    terampil: ['|A.Md.Pi.'],
    masters: ['M.Si.'],
  }),
  analisKetahananPangan: role('Analis Ketahanan Pangan', 'AHLI', {
    female: 0.5,
    pppk: 0.1,
    ahli: ['|S.P.', '|S.TP.'],
    masters: ['M.Si.', 'M.P.'],
  }),
  pengawasMutuPangan: role('Pengawas Mutu Hasil Pertanian', 'BOTH', {
    female: 0.5,
    pppk: 0.1,
    ahli: ['|S.P.', '|S.TP.'],
    terampil: ['|A.Md.'],
    masters: ['M.Si.'],
  }),
  pamongBudaya: role('Pamong Budaya', 'AHLI', {
    female: 0.45,
    pppk: 0.1,
    ahli: ['|S.Sn.', '|S.S.', '|S.Ag.'],
    masters: ['M.Sn.', 'M.Hum.', 'M.Ag.'],
  }),
  adyatama: role('Adyatama Kepariwisataan dan Ekonomi Kreatif', 'AHLI', {
    female: 0.55,
    pppk: 0.1,
    ahli: ['|S.Par.', '|S.E.', '|S.ST.Par.'],
    masters: ['M.Par.', 'M.M.'],
  }),
  polpp: role('Polisi Pamong Praja', 'BOTH', {
    female: 0.2,
    pppk: 0.1,
    terampilShare: 0.7,
    ahli: ['|S.H.', '|S.Sos.', '|S.Tr.IP.'],
    terampil: ['|', '|', '|A.Md.'],
    masters: ['M.H.', 'M.Si.'],
  }),
  pekerjaSosial: role('Pekerja Sosial', 'BOTH', {
    female: 0.6,
    pppk: 0.3,
    terampilShare: 0.3,
    ahli: ['|S.Tr.Sos.', '|S.Sos.'],
    terampil: ['|A.Md.'],
    masters: ['M.Si.', 'M.Kesos.'],
  }),
  penyuluhSosial: role('Penyuluh Sosial', 'AHLI', {
    female: 0.55,
    pppk: 0.1,
    ahli: ['|S.Sos.'],
    masters: ['M.Si.'],
  }),
  penyuluhKb: role('Penyuluh Keluarga Berencana', 'AHLI', {
    female: 0.65,
    pppk: 0.2,
    ahli: ['|S.Sos.', '|S.K.M.', '|S.Psi.'],
    masters: ['M.Si.', 'M.Kes.'],
  }),
  psm: role('Penggerak Swadaya Masyarakat', 'AHLI', {
    female: 0.5,
    pppk: 0.1,
    ahli: ['|S.Sos.', '|S.IP.'],
    masters: ['M.Si.'],
  }),
  pengantarKerja: role('Pengantar Kerja', 'AHLI', {
    female: 0.5,
    pppk: 0.1,
    ahli: ['|S.Sos.', '|S.Psi.', '|S.E.'],
    masters: ['M.Si.'],
  }),
  mediatorHi: role('Mediator Hubungan Industrial', 'AHLI', {
    female: 0.4,
    pppk: 0,
    ahli: ['|S.H.'],
    masters: ['M.H.'],
  }),
  instruktur: role('Instruktur', 'BOTH', {
    female: 0.3,
    pppk: 0.2,
    terampilShare: 0.5,
    ahli: ['|S.T.', '|S.Kom.', '|S.Par.'],
    terampil: ['|A.Md.T.', '|A.Md.'],
    masters: ['M.T.'],
  }),
  penera: role('Penera', 'BOTH', {
    female: 0.3,
    pppk: 0.1,
    terampilShare: 0.5,
    ahli: ['|S.T.', '|S.Si.'],
    terampil: ['|A.Md.T.'],
    masters: ['M.T.'],
  }),
  pengawasPerdagangan: role('Pengawas Perdagangan', 'AHLI', {
    female: 0.45,
    pppk: 0.05,
    ahli: ['|S.E.', '|S.H.'],
    masters: ['M.M.'],
  }),
  pengawasKoperasi: role('Pengawas Koperasi', 'AHLI', {
    female: 0.5,
    pppk: 0.05,
    ahli: ['|S.E.'],
    masters: ['M.M.', 'M.Si.'],
  }),
  teknikJalan: role('Teknik Jalan dan Jembatan', 'BOTH', {
    female: 0.2,
    pppk: 0.15,
    ahli: ['|S.T.'],
    terampil: ['|A.Md.T.'],
    masters: ['M.T.'],
  }),
  teknikPengairan: role('Teknik Pengairan', 'BOTH', {
    female: 0.2,
    pppk: 0.15,
    ahli: ['|S.T.'],
    terampil: ['|A.Md.T.'],
    masters: ['M.T.'],
  }),
  teknikBangunan: role('Teknik Tata Bangunan dan Perumahan', 'BOTH', {
    female: 0.25,
    pppk: 0.15,
    ahli: ['|S.T.'],
    terampil: ['|A.Md.T.'],
    masters: ['M.T.'],
  }),
  penataRuang: role('Penata Ruang', 'AHLI', {
    female: 0.4,
    pppk: 0.05,
    ahli: ['|S.T.', '|S.P.W.K.'],
    masters: ['M.T.'],
  }),
  pengendaliDampak: role('Pengendali Dampak Lingkungan', 'AHLI', {
    female: 0.5,
    pppk: 0.1,
    ahli: ['|S.T.', '|S.Si.'],
    masters: ['M.Si.', 'M.T.'],
  }),
  pengawasLh: role('Pengawas Lingkungan Hidup', 'AHLI', {
    female: 0.45,
    pppk: 0.05,
    ahli: ['|S.T.', '|S.Si.', '|S.H.'],
    masters: ['M.Si.'],
  }),
  pengujiKendaraan: role('Penguji Kendaraan Bermotor', 'BOTH', {
    female: 0.1,
    pppk: 0.1,
    terampilShare: 0.7,
    ahli: ['|S.T.', '|S.SiT.'],
    terampil: ['|A.Md.T.', '|A.Md.LLAJ.'],
    masters: ['M.T.'],
  }),
  penilaiPemerintah: role('Penilai Pemerintah', 'AHLI', {
    female: 0.4,
    pppk: 0,
    ahli: ['|S.E.', '|S.T.'],
    masters: ['M.Si.', 'M.M.'],
  }),
} satisfies Record<string, FunctionalRole>;

type RoleKey = keyof typeof ROLES;

// ---------------------------------------------------------------------------
// Staff profiles: who works in a unit besides its head

/** A jabatan pelaksana: title, the diploma it is filled with, weight, share of women. */
type ExecutorEntry = readonly [
  title: string,
  education: 'SMA' | 'D3' | 'S1',
  weight: number,
  female?: number,
];

interface ExecutorPost {
  title: string;
  education: 'SMA' | 'D3' | 'S1';
  female: number;
}

interface Profile {
  field: Field;
  /** Share of jabatan fungsional among the staff. */
  functional: number;
  roles: Weighted<FunctionalRole>;
  executors: Weighted<ExecutorPost>;
}

function profile(
  field: Field,
  functional: number,
  roles: readonly (readonly [RoleKey, number])[],
  executors: readonly ExecutorEntry[],
): Profile {
  return {
    field,
    functional: roles.length > 0 ? functional : 0,
    roles: new Weighted(roles.map(([key, weight]) => [ROLES[key], weight] as const)),
    executors: new Weighted(
      executors.map(
        ([title, education, weight, female]) =>
          [{ title, education, female: female ?? 0.5 }, weight] as const,
      ),
    ),
  };
}

/** Every bidang has clerks and data officers besides its specialists. */
const BASE_EXECUTORS: readonly ExecutorEntry[] = [
  ['Pengadministrasi Umum', 'SMA', 3],
  ['Pengelola Data', 'D3', 2],
];

/** The profile of a bidang/seksi of an OPD: its specialists plus the usual clerks. */
function fieldProfile(
  field: Field,
  functional: number,
  roles: readonly (readonly [RoleKey, number])[],
  executors: readonly ExecutorEntry[],
): Profile {
  return profile(field, functional, roles, [...BASE_EXECUTORS, ...executors]);
}

const PROFILES = {
  umum: profile(
    'admin',
    0.2,
    [
      ['arsiparis', 3],
      ['pranataKomputer', 2],
      ['analisSdm', 2],
      ['pranataSdm', 1],
      ['penataLaksanaBarang', 1],
    ],
    [
      ['Pengadministrasi Umum', 'SMA', 5],
      ['Pengadministrasi Persuratan', 'SMA', 2],
      ['Pengadministrasi Kepegawaian', 'SMA', 3],
      ['Pengelola Kepegawaian', 'D3', 2],
      ['Analis Kepegawaian', 'S1', 2],
      ['Pengelola Barang Milik Daerah', 'D3', 2],
      ['Pengelola Data', 'D3', 1],
      ['Pengemudi', 'SMA', 1, 0.03],
    ],
  ),
  keuangan: profile(
    'finance',
    0.15,
    [
      ['analisKeuangan', 3],
      ['penataLaksanaBarang', 1],
    ],
    [
      ['Bendahara', 'S1', 2],
      ['Bendahara', 'D3', 1],
      ['Pengadministrasi Keuangan', 'SMA', 3],
      ['Penyusun Laporan Keuangan', 'S1', 2],
      ['Verifikator Keuangan', 'S1', 2],
      ['Pengelola Gaji', 'D3', 2],
    ],
  ),
  perencanaan: profile(
    'plan',
    0.25,
    [
      ['perencana', 3],
      ['pranataKomputer', 1],
    ],
    [
      ['Analis Perencanaan, Evaluasi dan Pelaporan', 'S1', 3],
      ['Penyusun Program Anggaran dan Pelaporan', 'S1', 2],
      ['Pengelola Data', 'D3', 2],
      ['Pengadministrasi Umum', 'SMA', 2],
    ],
  ),
  setda: fieldProfile(
    'admin',
    0.3,
    [
      ['analisKebijakan', 3],
      ['perencana', 1],
      ['pranataKomputer', 1],
      ['arsiparis', 1],
    ],
    [
      ['Analis Tata Pemerintahan', 'S1', 1],
      ['Analis Kerja Sama', 'S1', 1],
      ['Analis Perekonomian', 'S1', 1],
    ],
  ),
  hukum: fieldProfile(
    'law',
    0.5,
    [
      ['perancangPerundangan', 3],
      ['analisHukum', 3],
      ['penyuluhHukum', 1],
    ],
    [
      ['Analis Produk Hukum', 'S1', 2],
      ['Pengelola Dokumentasi dan Informasi Hukum', 'D3', 1],
    ],
  ),
  organisasi: fieldProfile(
    'admin',
    0.2,
    [['analisKebijakan', 2]],
    [
      ['Analis Jabatan', 'S1', 2],
      ['Analis Organisasi', 'S1', 1],
      ['Analis Tata Laksana', 'S1', 1],
      ['Analis Akuntabilitas Kinerja Aparatur', 'S1', 1],
    ],
  ),
  humas: fieldProfile(
    'admin',
    0.45,
    [['pranataHumas', 4]],
    [
      ['Pengelola Protokol', 'D3', 2],
      ['Pengelola Dokumentasi', 'D3', 1],
    ],
  ),
  pbj: fieldProfile(
    'tech',
    0.6,
    [['pengelolaPbj', 6]],
    [['Pengelola Layanan Pengadaan Secara Elektronik', 'D3', 1]],
  ),
  setwan: fieldProfile(
    'admin',
    0.2,
    [
      ['perancangPerundangan', 1],
      ['analisKebijakan', 1],
      ['pranataHumas', 1],
      ['arsiparis', 1],
    ],
    [
      ['Penyusun Risalah Rapat', 'S1', 1],
      ['Analis Penganggaran', 'S1', 1],
      ['Pengelola Protokol', 'D3', 1],
    ],
  ),
  kewilayahan: profile(
    'admin',
    0.04,
    [
      ['pranataKomputer', 1],
      ['arsiparis', 1],
    ],
    [
      ['Pengadministrasi Umum', 'SMA', 4],
      ['Pengadministrasi Pemerintahan', 'SMA', 2],
      ['Pengadministrasi Kependudukan', 'SMA', 2],
      ['Pengelola Ketenteraman dan Ketertiban', 'D3', 1, 0.25],
      ['Pengelola Pemberdayaan Masyarakat', 'D3', 1],
      ['Pengadministrasi Kesejahteraan Sosial', 'SMA', 1],
      ['Analis Pemerintahan', 'S1', 1],
    ],
  ),
  irban: profile(
    'finance',
    0.85,
    [
      ['auditor', 6],
      ['p2upd', 3],
    ],
    [
      ['Pengadministrasi Umum', 'SMA', 1],
      ['Analis Laporan Hasil Pengawasan', 'S1', 1],
    ],
  ),
  sd: profile(
    'edu',
    0.92,
    [['guru', 1]],
    [
      ['Pengadministrasi Umum', 'SMA', 3],
      ['Pengelola Data', 'D3', 1],
      ['Pengadministrasi Keuangan', 'SMA', 1],
    ],
  ),
  smp: profile(
    'edu',
    0.9,
    [
      ['guru', 20],
      ['pustakawan', 0.6],
      ['pranataLabPendidikan', 0.6],
    ],
    [
      ['Pengadministrasi Umum', 'SMA', 3],
      ['Pengelola Data', 'D3', 1],
      ['Bendahara', 'D3', 1],
    ],
  ),
  puskesmas: profile(
    'health',
    0.85,
    [
      ['perawat', 10],
      ['bidan', 9],
      ['dokter', 4],
      ['dokterGigi', 1.5],
      ['apoteker', 1.2],
      ['asistenApoteker', 1.5],
      ['pranataLab', 2],
      ['nutrisionis', 1.2],
      ['sanitarian', 1.2],
      ['penyuluhKesmas', 1],
      ['epidemiolog', 0.6],
      ['perekamMedis', 1.5],
      ['adminKes', 0.6],
    ],
    [
      ['Pengadministrasi Umum', 'SMA', 3],
      ['Pengelola Data', 'D3', 2],
      ['Bendahara', 'D3', 1],
      ['Pengadministrasi Keuangan', 'SMA', 1],
      ['Pengemudi Ambulans', 'SMA', 1, 0.03],
    ],
  ),
  labkes: profile(
    'health',
    0.8,
    [
      ['pranataLab', 6],
      ['sanitarian', 1],
      ['apoteker', 0.5],
    ],
    BASE_EXECUTORS,
  ),
  dinkes: fieldProfile(
    'health',
    0.45,
    [
      ['adminKes', 3],
      ['epidemiolog', 2],
      ['penyuluhKesmas', 2],
      ['sanitarian', 1.5],
      ['nutrisionis', 1],
      ['apoteker', 1.5],
      ['dokter', 1],
      ['bidan', 1],
      ['perawat', 1],
      ['pranataKomputer', 0.5],
    ],
    [
      ['Pengelola Program dan Kegiatan', 'S1', 1],
      ['Verifikator Klaim Kesehatan', 'S1', 1],
    ],
  ),
  disdikpora: fieldProfile(
    'edu',
    0.35,
    [
      ['pengawasSekolah', 4],
      ['penilik', 2],
      ['pranataKomputer', 1],
      ['analisKebijakan', 0.5],
    ],
    [
      ['Pengelola Data Pendidikan', 'D3', 2],
      ['Pengelola Sarana dan Prasarana Pendidikan', 'D3', 1],
      ['Analis Program Pendidikan', 'S1', 1],
      ['Pengelola Kegiatan Kepemudaan dan Olahraga', 'D3', 1],
    ],
  ),
  rsMedis: profile(
    'health',
    0.85,
    [
      ['dokterRs', 6],
      ['dokter', 3],
      ['dokterGigi', 1],
      ['perawat', 6],
      ['penataAnestesi', 1.5],
      ['bidan', 2],
      ['perekamMedis', 1],
    ],
    [
      ['Pengadministrasi Umum', 'SMA', 2],
      ['Pengadministrasi Pelayanan Pasien', 'SMA', 2],
      ['Pengelola Data', 'D3', 1],
    ],
  ),
  rsKeperawatan: profile(
    'health',
    0.92,
    [
      ['perawat', 20],
      ['bidan', 4],
      ['penataAnestesi', 1],
    ],
    [
      ['Pengadministrasi Umum', 'SMA', 1],
      ['Pengadministrasi Pelayanan Pasien', 'SMA', 1],
    ],
  ),
  rsPenunjang: profile(
    'health',
    0.75,
    [
      ['pranataLab', 4],
      ['radiografer', 3],
      ['apoteker', 3],
      ['asistenApoteker', 4],
      ['fisioterapis', 2],
      ['nutrisionis', 2],
      ['perekamMedis', 3],
      ['elektromedis', 1.5],
      ['sanitarian', 1],
    ],
    [
      ['Pengadministrasi Umum', 'SMA', 2],
      ['Pengelola Data', 'D3', 1],
      ['Pengelola Barang Milik Daerah', 'D3', 1],
      ['Teknisi Sarana dan Prasarana', 'D3', 1, 0.1],
      ['Pengemudi Ambulans', 'SMA', 1, 0.03],
    ],
  ),
  bkpsdm: fieldProfile(
    'admin',
    0.45,
    [
      ['analisSdm', 5],
      ['pranataSdm', 2],
      ['asesorSdm', 1],
      ['pranataKomputer', 1],
    ],
    [
      ['Analis Kepegawaian', 'S1', 2],
      ['Pengadministrasi Kepegawaian', 'SMA', 2],
      ['Pengelola Data Kepegawaian', 'D3', 2],
      ['Pengelola Pengembangan Kompetensi', 'D3', 1],
    ],
  ),
} satisfies Record<string, Profile>;

type ProfileKey = keyof typeof PROFILES;

// ---------------------------------------------------------------------------
// Structure of each dinas and badan

type DivisionSpec = readonly [name: string, sections: readonly string[]];

interface UptSpec {
  name: string;
  shortName?: string;
  weight: number;
  /** Detail level from which the UPT is listed (see UnitNode.tier); 1 when not given. */
  tier?: Tier;
  profile?: ProfileKey;
  /** Head's field when it differs from the OPD's (a school head is a teacher). */
  headRole?: RoleKey;
  headFemale?: number;
}

interface OpdPlan {
  field: Field;
  /** Relative staff size of the OPD's own units; schools and puskesmas are sized separately. */
  size: number;
  profile: Profile;
  /** Bidang without the word "Bidang", each with its seksi/subbidang without the prefix. */
  divisions: readonly DivisionSpec[];
  /** Seksi in dinas, Subbidang in badan (BPBD keeps Seksi). */
  sectionWord?: 'Seksi' | 'Subbidang';
  /** Large OPDs split Perencanaan from Keuangan in their sekretariat. */
  subbagian: 2 | 3;
  upts?: readonly UptSpec[];
}

const SD_NEGERI = list(`
  SD Negeri 1 Dangin Puri, SD Negeri 3 Dangin Puri, SD Negeri 2 Kesiman, SD Negeri 5 Kesiman, SD
  Negeri 1 Penatih, SD Negeri 1 Sumerta, SD Negeri 4 Sumerta, SD Negeri 2 Dauh Puri, SD Negeri
  17 Dauh Puri, SD Negeri 1 Padangsambian, SD Negeri 6 Padangsambian, SD Negeri 2 Pemecutan, SD
  Negeri 1 Panjer, SD Negeri 3 Panjer, SD Negeri 4 Pedungan, SD Negeri 1 Renon, SD Negeri 3
  Sanur, SD Negeri 7 Sanur, SD Negeri 1 Serangan, SD Negeri 2 Sesetan, SD Negeri 8 Sesetan, SD
  Negeri 1 Tonja, SD Negeri 3 Peguyangan, SD Negeri 2 Ubung, SD Negeri 1 Sidakarya, SD Negeri 5
  Pemogan
`);

const SCHOOLS: readonly UptSpec[] = [
  ...Array.from({ length: 12 }, (_, i): UptSpec => ({
    name: `SMP Negeri ${i + 1} Denpasar`,
    shortName: `SMPN ${i + 1} Denpasar`,
    weight: 45,
    tier: i === 0 ? 0 : 1,
    profile: 'smp',
    headRole: 'guru',
    headFemale: 0.55,
  })),
  ...SD_NEGERI.map((name, i): UptSpec => ({
    name,
    shortName: name.replace('SD Negeri', 'SDN'),
    weight: 20,
    tier: i < 2 ? 0 : 2,
    profile: 'sd',
    headRole: 'guru',
    headFemale: 0.6,
  })),
];

/** How Denpasar people shorten their kecamatan (Densel, Dentim...). */
const DISTRICT_ABBREVIATIONS: Record<string, string> = {
  'Denpasar Timur': 'Dentim',
  'Denpasar Barat': 'Denbar',
  'Denpasar Selatan': 'Densel',
  'Denpasar Utara': 'Denut',
};

const PUSKESMAS: readonly UptSpec[] = [
  ['I', 'Denpasar Timur'],
  ['II', 'Denpasar Timur'],
  ['I', 'Denpasar Barat'],
  ['II', 'Denpasar Barat'],
  ['I', 'Denpasar Selatan'],
  ['II', 'Denpasar Selatan'],
  ['III', 'Denpasar Selatan'],
  ['IV', 'Denpasar Selatan'],
  ['I', 'Denpasar Utara'],
  ['II', 'Denpasar Utara'],
  ['III', 'Denpasar Utara'],
].map(([number, district], i): UptSpec => ({
  name: `UPTD Puskesmas ${number} ${district}`,
  shortName: `Puskesmas ${number} ${DISTRICT_ABBREVIATIONS[district] ?? district}`,
  weight: 45,
  // One puskesmas in each of three kecamatan even in the smallest directory.
  tier: i === 0 || i === 2 || i === 4 ? 0 : 1,
  profile: 'puskesmas',
  headRole: 'dokter',
  headFemale: 0.6,
}));

const OPD_PLANS: Record<string, OpdPlan> = {
  '3001': {
    field: 'edu',
    size: 1.2,
    profile: PROFILES.disdikpora,
    subbagian: 3,
    divisions: [
      [
        'Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal',
        [
          'Kurikulum dan Penilaian PAUD',
          'Kelembagaan dan Sarana Prasarana PAUD',
          'Pendidikan Masyarakat dan Kesetaraan',
        ],
      ],
      [
        'Pembinaan Sekolah Dasar',
        [
          'Kurikulum dan Penilaian SD',
          'Kelembagaan dan Sarana Prasarana SD',
          'Peserta Didik dan Pembangunan Karakter SD',
        ],
      ],
      [
        'Pembinaan Sekolah Menengah Pertama',
        [
          'Kurikulum dan Penilaian SMP',
          'Kelembagaan dan Sarana Prasarana SMP',
          'Peserta Didik dan Pembangunan Karakter SMP',
        ],
      ],
      ['Pendidik dan Tenaga Kependidikan', ['PTK PAUD dan PNF', 'PTK SD', 'PTK SMP']],
      [
        'Kepemudaan dan Olahraga',
        ['Kepemudaan', 'Olahraga Prestasi', 'Olahraga Rekreasi dan Sarana Prasarana'],
      ],
    ],
    upts: SCHOOLS,
  },
  '3002': {
    field: 'health',
    size: 1.1,
    profile: PROFILES.dinkes,
    subbagian: 3,
    divisions: [
      [
        'Kesehatan Masyarakat',
        [
          'Kesehatan Keluarga dan Gizi',
          'Promosi dan Pemberdayaan Masyarakat',
          'Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga',
        ],
      ],
      [
        'Pencegahan dan Pengendalian Penyakit',
        [
          'Surveilans dan Imunisasi',
          'Pencegahan dan Pengendalian Penyakit Menular',
          'Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa',
        ],
      ],
      [
        'Pelayanan Kesehatan',
        [
          'Pelayanan Kesehatan Primer',
          'Pelayanan Kesehatan Rujukan',
          'Pelayanan Kesehatan Tradisional',
        ],
      ],
      [
        'Sumber Daya Kesehatan',
        ['Kefarmasian', 'Alat Kesehatan dan PKRT', 'Sumber Daya Manusia Kesehatan'],
      ],
    ],
    upts: [
      ...PUSKESMAS,
      {
        name: 'UPTD Laboratorium Kesehatan Daerah',
        shortName: 'Labkesda',
        weight: 10,
        profile: 'labkes',
        tier: 2,
      },
    ],
  },
  '3003': {
    field: 'tech',
    size: 1.4,
    profile: fieldProfile(
      'tech',
      0.35,
      [
        ['teknikJalan', 3],
        ['teknikPengairan', 2],
        ['teknikBangunan', 2],
        ['penataRuang', 1.5],
      ],
      [
        ['Teknisi Jalan dan Jembatan', 'D3', 2, 0.15],
        ['Teknisi Pengairan', 'D3', 1, 0.15],
        ['Analis Tata Ruang', 'S1', 1],
        ['Pengawas Lapangan Pekerjaan Konstruksi', 'D3', 1, 0.15],
      ],
    ),
    subbagian: 3,
    divisions: [
      [
        'Bina Marga',
        [
          'Pembangunan Jalan dan Jembatan',
          'Pemeliharaan Jalan dan Jembatan',
          'Perencanaan Teknis Jalan',
        ],
      ],
      ['Sumber Daya Air', ['Irigasi', 'Drainase', 'Sungai dan Pantai']],
      ['Cipta Karya', ['Bangunan Gedung', 'Air Minum dan Penyehatan Lingkungan']],
      [
        'Penataan Ruang',
        ['Perencanaan Tata Ruang', 'Pemanfaatan dan Pengendalian Pemanfaatan Ruang'],
      ],
      ['Bina Konstruksi', ['Pembinaan Jasa Konstruksi', 'Pengawasan Jasa Konstruksi']],
    ],
    upts: [{ name: 'UPTD Pengelolaan Air Limbah Domestik', weight: 8 }],
  },
  '3004': {
    field: 'tech',
    size: 1,
    profile: fieldProfile(
      'tech',
      0.25,
      [
        ['teknikBangunan', 3],
        ['penataRuang', 1],
      ],
      [
        ['Analis Perumahan dan Permukiman', 'S1', 1],
        ['Teknisi Penerangan Jalan Umum', 'D3', 2, 0.1],
        ['Analis Pertanahan', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Perumahan', ['Pembangunan Perumahan', 'Pengawasan dan Pengendalian Perumahan']],
      [
        'Kawasan Permukiman',
        ['Peningkatan Kualitas Permukiman Kumuh', 'Prasarana, Sarana dan Utilitas Umum'],
      ],
      ['Pertanahan', ['Pengadaan Tanah', 'Penatausahaan dan Penyelesaian Sengketa Tanah']],
      [
        'Penerangan Jalan Umum',
        ['Pembangunan Penerangan Jalan Umum', 'Pemeliharaan Penerangan Jalan Umum'],
      ],
    ],
  },
  '3005': {
    field: 'env',
    size: 1.5,
    profile: fieldProfile(
      'env',
      0.15,
      [
        ['pengendaliDampak', 2],
        ['pengawasLh', 2],
      ],
      [
        ['Pengelola Persampahan', 'D3', 2],
        ['Pengawas Kebersihan', 'SMA', 3, 0.3],
        ['Pengelola Pertamanan', 'D3', 2],
        ['Analis Dampak Lingkungan', 'S1', 1],
      ],
    ),
    subbagian: 3,
    divisions: [
      [
        'Tata Lingkungan',
        ['Perencanaan dan Kajian Dampak Lingkungan', 'Pemeliharaan Lingkungan Hidup'],
      ],
      [
        'Pengendalian Pencemaran dan Kerusakan Lingkungan',
        ['Pemantauan dan Pemulihan Lingkungan', 'Penaatan dan Penegakan Hukum Lingkungan'],
      ],
      [
        'Pengelolaan Sampah dan Limbah B3',
        ['Pengurangan Sampah', 'Penanganan Sampah', 'Pengelolaan Limbah B3'],
      ],
      ['Pertamanan', ['Pembangunan Taman', 'Pemeliharaan Taman dan Dekorasi Kota']],
    ],
    upts: [
      { name: 'UPTD Pengelolaan Sampah', weight: 10 },
      { name: 'UPTD Laboratorium Lingkungan', weight: 5 },
    ],
  },
  '3006': {
    field: 'admin',
    size: 1.4,
    profile: fieldProfile(
      'admin',
      0.12,
      [
        ['pranataKomputer', 2],
        ['arsiparis', 1],
        ['statistisi', 0.5],
      ],
      [
        ['Pengadministrasi Kependudukan', 'SMA', 4],
        ['Verifikator Data Kependudukan', 'S1', 2],
        ['Pengelola Data Kependudukan', 'D3', 3],
      ],
    ),
    subbagian: 2,
    divisions: [
      [
        'Pelayanan Pendaftaran Penduduk',
        ['Identitas Penduduk', 'Pindah Datang Penduduk', 'Pendataan Penduduk'],
      ],
      [
        'Pelayanan Pencatatan Sipil',
        [
          'Kelahiran dan Kematian',
          'Perkawinan dan Perceraian',
          'Perubahan Status Anak dan Kewarganegaraan',
        ],
      ],
      [
        'Pengelolaan Informasi Administrasi Kependudukan',
        [
          'Sistem Informasi Administrasi Kependudukan',
          'Pengolahan dan Penyajian Data Kependudukan',
          'Tata Kelola dan SDM TIK',
        ],
      ],
      [
        'Pemanfaatan Data dan Inovasi Pelayanan',
        ['Kerja Sama Pemanfaatan Data', 'Inovasi Pelayanan'],
      ],
    ],
  },
  '3007': {
    field: 'transport',
    size: 1.4,
    profile: fieldProfile(
      'transport',
      0.15,
      [['pengujiKendaraan', 3]],
      [
        ['Pengatur Lalu Lintas', 'SMA', 4, 0.15],
        ['Analis Lalu Lintas', 'S1', 2],
        ['Pengelola Sarana dan Prasarana Perhubungan', 'D3', 2, 0.2],
        ['Pengelola Angkutan', 'D3', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      [
        'Lalu Lintas',
        ['Manajemen dan Rekayasa Lalu Lintas', 'Pengendalian dan Operasional Lalu Lintas'],
      ],
      ['Angkutan', ['Angkutan Orang', 'Angkutan Barang dan Terminal']],
      ['Sarana dan Prasarana', ['Prasarana Jalan', 'Perlengkapan Jalan']],
    ],
    upts: [{ name: 'UPTD Pengujian Kendaraan Bermotor', shortName: 'UPTD PKB', weight: 10 }],
  },
  '3008': {
    field: 'it',
    size: 1,
    profile: fieldProfile(
      'it',
      0.45,
      [
        ['pranataKomputer', 4],
        ['sandiman', 2],
        ['statistisi', 2],
        ['pranataHumas', 2],
      ],
      [
        ['Pengelola Sistem dan Jaringan', 'D3', 2],
        ['Analis Sistem Informasi', 'S1', 2],
        ['Pengelola Layanan Informasi Publik', 'D3', 1],
      ],
    ),
    subbagian: 3,
    divisions: [
      [
        'Informasi dan Komunikasi Publik',
        ['Pengelolaan Informasi Publik', 'Kemitraan dan Komunikasi Publik'],
      ],
      ['Aplikasi Informatika', ['Pengembangan Aplikasi', 'Tata Kelola E-Government']],
      ['Infrastruktur Teknologi Informasi', ['Infrastruktur Jaringan', 'Pusat Data']],
      ['Persandian dan Keamanan Informasi', ['Persandian', 'Keamanan Informasi']],
      ['Statistik', ['Pengumpulan Data Statistik', 'Analisis dan Diseminasi Statistik']],
    ],
  },
  '3009': {
    field: 'social',
    size: 1,
    profile: fieldProfile(
      'social',
      0.35,
      [
        ['pengantarKerja', 2],
        ['mediatorHi', 2],
        ['instruktur', 2],
      ],
      [
        ['Pengelola Informasi Pasar Kerja', 'D3', 1],
        ['Analis Ketenagakerjaan', 'S1', 2],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Pelatihan dan Produktivitas Tenaga Kerja', ['Pelatihan Kerja', 'Sertifikasi Kompetensi']],
      ['Penempatan Tenaga Kerja', ['Penempatan Tenaga Kerja', 'Perluasan Kesempatan Kerja']],
      [
        'Hubungan Industrial dan Jaminan Sosial',
        [
          'Persyaratan Kerja dan Pengupahan',
          'Penyelesaian Perselisihan Hubungan Industrial',
          'Jaminan Sosial Tenaga Kerja',
        ],
      ],
    ],
    upts: [{ name: 'UPTD Balai Latihan Kerja', shortName: 'BLK', weight: 8 }],
  },
  '3010': {
    field: 'agri',
    size: 1,
    profile: fieldProfile(
      'agri',
      0.5,
      [
        ['penyuluhPertanian', 5],
        ['medikVeteriner', 1],
        ['paramedikVeteriner', 1.5],
        ['pengawasMutuPangan', 1],
      ],
      [
        ['Pengelola Produksi Tanaman', 'D3', 1],
        ['Analis Tanaman Pangan dan Hortikultura', 'S1', 1],
        ['Pengelola Kesehatan Hewan', 'D3', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      [
        'Tanaman Pangan dan Hortikultura',
        ['Produksi Tanaman Pangan', 'Produksi Hortikultura', 'Perlindungan Tanaman'],
      ],
      [
        'Peternakan dan Kesehatan Hewan',
        ['Produksi Peternakan', 'Kesehatan Hewan dan Kesehatan Masyarakat Veteriner'],
      ],
      [
        'Prasarana, Sarana dan Penyuluhan',
        ['Prasarana dan Sarana Pertanian', 'Penyuluhan dan Kelembagaan Petani'],
      ],
    ],
    upts: [{ name: 'UPTD Pusat Kesehatan Hewan', shortName: 'Puskeswan', weight: 6 }],
  },
  '3011': {
    field: 'fish',
    size: 1,
    profile: fieldProfile(
      'fish',
      0.45,
      [
        ['penyuluhPerikanan', 3],
        ['analisKetahananPangan', 2],
        ['pengawasMutuPangan', 1],
      ],
      [
        ['Pengelola Usaha Perikanan', 'D3', 1],
        ['Pengolah Data Ketahanan Pangan', 'D3', 1],
        ['Analis Pasar Hasil Perikanan', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Perikanan Tangkap', ['Sarana dan Prasarana Perikanan Tangkap', 'Pemberdayaan Nelayan']],
      [
        'Perikanan Budidaya',
        ['Produksi Perikanan Budidaya', 'Pengolahan dan Pemasaran Hasil Perikanan'],
      ],
      ['Ketahanan Pangan', ['Ketersediaan dan Distribusi Pangan', 'Konsumsi dan Keamanan Pangan']],
    ],
  },
  '3012': {
    field: 'culture',
    size: 1,
    profile: fieldProfile(
      'culture',
      0.35,
      [['pamongBudaya', 4]],
      [
        ['Pengelola Kesenian', 'D3', 2],
        ['Pengelola Cagar Budaya', 'D3', 1],
        ['Analis Adat dan Tradisi', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Sejarah dan Cagar Budaya', ['Sejarah', 'Cagar Budaya dan Permuseuman']],
      ['Kesenian', ['Seni Pertunjukan', 'Seni Rupa dan Kreativitas']],
      ['Adat dan Tradisi', ['Adat', 'Tradisi dan Kearifan Lokal']],
      ['Bahasa, Aksara dan Sastra Bali', ['Bahasa dan Aksara Bali', 'Sastra Bali']],
    ],
    upts: [{ name: 'UPTD Dharma Negara Alaya', weight: 5 }],
  },
  '3013': {
    field: 'tourism',
    size: 1,
    profile: fieldProfile(
      'tourism',
      0.3,
      [['adyatama', 4]],
      [
        ['Pengelola Promosi Pariwisata', 'D3', 2],
        ['Pengelola Destinasi Wisata', 'D3', 1],
        ['Analis Pengembangan Pariwisata', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Destinasi Pariwisata', ['Pengembangan Daya Tarik Wisata', 'Pengembangan Usaha Pariwisata']],
      ['Pemasaran Pariwisata', ['Promosi Pariwisata', 'Analisis Pasar dan Informasi Pariwisata']],
      ['Ekonomi Kreatif', ['Pengembangan Ekonomi Kreatif', 'Fasilitasi Kekayaan Intelektual']],
      [
        'Sumber Daya Pariwisata',
        ['Pengembangan SDM Pariwisata', 'Standardisasi dan Sertifikasi Usaha'],
      ],
    ],
  },
  '3014': {
    field: 'econ',
    size: 1,
    profile: fieldProfile(
      'econ',
      0.3,
      [
        ['penera', 3],
        ['pengawasPerdagangan', 2],
      ],
      [
        ['Pengelola Pasar Rakyat', 'D3', 2],
        ['Analis Perdagangan', 'S1', 2],
        ['Analis Industri', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Perindustrian', ['Industri Agro dan Kimia', 'Industri Logam, Mesin dan Aneka']],
      ['Perdagangan', ['Perdagangan Dalam Negeri', 'Perdagangan Luar Negeri']],
      [
        'Pengawasan dan Perlindungan Konsumen',
        ['Perlindungan Konsumen', 'Pengawasan Barang Beredar'],
      ],
      [
        'Sarana Distribusi dan Stabilisasi Harga',
        ['Pengembangan Pasar Rakyat', 'Stabilisasi Harga dan Distribusi'],
      ],
    ],
    upts: [{ name: 'UPTD Metrologi Legal', weight: 6 }],
  },
  '3015': {
    field: 'econ',
    size: 1,
    profile: fieldProfile(
      'econ',
      0.3,
      [['pengawasKoperasi', 3]],
      [
        ['Pengelola Koperasi', 'D3', 1],
        ['Analis Usaha Mikro', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Kelembagaan dan Pengawasan Koperasi', ['Kelembagaan Koperasi', 'Pengawasan Koperasi']],
      ['Pemberdayaan Koperasi', ['Pembiayaan Koperasi', 'Pengembangan SDM Koperasi']],
      ['Usaha Kecil dan Menengah', ['Pengembangan Usaha Kecil', 'Pemasaran dan Kemitraan UKM']],
    ],
  },
  '3016': {
    field: 'law',
    size: 3,
    profile: fieldProfile(
      'law',
      0.7,
      [['polpp', 10]],
      [
        ['Pengelola Ketenteraman dan Ketertiban', 'D3', 2, 0.2],
        ['Pengelola Perlindungan Masyarakat', 'D3', 1, 0.2],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Penegakan Peraturan Daerah', ['Pembinaan dan Pengawasan', 'Penyelidikan dan Penyidikan']],
      ['Ketertiban Umum dan Ketenteraman Masyarakat', ['Operasi dan Pengendalian', 'Kerja Sama']],
      ['Perlindungan Masyarakat', ['Satuan Perlindungan Masyarakat', 'Bina Potensi Masyarakat']],
      ['Sumber Daya Aparatur', ['Pelatihan Dasar', 'Teknis Fungsional']],
    ],
  },
  '3017': {
    field: 'social',
    size: 1,
    profile: fieldProfile(
      'social',
      0.3,
      [['psm', 3]],
      [
        ['Pengelola Pemberdayaan Masyarakat', 'D3', 2],
        ['Analis Pemerintahan Desa', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      [
        'Kelembagaan dan Pemberdayaan Masyarakat',
        ['Kelembagaan Masyarakat', 'Pemberdayaan Masyarakat'],
      ],
      ['Pemerintahan Desa', ['Administrasi Pemerintahan Desa', 'Keuangan dan Aset Desa']],
      ['Pembangunan Desa', ['Pembangunan Sarana dan Prasarana Desa', 'Usaha Ekonomi Desa']],
    ],
  },
  '3018': {
    field: 'admin',
    size: 1,
    profile: fieldProfile(
      'admin',
      0.55,
      [
        ['pustakawan', 5],
        ['arsiparis', 5],
      ],
      [
        ['Pengelola Bahan Pustaka', 'D3', 2],
        ['Pengelola Arsip', 'D3', 2],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Layanan Perpustakaan', ['Layanan dan Otomasi Perpustakaan', 'Pembinaan Perpustakaan']],
      [
        'Pengembangan Koleksi dan Pelestarian',
        ['Pengembangan Koleksi', 'Pelestarian Bahan Pustaka'],
      ],
      ['Kearsipan', ['Pengelolaan Arsip', 'Pembinaan Kearsipan', 'Akuisisi dan Layanan Arsip']],
    ],
  },
  '3019': {
    field: 'social',
    size: 1,
    profile: fieldProfile(
      'social',
      0.45,
      [
        ['penyuluhKb', 5],
        ['pekerjaSosial', 1],
      ],
      [
        ['Pengelola Data Keluarga Berencana', 'D3', 1],
        ['Analis Perlindungan Perempuan dan Anak', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Pemberdayaan Perempuan', ['Kualitas Hidup Perempuan', 'Pengarusutamaan Gender']],
      ['Perlindungan Anak', ['Pemenuhan Hak Anak', 'Perlindungan Khusus Anak']],
      [
        'Pengendalian Penduduk dan Keluarga Berencana',
        ['Pengendalian Penduduk', 'Keluarga Berencana dan Kesehatan Reproduksi'],
      ],
      [
        'Ketahanan dan Kesejahteraan Keluarga',
        ['Ketahanan Keluarga', 'Penyuluhan dan Penggerakan'],
      ],
    ],
    upts: [{ name: 'UPTD Perlindungan Perempuan dan Anak', shortName: 'UPTD PPA', weight: 5 }],
  },
  '3020': {
    field: 'admin',
    size: 1.2,
    profile: fieldProfile(
      'admin',
      0.1,
      [
        ['pranataKomputer', 1],
        ['analisKebijakan', 0.5],
      ],
      [
        ['Pengelola Perizinan', 'D3', 3],
        ['Verifikator Perizinan', 'S1', 2],
        ['Analis Penanaman Modal', 'S1', 2],
        ['Pengadministrasi Perizinan', 'SMA', 2],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Penanaman Modal', ['Promosi Penanaman Modal', 'Pengendalian Pelaksanaan Penanaman Modal']],
      [
        'Pelayanan Perizinan dan Nonperizinan',
        ['Pelayanan Perizinan Berusaha', 'Pelayanan Perizinan Nonberusaha'],
      ],
      [
        'Pengaduan, Kebijakan dan Pelaporan Layanan',
        ['Pengaduan Layanan', 'Data dan Sistem Informasi Perizinan'],
      ],
    ],
  },
  '3021': {
    field: 'social',
    size: 1,
    profile: fieldProfile(
      'social',
      0.35,
      [
        ['pekerjaSosial', 4],
        ['penyuluhSosial', 2],
      ],
      [
        ['Pengelola Data Kesejahteraan Sosial', 'D3', 2],
        ['Pendamping Rehabilitasi Sosial', 'D3', 1],
        ['Analis Perlindungan dan Jaminan Sosial', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      [
        'Rehabilitasi Sosial',
        ['Rehabilitasi Sosial Anak dan Lanjut Usia', 'Rehabilitasi Sosial Penyandang Disabilitas'],
      ],
      [
        'Perlindungan dan Jaminan Sosial',
        ['Perlindungan Sosial Korban Bencana', 'Jaminan Sosial Keluarga'],
      ],
      [
        'Pemberdayaan Sosial dan Penanganan Fakir Miskin',
        ['Pemberdayaan Sosial', 'Penanganan Fakir Miskin'],
      ],
    ],
  },
  '4001': {
    field: 'finance',
    size: 1.4,
    profile: fieldProfile(
      'finance',
      0.12,
      [
        ['penilaiPemerintah', 2],
        ['pranataKomputer', 1],
        ['analisKeuangan', 1],
      ],
      [
        ['Pengelola Pajak Daerah', 'D3', 3],
        ['Pemeriksa Pajak Daerah', 'S1', 2],
        ['Penagih Pajak Daerah', 'SMA', 2, 0.3],
        ['Verifikator Pajak Daerah', 'S1', 2],
      ],
    ),
    subbagian: 3,
    divisions: [
      ['Pendataan dan Penetapan', ['Pendataan', 'Penetapan']],
      ['Pajak Bumi dan Bangunan', ['Pendataan dan Penilaian PBB', 'Pelayanan PBB']],
      ['Penagihan dan Keberatan', ['Penagihan', 'Keberatan dan Pengurangan']],
      [
        'Pengembangan dan Pengendalian Pendapatan',
        ['Pengembangan Pendapatan', 'Pengendalian dan Evaluasi Pendapatan'],
      ],
    ],
  },
  '4002': {
    field: 'plan',
    size: 1,
    profile: fieldProfile(
      'plan',
      0.6,
      [
        ['perencana', 6],
        ['statistisi', 1],
        ['analisKebijakan', 1],
      ],
      [['Pengelola Data Perencanaan', 'D3', 1]],
    ),
    subbagian: 3,
    divisions: [
      ['Perencanaan Pemerintahan dan Pembangunan Manusia', ['Pemerintahan', 'Pembangunan Manusia']],
      ['Perencanaan Perekonomian dan Sumber Daya Alam', ['Perekonomian', 'Sumber Daya Alam']],
      ['Perencanaan Infrastruktur dan Kewilayahan', ['Infrastruktur', 'Kewilayahan']],
      ['Pengendalian dan Evaluasi Pembangunan', ['Perencanaan Makro', 'Pengendalian dan Evaluasi']],
    ],
  },
  '4003': {
    field: 'admin',
    size: 1.2,
    profile: PROFILES.bkpsdm,
    subbagian: 3,
    divisions: [
      [
        'Pengadaan, Pemberhentian dan Informasi Kepegawaian',
        ['Pengadaan dan Pemberhentian', 'Data dan Informasi Kepegawaian'],
      ],
      ['Mutasi dan Promosi', ['Mutasi', 'Kepangkatan dan Promosi']],
      ['Pengembangan Kompetensi Aparatur', ['Pendidikan dan Pelatihan', 'Penilaian Kompetensi']],
      [
        'Penilaian Kinerja Aparatur dan Penghargaan',
        ['Penilaian Kinerja', 'Disiplin dan Penghargaan'],
      ],
    ],
  },
  '4004': {
    field: 'admin',
    size: 1,
    profile: fieldProfile(
      'admin',
      0.15,
      [['analisKebijakan', 2]],
      [
        ['Analis Kewaspadaan Nasional', 'S1', 1],
        ['Pengelola Organisasi Kemasyarakatan', 'D3', 1],
        ['Analis Ideologi dan Wawasan Kebangsaan', 'S1', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      ['Ideologi dan Wawasan Kebangsaan', ['Ideologi', 'Wawasan Kebangsaan']],
      [
        'Politik Dalam Negeri dan Organisasi Kemasyarakatan',
        ['Politik Dalam Negeri', 'Organisasi Kemasyarakatan'],
      ],
      [
        'Ketahanan Ekonomi, Sosial, Budaya dan Penanganan Konflik',
        ['Ketahanan Ekonomi, Sosial dan Budaya', 'Kewaspadaan Dini dan Penanganan Konflik'],
      ],
    ],
  },
  '4005': {
    field: 'admin',
    size: 1.3,
    profile: fieldProfile(
      'admin',
      0.08,
      [
        ['pranataKomputer', 1],
        ['perencana', 0.5],
      ],
      [
        ['Analis Kebencanaan', 'S1', 2],
        ['Pengelola Logistik', 'D3', 2, 0.25],
        ['Operator Pusat Pengendalian Operasi', 'SMA', 3, 0.25],
        ['Pengelola Kedaruratan', 'D3', 2, 0.25],
      ],
    ),
    sectionWord: 'Seksi',
    subbagian: 2,
    divisions: [
      ['Pencegahan dan Kesiapsiagaan', ['Pencegahan', 'Kesiapsiagaan']],
      ['Kedaruratan dan Logistik', ['Kedaruratan', 'Logistik']],
      ['Rehabilitasi dan Rekonstruksi', ['Rehabilitasi', 'Rekonstruksi']],
    ],
  },
  '4006': {
    field: 'plan',
    size: 1,
    profile: fieldProfile(
      'plan',
      0.4,
      [
        ['analisKebijakan', 3],
        ['perencana', 1],
        ['pranataKomputer', 1],
      ],
      [
        ['Analis Inovasi Daerah', 'S1', 1],
        ['Pengelola Data Inovasi Daerah', 'D3', 1],
      ],
    ),
    subbagian: 2,
    divisions: [
      [
        'Penelitian dan Pengembangan Pemerintahan dan Sosial',
        ['Pemerintahan', 'Sosial dan Kemasyarakatan'],
      ],
      ['Penelitian dan Pengembangan Ekonomi dan Pembangunan', ['Ekonomi', 'Pembangunan']],
      ['Inovasi dan Teknologi', ['Inovasi Daerah', 'Difusi Teknologi']],
    ],
  },
  '4007': {
    field: 'finance',
    size: 1.4,
    profile: fieldProfile(
      'finance',
      0.3,
      [
        ['analisKeuangan', 4],
        ['penataLaksanaBarang', 2],
        ['penilaiPemerintah', 1],
      ],
      [
        ['Penyusun Laporan Keuangan', 'S1', 2],
        ['Verifikator Keuangan', 'S1', 2],
        ['Pengelola Barang Milik Daerah', 'D3', 2],
        ['Pengadministrasi Keuangan', 'SMA', 2],
        ['Analis Anggaran', 'S1', 2],
      ],
    ),
    subbagian: 3,
    divisions: [
      ['Anggaran', ['Penyusunan Anggaran', 'Pengendalian Anggaran']],
      ['Perbendaharaan', ['Belanja', 'Kas Daerah']],
      ['Akuntansi dan Pelaporan', ['Akuntansi', 'Pelaporan Keuangan']],
      [
        'Pengelolaan Barang Milik Daerah',
        ['Perencanaan dan Penatausahaan Aset', 'Pemanfaatan dan Pengamanan Aset'],
      ],
    ],
  },
};

/** A dinas or badan added to the reference list later still gets a plausible structure. */
function fallbackPlan(): OpdPlan {
  return {
    field: 'admin',
    size: 1,
    profile: PROFILES.setda,
    subbagian: 2,
    divisions: [
      ['Perencanaan dan Pengembangan', ['Perencanaan Program', 'Pengembangan']],
      ['Pelayanan', ['Pelayanan Umum', 'Pelayanan Teknis']],
      ['Pengendalian dan Evaluasi', ['Pengendalian', 'Evaluasi dan Pelaporan']],
    ],
  };
}

/** Subbagian of each Bagian of the Sekretariat Daerah, and the profile of its staff. */
const SECTION_PLANS: Record<string, { profile: ProfileKey; subbagian: readonly string[] }> = {
  '1011': {
    profile: 'setda',
    subbagian: ['Administrasi Pemerintahan', 'Otonomi Daerah', 'Administrasi Kewilayahan'],
  },
  '1012': {
    profile: 'hukum',
    subbagian: ['Perundang-undangan', 'Bantuan Hukum', 'Dokumentasi dan Informasi Hukum'],
  },
  '1013': {
    profile: 'organisasi',
    subbagian: [
      'Kelembagaan dan Analisis Jabatan',
      'Reformasi Birokrasi dan Akuntabilitas Kinerja',
      'Tata Laksana dan Pelayanan Publik',
    ],
  },
  '1014': {
    profile: 'humas',
    subbagian: ['Protokol', 'Komunikasi Pimpinan', 'Dokumentasi Pimpinan'],
  },
  '1021': { profile: 'setda', subbagian: ['Perekonomian', 'Sumber Daya Alam', 'Pembinaan BUMD'] },
  '1022': {
    profile: 'perencanaan',
    subbagian: ['Penyusunan Program', 'Pengendalian Program', 'Evaluasi dan Pelaporan'],
  },
  '1023': { profile: 'setda', subbagian: ['Bina Mental Spiritual', 'Kesejahteraan Masyarakat'] },
  '1031': {
    profile: 'keuangan',
    subbagian: ['Anggaran', 'Perbendaharaan', 'Akuntansi dan Pelaporan'],
  },
  '1032': {
    profile: 'umum',
    subbagian: ['Tata Usaha dan Kepegawaian', 'Rumah Tangga', 'Perlengkapan'],
  },
  '1033': {
    profile: 'pbj',
    subbagian: [
      'Pengelolaan Pengadaan Barang/Jasa',
      'Pengelolaan Layanan Pengadaan Secara Elektronik',
      'Pembinaan dan Advokasi Pengadaan Barang/Jasa',
    ],
  },
  '1034': { profile: 'setda', subbagian: ['Kerja Sama Dalam Negeri', 'Kerja Sama Luar Negeri'] },
};

// ---------------------------------------------------------------------------
// The unit tree

interface UnitNode {
  unit: DemoUnit;
  parent: UnitNode | null;
  /** The top-level unit (Perangkat Daerah) this unit belongs to. */
  opd: UnitNode;
  headTitle: string;
  headJob: 'SENIOR_EXECUTIVE' | 'ADMINISTRATOR' | 'SUPERVISOR';
  headField: Field;
  /** When set, the head carries this role's degrees (a puskesmas head is a doctor). */
  headRole: FunctionalRole | null;
  headFemale: number;
  profile: Profile;
  /** Relative number of staff besides the head. */
  weight: number;
  /**
   * The smallest detail level that lists the unit, never below its parent's: 0 reference units,
   * sekretariat, bidang, a few schools and puskesmas, and the seksi of the supervisor login;
   * 1 subbagian, kecamatan seksi, most UPT; 2 every seksi and school.
   */
  tier: Tier;
}

/** Detail level of the unit tree; a small directory cannot give hundreds of seksi a head. */
type Tier = 0 | 1 | 2;
const TIERS: readonly Tier[] = [0, 1, 2];

interface ReferenceUnit {
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKindKey;
  parentCode: string | null;
}

const REFERENCE_KINDS: ReadonlySet<string> = new Set(Object.keys(unitsJson.kinds));

const REFERENCE_UNITS: readonly ReferenceUnit[] = unitsJson.units.map((u) => {
  if (!REFERENCE_KINDS.has(u.kind)) {
    throw new Error(`denpasar-org-units.json: unit ${u.code} has unknown kind ${u.kind}.`);
  }
  return {
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind as OrgUnitKindKey,
    parentCode: u.parentCode,
  };
});

/** Where the supervisor and employee logins work: a seksi of Dinas Kesehatan. */
const LOGIN_OPD = '3002';
const LOGIN_DIVISION = 'Pencegahan dan Pengendalian Penyakit';
const LOGIN_SECTION = 'Seksi Pencegahan dan Pengendalian Penyakit Menular';

/**
 * Builds the tree at its finest detail; smaller directories list only part of it (see
 * {@link viewAt}). It uses no randomness: the structure of Pemerintah Kota Denpasar does not
 * change with the seed, only the people in it do.
 */
function buildUnitTree(): UnitNode[] {
  const nodes: UnitNode[] = [];
  const byCode = new Map<string, UnitNode>();

  const add = (
    parent: UnitNode | null,
    unit: Omit<DemoUnit, 'parentCode' | 'reference'> & {
      reference?: boolean;
      parentCode?: string | null;
    },
    head: Pick<UnitNode, 'headTitle' | 'headJob'> &
      Partial<Pick<UnitNode, 'headField' | 'headRole' | 'headFemale'>>,
    staff: { profile: Profile; weight: number },
    tier: Tier = 0,
  ): UnitNode => {
    if (byCode.has(unit.code)) throw new Error(`Duplicate unit code ${unit.code}.`);
    const node: UnitNode = {
      unit: {
        code: unit.code,
        name: unit.name,
        shortName: unit.shortName,
        kind: unit.kind,
        parentCode: unit.parentCode !== undefined ? unit.parentCode : (parent?.unit.code ?? null),
        reference: unit.reference ?? false,
      },
      parent,
      opd: null as unknown as UnitNode, // set just below: a top-level unit is its own OPD
      headTitle: head.headTitle,
      headJob: head.headJob,
      headField: head.headField ?? staff.profile.field,
      headRole: head.headRole ?? null,
      headFemale: head.headFemale ?? 0.4,
      profile: staff.profile,
      weight: staff.weight,
      tier: parent && parent.tier > tier ? parent.tier : tier,
    };
    node.opd = parent ? parent.opd : node;
    nodes.push(node);
    byCode.set(unit.code, node);
    return node;
  };

  /** Children get the parent's code plus a two-digit number: '3002' → '3002.01'. */
  const childCode = (parent: UnitNode, n: number): string =>
    `${parent.unit.code}.${String(n).padStart(2, '0')}`;

  const subdivision = (
    parent: UnitNode,
    n: number,
    name: string,
    staff: { profile: Profile; weight: number },
    tier: Tier,
    head: { headFemale?: number; headRole?: FunctionalRole } = {},
  ): UnitNode =>
    add(
      parent,
      { code: childCode(parent, n), name, shortName: null, kind: 'SUBDIVISION' },
      { headTitle: `Kepala ${name}`, headJob: 'SUPERVISOR', headFemale: 0.45, ...head },
      staff,
      tier,
    );

  /** Sekretariat of a dinas/badan/kecamatan with its Subbagian. */
  const secretariat = (
    opd: UnitNode,
    name: string,
    headTitle: string,
    subbagian: readonly string[],
    headJob: UnitNode['headJob'] = 'ADMINISTRATOR',
  ): UnitNode => {
    const sekretariat = add(
      opd,
      { code: childCode(opd, 1), name, shortName: null, kind: 'UNIT_SECRETARIAT' },
      { headTitle, headJob, headField: opd.headField },
      { profile: PROFILES.umum, weight: 2 },
    );
    subbagian.forEach((sub, i) => {
      const staffProfile = /Keuangan/.test(sub)
        ? PROFILES.keuangan
        : /Perencanaan|Program|Evaluasi/.test(sub)
          ? PROFILES.perencanaan
          : PROFILES.umum;
      const weight =
        staffProfile === PROFILES.umum ? 5 : staffProfile === PROFILES.keuangan ? 4 : 3;
      subdivision(sekretariat, i + 1, `Subbagian ${sub}`, { profile: staffProfile, weight }, 1);
    });
    return sekretariat;
  };

  const opdSubbagian = (count: 2 | 3): readonly string[] =>
    count === 3
      ? ['Umum dan Kepegawaian', 'Keuangan', 'Perencanaan dan Evaluasi']
      : ['Umum dan Kepegawaian', 'Perencanaan dan Keuangan'];

  for (const ref of REFERENCE_UNITS) {
    const parent = ref.parentCode === null ? null : byCode.get(ref.parentCode);
    if (parent === undefined) {
      throw new Error(
        `denpasar-org-units.json: unit ${ref.code} comes before its parent ${ref.parentCode}.`,
      );
    }
    const base = {
      code: ref.code,
      name: ref.name,
      shortName: ref.shortName,
      kind: ref.kind,
      reference: true,
    };

    switch (ref.kind) {
      case 'SECRETARIAT': {
        const isSetda = ref.code === '1000';
        const node = add(
          parent,
          base,
          {
            headTitle: isSetda ? 'Sekretaris Daerah' : 'Sekretaris DPRD',
            headJob: 'SENIOR_EXECUTIVE',
            headField: 'admin',
            headFemale: 0.3,
          },
          { profile: PROFILES.setda, weight: isSetda ? 2 : 1 },
        );
        if (!isSetda) {
          // The Sekretariat DPRD is organised in Bagian, the Setda's Bagian are in the JSON.
          const bagian: readonly (readonly [string, readonly string[], Profile])[] = [
            ['Umum dan Keuangan', ['Tata Usaha dan Kepegawaian', 'Keuangan'], PROFILES.umum],
            [
              'Persidangan dan Perundang-undangan',
              ['Kajian Perundang-undangan', 'Rapat dan Risalah'],
              PROFILES.setwan,
            ],
            [
              'Fasilitasi Penganggaran dan Pengawasan',
              ['Fasilitasi Penganggaran', 'Fasilitasi Pengawasan'],
              PROFILES.setwan,
            ],
          ];
          bagian.forEach(([name, subs, staffProfile], i) => {
            const division = add(
              node,
              {
                code: childCode(node, i + 1),
                name: `Bagian ${name}`,
                shortName: null,
                kind: 'DIVISION',
              },
              { headTitle: `Kepala Bagian ${name}`, headJob: 'ADMINISTRATOR' },
              { profile: staffProfile, weight: 1.5 },
            );
            subs.forEach((sub, j) => {
              const subProfile = sub === 'Keuangan' ? PROFILES.keuangan : staffProfile;
              subdivision(
                division,
                j + 1,
                `Subbagian ${sub}`,
                { profile: subProfile, weight: 3.5 },
                1,
              );
            });
          });
        }
        break;
      }
      case 'SECTION': {
        const plan = SECTION_PLANS[ref.code] ?? {
          profile: 'setda',
          subbagian: ['Tata Usaha', 'Analisis dan Evaluasi'],
        };
        const node = add(
          parent,
          base,
          { headTitle: `Kepala ${ref.name}`, headJob: 'ADMINISTRATOR' },
          { profile: PROFILES[plan.profile], weight: 1.5 },
        );
        plan.subbagian.forEach((sub, i) =>
          subdivision(
            node,
            i + 1,
            `Subbagian ${sub}`,
            { profile: PROFILES[plan.profile], weight: 3.5 },
            1,
          ),
        );
        break;
      }
      case 'EXPERT_STAFF':
        // Staf Ahli have no staff of their own; the Bagian Umum supports them.
        add(
          parent,
          base,
          {
            headTitle: 'Staf Ahli Wali Kota Bidang Pemerintahan, Hukum dan Politik',
            headJob: 'SENIOR_EXECUTIVE',
            headField: 'law',
            headFemale: 0.3,
          },
          { profile: PROFILES.setda, weight: 0 },
        );
        break;
      case 'DEPARTMENT':
      case 'AGENCY': {
        const plan = OPD_PLANS[ref.code] ?? fallbackPlan();
        const isAgency = ref.kind === 'AGENCY';
        const headTitle =
          ref.code === '4005' ? `Kepala Pelaksana ${ref.name}` : `Kepala ${ref.name}`;
        const node = add(
          parent,
          base,
          { headTitle, headJob: 'SENIOR_EXECUTIVE', headField: plan.field, headFemale: 0.3 },
          { profile: plan.profile, weight: 0.6 * plan.size },
        );
        secretariat(node, 'Sekretariat', `Sekretaris ${ref.name}`, opdSubbagian(plan.subbagian));
        const sectionWord = plan.sectionWord ?? (isAgency ? 'Subbidang' : 'Seksi');
        plan.divisions.forEach(([name, sections], i) => {
          const division = add(
            node,
            {
              code: childCode(node, i + 2),
              name: `Bidang ${name}`,
              shortName: null,
              kind: 'DIVISION',
            },
            { headTitle: `Kepala Bidang ${name}`, headJob: 'ADMINISTRATOR' },
            { profile: plan.profile, weight: 1.5 * plan.size },
          );
          // The bidang of the supervisor login keeps its seksi at every size.
          const sectionTier: Tier = ref.code === LOGIN_OPD && name === LOGIN_DIVISION ? 0 : 2;
          sections.forEach((section, j) =>
            subdivision(
              division,
              j + 1,
              `${sectionWord} ${section}`,
              { profile: plan.profile, weight: 3.5 * plan.size },
              sectionTier,
            ),
          );
        });
        (plan.upts ?? []).forEach((upt, i) => {
          add(
            node,
            {
              code: childCode(node, plan.divisions.length + 2 + i),
              name: upt.name,
              shortName: upt.shortName ?? null,
              kind: 'TECHNICAL_UNIT',
            },
            {
              headTitle: `Kepala ${upt.name}`,
              headJob: 'SUPERVISOR',
              headRole: upt.headRole ? ROLES[upt.headRole] : null,
              headFemale: upt.headFemale ?? 0.4,
            },
            { profile: upt.profile ? PROFILES[upt.profile] : plan.profile, weight: upt.weight },
            upt.tier ?? 1,
          );
        });
        break;
      }
      case 'INSPECTORATE': {
        const node = add(
          parent,
          base,
          {
            headTitle: 'Inspektur',
            headJob: 'SENIOR_EXECUTIVE',
            headField: 'finance',
            headFemale: 0.35,
          },
          { profile: PROFILES.irban, weight: 0.5 },
        );
        secretariat(node, 'Sekretariat', 'Sekretaris Inspektorat', [
          'Perencanaan',
          'Evaluasi dan Pelaporan',
          'Administrasi dan Umum',
        ]);
        ['I', 'II', 'III', 'IV'].forEach((numeral, i) =>
          add(
            node,
            {
              code: childCode(node, i + 2),
              name: `Inspektur Pembantu ${numeral}`,
              shortName: `Irban ${numeral}`,
              kind: 'DIVISION',
            },
            {
              headTitle: `Inspektur Pembantu ${numeral}`,
              headJob: 'ADMINISTRATOR',
              headRole: ROLES.auditor,
            },
            { profile: PROFILES.irban, weight: 14 },
          ),
        );
        break;
      }
      case 'HOSPITAL': {
        const node = add(
          parent,
          base,
          {
            headTitle: `Direktur ${ref.name}`,
            headJob: 'SENIOR_EXECUTIVE',
            headRole: ROLES.dokter,
            headFemale: 0.35,
          },
          { profile: PROFILES.rsMedis, weight: 1 },
        );
        secretariat(node, 'Bagian Tata Usaha', 'Kepala Bagian Tata Usaha', [
          'Umum dan Kepegawaian',
          'Keuangan',
          'Perencanaan dan Rekam Medis',
        ]);
        const bidang: readonly (readonly [
          string,
          readonly (readonly [string, number])[],
          Profile,
          RoleKey,
        ])[] = [
          [
            'Pelayanan Medis',
            [
              ['Pelayanan Rawat Jalan dan Gawat Darurat', 55],
              ['Pelayanan Rawat Inap dan Intensif', 45],
            ],
            PROFILES.rsMedis,
            'dokter',
          ],
          [
            'Keperawatan',
            [
              ['Asuhan Keperawatan', 120],
              ['Mutu dan Etika Keperawatan', 60],
            ],
            PROFILES.rsKeperawatan,
            'perawat',
          ],
          [
            'Penunjang',
            [
              ['Penunjang Medis', 55],
              ['Penunjang Nonmedis', 30],
            ],
            PROFILES.rsPenunjang,
            'apoteker',
          ],
        ];
        bidang.forEach(([name, sections, staffProfile, headRole], i) => {
          const division = add(
            node,
            {
              code: childCode(node, i + 2),
              name: `Bidang ${name}`,
              shortName: null,
              kind: 'DIVISION',
            },
            {
              headTitle: `Kepala Bidang ${name}`,
              headJob: 'ADMINISTRATOR',
              headRole: ROLES[headRole],
              headFemale: 0.5,
            },
            { profile: staffProfile, weight: 4 },
          );
          sections.forEach(([section, weight], j) =>
            subdivision(division, j + 1, `Seksi ${section}`, { profile: staffProfile, weight }, 2, {
              headFemale: 0.55,
              headRole: ROLES[headRole],
            }),
          );
        });
        break;
      }
      case 'DISTRICT': {
        const area = ref.name.replace(/^Kecamatan /, '');
        const node = add(
          parent,
          base,
          {
            headTitle: `Camat ${area}`,
            headJob: 'ADMINISTRATOR',
            headField: 'admin',
            headFemale: 0.3,
          },
          { profile: PROFILES.kewilayahan, weight: 1 },
        );
        secretariat(node, 'Sekretariat Kecamatan', `Sekretaris Kecamatan ${area}`, [
          'Umum dan Kepegawaian',
          'Perencanaan dan Keuangan',
        ]);
        [
          'Pemerintahan',
          'Ketenteraman dan Ketertiban',
          'Kesejahteraan Sosial',
          'Ekonomi dan Pembangunan',
        ].forEach((section, i) =>
          subdivision(
            node,
            i + 2,
            `Seksi ${section}`,
            { profile: PROFILES.kewilayahan, weight: 3 },
            1,
          ),
        );
        break;
      }
      case 'SUBDISTRICT': {
        const area = ref.name.replace(/^Kelurahan /, '');
        const node = add(
          parent,
          base,
          {
            headTitle: `Lurah ${area}`,
            headJob: 'SUPERVISOR',
            headField: 'admin',
            headFemale: 0.4,
          },
          { profile: PROFILES.kewilayahan, weight: 1.5 },
        );
        // A kelurahan's sekretaris is a pengawas like the lurah, one level below.
        add(
          node,
          {
            code: childCode(node, 1),
            name: `Sekretariat Kelurahan ${area}`,
            shortName: null,
            kind: 'UNIT_SECRETARIAT',
          },
          { headTitle: `Sekretaris Kelurahan ${area}`, headJob: 'SUPERVISOR', headField: 'admin' },
          { profile: PROFILES.kewilayahan, weight: 3 },
          1,
        );
        [
          'Pemerintahan dan Ketenteraman',
          'Kesejahteraan Sosial',
          'Ekonomi dan Pembangunan',
        ].forEach((section, i) =>
          subdivision(
            node,
            i + 2,
            `Seksi ${section}`,
            { profile: PROFILES.kewilayahan, weight: 2.5 },
            2,
          ),
        );
        break;
      }
      default:
        throw new Error(
          `denpasar-org-units.json: unit ${ref.code} has kind ${ref.kind}, which is not an OPD kind.`,
        );
    }
  }
  return nodes;
}

const UNIT_TREE: readonly UnitNode[] = buildUnitTree();

function findUnit(predicate: (node: UnitNode) => boolean, what: string): UnitNode {
  const node = UNIT_TREE.find(predicate);
  if (!node) throw new Error(`The demo directory has no ${what}.`);
  return node;
}

/**
 * Where each OPD's admin kepegawaian sits: its sekretariat; for the Setda the Bagian Umum,
 * for the Sekretariat DPRD its Bagian Umum dan Keuangan. All are listed at every detail level.
 */
const UNIT_ADMIN_UNITS: readonly UnitNode[] = UNIT_TREE.filter((node) => node.parent === null).map(
  (opd) => {
    if (opd.unit.code === '1000')
      return findUnit((n) => n.unit.code === '1032', 'Bagian Umum of the Setda');
    if (opd.unit.kind === 'SECRETARIAT') {
      return findUnit(
        (n) => n.parent === opd && n.tier === 0 && /Umum/.test(n.unit.name),
        `Bagian Umum of ${opd.unit.name}`,
      );
    }
    return findUnit(
      (n) => n.parent === opd && n.tier === 0 && n.unit.kind === 'UNIT_SECRETARIAT',
      `sekretariat of ${opd.unit.name}`,
    );
  },
);

const HR_ADMIN_UNIT = findUnit(
  (n) => n.opd.unit.code === '4003' && n.unit.name === 'Subbidang Penilaian Kinerja',
  'Subbidang Penilaian Kinerja in BKPSDM',
);
const AUDITOR_UNIT = findUnit(
  (n) => n.opd.unit.code === '4100' && n.unit.name === 'Inspektur Pembantu I' && n.tier === 0,
  'Inspektur Pembantu I',
);
const LOGIN_SUPERVISOR_UNIT = findUnit(
  (n) => n.opd.unit.code === LOGIN_OPD && n.unit.name === LOGIN_SECTION && n.tier === 0,
  'Seksi P2PM in Dinas Kesehatan',
);

// ---------------------------------------------------------------------------
// Staff that must exist whatever the size, so the role grants and logins always work

type Forced =
  | { kind: 'UNIT_ADMIN' }
  | { kind: 'HR_ADMIN'; role: FunctionalRole }
  | { kind: 'AUDITOR' }
  | { kind: 'LOGIN_EMPLOYEE' }
  | { kind: 'LOGIN_PEER' };

const HR_ADMIN_SLOTS = 3;
const AUDITOR_SLOTS = 2;
const LOGIN_DIRECT_REPORTS = 3;

// ---------------------------------------------------------------------------
// Detail levels

/** The directory at one detail level: the units it lists, their staff weights, the required staff. */
interface TreeView {
  nodes: readonly UnitNode[];
  /** Per listed unit: its own staff weight plus that of the unlisted units it stands in for. */
  weights: readonly number[];
  forced: ReadonlyMap<UnitNode, readonly Forced[]>;
  /** One head per listed unit plus the required staff. */
  minimum: number;
}

/** The nearest listed unit at or above `node`. */
function listedAncestor(node: UnitNode, listed: ReadonlySet<UnitNode>): UnitNode {
  let up: UnitNode | null = node;
  while (up !== null && !listed.has(up)) up = up.parent;
  if (up === null) throw new Error(`Unit ${node.unit.code} has no listed ancestor.`); // reference units are always listed
  return up;
}

function viewAt(tier: Tier): TreeView {
  const nodes = UNIT_TREE.filter((node) => node.tier <= tier);
  const listed: ReadonlySet<UnitNode> = new Set(nodes);
  const weight = new Map(nodes.map((node) => [node, node.weight]));

  // The staff of an unlisted unit still exist. A seksi's work in its bidang; a school's or
  // puskesmas's go to the listed ones of the same kind, since teachers and nurses do not
  // sit in the dinas office.
  const turn = new Map<string, number>();
  for (const node of UNIT_TREE) {
    if (listed.has(node)) continue;
    let target: UnitNode | undefined;
    if (node.unit.kind === 'TECHNICAL_UNIT') {
      const peers = nodes.filter(
        (n) =>
          n.parent === node.parent &&
          n.unit.kind === 'TECHNICAL_UNIT' &&
          n.profile === node.profile,
      );
      if (peers.length > 0) {
        const key = `${node.unit.parentCode}|${peers[0].unit.code}`;
        const k = turn.get(key) ?? 0;
        turn.set(key, k + 1);
        target = peers[k % peers.length];
      }
    }
    target ??= listedAncestor(node, listed);
    weight.set(target, (weight.get(target) ?? 0) + node.weight);
  }

  const forced = new Map<UnitNode, Forced[]>();
  const push = (node: UnitNode, slot: Forced): void => {
    if (!listed.has(node))
      throw new Error(`Unit ${node.unit.code} holds required staff but is not listed.`);
    const list = forced.get(node) ?? [];
    list.push(slot);
    forced.set(node, list);
  };
  for (const node of UNIT_ADMIN_UNITS) push(node, { kind: 'UNIT_ADMIN' });
  // Analis SDM run the performance process; a Pranata Komputer runs the system.
  const hrUnit = listedAncestor(HR_ADMIN_UNIT, listed);
  push(hrUnit, { kind: 'HR_ADMIN', role: ROLES.analisSdm });
  push(hrUnit, { kind: 'HR_ADMIN', role: ROLES.analisSdm });
  push(hrUnit, { kind: 'HR_ADMIN', role: ROLES.pranataKomputer });
  for (let i = 0; i < AUDITOR_SLOTS; i++) push(AUDITOR_UNIT, { kind: 'AUDITOR' });
  push(LOGIN_SUPERVISOR_UNIT, { kind: 'LOGIN_EMPLOYEE' });
  for (let i = 1; i < LOGIN_DIRECT_REPORTS; i++)
    push(LOGIN_SUPERVISOR_UNIT, { kind: 'LOGIN_PEER' });

  const forcedCount = [...forced.values()].reduce((sum, list) => sum + list.length, 0);
  return {
    nodes,
    weights: nodes.map((node) => weight.get(node) ?? 0),
    forced,
    minimum: nodes.length + forcedCount,
  };
}

const VIEWS: readonly TreeView[] = TIERS.map(viewAt);

/**
 * A detail level is used once there are this many employees per listed unit: real OPDs have
 * about a dozen per unit, and a unit with only its head makes a poor demo.
 */
const EMPLOYEES_PER_UNIT = 6;

function viewFor(employees: number): TreeView {
  let chosen = VIEWS[0];
  for (const view of VIEWS) {
    if (employees >= view.minimum && employees >= EMPLOYEES_PER_UNIT * view.nodes.length)
      chosen = view;
  }
  return chosen;
}

/**
 * The smallest directory: a head for each unit of the coarsest tree plus the staff the role
 * grants and logins need.
 */
export const DEMO_DIRECTORY_MINIMUM_EMPLOYEES = VIEWS[0].minimum;

// ---------------------------------------------------------------------------
// Names

const MALE_BIRTH_ORDER = new Weighted<string>([
  ['Putu', 17],
  ['Wayan', 14],
  ['Gede', 10],
  ['Made', 17],
  ['Kadek', 12],
  ['Nengah', 3],
  ['Nyoman', 10],
  ['Komang', 10],
  ['Ketut', 7],
]);
const FEMALE_BIRTH_ORDER = new Weighted<string>([
  ['Putu', 20],
  ['Wayan', 14],
  ['Made', 18],
  ['Kadek', 14],
  ['Nengah', 3],
  ['Nyoman', 10],
  ['Komang', 11],
  ['Ketut', 7],
]);
const MALE_FIRST = list(`
  Agus, Eka, Adi, Bagus, Dwi, Tri, Arya, Yoga, Surya, Wira, Bayu, Krisna, Dharma, Angga, Hendra,
  Oka, Rai, Indra, Budi, Artha
`);
const MALE_GIVEN = list(`
  Suardana, Sudarsana, Wirawan, Arsana, Sukadana, Artawan, Suarjana, Mahendra, Wiradana,
  Adnyana, Budiarta, Astawa, Sutama, Suparta, Wijaya, Darmawan, Sudiarta, Gunawan, Yudiana,
  Antara, Ariawan, Parwata, Suwitra, Putra, Pratama, Sanjaya, Wiguna, Suastika, Widiantara,
  Mertayasa, Sudana, Suteja, Kariasa, Widnyana, Sukarma, Wisnawa, Dwipayana, Yasa, Kusuma,
  Saputra, Aryawan, Suyasa, Arimbawa, Subagia, Sukrawan, Suarnata, Rudita, Juliarta, Mudana,
  Palguna, Wardana, Santika, Sumantra, Ardana, Sedana, Kertiyasa, Darmika, Wiryawan, Dharmawan,
  Partha, Ambara, Swardika, Sugiarta, Mardika, Susila, Mertha, Suartama, Ariasa
`);
const FEMALE_FIRST = list(`
  Ayu, Sri, Eka, Dwi, Tri, Putri, Dewi, Intan, Ratna, Dian, Widya, Novi, Yuni, Indah, Mas Ayu,
  Desi, Rai, Ari
`);
const FEMALE_GIVEN = list(`
  Lestari, Wahyuni, Sukmawati, Ariani, Suartini, Yuliani, Utami, Wulandari, Puspitasari,
  Kusumawati, Trisnawati, Suryani, Astiti, Ardani, Widiastuti, Pratiwi, Juliantari, Purnamasari,
  Sariasih, Sukerti, Suwarni, Candrawati, Sudarmini, Mahayani, Ariyanti, Rahayu, Damayanti,
  Suciati, Darmayanti, Puspadewi, Artini, Budiasih, Suastini, Erawati, Yuliantari, Anggreni,
  Cahyani, Sridewi, Mertasari, Gayatri, Paramitha, Aryani, Sutarini, Sriani, Rusmini, Marheni,
  Novitasari, Oktaviani, Sukarmi, Swandewi, Arsini, Widiantari, Sagitarini
`);
/** Triwangsa names: the title carries the sex, so the email uses its last word. */
const MALE_TRIWANGSA = list(`
  Ida Bagus, I Gusti Ngurah, I Gusti Bagus, I Gusti Putu, I Gusti Made, Anak Agung Gede, Anak
  Agung Ngurah, I Dewa Gede, I Dewa Made, I Dewa Putu, Cokorda Gede
`);
const FEMALE_TRIWANGSA = list(`
  Ida Ayu, Anak Agung Ayu, Gusti Ayu, Desak Made, Desak Putu, Dewa Ayu, Cokorda Istri
`);
const MALE_INDONESIAN_FIRST = list(`
  Muhammad, Ahmad, Agus, Budi, Andi, Yohanes, Fransiskus, Rizky, Dedi, Hendra, Eko, Joko, Arif,
  Bambang, Yosef, Stefanus, Fajar, Taufik
`);
const MALE_INDONESIAN_LAST = list(`
  Setiawan, Santoso, Hidayat, Pratama, Nugroho, Saputra, Wibowo, Kurniawan, Siregar,
  Simanjuntak, Hakim, Firmansyah, Ramadhan, Prasetyo, Susanto, Lubis, Manurung, Rahman
`);
const FEMALE_INDONESIAN_FIRST = list(`
  Siti, Dewi, Rina, Sri, Maria, Fitri, Yuliana, Nur, Indah, Ratna, Lia, Anastasia, Theresia,
  Kartika, Novita, Wulan
`);
const FEMALE_INDONESIAN_LAST = list(`
  Rahmawati, Lestari, Handayani, Marlina, Susanti, Fitriani, Kurniasih, Purwanti, Hasanah,
  Nurhaliza, Sari, Wijayanti, Maharani, Anggraini, Permatasari, Setyowati, Simatupang
`);

type Sex = 'MALE' | 'FEMALE';

interface PersonName {
  name: string;
  emailLocal: string;
}

/** A name without degrees, and the `first.last` local part of its email address. */
function personName(rng: Rng, sex: Sex): PersonName {
  const male = sex === 'MALE';
  const roll = rng.next();
  if (roll < 0.8) {
    // Jaba (most Balinese): I / Ni, birth-order name, one or two given names.
    const order = (male ? MALE_BIRTH_ORDER : FEMALE_BIRTH_ORDER).pick(rng);
    const given = rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
    let first = rng.chance(male ? 0.45 : 0.55) ? rng.pick(male ? MALE_FIRST : FEMALE_FIRST) : '';
    if (first === given) first = '';
    const luh = !male && rng.chance(0.3) ? 'Luh ' : '';
    const title = male ? 'I' : 'Ni';
    return {
      name: `${title} ${luh}${order} ${first ? `${first} ` : ''}${given}`,
      emailLocal: `${order}.${given}`,
    };
  }
  if (roll < 0.9) {
    const title = rng.pick(male ? MALE_TRIWANGSA : FEMALE_TRIWANGSA);
    const given = rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
    const first = rng.chance(0.4) ? `${rng.pick(male ? MALE_FIRST : FEMALE_FIRST)} ` : '';
    const titleWords = title.split(' ');
    return {
      name: `${title} ${first}${given}`,
      emailLocal: `${titleWords[titleWords.length - 1]}.${given}`,
    };
  }
  const first = rng.pick(male ? MALE_INDONESIAN_FIRST : FEMALE_INDONESIAN_FIRST);
  const last = rng.pick(male ? MALE_INDONESIAN_LAST : FEMALE_INDONESIAN_LAST);
  return { name: `${first} ${last}`, emailLocal: `${first}.${last}` };
}

/** Prefix degrees before the name, suffix degrees after commas: "dr. I Made X, M.Kes.". */
function withDegrees(
  name: string,
  prefixes: readonly string[],
  suffixes: readonly string[],
): string {
  const before = prefixes.filter((p) => p !== '');
  const after = suffixes.filter((s) => s !== '');
  return (
    (before.length > 0 ? `${before.join(' ')} ` : '') +
    name +
    (after.length > 0 ? `, ${after.join(', ')}` : '')
  );
}

const PHONE_PREFIXES = list(`
  0811, 0812, 0813, 0821, 0822, 0823, 0852, 0853, 0814, 0815, 0857, 0858, 0817, 0818, 0819,
  0859, 0877, 0878, 0895, 0896, 0897, 0898, 0881, 0882, 0887
`);

function phoneNumber(rng: Rng): string {
  // Indonesian mobile numbers have 11–13 digits.
  const rest = rng.int(7, 8);
  let digits = '';
  for (let i = 0; i < rest; i++) digits += String(rng.int(0, 9));
  return rng.pick(PHONE_PREFIXES) + digits;
}

// ---------------------------------------------------------------------------
// Dates

interface Today {
  year: number;
  /** year * 12 + (month - 1) */
  monthIndex: number;
  date: string;
}

function parseToday(today: string): Today {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  const day = match ? Number(match[3]) : NaN;
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(
      `generateDemoDirectory: today must be a real date written YYYY-MM-DD, got "${today}".`,
    );
  }
  if (year < PPPK_FIRST_YEAR) {
    throw new Error(
      `generateDemoDirectory: today must be in ${PPPK_FIRST_YEAR} or later, when PPPK were first appointed; got ${today}.`,
    );
  }
  return { year, monthIndex: year * 12 + month - 1, date: today };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function yearMonth(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}-${pad2((monthIndex % 12) + 1)}`;
}

interface Dates {
  birthDate: string;
  birthYear: number;
  /** 'YYYY-MM' TMT CPNS for PNS, 'YYYY' for PPPK */
  appointment: string;
}

/**
 * Birth date and TMT CPNS of a PNS who entered at `entryAge` and has served `service` years.
 * The age lands in [20, 57] whatever the birth day, and the TMT month falls after the
 * person's birthday in the month they turned `entryAge` (so they were at least that old),
 * and never after today's month.
 */
function pnsDates(rng: Rng, today: Today, entryAge: number, service: number): Dates {
  const ageMonths = (entryAge + service) * 12 + rng.int(1, 11);
  const birthIndex = today.monthIndex - ageMonths;
  const birthYear = Math.floor(birthIndex / 12);
  const birthMonth = (birthIndex % 12) + 1;
  const birthDay = rng.int(1, daysInMonth(birthYear, birthMonth));
  const tmtIndex = birthIndex + entryAge * 12 + rng.int(1, Math.min(11, ageMonths - entryAge * 12));
  return {
    birthDate: `${birthYear}-${pad2(birthMonth)}-${pad2(birthDay)}`,
    birthYear,
    appointment: yearMonth(tmtIndex),
  };
}

/** Birth date and appointment year of a PPPK aged `age`, appointed at 20 or older. */
function pppkDates(rng: Rng, today: Today, age: number, firstYear = PPPK_FIRST_YEAR): Dates {
  const ageMonths = age * 12 + rng.int(1, 11);
  const birthIndex = today.monthIndex - ageMonths;
  const birthYear = Math.floor(birthIndex / 12);
  const birthMonth = (birthIndex % 12) + 1;
  const birthDay = rng.int(1, daysInMonth(birthYear, birthMonth));
  const first = Math.min(Math.max(firstYear, birthYear + 20), today.year);
  return {
    birthDate: `${birthYear}-${pad2(birthMonth)}-${pad2(birthDay)}`,
    birthYear,
    appointment: String(rng.int(first, today.year)),
  };
}

// ---------------------------------------------------------------------------
// People

type EmploymentType = DemoEmployee['employmentType'];

interface Person {
  employmentType: EmploymentType;
  sex: Sex;
  dates: Dates;
  rank: string;
  jobType: JobTypeKey;
  positionTitle: string;
  name: string;
  emailLocal: string;
}

/**
 * Years of service a PNS needs to climb from the entry rank to `rank`: four years a step is
 * the regular promotion; `slack` adds the years many people wait longer.
 */
function serviceYears(rng: Rng, entry: number, rank: number, slack: number): number {
  const steps = Math.max(0, rank - entry);
  return Math.max(0, steps * 4 - rng.int(0, Math.min(2, steps)) + rng.int(0, slack));
}

/** Entry age and service of a PNS, kept inside the working life (TMT at 20–34, age ≤ 57). */
function pnsCareer(
  rng: Rng,
  education: Education,
  entryRank: number,
  rank: number,
  slack: number,
): [number, number] {
  const [minAge, maxAge] = ENTRY_AGE[education];
  let entryAge = rng.int(minAge, maxAge);
  let service = serviceYears(rng, entryRank, rank, slack);
  if (entryAge + service > LAST_WORKING_AGE) {
    // Fast risers: enter as young as the diploma allows, then shorten the wait.
    entryAge = Math.max(minAge, LAST_WORKING_AGE - service);
    service = LAST_WORKING_AGE - entryAge;
  }
  return [entryAge, service];
}

const SEKDA_RANKS: readonly (readonly [string, number])[] = [
  ['IV/d', 6],
  ['IV/e', 4],
];
const JPT_RANKS: readonly (readonly [string, number])[] = [
  ['IV/c', 55],
  ['IV/d', 35],
  ['IV/e', 10],
];
const SEKDA_RANK_W = new Weighted(SEKDA_RANKS.map(([r, w]) => [rankIndex(r), w] as const));
const JPT_RANK_W = new Weighted(JPT_RANKS.map(([r, w]) => [rankIndex(r), w] as const));

function headPerson(rng: Rng, node: UnitNode, today: Today): Person {
  const sex: Sex = rng.chance(node.headFemale) ? 'FEMALE' : 'MALE';
  let rank: number;
  if (node.headJob === 'SENIOR_EXECUTIVE') {
    rank = (node.unit.code === '1000' ? SEKDA_RANK_W : JPT_RANK_W).pick(rng);
  } else if (node.headJob === 'ADMINISTRATOR') {
    rank = IV_A + rng.int(0, 1);
  } else {
    rank = III_C + rng.int(0, 1);
  }
  const role = node.headRole;
  const education: Education = role?.profession || rng.chance(0.1) ? 'S2' : 'S1';
  const [entryAge, service] = pnsCareer(
    rng,
    education,
    ENTRY_RANK[education],
    rank,
    node.headJob === 'SUPERVISOR' ? 12 : 6,
  );
  const { name, emailLocal } = personName(rng, sex);

  const prefixes: string[] = [];
  const suffixes: string[] = [];
  const mastersChance =
    node.headJob === 'SENIOR_EXECUTIVE' ? 0.85 : node.headJob === 'ADMINISTRATOR' ? 0.65 : 0.35;
  if (role && role.ahli.length > 0) {
    const [prefix, suffix] = rng.pick(role.ahli);
    prefixes.push(prefix);
    suffixes.push(suffix);
    if (role.masters.length > 0 && rng.chance(mastersChance)) suffixes.push(rng.pick(role.masters));
  } else {
    const field = FIELD_DEGREES[node.headField];
    if (node.headField === 'tech' && node.headJob !== 'SUPERVISOR' && rng.chance(0.3)) {
      prefixes.push('Ir.'); // the older engineering title, written instead of S.T.
    } else {
      suffixes.push(rng.pick(field.s1));
    }
    if (rng.chance(mastersChance)) suffixes.push(rng.pick(field.s2));
  }
  if (node.headJob === 'SENIOR_EXECUTIVE' && rng.chance(0.12)) prefixes.unshift('Dr.');

  return {
    employmentType: 'PNS',
    sex,
    dates: pnsDates(rng, today, entryAge, service),
    rank: PNS_RANKS[rank],
    jobType: node.headJob,
    positionTitle: node.headTitle,
    name: withDegrees(name, prefixes, suffixes),
    emailLocal,
  };
}

const AHLI_LEVELS = ['Ahli Pertama', 'Ahli Muda', 'Ahli Madya'] as const;
const TERAMPIL_LEVELS = ['Terampil', 'Mahir', 'Penyelia'] as const;
/** Lowest golongan of each level; each level spans two (Ahli Madya IV/a–IV/b). */
const AHLI_RANK = [III_A, III_C, IV_A];
const TERAMPIL_RANK = [II_C, III_A, III_C];
const TERAMPIL_LEVEL_SHARE = new Weighted<number>([
  [0, 40],
  [1, 35],
  [2, 25],
]);

function functionalPerson(
  rng: Rng,
  role: FunctionalRole,
  today: Today,
  options: { pnsOnly?: boolean; ahliOnly?: boolean } = {},
): Person {
  const sex: Sex = rng.chance(role.female) ? 'FEMALE' : 'MALE';
  const terampil = !options.ahliOnly && rng.chance(role.terampilShare);
  const { name, emailLocal } = personName(rng, sex);
  const degreeList = terampil ? role.terampil : role.ahli;
  const [prefix, suffix] = degreeList.length > 0 ? rng.pick(degreeList) : ['', ''];
  const prefixes = [prefix];
  const suffixes = [suffix];

  if (!options.pnsOnly && rng.chance(role.pppk)) {
    // PPPK functional posts are filled at entry level: Ahli Pertama (IX, doctors X),
    // some Ahli Muda (XI), or Terampil (VII).
    const muda = !terampil && rng.chance(0.15);
    const level = terampil ? 'Terampil' : muda ? 'Ahli Muda' : 'Ahli Pertama';
    const grade = terampil ? 'VII' : muda ? 'XI' : role.profession ? 'X' : 'IX';
    const employmentType: EmploymentType = 'PPPK';
    const age = 23 + Math.round(((rng.next() + rng.next()) / 2) * 30);
    return {
      employmentType,
      sex,
      dates: pppkDates(rng, today, age),
      rank: pppkGrade(grade),
      jobType: 'FUNCTIONAL',
      positionTitle: `${role.title} ${level}`,
      name: withDegrees(name, prefixes, suffixes),
      emailLocal,
    };
  }

  let levelIndex: number;
  if (terampil) {
    levelIndex = TERAMPIL_LEVEL_SHARE.pick(rng);
  } else {
    const madya = role.madya;
    const x = rng.next();
    levelIndex = x < madya ? 2 : x < madya + (1 - madya) * 0.45 ? 1 : 0;
  }
  const rank = (terampil ? TERAMPIL_RANK : AHLI_RANK)[levelIndex] + rng.int(0, 1);
  const education: Education = terampil ? 'D3' : role.profession ? 'S2' : 'S1';
  const [entryAge, service] = pnsCareer(rng, education, ENTRY_RANK[education], rank, 8);
  const mastersChance = levelIndex === 2 ? 0.5 : levelIndex === 1 ? 0.15 : 0.04;
  if (
    !terampil &&
    role.masters.length > 0 &&
    rng.chance(role === ROLES.dokterRs ? 0.4 + 0.3 * levelIndex : mastersChance)
  ) {
    suffixes.push(rng.pick(role.masters));
  }
  return {
    employmentType: 'PNS',
    sex,
    dates: pnsDates(rng, today, entryAge, service),
    rank: PNS_RANKS[rank],
    jobType: 'FUNCTIONAL',
    positionTitle: `${role.title} ${(terampil ? TERAMPIL_LEVELS : AHLI_LEVELS)[levelIndex]}`,
    name: withDegrees(name, prefixes, suffixes),
    emailLocal,
  };
}

const PPPK_EXECUTOR_GRADE: Record<ExecutorPost['education'], string> = {
  SMA: 'V',
  D3: 'VI',
  S1: 'VII',
};

function executorPerson(
  rng: Rng,
  post: ExecutorPost,
  field: Field,
  today: Today,
  options: { pnsOnly?: boolean } = {},
): Person {
  const sex: Sex = rng.chance(post.female) ? 'FEMALE' : 'MALE';
  const { name, emailLocal } = personName(rng, sex);
  const degreesOfField = FIELD_DEGREES[field];
  const suffixes: string[] = [];
  // Many clerks finish a bachelor's degree while in service; the title stays.
  if (
    post.education === 'S1' ||
    (post.education === 'D3' && rng.chance(0.2)) ||
    (post.education === 'SMA' && rng.chance(0.3))
  ) {
    suffixes.push(rng.pick(degreesOfField.s1));
    if (post.education === 'S1' && rng.chance(0.08)) suffixes.push(rng.pick(degreesOfField.s2));
  } else if (post.education === 'D3' && rng.chance(0.9)) {
    suffixes.push(rng.pick(degreesOfField.d3));
  }
  const fullName = withDegrees(name, [], suffixes);

  const roll = options.pnsOnly ? 1 : rng.next();
  if (roll < 0.18) {
    const partTime = roll < 0.045;
    const age = 23 + Math.round(((rng.next() + rng.next()) / 2) * 30);
    return {
      employmentType: partTime ? 'PPPK_PART_TIME' : 'PPPK',
      sex,
      // PPPK paruh waktu exist since 2025 (former honorer); a `today` before that falls back to 2019.
      dates: pppkDates(
        rng,
        today,
        age,
        partTime && today.year >= PPPK_PART_TIME_FIRST_YEAR
          ? PPPK_PART_TIME_FIRST_YEAR
          : PPPK_FIRST_YEAR,
      ),
      rank: pppkGrade(PPPK_EXECUTOR_GRADE[post.education]),
      jobType: 'EXECUTOR',
      positionTitle: post.title,
      name: fullName,
      emailLocal,
    };
  }

  const entry = ENTRY_RANK[post.education];
  const rank = rng.int(entry, EXECUTOR_MAX_RANK[post.education]);
  const [entryAge, service] = pnsCareer(rng, post.education, entry, rank, 12);
  return {
    employmentType: 'PNS',
    sex,
    dates: pnsDates(rng, today, entryAge, service),
    rank: PNS_RANKS[rank],
    jobType: 'EXECUTOR',
    positionTitle: post.title,
    name: fullName,
    emailLocal,
  };
}

const UNIT_ADMIN_POSTS: readonly ExecutorPost[] = [
  { title: 'Pengelola Kepegawaian', education: 'D3', female: 0.55 },
  { title: 'Analis Kepegawaian', education: 'S1', female: 0.55 },
];

function staffPerson(rng: Rng, node: UnitNode, today: Today, forced: Forced | undefined): Person {
  switch (forced?.kind) {
    case 'UNIT_ADMIN':
      return rng.chance(0.5)
        ? functionalPerson(rng, rng.chance(0.6) ? ROLES.analisSdm : ROLES.pranataSdm, today, {
            pnsOnly: true,
          })
        : executorPerson(rng, rng.pick(UNIT_ADMIN_POSTS), 'admin', today, { pnsOnly: true });
    case 'HR_ADMIN':
      return functionalPerson(rng, forced.role, today, { pnsOnly: true });
    case 'AUDITOR':
      return functionalPerson(rng, ROLES.auditor, today, { pnsOnly: true, ahliOnly: true });
    case 'LOGIN_EMPLOYEE':
      // The employee login must be a PNS with a plan to fill in; any post of the seksi does.
      return staffOf(rng, node.profile, today, true);
    case 'LOGIN_PEER':
    case undefined:
      return staffOf(rng, node.profile, today, false);
  }
}

function staffOf(rng: Rng, p: Profile, today: Today, pnsOnly: boolean): Person {
  if (p.roles.size > 0 && rng.chance(p.functional)) {
    return functionalPerson(rng, p.roles.pick(rng), today, { pnsOnly });
  }
  return executorPerson(rng, p.executors.pick(rng), p.field, today, { pnsOnly });
}

// ---------------------------------------------------------------------------
// Staff numbers

/**
 * Spreads `total` staff over the units by weight (largest remainder), after jittering the
 * weights so that each seed gives units somewhat different sizes.
 */
function apportion(rng: Rng, weights: readonly number[], total: number): number[] {
  const jittered = weights.map((w) => w * (0.75 + 0.5 * rng.next()));
  const sum = jittered.reduce((a, b) => a + b, 0);
  const counts = new Array<number>(weights.length).fill(0);
  if (total <= 0 || sum <= 0) return counts;
  const remainders: [number, number][] = [];
  let given = 0;
  jittered.forEach((w, i) => {
    const exact = (total * w) / sum;
    counts[i] = Math.floor(exact);
    given += counts[i];
    remainders.push([exact - counts[i], i]);
  });
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < total - given; k++) counts[remainders[k][1]]++;
  return counts;
}

// ---------------------------------------------------------------------------
// The generator

const EMAIL_DOMAIN = 'denpasarkota.go.id';

/**
 * buildNip, naming the likely cause when it refuses: it checks dates against the real clock,
 * while the generator's dates go up to `options.today`.
 */
function nipOf(parts: Parameters<typeof buildNip>[0]): string {
  try {
    return buildNip(parts);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `generateDemoDirectory: buildNip refused ${JSON.stringify(parts)}: ${reason} ` +
        'buildNip checks dates against the real clock, so options.today must not be after the real date.',
      { cause: error },
    );
  }
}

/**
 * Generates the directory. Throws an Error when `employees` is below
 * {@link DEMO_DIRECTORY_MINIMUM_EMPLOYEES} (one head per unit plus the staff the role grants
 * and logins need), or when `today` is not a real date in 2019 or later.
 */
export function generateDemoDirectory(options: {
  seed: number;
  employees: number;
  today: string;
}): DemoDirectory {
  const { seed, employees: total } = options;
  if (!Number.isFinite(seed))
    throw new Error(`generateDemoDirectory: seed must be a number, got ${seed}.`);
  if (!Number.isInteger(total) || total < DEMO_DIRECTORY_MINIMUM_EMPLOYEES) {
    const coarsest = VIEWS[0];
    throw new Error(
      `generateDemoDirectory needs at least ${DEMO_DIRECTORY_MINIMUM_EMPLOYEES} employees ` +
        `(a head for each of the ${coarsest.nodes.length} units and ` +
        `${coarsest.minimum - coarsest.nodes.length} staff for the unit admin, HR admin, auditor ` +
        `and login roles); got ${total}.`,
    );
  }
  const today = parseToday(options.today);
  const rng = new Rng(seed);
  const view = viewFor(total);
  const extra = apportion(rng, view.weights, total - view.minimum);

  const employees: DemoEmployee[] = [];
  const headNip = new Map<UnitNode, string>();
  const usedNips = new Set<string>();
  const nextSequence = new Map<string, number>();
  const emailCount = new Map<string, number>();
  const forcedNips = new Map<Forced['kind'], string[]>();
  const unitAdminNip = new Map<UnitNode, string>();

  const emit = (
    person: Person,
    node: UnitNode,
    supervisorNip: string | null,
    forced?: Forced,
  ): string => {
    const kind = person.employmentType === 'PNS' ? 'PNS' : 'PPPK';
    const { birthDate, appointment } = person.dates;
    // One counter per (kind, birth date, appointment, sex): the sequence is what tells apart
    // people whose other NIP digits coincide.
    const key = `${kind}${birthDate}${appointment}${person.sex}`;
    let nip: string;
    do {
      const sequence = (nextSequence.get(key) ?? 0) + 1;
      nextSequence.set(key, sequence);
      nip = nipOf({ kind, birthDate, appointment, sex: person.sex, sequence });
    } while (usedNips.has(nip));
    usedNips.add(nip);

    let email: string | null = null;
    if (rng.chance(person.employmentType === 'PPPK_PART_TIME' ? 0.6 : 0.96)) {
      const base = person.emailLocal.toLowerCase().replace(/[^a-z.]/g, '');
      const seen = (emailCount.get(base) ?? 0) + 1;
      emailCount.set(base, seen);
      // Bases hold no digits, so "made.suardana2" can never collide with another base.
      email = `${seen === 1 ? base : `${base}${seen}`}@${EMAIL_DOMAIN}`;
    }
    const phone = rng.chance(0.9) ? phoneNumber(rng) : null;

    employees.push({
      nip,
      name: person.name,
      employmentType: person.employmentType,
      sex: person.sex,
      birthDate,
      rank: person.rank,
      jobType: person.jobType,
      positionTitle: person.positionTitle,
      orgUnitCode: node.unit.code,
      supervisorNip,
      email,
      phone,
      active: true,
    });
    if (forced) {
      const list = forcedNips.get(forced.kind) ?? [];
      list.push(nip);
      forcedNips.set(forced.kind, list);
      if (forced.kind === 'UNIT_ADMIN') unitAdminNip.set(node.opd, nip);
    }
    return nip;
  };

  const sekdaNode = view.nodes[0];
  view.nodes.forEach((node, i) => {
    // Heads report to the head of the parent unit; OPD heads to the Sekda; the Sekda to nobody.
    const above = node.parent
      ? headNip.get(node.parent)
      : node === sekdaNode
        ? null
        : headNip.get(sekdaNode);
    if (above === undefined)
      throw new Error(`Unit ${node.unit.code} was reached before its parent's head.`);
    const head = emit(headPerson(rng, node, today), node, above);
    headNip.set(node, head);

    const forced = view.forced.get(node) ?? [];
    const staff = forced.length + extra[i];
    for (let k = 0; k < staff; k++) {
      const slot = forced[k] as Forced | undefined;
      emit(staffPerson(rng, node, today, slot), node, head, slot);
    }
  });

  const hrAdmins = (forcedNips.get('HR_ADMIN') ?? []).slice(0, rng.int(2, HR_ADMIN_SLOTS));
  const auditors = (forcedNips.get('AUDITOR') ?? []).slice(0, rng.int(1, AUDITOR_SLOTS));
  const roleGrants: DemoRoleGrant[] = [
    ...hrAdmins.map((nip): DemoRoleGrant => ({ nip, roles: ['HR_ADMIN'], adminOrgUnitCode: null })),
    ...auditors.map((nip): DemoRoleGrant => ({ nip, roles: ['AUDITOR'], adminOrgUnitCode: null })),
    ...[...unitAdminNip].map(([opd, nip]): DemoRoleGrant => ({
      nip,
      roles: ['UNIT_ADMIN'],
      adminOrgUnitCode: opd.unit.code,
    })),
  ];

  const loginEmployee = forcedNips.get('LOGIN_EMPLOYEE')?.[0];
  const loginSupervisor = headNip.get(LOGIN_SUPERVISOR_UNIT);
  const loginUnitAdmin = unitAdminNip.get(LOGIN_SUPERVISOR_UNIT.opd);
  if (
    !loginEmployee ||
    !loginSupervisor ||
    !loginUnitAdmin ||
    hrAdmins.length === 0 ||
    auditors.length === 0
  ) {
    throw new Error('generateDemoDirectory: a login could not be assigned.'); // unreachable: the slots are forced
  }

  return {
    units: view.nodes.map((node) => ({ ...node.unit })),
    employees,
    roleGrants,
    logins: {
      hrAdmin: hrAdmins[0],
      supervisor: loginSupervisor,
      employee: loginEmployee,
      unitAdmin: loginUnitAdmin,
      auditor: auditors[0],
    },
  };
}
