import { registerEnumType } from 'type-graphql';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  APPROVED = 'APPROVED',
}

export enum WorkResultKind {
  MAIN = 'MAIN',
  ADDITIONAL = 'ADDITIONAL',
}

export enum ResultAspect {
  QUANTITY = 'QUANTITY',
  QUALITY = 'QUALITY',
  TIME = 'TIME',
  COST = 'COST',
}

/** The seven BerAKHLAK core values, the basis of Perilaku Kerja. */
export enum CoreValue {
  SERVICE_ORIENTED = 'SERVICE_ORIENTED',
  ACCOUNTABLE = 'ACCOUNTABLE',
  COMPETENT = 'COMPETENT',
  HARMONIOUS = 'HARMONIOUS',
  LOYAL = 'LOYAL',
  ADAPTIVE = 'ADAPTIVE',
  COLLABORATIVE = 'COLLABORATIVE',
}

export const CORE_VALUES: readonly CoreValue[] = Object.values(CoreValue);

registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'Status of an SKP',
  valuesConfig: {
    DRAFT: { description: 'Being written by the employee' },
    SUBMITTED: { description: 'Waiting for the assessor' },
    REVISION_REQUESTED: { description: 'Returned by the assessor for changes' },
    APPROVED: { description: 'Ditetapkan: approved by the assessor; read-only' },
  },
});
registerEnumType(WorkResultKind, {
  name: 'WorkResultKind',
  description: 'RHK Utama or RHK Tambahan',
  valuesConfig: { MAIN: { description: 'Utama' }, ADDITIONAL: { description: 'Tambahan' } },
});
registerEnumType(ResultAspect, {
  name: 'ResultAspect',
  description: 'Aspect of an IKI',
  valuesConfig: {
    QUANTITY: { description: 'Kuantitas' },
    QUALITY: { description: 'Kualitas' },
    TIME: { description: 'Waktu' },
    COST: { description: 'Biaya' },
  },
});
registerEnumType(CoreValue, {
  name: 'CoreValue',
  description: 'BerAKHLAK core values',
  valuesConfig: {
    SERVICE_ORIENTED: { description: 'Berorientasi Pelayanan' },
    ACCOUNTABLE: { description: 'Akuntabel' },
    COMPETENT: { description: 'Kompeten' },
    HARMONIOUS: { description: 'Harmonis' },
    LOYAL: { description: 'Loyal' },
    ADAPTIVE: { description: 'Adaptif' },
    COLLABORATIVE: { description: 'Kolaboratif' },
  },
});
