import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  const lookup = (typed: string) => send(t.app, 'GET', `/api/dossiers/lookup/${encodeURIComponent(typed)}`);

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
      const res = await lookup(typed);
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

  it('answers an unknown code with 404 and anything that is no code with a coded 400', async () => {
    await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    expect(await lookup('000.00.01.h01-261123-0002')).toMatchObject({ status: 404, body: { code: 'DOSSIER_NOT_FOUND' } });
    for (const bad of ['khong-hop-le', '000.00.01.H01-2611-0001', '<script>', 'a'.repeat(81), ' ']) {
      const res = await lookup(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.code, bad).toBe('VALIDATION_FAILED');
      expect(res.body.message).toMatch(/không hợp lệ/);
    }
  });
});
