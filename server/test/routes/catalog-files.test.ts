import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_FILE_TYPES, MAX_FORM_FILE_BYTES, type Procedure } from '@shared/schemas/procedure';
import { contentDisposition } from '../../src/services/catalog-files';
import { count, signedInApp } from '../helper';

const NAME = 'Tờ khai đăng ký khai sinh.docx';
/** A ZIP header (what every .docx starts with) and some content. */
const docx = (text: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(text)]);

describe('form templates (mẫu đơn) of procedures: upload, download with a Vietnamese name, delete', () => {
  const { ctx, send } = signedInApp('admin');
  const dir = () => join(ctx.t.config.dir, 'catalog-files');
  const upload = (name: string, body: Buffer, type: string = FORM_FILE_TYPES.docx) =>
    ctx.t.app.inject({ method: 'POST', url: `/api/admin/catalog/files?name=${encodeURIComponent(name)}`, headers: { cookie: ctx.cookie, 'content-type': type }, payload: body });
  const download = (name: string) => ctx.t.app.inject({ method: 'GET', url: `/api/forms/${encodeURIComponent(name)}` });
  async function birthRegistration(): Promise<{ id: number; input: Record<string, unknown> & Pick<Procedure, 'documents'> }> {
    const [hit] = (await ctx.t.app.inject({ url: '/api/procedures?q=dang ky khai sinh' })).json() as { id: number }[];
    const { id, fieldId: _f, fieldName: _n, serviceId: _s, updatedAt: _u, ...input } = (await send('GET', `/api/admin/procedures/${hit?.id}`)).body as Procedure;
    return { id, input };
  }

  it('stores an upload on disk and serves it with its type and an RFC 5987 Vietnamese file name', async () => {
    const res = await upload(NAME, docx('phiên bản 1'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: NAME, contentType: FORM_FILE_TYPES.docx, size: 4 + Buffer.byteLength('phiên bản 1'), usedBy: [] });
    expect(readdirSync(dir())).toHaveLength(1);

    const got = await download(NAME);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe(FORM_FILE_TYPES.docx);
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="To khai dang ky khai sinh.docx"; filename*=UTF-8''${encodeURIComponent(NAME)}`,
    );
    expect(got.rawPayload.equals(docx('phiên bản 1'))).toBe(true);

    // Same name again: the file is replaced (same id), the old bytes leave the disk.
    const again = await upload(NAME, docx('phiên bản 2'));
    expect(again.json().id).toBe(res.json().id);
    expect(readdirSync(dir())).toHaveLength(1);
    expect((await download(NAME)).rawPayload.equals(docx('phiên bản 2'))).toBe(true);
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.file_upload'")).toBe(2);
  });

  it('refuses other types, bytes that do not match the extension, empty and oversized files; nothing is stored', async () => {
    expect((await upload('virus.exe', docx('x'))).statusCode).toBe(400);
    const wrong = await upload('Mẫu.pdf', docx('not a pdf'), FORM_FILE_TYPES.pdf);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.message).toBe('Nội dung tệp không phải định dạng .pdf.');
    expect((await upload('Rỗng.docx', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload('Lớn.docx', Buffer.concat([docx(''), Buffer.alloc(MAX_FORM_FILE_BYTES)]))).statusCode).toBe(413);
    expect((await upload('a/b.docx', docx('x'))).statusCode).toBe(400);
    expect(count(ctx.t.app, 'SELECT COUNT(*) AS n FROM catalog_files')).toBe(0);
    expect(existsSync(dir()) ? readdirSync(dir()) : []).toEqual([]);
    expect((await download('Không có.pdf')).statusCode).toBe(404);
  });

  it('a document names its form; the public listing links it only once uploaded; a used file cannot be deleted', async () => {
    const { id, input } = await birthRegistration();
    input.documents[0] = { ...input.documents[0]!, formFile: NAME };
    expect((await send('PUT', `/api/admin/procedures/${id}`, input)).status).toBe(200);
    const publicDoc = async () => ((await ctx.t.app.inject({ url: `/api/procedures/${id}` })).json() as Procedure).documents[0]?.formFile;
    expect(await publicDoc()).toBeNull();

    const file = (await upload(NAME, docx('mẫu'))).json() as { id: number };
    expect(await publicDoc()).toBe(NAME);
    const listed = (await send('GET', '/api/admin/catalog/files')).body as { name: string; usedBy: string[] }[];
    expect(listed).toEqual([expect.objectContaining({ name: NAME, usedBy: ['1.001193'] })]);

    const refused = await ctx.t.app.inject({ method: 'DELETE', url: `/api/admin/catalog/files/${file.id}`, headers: { cookie: ctx.cookie } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.usedBy).toEqual(['1.001193']);

    input.documents[0] = { ...input.documents[0]!, formFile: null };
    await send('PUT', `/api/admin/procedures/${id}`, input);
    const deleted = await ctx.t.app.inject({ method: 'DELETE', url: `/api/admin/catalog/files/${file.id}`, headers: { cookie: ctx.cookie } });
    expect(deleted.statusCode).toBe(204);
    expect(readdirSync(dir())).toEqual([]);
    expect((await download(NAME)).statusCode).toBe(404);
  });

  it('encodes quotes and brackets in the UTF-8 name', () => {
    expect(contentDisposition("Mẫu (số 1)'.pdf")).toBe(`attachment; filename="Mau _so 1__.pdf"; filename*=UTF-8''M%E1%BA%ABu%20%28s%E1%BB%91%201%29%27.pdf`);
  });
});
