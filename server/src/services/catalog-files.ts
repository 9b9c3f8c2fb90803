import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FORM_FILE_TYPES, MAX_FORM_FILE_BYTES, type FormFile, type ProcedureInput } from '@shared/schemas/procedure';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import { catalogFilesRepository, type CatalogFileRow } from '../repositories/catalog-files-repository';
import type { ServiceContext } from './context';

type Extension = keyof typeof FORM_FILE_TYPES;

/** First bytes of each format: PDF, ZIP (docx, xlsx, odt), OLE2 compound file (doc, xls). */
const MAGIC: Record<Extension, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46],
  docx: [0x50, 0x4b, 0x03, 0x04],
  xlsx: [0x50, 0x4b, 0x03, 0x04],
  odt: [0x50, 0x4b, 0x03, 0x04],
  doc: [0xd0, 0xcf, 0x11, 0xe0],
  xls: [0xd0, 0xcf, 0x11, 0xe0],
};

/**
 * `Content-Disposition` for a Vietnamese file name (RFC 6266 + RFC 5987): an ASCII fallback for old clients, and
 * the UTF-8 name in `filename*` that every current browser uses.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The extension of an allowed form file name, or a VALIDATION_FAILED saying which types are accepted. */
function extensionOf(name: string): Extension {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (ext in FORM_FILE_TYPES) return ext as Extension;
  return fail('VALIDATION_FAILED', { field: 'name', message: 'Chỉ nhận tệp PDF, Word (.doc, .docx), Excel (.xls, .xlsx) hoặc .odt.' });
}

/**
 * Form templates (mẫu đơn, tờ khai) on disk, named in Vietnamese; a procedure's document refers to one by name.
 * Bytes are written to a temporary name and renamed into place before the row commits, so a row never points at a
 * half-written file; a replaced or deleted file's bytes are removed after the commit.
 */
export function catalogFiles(ctx: ServiceContext) {
  const repo = catalogFilesRepository(ctx.db);
  const dir = ctx.config.catalogFilesDir ?? join(ctx.config.dbFile === ':memory:' ? '.' : dirname(ctx.config.dbFile), 'catalog-files');

  /** Procedure codes by the form file names their documents mention. */
  function usage(): Map<string, string[]> {
    const used = new Map<string, string[]>();
    for (const r of ctx.repos.catalogSearch.all()) {
      for (const d of (JSON.parse(r.data) as ProcedureInput).documents) {
        if (!d.formFile) continue;
        const codes = used.get(d.formFile) ?? [];
        if (!codes.includes(r.code)) codes.push(r.code);
        used.set(d.formFile, codes);
      }
    }
    return used;
  }

  const toFile = (r: CatalogFileRow, used: Map<string, string[]>): FormFile => ({
    id: r.id,
    name: r.name,
    contentType: r.content_type,
    size: r.size,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    usedBy: used.get(r.name) ?? [],
  });

  function list(): FormFile[] {
    const used = usage();
    return repo.all().map((r) => toFile(r, used));
  }

  /** Stores (or replaces) the file `name`; its bytes must match its extension. */
  function upload(name: string, bytes: Buffer, actor: StaffActor): FormFile {
    const clean = name.trim();
    const ext = extensionOf(clean);
    if (bytes.length === 0) fail('VALIDATION_FAILED', { field: 'body', message: 'Tệp rỗng.' });
    if (bytes.length > MAX_FORM_FILE_BYTES) fail('PAYLOAD_TOO_LARGE');
    if (!MAGIC[ext].every((b, i) => bytes[i] === b)) {
      fail('VALIDATION_FAILED', { field: 'body', message: `Nội dung tệp không phải định dạng .${ext}.` });
    }
    mkdirSync(dir, { recursive: true });
    const stored = `${randomUUID()}.${ext}`;
    const temp = join(dir, `.${stored}.part`);
    writeFileSync(temp, bytes, { flush: true });
    renameSync(temp, join(dir, stored));
    const previous = repo.byName(clean);
    let id: number;
    try {
      id = ctx.db.transaction(() => {
        const row = { name: clean, stored, content_type: FORM_FILE_TYPES[ext], size: bytes.length, uploaded_at: ctx.now(), uploaded_by: actor.userId };
        const fileId = repo.upsert(row);
        ctx.repos.audit.write(ctx.now(), actor, { action: 'catalog.file_upload', targetType: 'catalog_file', targetId: fileId, details: { name: clean, size: bytes.length, replaced: previous !== undefined } });
        return fileId;
      })();
    } catch (err) {
      rmSync(join(dir, stored), { force: true });
      throw err;
    }
    if (previous) rmSync(join(dir, previous.stored), { force: true });
    return toFile(repo.byId(id) as CatalogFileRow, usage());
  }

  /** Deletes a file no document names any more (CONFLICT, with the procedure codes, while one does). */
  function remove(id: number, actor: StaffActor): void {
    const row = repo.byId(id) ?? fail('NOT_FOUND');
    const usedBy = usage().get(row.name) ?? [];
    if (usedBy.length > 0) fail('CONFLICT', { field: 'usedBy', message: `Tệp đang được dùng cho thủ tục ${usedBy.join(', ')}.`, usedBy });
    ctx.db.transaction(() => {
      repo.remove(id);
      ctx.repos.audit.write(ctx.now(), actor, { action: 'catalog.file_delete', targetType: 'catalog_file', targetId: id, details: { name: row.name } });
    })();
    rmSync(join(dir, row.stored), { force: true });
  }

  /** A file to download by its name: where its bytes are and how to serve them. */
  function open(name: string): { path: string; name: string; contentType: string; size: number } {
    const row = repo.byName(name) ?? fail('NOT_FOUND');
    return { path: join(dir, row.stored), name: row.name, contentType: row.content_type, size: row.size };
  }

  /** Names of the files that exist (the public listing links only these). */
  const names = (): Set<string> => new Set(repo.all().map((r) => r.name));

  return { list, upload, remove, open, names };
}

export type CatalogFiles = ReturnType<typeof catalogFiles>;
