import Papa from 'papaparse';

/** A CSV cell as the exports hold it. */
export type CsvCell = string | number | boolean | null;

/**
 * Text a spreadsheet would read as a formula (OWASP "CSV injection": starting with =, +, -, @, tab or CR), or such
 * text behind apostrophes (guarded once more, so that restoring gives back exactly what was written).
 */
const GUARDED = /^'*[=+\-@\t\r]/;
/** A cell neutralised by `neutraliseCell`: one added apostrophe, then guarded text. */
const NEUTRALISED = /^'(?='*[=+\-@\t\r])/;

/**
 * A cell safe to open in Excel or LibreOffice: text that would start a formula gets a leading apostrophe, which the
 * spreadsheet shows as text and never runs ("=HYPERLINK(…)" in a procedure or service name, "- " bullets in fees).
 * Numbers are written as numbers (a negative count is not a formula).
 */
export function neutraliseCell(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && GUARDED.test(cell) ? `'${cell}` : cell;
}

/** The reverse, for a CSV import of our own export: the apostrophe `neutraliseCell` added is dropped. */
export function restoreCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** Rows (and an optional header) as CSV text with CRLF line ends, every cell neutralised. The one CSV writer. */
export function csvText(rows: readonly (readonly CsvCell[])[], header?: readonly string[]): string {
  const data = rows.map((r) => r.map((c) => neutraliseCell(c ?? '')));
  return Papa.unparse(header ? { fields: header.map((h) => String(neutraliseCell(h))), data } : data, { newline: '\r\n' });
}
