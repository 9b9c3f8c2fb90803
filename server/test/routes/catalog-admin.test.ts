import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '@shared/schemas/procedure';
import { count, signedInApp } from '../helper';

describe('catalog administration: import, export, edit', () => {
  const { ctx, send } = signedInApp('admin');

  it('exports the seeded catalog and imports it back unchanged (round trip)', async () => {
    const exported = (await send('GET', '/api/admin/catalog/export')).body as CatalogFile;
    expect(exported.procedures.length).toBe(count(ctx.t.app, 'SELECT COUNT(*) AS n FROM procedures'));
    expect(exported.fields.map((f) => f.code)).toContain('HTICH');
    const before = ctx.t.app.db.prepare('SELECT code, name, data FROM procedures ORDER BY id').all();
    const res = await send('POST', '/api/admin/catalog/import', exported);
    expect(res.body).toMatchObject({ procedures: exported.procedures.length, skipped: 0, errors: [] });
    expect(ctx.t.app.db.prepare('SELECT code, name, data FROM procedures ORDER BY id').all()).toEqual(before);
  });

  it('imports nothing from a file with a bad row, and reports every error by row and column', async () => {
    const good = (await send('GET', '/api/admin/catalog/export')).body as CatalogFile;
    const base = good.procedures[0];
    const file = {
      fields: [{ code: 'MOI', nameVi: 'Lĩnh vực mới', nameEn: 'New', icon: 'stamp', displayOrder: 99 }],
      procedures: [
        { ...base, code: '3.000001', name: 'Thủ tục mới hợp lệ', fieldCode: 'MOI' },
        { ...base, code: 'sai-ma', name: 'Mã sai' },
        { ...base, code: '3.000002', name: 'Lĩnh vực không có', fieldCode: 'KHONG' },
        { ...base, code: '3.000003', name: 'Dịch vụ không có', serviceCode: 'ZZ' },
        { ...base, code: '3.000001', name: 'Trùng mã', fieldCode: 'MOI' },
      ],
    };
    const before = count(ctx.t.app, 'SELECT COUNT(*) AS n FROM procedures');
    const refused = await send('POST', '/api/admin/catalog/import', file);
    expect(refused.status).toBe(400);
    const errors = refused.body.details.errors as { row: number; column: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'code'],
      [3, 'fieldCode'],
      [4, 'serviceCode'],
      [5, 'code'],
    ]);
    expect(count(ctx.t.app, 'SELECT COUNT(*) AS n FROM procedures')).toBe(before);
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM fields WHERE code = 'MOI'")).toBe(0);

    const partial = await send('POST', '/api/admin/catalog/import', { ...file, skipInvalid: true });
    expect(partial.body).toMatchObject({ procedures: 1, skipped: 4 });
    const found = (await ctx.t.app.inject({ url: '/api/procedures?q=thu tuc moi hop le' })).json() as { code: string }[];
    expect(found[0]?.code).toBe('3.000001');
  });

  it('keeps a fee "set by the HĐND" (amount null) and a free one (0) apart through a save, and refuses a typed-as-text amount', async () => {
    const [hit] = (await ctx.t.app.inject({ url: '/api/procedures?q=chung thuc chu ky' })).json() as { id: number }[];
    const proc = (await send('GET', `/api/admin/procedures/${hit?.id}`)).body;
    const { id: _id, fieldId: _f, fieldName: _n, serviceId: _s, updatedAt: _u, ...input } = proc;
    const fees = [
      { name: 'Lệ phí theo nghị quyết HĐND', amount: null, unit: 'đồng/lần', note: '' },
      { name: 'Miễn lệ phí', amount: 0, unit: '', note: '' },
    ];
    const saved = await send('PUT', `/api/admin/procedures/${hit?.id}`, { ...input, fees });
    expect(saved.status).toBe(200);
    expect((await send('GET', `/api/admin/procedures/${hit?.id}`)).body.fees.map((f: { amount: number | null }) => f.amount)).toEqual([null, 0]);
    // JSON carries its types: a number sent as text (or a boolean) is refused whole, nothing changed.
    const typed = await send('PUT', `/api/admin/procedures/${hit?.id}`, { ...input, fees: [{ ...fees[0], amount: '20000' }] });
    expect(typed.status).toBe(400);
    expect((await send('GET', `/api/admin/procedures/${hit?.id}`)).body.fees.map((f: { amount: number | null }) => f.amount)).toEqual([null, 0]);
    await send('PUT', `/api/admin/procedures/${hit?.id}`, input);
  });

  it('edits and retires a procedure; the search index follows', async () => {
    const [hit] = (await ctx.t.app.inject({ url: '/api/procedures?q=chung thuc chu ky' })).json() as { id: number }[];
    const proc = (await send('GET', `/api/admin/procedures/${hit?.id}`)).body;
    const { id: _id, fieldId: _f, fieldName: _n, serviceId: _s, updatedAt: _u, ...input } = proc;
    const renamed = await send('PUT', `/api/admin/procedures/${hit?.id}`, { ...input, name: 'Chứng thực chữ ký người dịch' });
    expect(renamed.body.name).toBe('Chứng thực chữ ký người dịch');
    expect(((await ctx.t.app.inject({ url: '/api/procedures?q=nguoi dich' })).json() as { id: number }[])[0]?.id).toBe(hit?.id);
    await send('PUT', `/api/admin/procedures/${hit?.id}`, { ...input, active: false });
    const after = (await ctx.t.app.inject({ url: '/api/procedures?q=nguoi dich' })).json() as { id: number }[];
    expect(after.map((r) => r.id)).not.toContain(hit?.id);
    expect((await send('GET', `/api/admin/procedures/${hit?.id}`)).body.active).toBe(false);
    const dup = await send('POST', '/api/admin/procedures', input);
    expect(dup.body.code).toBe('CONFLICT');
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.procedure_update'")).toBe(2);
  });

  it('lists every procedure for the admin, retired ones too, and adds or edits a field by its code', async () => {
    const list = (await send('GET', '/api/admin/procedures')).body as { id: number; active: boolean; localSuffix: string }[];
    expect(list.length).toBe(count(ctx.t.app, 'SELECT COUNT(*) AS n FROM procedures'));
    const retired = list[0];
    const proc = (await send('GET', `/api/admin/procedures/${retired?.id}`)).body;
    const { id: _id, fieldId: _f, fieldName: _n, serviceId: _s, updatedAt: _u, ...input } = proc;
    await send('PUT', `/api/admin/procedures/${retired?.id}`, { ...input, active: false });
    const after = (await send('GET', '/api/admin/procedures')).body as { id: number; active: boolean }[];
    expect(after.find((p) => p.id === retired?.id)?.active).toBe(false);

    const added = await send('PUT', '/api/admin/fields', { code: 'TPHAP', nameVi: 'Tư pháp', nameEn: 'Justice', icon: 'stamp', displayOrder: 8 });
    expect(added.body).toMatchObject({ code: 'TPHAP', nameVi: 'Tư pháp', procedureCount: 0 });
    const edited = await send('PUT', '/api/admin/fields', { code: 'TPHAP', nameVi: 'Tư pháp – hộ tịch', nameEn: 'Justice', icon: 'family', displayOrder: 0 });
    expect(edited.body).toMatchObject({ id: added.body.id, nameVi: 'Tư pháp – hộ tịch', icon: 'family' });
    const fields = (await ctx.t.app.inject({ url: '/api/fields' })).json() as { code: string }[];
    expect(fields[0]?.code).toBe('TPHAP');
    const bad = await send('PUT', '/api/admin/fields', { code: 'có dấu', nameVi: '', nameEn: '', icon: '', displayOrder: -1 });
    expect(bad.status).toBe(400);
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'catalog.field_%'")).toBe(2);
  });

  it('removes an empty field, and refuses one that still holds procedures (retired ones too)', async () => {
    const empty = await send('PUT', '/api/admin/fields', { code: 'TAM', nameVi: 'Lĩnh vực tạm', nameEn: 'Temporary', icon: 'stamp', displayOrder: 99 });
    const used = ctx.t.app.db.prepare('SELECT field_id AS id, COUNT(*) AS n FROM procedures GROUP BY field_id LIMIT 1').get() as { id: number; n: number };
    const before = count(ctx.t.app, 'SELECT COUNT(*) AS n FROM fields');
    const refused = await send('DELETE', `/api/admin/fields/${used.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'FIELD_IN_USE', details: { procedures: used.n } });
    expect(count(ctx.t.app, 'SELECT COUNT(*) AS n FROM fields')).toBe(before);
    expect((await send('DELETE', `/api/admin/fields/${empty.body.id}`)).status).toBe(204);
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM fields WHERE code = 'TAM'")).toBe(0);
    expect((await send('DELETE', `/api/admin/fields/${empty.body.id}`)).body.code).toBe('NOT_FOUND');
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.field_delete' AND target_id = 'TAM'")).toBe(1);
  });
});
