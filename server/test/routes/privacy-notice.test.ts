import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY } from '../../src/services/privacy-service';
import { buildTestApp, count, login } from '../helper';
import { send } from '../dossier-helper';

/** The privacy notice (Luật 91/2025/QH15): the admin writes it, every citizen screen reads it from the hub. */
describe('privacy notice: edited by the admin, read by anyone', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp({ settings: { openLan: false } });
  });
  afterAll(async () => {
    await t.close();
  });

  const notice = () => send(t.app, 'GET', '/api/privacy-notice');

  it('answers a new office with the default notice, to a caller holding no role', async () => {
    expect(await notice()).toEqual({ status: 200, body: DEFAULT_PRIVACY.notice });
    expect(DEFAULT_PRIVACY.notice.vi).toContain('Luật Bảo vệ dữ liệu cá nhân');
    expect(DEFAULT_PRIVACY.notice.en).not.toBe('');
  });

  it('serves what the admin saved (an empty English text stays empty: the screens fall back to Vietnamese), audited', async () => {
    const admin = await login(t.app, 'admin');
    const current = (await send(t.app, 'GET', '/api/admin/privacy', admin)).body;
    const written = { vi: 'Dữ liệu chỉ dùng để giải quyết thủ tục; hỏi tại quầy số 1 để xem, sửa hoặc xóa.', en: '' };
    expect(await send(t.app, 'PUT', '/api/admin/privacy', admin, { ...current, notice: written })).toMatchObject({ status: 200, body: { notice: written } });
    expect(await notice()).toEqual({ status: 200, body: written });
    const audit = t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'admin.privacy_settings'").all() as { details: string }[];
    expect(audit.map((a) => JSON.parse(a.details).changed)).toEqual([['notice.vi', 'notice.en']]);
  });

  it('refuses the notice to staff and supervisors; what they send changes nothing', async () => {
    const before = (await notice()).body;
    for (const user of ['canbo1', 'giamsat']) {
      const cookie = await login(t.app, user);
      const res = await send(t.app, 'PUT', '/api/admin/privacy', cookie, { retention: DEFAULT_PRIVACY.retention, notice: { vi: 'Đã bị sửa', en: '' } });
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await notice()).body).toEqual(before);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'admin.privacy_settings'")).toBe(1);
  });
});
