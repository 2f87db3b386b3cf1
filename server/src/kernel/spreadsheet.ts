/**
 * Cells that a spreadsheet would run as a formula (CSV injection, OWASP): text starting with
 * =, +, -, @, a tab or a carriage return. On export such a cell gets a leading apostrophe,
 * which spreadsheets show as text and do not evaluate; on import the apostrophe that an export
 * added is taken off again, so a file round-trips unchanged.
 *
 * The dashboard imports this file too (alias `$kernel`): keep it free of imports.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as it is safe to write into a CSV (or XLSX) file for spreadsheets. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A cell read from such a file: the apostrophe {@link neutraliseFormula} added, removed. */
export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
