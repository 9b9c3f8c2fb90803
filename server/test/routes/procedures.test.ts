import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '@shared/schemas/procedure';
import { buildTestApp } from '../helper';

function procedure(code: string, name: string, fieldCode: string, over: Partial<ProcedureInput> = {}): ProcedureInput {
  return {
    code,
    localSuffix: '',
    name,
    fieldCode,
    level: 'xa',
    implementingAgency: 'Ủy ban nhân dân cấp xã',
    competentAgency: '',
    mechanism: 'mot_cua',
    coordinatingAgencies: [],
    processingTime: { text: 'Ngay trong ngày', kind: 'same_day', value: 0, cutoff15h: true },
    fees: [],
    documents: [{ name: 'Tờ khai', originals: 1, copies: 0, note: '', formFile: null }],
    steps: [],
    applicants: 'Cá nhân',
    result: '',
    legalBasis: [],
    conditions: '',
    onlineLevel: 'mot_phan',
    serviceCode: 'HT',
    active: true,
    source: 'test',
    ...over,
  };
}

describe('procedure search (accent-insensitive, ranked)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const q = async (query: string) => (await t.app.inject({ url: `/api/procedures?q=${encodeURIComponent(query)}` })).json() as { name: string; code: string; serviceId: number | null }[];

  beforeAll(async () => {
    // The demo seed loads the real catalog (server/seed/catalog.vi.json); one retired test entry is added.
    t = await buildTestApp();
    t.app.hub.catalog.load({ fields: [], procedures: [procedure('9.000005', 'Đăng ký khai tử thử nghiệm (ngừng)', 'HTICH', { active: false })] });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'dăng ky khai sinh', 'Đăng ký khai sinh', 'dang ky khai s', 'khai sinh'])('"%s" finds "Đăng ký khai sinh" first', async (query) => {
    expect((await q(query))[0]?.name).toBe('Đăng ký khai sinh');
  });

  it('ranks name matches before matches elsewhere', async () => {
    const results = await q('khai sinh');
    const nameHits = results.filter((r) => /khai sinh/i.test(r.name));
    expect(nameHits.length).toBeGreaterThanOrEqual(4);
    // Every procedure with "khai sinh" in its name comes before any that mentions it only in its documents.
    expect(results.slice(0, nameHits.length).every((r) => /khai sinh/i.test(r.name))).toBe(true);
  });

  it('finds by national code, filters by field, hides retired procedures, links the queue service', async () => {
    expect((await q('2.000815')).map((r) => r.code)).toEqual(['2.000815']);
    expect((await q('khai tu thu nghiem')).length).toBe(0);
    const fields = (await t.app.inject({ url: '/api/fields' })).json() as { id: number; code: string; procedureCount: number }[];
    expect(fields.length).toBeGreaterThanOrEqual(6);
    const ct = fields.find((f) => f.code === 'CTHUC');
    expect(ct?.procedureCount).toBeGreaterThanOrEqual(7);
    const inField = (await t.app.inject({ url: `/api/procedures?q=chu ky&fieldId=${ct?.id}` })).json() as { code: string; serviceId: number }[];
    expect(inField[0]).toMatchObject({ code: '2.000884', serviceId: 2 });
    const all = (await t.app.inject({ url: '/api/procedures?limit=100' })).json() as unknown[];
    expect(all.length).toBeGreaterThanOrEqual(35);
  });

  it('returns a full listing by id and 404 for retired or unknown ones', async () => {
    const [hit] = await q('dang ky khai sinh');
    const detail = (await t.app.inject({ url: `/api/procedures/${(hit as unknown as { id: number }).id}` })).json();
    expect(detail).toMatchObject({ code: '1.001193', fieldName: 'Hộ tịch', serviceId: 1, processingTime: { kind: 'same_day', cutoff15h: true } });
    expect(detail.documents.length).toBeGreaterThan(1);
    expect((await t.app.inject({ url: '/api/procedures/99999' })).json().code).toBe('NOT_FOUND');
    const retired = t.app.hub.repos.catalogSearch.byCode('9.000005', '');
    expect((await t.app.inject({ url: `/api/procedures/${retired?.id}` })).json().code).toBe('NOT_FOUND');
  });

  it('rejects bad queries with 400', async () => {
    for (const url of ['/api/procedures?limit=0', '/api/procedures?limit=abc', `/api/procedures?q=${'x'.repeat(300)}`, '/api/procedures?fieldId=-1', '/api/procedures?other=1']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});
