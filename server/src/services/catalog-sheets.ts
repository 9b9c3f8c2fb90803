import { foldVietnamese } from '@shared/text-fold';
import { ProcedureInputSchema, type CatalogFile, type ProcedureInput } from '@shared/schemas/procedure';
import type { ImportError } from './catalog-import';

/** A spreadsheet cell as read from XLSX or CSV. */
export type Cell = string | number | boolean | null;
/** A sheet: the header row first, then one row per record. */
export type Sheet = Cell[][];
/** The catalog as spreadsheets: procedures, their documents, and (optionally) the fields. */
export interface CatalogSheets {
  procedures: Sheet;
  documents: Sheet;
  fields: Sheet | null;
}
/** The sheets of an export/import (also the `sheet` query of a CSV export). */
export const SHEET_NAMES = { procedures: 'Thủ tục', documents: 'Thành phần hồ sơ', fields: 'Lĩnh vực' } as const;

type Obj = Record<string, unknown>;
interface Column {
  header: string;
  /** JSON path of the value in a ProcedureInput (or field row); errors under it are reported in this column. */
  path: string;
  get: (o: Obj) => Cell;
  set: (o: Obj, cell: Cell) => void;
}

/** Several values in one cell: one per line; the parts of a value separated by " | ". */
const SEP = ' | ';
const text = (c: Cell): string => (c === null ? '' : String(c).trim());
const lines = (c: Cell): string[] => text(c).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
const parts = (line: string): string[] => line.split('|').map((p) => p.trim());
/** A number cell; anything else is kept as typed so the schema reports it in its column. */
function num(c: Cell, empty: number | null): unknown {
  if (typeof c === 'number') return c;
  const s = text(c);
  if (s === '') return empty;
  const plain = /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : s;
}
function bool(c: Cell): unknown {
  if (typeof c === 'boolean') return c;
  const s = foldVietnamese(text(c));
  if (['co', 'x', 'true', '1', 'yes'].includes(s)) return true;
  if (['khong', '', 'false', '0', 'no'].includes(s)) return false;
  return text(c);
}
/** "dd/mm/yyyy" (as typed in Vietnam) or "yyyy-mm-dd"; empty → null. */
function day(s: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  return s === '' ? null : s;
}

const str = (header: string, key: string): Column => ({ header, path: key, get: (o) => (o[key] as string) ?? '', set: (o, c) => (o[key] = text(c)) });
const time = (o: Obj) => (o.processingTime ?? (o.processingTime = {})) as Obj;

/** The procedures sheet, one row per procedure; lists inside a cell one item per line. */
/** A national code typed into Excel may come back as a number (1.0001 for "1.000100"): six decimals restore it. */
const code = (): Column => ({ ...str('Mã thủ tục', 'code'), set: (o, c) => (o.code = typeof c === 'number' ? c.toFixed(6) : text(c)) });

