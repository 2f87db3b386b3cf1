import { stringify } from 'csv-stringify/browser/esm/sync';
import { neutraliseFormula } from '$kernel/spreadsheet';

export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe
  // (OWASP's rule for CSV injection; server/src/kernel/spreadsheet.ts). Numbers are numbers.
  return typeof value === 'string' ? neutraliseFormula(value) : String(value);
}

/** RFC 4180 text of `rows`, CRLF line ends, written by csv-stringify. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => row.map(cell)),
    { record_delimiter: 'windows', quoted_match: /;/ },
  ).replace(/\r\n$/, '');
}

/**
 * Offers `rows` as a CSV file download. A byte-order mark comes first so spreadsheet programs read
 * the names (with their accents and degrees) as UTF-8.
 */
export function downloadCsv(filename: string, rows: readonly (readonly CsvCell[])[]): void {
  const blob = new Blob(['\ufeff', toCsv(rows), '\r\n'], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name part from free text: letters, digits and dashes. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'data'
  );
}
