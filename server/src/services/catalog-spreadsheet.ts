import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { foldVietnamese } from '@shared/text-fold';
import { fail } from '../errors';
import { SHEET_NAMES, type CatalogSheets, type Cell, type Sheet } from './catalog-sheets';
import { csvText, restoreCell } from './csv-cells';
import { checkUnpackedSize } from './zip-guard';

/** MIME type of an XLSX workbook (also the content type of an XLSX import body). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Largest number of data rows read from one sheet. */
const MAX_ROWS = 20_000;

/** Column widths (characters) of the export: wide for names and lists, narrow for codes and counts. */
function widthOf(header: string): number {
  if (/^(Mã|STT|Số|Thứ tự|Đang|Cấp|Cơ chế|Biểu)/.test(header)) return 14;
  if (/Tên|Phí|Căn cứ|Trình tự|Thời hạn giải quyết|Ghi chú|Yêu cầu|Kết quả/.test(header)) return 48;
  return 26;
}

/** The catalog as one workbook: a sheet of procedures, one of documents, one of fields. */
export async function sheetsToXlsx(sheets: CatalogSheets): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const entries: [string, Sheet | null][] = [
    [SHEET_NAMES.procedures, sheets.procedures],
    [SHEET_NAMES.documents, sheets.documents],
    [SHEET_NAMES.fields, sheets.fields],
  ];
  for (const [name, rows] of entries) {
    if (!rows) continue;
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const r of rows) ws.addRow(r.map((c) => c ?? ''));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE8F5' } };
    });
    (rows[0] ?? []).forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = widthOf(String(h));
      col.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's value as text or number (rich text joined, formulas by their result, dates as yyyy-mm-dd). */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return null;
}

function readSheet(ws: ExcelJS.Worksheet): Sheet {
  if (ws.rowCount > MAX_ROWS + 1) fail('PAYLOAD_TOO_LARGE');
  const rows: Sheet = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => cellValue(row.getCell(c + 1).value)));
  }
  return rows;
}

/** Reads a workbook holding the export's sheets (found by name, accents and case ignored). */
export async function xlsxToSheets(body: Buffer): Promise<CatalogSheets> {
  const wb = new ExcelJS.Workbook();
  const notXlsx = () => fail('VALIDATION_FAILED', { errors: [{ sheet: 'procedures', row: 0, column: '', message: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ.' }], errorCount: 1 });
  // A zip bomb is refused before ExcelJS unpacks anything.
  if (!(await checkUnpackedSize(body))) notXlsx();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    notXlsx();
  }
  const find = (name: string) => wb.worksheets.find((ws) => foldVietnamese(ws.name).trim() === foldVietnamese(name));
  const procedures = find(SHEET_NAMES.procedures);
  const documents = find(SHEET_NAMES.documents);
  const missing = [procedures ? null : SHEET_NAMES.procedures, documents ? null : SHEET_NAMES.documents].filter((n) => n !== null);
  if (!procedures || !documents) {
    fail('VALIDATION_FAILED', {
      errors: missing.map((n) => ({ sheet: n === SHEET_NAMES.procedures ? 'procedures' : 'documents', row: 0, column: '', message: `Thiếu trang tính "${n}".` })),
      errorCount: missing.length,
    });
  }
  const fields = find(SHEET_NAMES.fields);
  return { procedures: readSheet(procedures), documents: readSheet(documents), fields: fields ? readSheet(fields) : null };
}

/** One sheet as CSV: UTF-8 with a byte-order mark so Excel shows the Vietnamese letters, CRLF line ends, no live formula. */
export function sheetToCsv(rows: Sheet): string {
  return `\uFEFF${csvText(rows)}`;
}

/** Parses one CSV sheet (comma or semicolon separated; a byte-order mark is ignored; our formula guards are dropped). */
export function csvToSheet(text: string): Sheet {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  if (parsed.data.length > MAX_ROWS + 1) fail('PAYLOAD_TOO_LARGE');
  return parsed.data.map((row) => row.map(restoreCell));
}
