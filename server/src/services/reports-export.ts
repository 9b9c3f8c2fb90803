import ExcelJS from 'exceljs';
import type { ReportFormat } from '@shared/schemas/report';
import { csvText } from './csv-cells';

/** One column of an exported table: a Vietnamese header and how to read the cell from a row. */
export interface ExportColumn<R> {
  header: string;
  value: (row: R) => string | number | null;
  /** Excel column width in characters. */
  width?: number;
}

/** One sheet (XLSX) or section (CSV) of an exported report. */
export interface ExportTable<R> {
  sheet: string;
  columns: ExportColumn<R>[];
  rows: R[];
  /** A last, bold row (e.g. "Tổng cộng"). */
  total?: R;
}

/** A report as a document: a title, lines under it (period, office), and its tables. */
export interface ExportDocument {
  title: string;
  subtitle: string[];
  /** Tables of different row types (built with `table()`); each table's columns read its own rows. */
  tables: ExportTable<unknown>[];
}

/** A downloadable file. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Typed constructor for one table of a document. */
export const table = <R>(t: ExportTable<R>): ExportTable<unknown> => t as unknown as ExportTable<unknown>;

function cells<R>(t: ExportTable<R>, row: R): (string | number | null)[] {
  return t.columns.map((c) => c.value(row));
}

async function toXlsx(doc: ExportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  for (const t of doc.tables) {
    const ws = wb.addWorksheet(t.sheet);
    ws.addRow([doc.title]).font = { bold: true, size: 14 };
    for (const line of doc.subtitle) ws.addRow([line]);
    ws.addRow([]);
    const header = ws.addRow(t.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE8F5' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const r of t.rows) ws.addRow(cells(t, r));
    if (t.total !== undefined) ws.addRow(cells(t, t.total)).font = { bold: true };
    t.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? 14;
    });
    ws.views = [{ state: 'frozen', ySplit: header.number }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function toCsv(doc: ExportDocument): Buffer {
  const blocks = doc.tables.map((t) => {
    const data = t.rows.map((r) => cells(t, r));
    if (t.total !== undefined) data.push(cells(t, t.total));
    return csvText(data, t.columns.map((c) => c.header));
  });
  // A byte-order mark so Excel opens the Vietnamese text as UTF-8.
  return Buffer.from(`\uFEFF${blocks.join('\r\n\r\n')}\r\n`, 'utf8');
}

/** Renders a report document as XLSX or CSV. */
export async function renderExport(doc: ExportDocument, format: ReportFormat, baseName: string): Promise<ExportFile> {
  const body = format === 'xlsx' ? await toXlsx(doc) : toCsv(doc);
  return { body, contentType: CONTENT_TYPES[format], filename: `${baseName}.${format}` };
}

/** Accents removed, spaces to dashes: the ASCII fallback filename for old clients. */
function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-');
}

/** `Content-Disposition` for a download with a Vietnamese name (RFC 6266 with an RFC 5987 `filename*`). */
export function contentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName(filename)}"; filename*=UTF-8''${encoded}`;
}
