import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../../src/services/catalog-spreadsheet';
import { count, signedInApp } from '../helper';

type ImportErr = { sheet: string; row: number; column: string; message: string };

describe('catalog as spreadsheets: XLSX and CSV export and import', () => {
  const { ctx, send } = signedInApp('admin');
  const snapshot = () => ctx.t.app.db.prepare('SELECT code, local_suffix, name, field_id, service_id, active, data FROM procedures ORDER BY id').all();
  const get = (url: string) => ctx.t.app.inject({ method: 'GET', url, headers: { cookie: ctx.cookie } });
  const postXlsx = (body: Buffer, query = '') =>
    ctx.t.app.inject({ method: 'POST', url: `/api/admin/catalog/import/xlsx${query}`, headers: { cookie: ctx.cookie, 'content-type': XLSX_TYPE }, payload: body });
  async function exportWorkbook(): Promise<ExcelJS.Workbook> {
    const res = await get('/api/admin/catalog/export?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  }
  const headerIndex = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).findIndex((v) => typeof v === 'string' && v.startsWith(header));

  it('exports three sheets with Vietnamese headers and imports the workbook back unchanged', async () => {
    const wb = await exportWorkbook();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thủ tục', 'Thành phần hồ sơ', 'Lĩnh vực']);
    const procedures = wb.getWorksheet('Thủ tục') as ExcelJS.Worksheet;
    expect(procedures.getRow(1).getCell(1).value).toBe('Mã thủ tục');
    expect(procedures.rowCount - 1).toBe(count(ctx.t.app, 'SELECT COUNT(*) AS n FROM procedures'));
    const docs = wb.getWorksheet('Thành phần hồ sơ') as ExcelJS.Worksheet;
    const totalDocs = (ctx.t.app.db.prepare('SELECT data FROM procedures').all() as { data: string }[]).reduce((n, r) => n + (JSON.parse(r.data) as { documents: unknown[] }).documents.length, 0);
    expect(docs.rowCount - 1).toBe(totalDocs);

    const before = snapshot();
    const res = await postXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ procedures: before.length, skipped: 0, errors: [] });
    expect(snapshot()).toEqual(before);
  });

  it('exports each sheet as CSV (UTF-8 with BOM) and imports the CSV files back unchanged', async () => {
    const csv: Record<string, string> = {};
    for (const sheet of ['procedures', 'documents', 'fields']) {
      const res = await get(`/api/admin/catalog/export?format=csv&sheet=${sheet}`);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      csv[sheet] = res.body;
    }
    expect(csv.procedures).toContain('Đăng ký khai sinh');
    const before = snapshot();
    const res = await send('POST', '/api/admin/catalog/import/csv', csv);
    expect(res.body).toMatchObject({ procedures: before.length, skipped: 0 });
    expect(snapshot()).toEqual(before);
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.import' AND details LIKE '%csv%'")).toBe(1);
  });

  it('a bad workbook reports each error by sheet, row and column in Vietnamese, and imports nothing', async () => {
    const wb = await exportWorkbook();
    const procedures = wb.getWorksheet('Thủ tục') as ExcelJS.Worksheet;
    const docs = wb.getWorksheet('Thành phần hồ sơ') as ExcelJS.Worksheet;
    procedures.getRow(3).getCell(headerIndex(procedures, 'Cấp thực hiện')).value = 'huyen';
    procedures.getRow(4).getCell(headerIndex(procedures, 'Phí, lệ phí')).value = 'Lệ phí | 10.000 | đồng | \nPhí sao | năm nghìn | đồng/bản';
    procedures.getRow(procedures.rowCount).getCell(headerIndex(procedures, 'Tên thủ tục')).value = 'Thủ tục đã đổi tên';
    docs.getRow(6).getCell(headerIndex(docs, 'Số bản sao')).value = 'hai';
    docs.addRow(['9.999999', '', 1, 'Giấy tờ mồ côi', 1, 0, '', '']);
    const before = snapshot();

    const res = await postXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; details: { errors: ImportErr[]; errorCount: number } };
    expect(body.code).toBe('VALIDATION_FAILED');
    const found = body.details.errors.map((e) => [e.sheet, e.row, e.column.split(' (')[0]]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['procedures', 3, 'Cấp thực hiện'],
        ['procedures', 4, 'Phí, lệ phí'],
        ['documents', 6, 'Số bản sao'],
        ['documents', docs.rowCount, 'Mã thủ tục'],
      ]),
    );
    expect(body.details.errorCount).toBe(4);
    const messages = Object.fromEntries(body.details.errors.map((e) => [`${e.sheet}:${e.row}`, e.message]));
    expect(messages['procedures:3']).toBe('Giá trị không hợp lệ; chọn một trong: xa, tinh, trung_uong.');
    expect(messages['procedures:4']).toBe('Dòng 2 trong ô: Phải là số nguyên, hoặc để trống.');
    expect(messages['documents:6']).toBe('Phải là số nguyên.');
    expect(messages[`documents:${docs.rowCount}`]).toContain('Không có thủ tục mã "9.999999"');
    expect(snapshot()).toEqual(before);

    // With "skip invalid rows" the good rows go in (the renamed procedure), the bad ones are reported.
    const partial = await postXlsx(Buffer.from(await wb.xlsx.writeBuffer()), '?skipInvalid=true');
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({ skipped: 4 });
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM procedures WHERE name = 'Thủ tục đã đổi tên'")).toBe(1);
  });

  it('a missing column refuses the whole file, even with "skip invalid rows"; so does a file that is not a workbook', async () => {
    const rows = Papa.parse<string[]>((await get('/api/admin/catalog/export?format=csv&sheet=procedures')).body.replace(/^\uFEFF/, '')).data;
    const without = rows.map((r) => r.filter((_, i) => i !== 2));
    const docs = (await get('/api/admin/catalog/export?format=csv&sheet=documents')).body;
    const before = snapshot();
    const res = await send('POST', '/api/admin/catalog/import/csv', { procedures: Papa.unparse(without), documents: docs, skipInvalid: true });
    expect(res.status).toBe(400);
    expect(res.body.details.errors).toContainEqual({ sheet: 'procedures', row: 1, column: 'Tên thủ tục', message: 'Thiếu cột "Tên thủ tục".' });
    expect(snapshot()).toEqual(before);

    const junk = await postXlsx(Buffer.from('không phải tệp excel'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().details.errors[0].message).toBe('Tệp không phải bảng tính Excel (.xlsx) hợp lệ.');
    const noBody = await ctx.t.app.inject({ method: 'POST', url: '/api/admin/catalog/import/xlsx', headers: { cookie: ctx.cookie } });
    expect(noBody.statusCode).toBe(400);
    const badFormat = await get('/api/admin/catalog/export?format=pdf');
    expect(badFormat.statusCode).toBe(400);
  });
});
