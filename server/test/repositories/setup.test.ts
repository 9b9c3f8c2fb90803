import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { openDatabase } from '../../src/db';
import { createRealtime } from '../../src/realtime/emitter';
import { setupOffice } from '../../src/seed';
import { createHub } from '../../src/services/hub';
import { testConfig } from '../helper';

describe('first-run setup of a real office', () => {
  it('creates the office with one admin and pairing required; a second setup is refused', async () => {
    const config = testConfig({ seedDemo: true });
    const db = openDatabase(config.dbFile);
    const hub = createHub({ db, config, realtime: createRealtime(() => undefined) });
    await setupOffice(hub, { name: 'UBND phường Thử Nghiệm', address: 'Số 2', adminPassword: 'mat-khau-qt-1', adminName: 'Chị Quản Trị' });
    await expect(setupOffice(hub, { name: 'X', address: '', adminPassword: 'mat-khau-qt-1', adminName: 'X' })).rejects.toThrow(/đã có tài khoản/);
    db.close();

    // The hub then starts without seeding the demo, and devices must be paired.
    const app = await buildApp({ config, logger: false });
    expect(app.seedReport).toBeNull();
    expect(app.hub.repos.users.list().map((u) => u.username)).toEqual(['admin']);
    const snap = (await app.inject({ url: '/api/queue/snapshot' })).json();
    expect(snap.office.name).toBe('UBND phường Thử Nghiệm');
    expect(snap.services.length).toBe(7);
    const ticket = await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } });
    expect(ticket.json().code).toBe('DEVICE_NOT_PAIRED');
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'mat-khau-qt-1' } });
    expect(login.json()).toMatchObject({ role: 'admin', fullName: 'Chị Quản Trị', mustChangePassword: false });
    await app.close();
    rmSync(config.dir, { recursive: true, force: true });
  });
});
