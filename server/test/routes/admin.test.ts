import { describe, expect, it } from 'vitest';
import { count, issue, login, signedInApp } from '../helper';

describe('office administration API', () => {
  const { ctx, send } = signedInApp('admin');

  it('edits office settings with server-side validation, and audits what changed', async () => {
    const current = (await send('GET', '/api/admin/settings')).body;
    expect(current.name).toBe('Trung tâm Phục vụ hành chính công phường Hòa Bình');
    const bad = await send('PUT', '/api/admin/settings', { ...current, timezone: 'Sao/Hoa' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'timezone' } } });
    const reversed = await send('PUT', '/api/admin/settings', { ...current, sessions: [{ start: '11:30', end: '07:00' }] });
    expect(reversed.body.details.field).toBe('sessions');
    const ok = await send('PUT', '/api/admin/settings', { ...current, name: 'UBND phường Hòa Bình', unitCode: '000.00.06.H56', priorityGroups: ['elderly', 'disabled'] });
    expect(ok.body).toMatchObject({ name: 'UBND phường Hòa Bình', unitCode: '000.00.06.H56' });
    const snap = (await ctx.t.app.inject({ url: '/api/queue/snapshot' })).json();
    expect(snap.office).toMatchObject({ name: 'UBND phường Hòa Bình', priorityGroups: ['elderly', 'disabled'] });
    // A group no longer offered is refused at the kiosk.
    expect((await issue(ctx.t.app, 1, 'pregnant')).body.code).toBe('INVALID_PRIORITY_GROUP');
    const row = ctx.t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'admin.settings'").get() as { details: string };
    expect(JSON.parse(row.details).changed.sort()).toEqual(['name', 'priorityGroups', 'unitCode']);
  });

  it('adds and edits services; duplicates are refused with CONFLICT', async () => {
    const input = {
      code: 'XD',
      nameVi: 'Xây dựng',
      nameEn: 'Construction',
      prefix: 'H',
      groupVi: 'Kinh tế – Hạ tầng – Đô thị',
      groupEn: 'Economy',
      icon: 'shop',
      startNumber: 1,
      endNumber: 500,
      dailyMax: 100,
      active: true,
      displayOrder: 8,
    };
    const created = await send('POST', '/api/admin/services', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...input, id: 8 });
    expect((await send('POST', '/api/admin/services', input)).body.code).toBe('CONFLICT');
    expect((await send('PUT', '/api/admin/services/8', { ...input, endNumber: 0 })).body.code).toBe('VALIDATION_FAILED');
    const off = await send('PUT', '/api/admin/services/8', { ...input, active: false });
    expect(off.body.active).toBe(false);
    expect((await send('PUT', '/api/admin/services/99', input)).body.code).toBe('SERVICE_NOT_FOUND');
    const pub = (await ctx.t.app.inject({ url: '/api/services' })).json() as { code: string }[];
    expect(pub.map((s) => s.code)).not.toContain('XD');
    expect((await send('GET', '/api/admin/services')).body).toHaveLength(8);
  });

  it('adds a counter with weighted services and edits them', async () => {
    const created = await send('POST', '/api/admin/counters', { number: 7, name: 'Một cửa liên thông', area: 'Tầng 2', active: true, services: [{ serviceId: 1, weight: 3 }, { serviceId: 7, weight: 1 }] });
    expect(created.status).toBe(201);
    expect(created.body.services).toEqual([{ serviceId: 1, weight: 3 }, { serviceId: 7, weight: 1 }]);
    expect((await send('POST', '/api/admin/counters', { number: 7, name: 'Trùng', area: '', active: true, services: [] })).body.code).toBe('CONFLICT');
    expect((await send('PUT', `/api/admin/counters/${created.body.id}`, { number: 7, name: 'x', area: '', active: true, services: [{ serviceId: 42, weight: 1 }] })).body.code).toBe('SERVICE_NOT_FOUND');
    const edited = await send('PUT', `/api/admin/counters/${created.body.id}`, { number: 8, name: 'Một cửa liên thông', area: 'Tầng 2', active: true, services: [{ serviceId: 2, weight: 1 }] });
    expect(edited.body).toMatchObject({ number: 8, services: [{ serviceId: 2, weight: 1 }] });
    expect(count(ctx.t.app, 'SELECT COUNT(*) AS n FROM counter_services WHERE counter_id = ?', created.body.id)).toBe(1);
  });

  it('manages staff accounts: create (must change password), edit, deactivate, reset password', async () => {
    const created = await send('POST', '/api/admin/users', { username: 'canbo5', fullName: 'Đỗ Văn Em', role: 'staff', password: 'tam-thoi-123' });
    expect(created.body).toMatchObject({ username: 'canbo5', mustChangePassword: true, active: true, locked: false });
    expect(created.body).not.toHaveProperty('passwordHash');
    expect((await send('POST', '/api/admin/users', { username: 'CANBO5', fullName: 'x', role: 'staff', password: 'tam-thoi-123' })).body.code).toBe('USERNAME_TAKEN');
    const cookie = await login(ctx.t.app, 'canbo5', 'tam-thoi-123');
    expect((await ctx.t.app.inject({ url: '/api/counters', headers: { cookie } })).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const promoted = await send('PUT', `/api/admin/users/${created.body.id}`, { fullName: 'Đỗ Văn Em', role: 'supervisor', active: true });
    expect(promoted.body.role).toBe('supervisor');
    const reset = await send('POST', `/api/admin/users/${created.body.id}/password`, { newPassword: 'mat-khau-moi-9' });
    expect(reset.body.mustChangePassword).toBe(true);
    expect((await ctx.t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    await send('PUT', `/api/admin/users/${created.body.id}`, { fullName: 'Đỗ Văn Em', role: 'staff', active: false });
    const denied = await ctx.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo5', password: 'mat-khau-moi-9' } });
    expect(denied.json().code).toBe('INVALID_CREDENTIALS');
    // An admin cannot lock themselves out.
    expect((await send('PUT', '/api/admin/users/1', { fullName: 'Quản trị', role: 'staff', active: true })).body.code).toBe('VALIDATION_FAILED');
    const actions = (ctx.t.app.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'admin.user%' ORDER BY id").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['admin.user_create', 'admin.user_update', 'admin.user_password_reset', 'admin.user_update']);
  });
});
