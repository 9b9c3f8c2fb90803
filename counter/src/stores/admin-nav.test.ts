import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Me } from '@shared/schemas/auth';
import { adminHash, parseAdminHash, useAdminNavStore } from './admin-nav';
import { useSessionStore } from './session';

const me = (role: Me['role'], over: Partial<Me> = {}): Me => ({ id: 1, username: 'u', fullName: 'U', role, counterId: null, mustChangePassword: false, ...over });

describe('admin navigation in the location hash', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/counter/');
    setActivePinia(createPinia());
  });
  afterEach(() => history.replaceState(null, '', '/counter/'));

  it('reads and writes Vietnamese section slugs', () => {
    expect(adminHash('devices')).toBe('#/quan-tri/thiet-bi');
    expect(adminHash()).toBe('#/quan-tri');
    expect(parseAdminHash('#/quan-tri/tai-khoan')).toEqual({ inAdmin: true, section: 'users' });
    expect(adminHash('backups')).toBe('#/quan-tri/sao-luu');
    expect(parseAdminHash('#/quan-tri/lich-lam-viec')).toEqual({ inAdmin: true, section: 'calendar' });
    expect(parseAdminHash('#/quan-tri/khong-co')).toEqual({ inAdmin: true, section: null });
    expect(parseAdminHash('#/quan-trix')).toEqual({ inAdmin: false, section: null });
    expect(parseAdminHash('')).toEqual({ inAdmin: false, section: null });
  });

  it('opens a section for an admin, follows Back (hashchange) and leaves without a hash', async () => {
    useSessionStore().me = me('admin');
    const nav = useAdminNavStore();
    expect(nav.open).toBe(false);
    nav.go('users');
    expect(location.hash).toBe('#/quan-tri/tai-khoan');
    expect(nav.section).toBe('users');

    // What the browser does on Back/Forward: the hash changes, then hashchange fires.
    history.replaceState(null, '', '/counter/#/quan-tri/cai-dat');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(nav.section).toBe('settings');

    nav.leave();
    expect(location.hash).toBe('');
    expect(location.pathname).toBe('/counter/');
    expect(nav.open).toBe(false);
    expect(nav.section).toBeNull();
  });

  it('opens the first allowed section for the bare area hash', () => {
    useSessionStore().me = me('admin');
    const nav = useAdminNavStore();
    nav.go();
    expect(nav.section).toBe('devices');
  });

  it('shows a supervisor the monitor, the reports and the audit log only, whatever the hash asks', () => {
    history.replaceState(null, '', '/counter/#/quan-tri/tai-khoan');
    useSessionStore().me = me('supervisor');
    const nav = useAdminNavStore();
    expect(nav.allowed).toEqual(['monitor', 'reports', 'audit', 'dataAccess', 'dataRequests']);
    expect(nav.open).toBe(true);
    expect(nav.section).toBe('monitor');
    nav.go('reports');
    expect(location.hash).toBe('#/quan-tri/bao-cao');
    expect(nav.section).toBe('reports');
  });

  it('never opens for staff, nor before a forced password change', () => {
    history.replaceState(null, '', '/counter/#/quan-tri/nhat-ky');
    const session = useSessionStore();
    session.me = me('staff');
    const nav = useAdminNavStore();
    expect(nav.canOpen).toBe(false);
    expect(nav.open).toBe(false);
    session.me = me('admin', { mustChangePassword: true });
    expect(nav.open).toBe(false);
    session.me = me('admin');
    expect(nav.section).toBe('audit');
  });
});
