import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helper';

describe('short links for QR codes and the office details of the phone pages', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('/tra-cuu and /tra-cuu/:id redirect to the phone pages; a malformed id is refused', async () => {
    const list = await t.app.inject({ url: '/tra-cuu' });
    expect(list.statusCode).toBe(302);
    expect(list.headers.location).toBe('/kiosk/phone/#/');
    const one = await t.app.inject({ url: '/tra-cuu/12' });
    expect(one.statusCode).toBe(302);
    expect(one.headers.location).toBe('/kiosk/phone/#/thu-tuc/12');
    for (const bad of ['/tra-cuu/0', '/tra-cuu/abc', '/tra-cuu/1%27%3Cscript%3E', '/tra-cuu/99999999999']) {
      const res = await t.app.inject({ url: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('GET /api/office gives the public URL the QR codes use, and no staff or ticket data', async () => {
    const res = await t.app.inject({ url: '/api/office' });
    expect(res.statusCode).toBe(200);
    const office = res.json();
    expect(office).toMatchObject({ publicUrl: 'http://hub.test', timezone: 'Asia/Ho_Chi_Minh' });
    expect(Object.keys(office)).not.toContain('waiting');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