const PROCEDURE_COLUMNS: Column[] = [
  code(),
  str('Mã địa phương', 'localSuffix'),
  str('Tên thủ tục', 'name'),
  str('Mã lĩnh vực', 'fieldCode'),
  str('Cấp thực hiện (xa, tinh, trung_uong)', 'level'),
  str('Cơ quan thực hiện', 'implementingAgency'),
  str('Cơ quan có thẩm quyền', 'competentAgency'),
  str('Cơ chế (mot_cua, lien_thong)', 'mechanism'),
  { header: 'Cơ quan phối hợp (mỗi dòng một cơ quan)', path: 'coordinatingAgencies', get: (o) => (o.coordinatingAgencies as string[]).join('\n'), set: (o, c) => (o.coordinatingAgencies = lines(c)) },
  { header: 'Thời hạn giải quyết', path: 'processingTime/text', get: (o) => time(o).text as string, set: (o, c) => (time(o).text = text(c)) },
  { header: 'Cách tính thời hạn (working_days, calendar_days, hours, same_day)', path: 'processingTime/kind', get: (o) => time(o).kind as string, set: (o, c) => (time(o).kind = text(c)) },
  { header: 'Số ngày hoặc giờ', path: 'processingTime/value', get: (o) => time(o).value as number | null, set: (o, c) => (time(o).value = num(c, null)) },
  { header: 'Nhận sau 15 giờ thì tính từ ngày sau (có/không)', path: 'processingTime/cutoff15h', get: (o) => (time(o).cutoff15h ? 'có' : 'không'), set: (o, c) => (time(o).cutoff15h = bool(c)) },
  {
    header: 'Phí, lệ phí (mỗi dòng: tên | số tiền | đơn vị | ghi chú)',
    path: 'fees',
    get: (o) => (o.fees as ProcedureInput['fees']).map((f) => [f.name, f.amount ?? '', f.unit, f.note].join(SEP)).join('\n'),
    set: (o, c) =>
      (o.fees = lines(c).map((l) => {
        const [name = '', amount = '', unit = '', ...note] = parts(l);
        return { name, amount: num(amount, null), unit, note: note.join(SEP) };
      })),
  },
  { header: 'Trình tự thực hiện (mỗi dòng một bước)', path: 'steps', get: (o) => (o.steps as string[]).join('\n'), set: (o, c) => (o.steps = lines(c)) },
  str('Đối tượng thực hiện', 'applicants'),
  str('Kết quả', 'result'),
  {
    header: 'Căn cứ pháp lý (mỗi dòng: số hiệu | trích yếu | ngày ban hành | cơ quan ban hành)',
    path: 'legalBasis',
    get: (o) => (o.legalBasis as ProcedureInput['legalBasis']).map((l) => [l.number, l.summary, l.date ?? '', l.issuer].join(SEP)).join('\n'),
    set: (o, c) =>
      (o.legalBasis = lines(c).map((l) => {
        const [number = '', summary = '', date = '', ...issuer] = parts(l);
        return { number, summary, date: day(date), issuer: issuer.join(SEP) };
      })),
  },
  str('Yêu cầu, điều kiện', 'conditions'),
  str('Mức độ trực tuyến (toan_trinh, mot_phan, khong)', 'onlineLevel'),
  str('Mã dịch vụ xếp hàng', 'serviceCode'),
  { header: 'Đang áp dụng (có/không)', path: 'active', get: (o) => (o.active ? 'có' : 'không'), set: (o, c) => (o.active = bool(c)) },
  str('Nguồn', 'source'),
];

/** The documents sheet, one row per required document, linked to its procedure by code and local suffix. */
const DOCUMENT_COLUMNS: Column[] = [
  code(),
  str('Mã địa phương', 'localSuffix'),
  { header: 'STT', path: 'order', get: (o) => o.order as number, set: (o, c) => (o.order = num(c, 0)) },
  str('Tên giấy tờ', 'name'),
  { header: 'Số bản chính', path: 'originals', get: (o) => o.originals as number, set: (o, c) => (o.originals = num(c, 0)) },
  { header: 'Số bản sao', path: 'copies', get: (o) => o.copies as number, set: (o, c) => (o.copies = num(c, 0)) },
  str('Ghi chú', 'note'),
  { header: 'Tệp mẫu đơn', path: 'formFile', get: (o) => (o.formFile as string | null) ?? '', set: (o, c) => (o.formFile = text(c) || null) },
];

const FIELD_COLUMNS: Column[] = [
  str('Mã lĩnh vực', 'code'),
  str('Tên lĩnh vực', 'nameVi'),
  str('Tên tiếng Anh', 'nameEn'),
  str('Biểu tượng', 'icon'),
  { header: 'Thứ tự', path: 'displayOrder', get: (o) => o.displayOrder as number, set: (o, c) => (o.displayOrder = num(c, 0)) },
];

const toRow = (columns: Column[], o: Obj): Cell[] => columns.map((c) => c.get(o) ?? '');

/** The whole catalog as sheets (header row first), in the import format. */
export function catalogToSheets(file: CatalogFile): CatalogSheets {
  const documents: Sheet = [DOCUMENT_COLUMNS.map((c) => c.header)];
  for (const p of file.procedures) {
    p.documents.forEach((d, i) => documents.push(toRow(DOCUMENT_COLUMNS, { ...d, code: p.code, localSuffix: p.localSuffix, order: i + 1 })));
  }
  return {
    procedures: [PROCEDURE_COLUMNS.map((c) => c.header), ...file.procedures.map((p) => toRow(PROCEDURE_COLUMNS, p as unknown as Obj))],
    documents,
    fields: [FIELD_COLUMNS.map((c) => c.header), ...file.fields.map((f) => toRow(FIELD_COLUMNS, f))],
  };
}

