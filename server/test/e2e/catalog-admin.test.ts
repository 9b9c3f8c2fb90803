import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { catalogToSheets } from '../../src/services/catalog-sheets';
import { sheetsToXlsx } from '../../src/services/catalog-spreadsheet';
import { testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

describe('catalog administration in the staff app: find, edit, import with row/column errors', () => {
  let app: App;
  let browser: Browser;
  let admin: Page;
  const errors: string[] = [];
  const nameOf = (code: string) => (app.db.prepare('SELECT name FROM procedures WHERE code = ?').get(code) as { name: string }).name;

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    admin = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await admin.getByTestId('sign-in-username').fill('admin');
    await admin.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await admin.getByTestId('sign-in-submit').click();
    await admin.getByTestId('open-admin').click();
    await admin.getByTestId('admin-nav-catalog').click();
    await admin.getByTestId('admin-catalog').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists the procedures and finds one typed without accents', async () => {
    await expect.poll(() => admin.getByTestId('procedures-table-row').count()).toBeGreaterThan(30);
    await shoot(admin, 'admin-catalog');
    await admin.getByTestId('catalog-search').fill('chung thuc chu ky');
    await expect.poll(() => admin.getByTestId('procedures-table-row').count()).toBeLessThan(6);
    expect(await admin.getByTestId('procedures-table-row').first().textContent()).toContain('Chứng thực chữ ký');
  });

  it('edits a procedure: renamed in the database, the document list kept', async () => {
    await admin.getByTestId('catalog-search').fill('dang ky khai sinh');
    // Opened from the keyboard and closed with Escape: a textarea in the dialog shows the two-tone focus ring (navy
    // outline, gold halo), and the focus goes back to the button that opened the dialog.
    const edit = admin.getByTestId('edit-procedure').first();
    await edit.focus();
    await admin.keyboard.press('Enter');
    await admin.getByTestId('procedure-dialog').waitFor();
    const area = admin.getByTestId('procedure-dialog').locator('textarea').first();
    await area.focus();
    const ring = await area.evaluate((el) => {
      const s = el.ownerDocument.defaultView!.getComputedStyle(el);
      return { style: s.outlineStyle, width: s.outlineWidth, colour: s.outlineColor, halo: s.boxShadow };
    });
    expect(ring).toEqual({ style: 'solid', width: '3px', colour: 'rgb(7, 55, 102)', halo: expect.stringContaining('rgb(255, 210, 63)') });
    await shoot(admin, 'admin-dialog-textarea-focus');
    await admin.keyboard.press('Escape');
    await admin.getByTestId('procedure-dialog').waitFor({ state: 'detached' });
    expect(await edit.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await edit.click();
    await admin.getByTestId('procedure-dialog').waitFor();
    await admin.getByTestId('document-name-0').waitFor();
    const name = admin.getByTestId('procedure-name');
    expect(await name.inputValue()).toBe('Đăng ký khai sinh');
    await shoot(admin, 'admin-catalog-edit');
    await name.fill('Đăng ký khai sinh (đã sửa)');
    await admin.getByTestId('form-save').click();
    await admin.getByTestId('procedure-dialog').waitFor({ state: 'detached' });
    expect(nameOf('1.001193')).toBe('Đăng ký khai sinh (đã sửa)');
    const docs = (JSON.parse((app.db.prepare("SELECT data FROM procedures WHERE code = '1.001193'").get() as { data: string }).data) as { documents: unknown[] }).documents;
    expect(docs.length).toBeGreaterThanOrEqual(3);
  });

  it('uploads a form template; the list shows it, unused, with its Vietnamese name', async () => {
    await admin.getByTestId('catalog-tab-files').click();
    await admin.getByTestId('form-file-input').setInputFiles({ name: 'Tờ khai thay đổi hộ tịch.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 tờ khai') });
    await expect.poll(() => admin.getByTestId('files-table-row').count()).toBe(1);
    expect(await admin.getByTestId('files-table-row').textContent()).toContain('Tờ khai thay đổi hộ tịch.pdf');
    expect(app.db.prepare('SELECT name, content_type FROM catalog_files').all()).toEqual([{ name: 'Tờ khai thay đổi hộ tịch.pdf', content_type: 'application/pdf' }]);
    await shoot(admin, 'admin-catalog-files');
    await admin.getByTestId('catalog-tab-procedures').click();
  });

  it('imports a workbook with a bad cell: nothing imported, the error shown by sheet, row and column', async () => {
    const sheets = catalogToSheets(app.hub.catalog.exportAll());
    const row = sheets.procedures[2] as (string | number | null)[];
    row[2] = 'Tên mới không được nhập';
    row[4] = 'huyen';
    const before = nameOf(String(row[0]));
    await admin.getByTestId('catalog-import').click();
    await admin.getByTestId('import-dialog').waitFor();
    await admin.getByTestId('import-file-file').setInputFiles({ name: 'danh-muc.xlsx', mimeType: 'application/octet-stream', buffer: await sheetsToXlsx(sheets) });
    await admin.getByTestId('form-save').click();
    await admin.getByTestId('import-errors').waitFor();
    const table = await admin.getByTestId('import-errors').textContent();
    expect(table).toContain('Thủ tục');
    expect(table).toContain('Cấp thực hiện');
    expect(table).toContain('chọn một trong: xa, tinh, trung_uong');
    expect(await admin.getByTestId('form-banner').textContent()).toContain('Chưa nhập gì');
    await shoot(admin, 'admin-catalog-import-errors');
    expect(nameOf(String(row[0]))).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sheetsToXlsx(sheets)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Thủ tục')?.getRow(3).getCell(5).value).toBe('huyen');
    expect(errors).toEqual([]);
  });
});
