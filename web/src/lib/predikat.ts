import type { Predikat, Rating } from '$lib/gql/graphql';

/** Rows of the matrix: Hasil Kerja, best first. */
export const RESULT_ROWS: readonly Rating[] = ['ABOVE', 'MEETS', 'BELOW'];
/** Columns of the matrix: Perilaku Kerja, as the regulation prints them. */
export const BEHAVIOUR_COLUMNS: readonly Rating[] = ['BELOW', 'MEETS', 'ABOVE'];

const MATRIX: Record<Rating, Record<Rating, Predikat>> = {
  ABOVE: { BELOW: 'POOR', MEETS: 'GOOD', ABOVE: 'VERY_GOOD' },
  MEETS: { BELOW: 'POOR', MEETS: 'GOOD', ABOVE: 'GOOD' },
  BELOW: { BELOW: 'VERY_POOR', MEETS: 'NEEDS_IMPROVEMENT', ABOVE: 'NEEDS_IMPROVEMENT' },
};

/**
 * The predikat of PermenPANRB 6/2022 for two ratings, to preview a choice before it is saved. The
 * server looks it up again and its answer is the one that counts.
 */
export function predikatOf(result: Rating, behaviour: Rating): Predikat {
  return MATRIX[result][behaviour];
}

export const PREDIKAT_ORDER: readonly Predikat[] = [
  'VERY_GOOD',
  'GOOD',
  'NEEDS_IMPROVEMENT',
  'POOR',
  'VERY_POOR',
];

export const CORE_VALUES = [
  'SERVICE_ORIENTED',
  'ACCOUNTABLE',
  'COMPETENT',
  'HARMONIOUS',
  'LOYAL',
  'ADAPTIVE',
  'COLLABORATIVE',
] as const;

export const RATINGS: readonly Rating[] = ['ABOVE', 'MEETS', 'BELOW'];