/** Header → column index; a header matches whatever its case and accents (the part before "(" is enough). */
function headerIndex(sheet: ImportError['sheet'], header: Cell[], columns: Column[], errors: ImportError[]): Map<Column, number> {
  const key = (h: string) => foldVietnamese(h.split('(')[0] ?? '').trim();
  const found = new Map(header.map((h, i) => [key(text(h)), i]));
  const map = new Map<Column, number>();
  for (const c of columns) {
    const i = found.get(key(c.header));
    if (i === undefined) errors.push({ sheet, row: 1, column: c.header, message: `Thiếu cột "${c.header}".` });
    else map.set(c, i);
  }
  return map;
}

function readRows(sheet: ImportError['sheet'], rows: Sheet, columns: Column[], errors: ImportError[]): { row: number; value: Obj }[] {
  const [header = [], ...body] = rows;
  const index = headerIndex(sheet, header, columns, errors);
  const out: { row: number; value: Obj }[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => text(c) === '')) return;
    const value: Obj = {};
    for (const [col, at] of index) col.set(value, cells[at] ?? null);
    out.push({ row: i + 2, value });
  });
  return out;
}

/**
 * Reads the sheets back into the JSON import format, keeping where each value came from: `locate` turns an error
 * of the validator (JSON path, index from 1) into the sheet, row number and column header the admin sees.
 */
export function sheetsToCatalog(sheets: CatalogSheets) {
  const errors: ImportError[] = [];
  const procs = readRows('procedures', sheets.procedures, PROCEDURE_COLUMNS, errors);
  const docs = readRows('documents', sheets.documents, DOCUMENT_COLUMNS, errors);
  const fields = sheets.fields ? readRows('fields', sheets.fields, FIELD_COLUMNS, errors) : [];
  const byKey = new Map(procs.map((p) => [`${text(p.value.code as Cell)}|${text(p.value.localSuffix as Cell)}`, p]));
  const docRows = new Map<Obj, number[]>(procs.map((p) => [p.value, []]));
  for (const p of procs) p.value.documents = [];
  const ordered = [...docs].sort((a, b) => (Number(a.value.order) || 0) - (Number(b.value.order) || 0) || a.row - b.row);
  for (const d of ordered) {
    const owner = byKey.get(`${text(d.value.code as Cell)}|${text(d.value.localSuffix as Cell)}`);
    if (!owner) {
      errors.push({ sheet: 'documents', row: d.row, column: 'Mã thủ tục', message: `Không có thủ tục mã "${String(d.value.code)}" trong trang "${SHEET_NAMES.procedures}".` });
      continue;
    }
    const { code: _c, localSuffix: _l, order: _o, ...doc } = d.value;
    (owner.value.documents as Obj[]).push(doc);
    docRows.get(owner.value)?.push(d.row);
  }

  const columnOf = (columns: Column[], path: string) =>
    columns.find((c) => path === c.path || path.startsWith(`${c.path}/`));
  /** Validator error (row = index + 1 in the JSON arrays, column = JSON path) → sheet, row and header. */
  function locate(e: ImportError): ImportError {
    if (e.sheet === 'fields') {
      const col = columnOf(FIELD_COLUMNS, e.column);
      return { sheet: 'fields', row: fields[e.row - 1]?.row ?? e.row, column: col?.header ?? '', message: e.message };
    }
    const proc = procs[e.row - 1];
    const doc = /^documents\/(\d+)(?:\/(.*))?$/.exec(e.column);
    if (proc && doc) {
      const col = columnOf(DOCUMENT_COLUMNS, doc[2] ?? '');
      return { sheet: 'documents', row: docRows.get(proc.value)?.[Number(doc[1])] ?? 0, column: col?.header ?? '', message: e.message };
    }
    const col = columnOf(PROCEDURE_COLUMNS, e.column);
    const line = /^(?:fees|legalBasis|steps|coordinatingAgencies)\/(\d+)/.exec(e.column);
    const message = line ? `Dòng ${Number(line[1]) + 1} trong ô: ${e.message}` : e.message;
    return { sheet: 'procedures', row: proc?.row ?? e.row, column: col?.header ?? '', message };
  }

  // Keys in the schema's order, so a procedure read back from a sheet is stored exactly as one read from JSON.
  const order = Object.keys(ProcedureInputSchema.properties);
  const canonical = (v: Obj): Obj => Object.fromEntries(order.filter((k) => k in v).map((k) => [k, v[k]]));
  return { raw: { fields: fields.map((f) => f.value), procedures: procs.map((p) => canonical(p.value)) }, errors, locate };
}
