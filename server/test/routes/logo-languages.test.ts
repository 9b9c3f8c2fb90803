import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { count, signedInApp } from '../helper';

/** A real 2×2 PNG built here (signature, IHDR, IDAT, IEND with CRCs). */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 10, 77, 140, 10, 77, 140, 0, 200, 16, 46, 200, 16, 46]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('office logo and screen languages', () => {
  const { ctx, send } = signedInApp('admin');

  it('stores a PNG logo, serves it with a version, and removes it', async () => {
    const png = tinyPng();
    const set = await send('PUT', '/api/admin/logo', { dataUrl: `data:image/png;base64,${png.toString('base64')}` });
    expect(set.status).toBe(200);
    const version = set.body.logoVersion as string;
    const snap = (await ctx.t.app.inject({ url: '/api/queue/snapshot' })).json();
    expect(snap.office.logoVersion).toBe(version);
    const img = await ctx.t.app.inject({ url: `/api/office/logo?v=${version}` });
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['cache-control']).toContain('immutable');
    expect(img.rawPayload.equals(png)).toBe(true);
    expect((await ctx.t.app.inject({ method: 'DELETE', url: '/api/admin/logo', headers: { cookie: ctx.cookie } })).statusCode).toBe(204);
    expect((await ctx.t.app.inject({ url: '/api/office/logo' })).statusCode).toBe(404);
    expect((await ctx.t.app.inject({ url: '/api/queue/snapshot' })).json().office.logoVersion).toBeNull();
    expect(count(ctx.t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('admin.logo', 'admin.logo_remove')")).toBe(2);
  });

  it('refuses SVG, mislabelled and oversized images', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const png = tinyPng().toString('base64');
    for (const dataUrl of [`data:image/svg+xml;base64,${svg}`, `data:image/jpeg;base64,${png}`, `data:image/png;base64,${Buffer.alloc(300 * 1024).toString('base64').slice(0, 390_000)}`, 'khong phai anh']) {
      const res = await send('PUT', '/api/admin/logo', { dataUrl });
      expect(res.status, dataUrl.slice(0, 30)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await ctx.t.app.inject({ url: '/api/office/logo' })).statusCode).toBe(404);
  });

  it('keeps Vietnamese among the screen languages', async () => {
    const current = (await send('GET', '/api/admin/settings')).body;
    expect(current.languages).toEqual(['vi', 'en']);
    expect((await send('PUT', '/api/admin/settings', { ...current, languages: ['en'] })).body.details.field).toBe('languages');
    expect((await send('PUT', '/api/admin/settings', { ...current, languages: ['vi'] })).body.languages).toEqual(['vi']);
    expect((await ctx.t.app.inject({ url: '/api/queue/snapshot' })).json().office.languages).toEqual(['vi']);
  });
});
