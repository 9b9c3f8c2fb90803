import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, count, login } from '../helper';
import { openSocket, serialise } from '../raw-http';
import { XLSX_TYPE } from '../../src/services/catalog-spreadsheet';
import { MAX_UNPACKED_BYTES } from '../../src/services/zip-guard';

/** A zip archive of deflated entries; `declared` overrides the unpacked size written in the headers (a lying archive). */
function zipOf(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Sends only the head of a request announcing a large body; resolves with the reply's status line and the ms it took. */
async function headOnly(port: number, method: string, target: string, headers: Record<string, string>): Promise<{ status: string; ms: number }> {
  const s = await openSocket(port);
  const started = Date.now();
  const head = serialise({ method, target, headers: { ...headers, 'content-length': String(10 * 1024 * 1024) } });
  s.write(head);
  const status = await new Promise<string>((resolve) => {
    let got = '';
    s.on('data', (d: Buffer) => {
      got += d.toString('latin1');
      if (got.includes('\r\n')) resolve(got.split('\r\n')[0] ?? '');
    });
    s.on('close', () => resolve(got.split('\r\n')[0] ?? 'closed'));
    setTimeout(() => resolve('no reply'), 3000);
  });
  s.destroy();
  return { status, ms: Date.now() - started };
}

describe('uploads: access decided before any body is read; workbook imports cap the unpacked size', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin = '';
  let port = 0;
  beforeAll(async () => {
    t = await buildTestApp({ settings: { openLan: false } });
    admin = await login(t.app, 'admin');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an upload from a caller without the role at once, without waiting for (or parsing) its body, however the path is spelled', async () => {
    const staff = await login(t.app, 'canbo1');
    const uploads = [
      ['POST', '/%61pi/admin/catalog/import/xlsx', XLSX_TYPE],
      ['POST', 'http://x/api/admin/catalog/import/xlsx', XLSX_TYPE],
      ['POST', '/api/admin/catalog/%66iles', 'application/pdf'],
      ['PUT', '//api/admin/logo', 'image/png'],
    ] as const;
    for (const [method, target, type] of uploads) {
      const anonymous = await headOnly(port, method, target, { 'content-type': type });
      expect(anonymous.status, target).toBe('HTTP/1.1 401 Unauthorized');
      const signedIn = await headOnly(port, method, target, { 'content-type': type, cookie: staff });
      expect(signedIn.status, target).toBe('HTTP/1.1 403 Forbidden');
      expect(Math.max(anonymous.ms, signedIn.ms)).toBeLessThan(2000);
    }
  });

  async function importXlsx(body: Buffer) {
    return t.app.inject({ method: 'POST', url: '/api/admin/catalog/import/xlsx', headers: { cookie: admin, 'content-type': XLSX_TYPE }, payload: body });
  }

  it('refuses a zip bomb (honest headers) before unpacking it: 413, catalog unchanged, the hub still answers', async () => {
    const procedures = count(t.app, 'SELECT COUNT(*) AS n FROM procedures');
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(MAX_UNPACKED_BYTES + 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const res = await importXlsx(bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { max: MAX_UNPACKED_BYTES } });
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM procedures')).toBe(procedures);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'catalog.import%'")).toBe(0);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses a zip bomb whose headers lie about the unpacked size (each entry is really inflated, counted, not kept)', async () => {
    const liar = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(MAX_UNPACKED_BYTES + 1024 * 1024, 0x20), declared: 1000 }]);
    const res = await importXlsx(liar);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('still reads a real workbook, and calls a non-zip body "not an .xlsx"', async () => {
    const exported = await t.app.inject({ url: '/api/admin/catalog/export?format=xlsx', headers: { cookie: admin } });
    const res = await importXlsx(exported.rawPayload);
    expect(res.statusCode).toBe(200);
    expect(res.json().procedures).toBeGreaterThan(50);
    const junk = await importXlsx(Buffer.from('PK\u0003\u0004 không phải zip'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().details.errors[0].message).toBe('Tệp không phải bảng tính Excel (.xlsx) hợp lệ.');
  });
});
