import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, type DisplayInput } from '@shared/schemas/display';
import { buildTestApp, count, login } from '../helper';
import { pairDevice } from '../helper-devices';

const hall: DisplayInput = { ...DEFAULT_DISPLAY, name: 'Sảnh tầng 1', marquee: ['Giờ làm việc: 7h00–11h30, 13h30–17h00'] };

describe('display configurations and announcements', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: string;
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) }).then((r) => ({ status: r.statusCode, body: String(r.headers['content-type']).startsWith('application/json') ? r.json() : null, headers: r.headers, raw: r.rawPayload }));

  beforeEach(async () => {
    t = await buildTestApp({ settings: { openLan: false } });
    admin = await login(t.app, 'admin');
  });
  afterEach(async () => {
    await t.close();
  });

  it('previews the announcement of A1023 at counter 3 with the shared builder', async () => {
    const res = await send('GET', '/api/announcements/preview?number=A1023&counter=3');
    expect(res.status).toBe(200);
    expect(res.body.text).toBe('Xin mời công dân có số thứ tự a một nghìn không trăm hai mươi ba đến quầy số ba');
    expect(res.body.clips).toEqual(['vi-xin-mowif-coong-daan-cos-soos-thuws-tuwj', 'vi-chu-a', 'vi-mootj', 'vi-nghinf', 'vi-khoong', 'vi-trawm', 'vi-hai', 'vi-muwowi', 'vi-ba', 'vi-ddeens-quaayf-soos', 'vi-ba']);
    const custom = await send('GET', `/api/announcements/preview?number=B105&counter=2&zeroTens=le&english=true&template=${encodeURIComponent('Kính mời công dân có số thứ tự {number} đến quầy số {counter}')}`);
    expect(custom.body.text).toBe('Kính mời công dân có số thứ tự bê một trăm lẻ năm đến quầy số hai. Ticket number B one zero five, please go to counter two.');
  });

  it('refuses a preview without a usable number, counter or {number} in the template', async () => {
    for (const q of ['number=A1023', 'counter=3', 'number=A-1&counter=3', 'number=A1&counter=0', 'number=A1&counter=3&template=Xin%20m%E1%BB%9Di', 'number=A1&counter=3&x=1']) {
      const res = await send('GET', `/api/announcements/preview?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('adds, reads (as the paired TV), edits and deletes a display configuration, audited', async () => {
    const created = await send('POST', '/api/admin/displays', hall);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 1, name: 'Sảnh tầng 1', layout: 'main', announceTimes: 2, marquee: hall.marquee });
    const tv = (await pairDevice(t.app, admin, 'display')).cookie;
    const read = await send('GET', '/api/displays/1', undefined, tv);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const kiosk = (await pairDevice(t.app, admin, 'kiosk')).cookie;
    expect((await send('GET', '/api/displays/1', undefined, kiosk)).status).toBe(403);

    const edited = await send('PUT', '/api/admin/displays/1', { ...hall, name: 'Quầy 2', layout: 'counter', counterIds: [2], voice: false });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: 1, name: 'Quầy 2', layout: 'counter', counterIds: [2], voice: false });
    expect((await send('GET', '/api/admin/displays')).body.map((d: { name: string }) => d.name)).toEqual(['Quầy 2']);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'admin.display_%'")).toBe(2);

    expect((await send('DELETE', '/api/admin/displays/1')).status).toBe(204);
    expect((await send('GET', '/api/displays/1', undefined, tv)).body.code).toBe('NOT_FOUND');
    expect((await send('DELETE', '/api/admin/displays/1')).status).toBe(404);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM displays')).toBe(0);
  });

  it('refuses inconsistent configurations with a coded 4xx and writes nothing', async () => {
    const cases: [Partial<DisplayInput>, number, string][] = [
      [{ template: 'Xin mời quầy {counter}' }, 400, 'VALIDATION_FAILED'],
      [{ layout: 'counter', counterIds: [] }, 400, 'VALIDATION_FAILED'],
      [{ counterIds: [999] }, 404, 'COUNTER_NOT_FOUND'],
      [{ serviceIds: [999] }, 404, 'SERVICE_NOT_FOUND'],
      [{ announceTimes: 9 }, 400, 'VALIDATION_FAILED'],
      [{ slides: [{ title: 'x', body: '', imageUrl: 'http://evil.example/a.png' }] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [patch, status, code] of cases) {
      const res = await send('POST', '/api/admin/displays', { ...hall, ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(status);
      expect(res.body.code).toBe(code);
    }
    expect((await send('PUT', '/api/admin/displays/5', hall)).status).toBe(404);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM displays')).toBe(0);
  });

  it("serves the office's own recording before the shipped clip", async () => {
    const shipped = join(t.config.staticDir, 'voice');
    mkdirSync(shipped, { recursive: true });
    writeFileSync(join(shipped, 'vi-mootj.ogg'), 'OggS-shipped');
    writeFileSync(join(shipped, 'vi-hai.ogg'), 'OggS-hai');
    const res = await send('GET', '/api/voice/vi-mootj', undefined, '');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('audio/ogg');
    expect(res.raw.toString()).toBe('OggS-shipped');
    const office = join(dirname(t.config.dbFile), 'voice');
    mkdirSync(office, { recursive: true });
    writeFileSync(join(office, 'vi-mootj.mp3'), 'ID3-recorded');
    const mine = await send('GET', '/api/voice/vi-mootj', undefined, '');
    expect(mine.headers['content-type']).toBe('audio/mpeg');
    expect(mine.raw.toString()).toBe('ID3-recorded');
    expect((await send('GET', '/api/voice/vi-hai', undefined, '')).raw.toString()).toBe('OggS-hai');
    expect((await send('GET', '/api/voice/vi-khong-co', undefined, '')).status).toBe(404);
    expect((await send('GET', '/api/voice/..%2Fmotcua.db', undefined, '')).status).toBe(400);
  });
});
