import { predikat } from '$reference/asn-reference.json';
import type { Predikat, Rating } from '$lib/gql/graphql';

/** Rows of the matrix: Hasil Kerja, best first. */
export const RESULT_ROWS: readonly Rating[] = ['ABOVE', 'MEETS', 'BELOW'];
/** Columns of the matrix: Perilaku Kerja, as the regulation prints them. */
export const BEHAVIOUR_COLUMNS: readonly Rating[] = ['BELOW', 'MEETS', 'ABOVE'];

// The regulation's matrix, from the same reference data the server reads (asn-reference.json).
const MATRIX = predikat.matrix as Record<Rating, Record<Rating, Predikat>>;

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
