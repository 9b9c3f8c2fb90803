import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_CODE_ALPHABET } from '@shared/dossier-code';
import { buildTestApp, staffAtCounter } from '../helper';
import { intakeBody, send } from '../dossier-helper';

/** What a citizen types on the kiosk or a phone, and what the return desk scans, all find the same dossier. */
describe('dossier lookup by a typed code (case, spaces, dashes)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let c1: string;
  beforeEach(async () => {
    // The admin typed the unit identifier in lower case: codes are still issued (and printed) in upper case.
    t = await buildTestApp({ settings: { unitCode: '000.00.01.h01' } });
    c1 = await staffAtCounter(t.app, 'canbo1', 1);
  }, 60_000);
  afterEach(async () => {
    await t.close();
  }, 60_000);

  const lookup = (typed: string, check: string, remoteAddress = '127.0.0.1') =>
    t.app
      .inject({ url: `/api/dossiers/lookup/${encodeURIComponent(typed)}?check=${encodeURIComponent(check)}`, remoteAddress })
      .then((r) => ({ status: r.statusCode, body: r.json() }));

  it('issues upper-case codes and finds them however the citizen types them', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    expect(d.code).toBe('000.00.01.H01-261123-0001');
    for (const typed of [
      '000.00.01.H01-261123-0001',
      '000.00.01.h01-261123-0001',
      ' 000.00.01.h01 - 261123 - 0001 ',
      '000. 00. 01. H01-261123-0001',
      '000.00.01.H01 – 261123 — 0001',
      '000.00.01.H01\u2010261123\u22120001',
    ]) {
      const res = await lookup(typed, d.checkCode);
      expect(res.status, typed).toBe(200);
      expect(res.body).toMatchObject({ code: d.code, status: 'received', maskedName: 'T*** T** H*** Nhung', dueAt: d.dueAt });
    }
    // The return desk (staff) uses the same normalisation.
    expect((await send(t.app, 'GET', `/api/dossiers/by-code/${encodeURIComponent('000.00.01.h01 -261123- 0001')}`, c1)).body.id).toBe(d.id);
  });

  it('keeps one daily sequence when the unit identifier changes case', async () => {
    expect((await send(t.app, 'POST', '/api/dossiers', c1, intakeBody())).body.code).toBe('000.00.01.H01-261123-0001');
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), unitCode: '000.00.01.H01' });
    expect((await send(t.app, 'POST', '/api/dossiers', c1, intakeBody())).body.code).toBe('000.00.01.H01-261123-0002');
  });

  it('answers an unknown code like a wrong check (404) and anything that is no code with a coded 400', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    expect(await lookup('000.00.01.h01-261123-0002', d.checkCode)).toMatchObject({ status: 404, body: { code: 'DOSSIER_CHECK_FAILED' } });
    for (const bad of ['khong-hop-le', '000.00.01.H01-2611-0001', '<script>', 'a'.repeat(81), ' ']) {
      const res = await lookup(bad, d.checkCode);
      expect(res.status, bad).toBe(400);
      expect(res.body.code, bad).toBe('VALIDATION_FAILED');
      expect(res.body.message).toMatch(/không hợp lệ/);
    }
  });

  it('needs the second factor: the receipt\'s check code (any case, spaces) or the phone\'s last 4 digits; a code alone is refused', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    expect(d.checkCode).toMatch(new RegExp(`^[${CHECK_CODE_ALPHABET}]{6}$`));
    expect(d.statusUrl).toBe(`http://hub.test/h/${d.code}/${d.checkCode}`);
    expect(t.app.db.prepare('SELECT check_code FROM dossiers WHERE id = ?').get(d.id)).toEqual({ check_code: d.checkCode });
    // No check at all: a schema refusal, never the status.
    const bare = await t.app.inject({ url: `/api/dossiers/lookup/${d.code}` });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const spaced = `${d.checkCode.slice(0, 3).toLowerCase()} ${d.checkCode.slice(3)}`;
    for (const check of [d.checkCode, spaced, '5678', '56-78']) expect((await lookup(d.code, check)).status, check).toBe(200);
    const wrong = d.checkCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    for (const check of [wrong, '1234', '0912']) {
      expect(await lookup(d.code, check)).toMatchObject({ status: 404, body: { code: 'DOSSIER_CHECK_FAILED', message: expect.stringContaining('mã kiểm tra') } });
    }
    // A dossier without a phone: only the check code opens it.
    const { body: noPhone } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(undefined, { applicant: { ...intakeBody().applicant, phone: '' } }));
    expect((await lookup(noPhone.code, '0000')).status).toBe(404);
    expect((await lookup(noPhone.code, noPhone.checkCode)).status).toBe(200);
  });

  it('refuses an address after 10 failures for 15 minutes, even with the right check; other addresses go on', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    const walker = '192.168.1.66';
    // Walking the day's sequence with a guessed check: every miss counts, unknown codes included.
    for (let seq = 1; seq <= 10; seq++) {
      const res = await lookup(`000.00.01.H01-261123-${String(seq).padStart(4, '0')}`, 'ABCDEF', walker);
      expect(res.status, String(seq)).toBe(d.checkCode === 'ABCDEF' && seq === 1 ? 200 : 404);
    }
    const locked = await lookup(d.code, d.checkCode, walker);
    expect(locked).toMatchObject({ status: 429, body: { code: 'DOSSIER_LOOKUP_LOCKED' } });
    expect(locked.body.message).toMatch(/15 phút/);
    expect((await lookup(d.code, d.checkCode, '192.168.1.67')).status).toBe(200);
    t.clock.advance(15 * 60_000);
    expect((await lookup(d.code, d.checkCode, walker)).status).toBe(200);
  });

  it('the receipt\'s QR link carries the check code to the phone page; the old link without it still opens the page', async () => {
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    const withCheck = await t.app.inject({ url: `/h/${d.code}/${d.checkCode}` });
    expect(withCheck.statusCode).toBe(302);
    expect(withCheck.headers.location).toBe(`/kiosk/phone/#/ho-so/${d.code}/${d.checkCode}`);
    const old = await t.app.inject({ url: `/h/${d.code}` });
    expect(old.headers.location).toBe(`/kiosk/phone/#/ho-so/${d.code}`);
    expect((await t.app.inject({ url: `/h/${d.code}/<x>` })).statusCode).toBe(400);
  });
});
