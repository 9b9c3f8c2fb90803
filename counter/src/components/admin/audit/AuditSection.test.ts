import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '@shared/schemas/audit';
import { createCounterI18n } from '../../../i18n';
import { useAuditStore } from '../../../stores/audit';
import AuditSection from './AuditSection.vue';

const entry = (id: number, action: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-11-23T01:30:00.000Z',
  userId: 2,
  username: 'canbo1',
  fullName: 'Nguyễn Văn An',
  deviceId: null,
  ip: '10.0.0.5',
  action,
  targetType: null,
  targetId: null,
  details: null,
  ...over,
});

function mountSection(audit: Record<string, unknown>) {
  const wrapper = mount(AuditSection, {
    global: {
      plugins: [
        createCounterI18n(),
        createTestingPinia({ createSpy: vi.fn, initialState: { audit, session: { me: { id: 9, role: 'supervisor', fullName: 'GS', username: 'gs', counterId: null, mustChangePassword: false } } } }),
      ],
    },
  });
  return { wrapper, store: useAuditStore() };
}

describe('AuditSection', () => {
  it('shows Vietnamese action labels, the raw action when unknown, and entry details', () => {
    const entries = [
      entry(4, 'auth.login', { targetType: 'user', targetId: '2' }),
      entry(3, 'ticket.called', { details: { number: 'A012', counterId: 1 } }),
      entry(2, 'admin.settings', { details: { changed: ['sessions', 'openLan'] } }),
      entry(1, 'plugin.something_new', { userId: null, username: null, fullName: null, deviceId: 7 }),
    ];
    const { wrapper } = mountSection({ entries, hasMore: false });
    expect(wrapper.findAll('[data-testid="audit-action-label"]').map((w) => w.text())).toEqual(['Đăng nhập', 'Gọi số', 'Sửa cài đặt', 'plugin.something_new']);
    const rows = wrapper.findAll('[data-testid="audit-table-row"]');
    expect(rows[0]!.get('[data-col="at"]').text()).toBe('23/11/2026 08:30');
    expect(rows[0]!.get('[data-col="target"]').text()).toBe('Tài khoản #2');
    expect(rows[1]!.get('[data-col="details"]').text()).toBe('Số: A012 · Mã quầy: 1');
    expect(rows[2]!.get('[data-col="details"]').text()).toBe('Mục đã sửa: sessions, openLan');
    expect(rows[3]!.get('[data-col="user"]').text()).toBe('Thiết bị #7');
    expect(wrapper.find('[data-testid="audit-end"]').exists()).toBe(true);
  });

  it('offers older entries while the last page was full, and applies the typed filters', async () => {
    const { wrapper, store } = mountSection({ entries: [entry(1, 'auth.logout')], hasMore: true });
    await wrapper.get('[data-testid="audit-more"]').trigger('click');
    expect(store.loadMore).toHaveBeenCalledOnce();

    await wrapper.get('[data-testid="audit-from"]').setValue('32/11/2026');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[data-testid="field-error-from"]').text()).toContain('dd/mm/yyyy');
    expect(store.search).not.toHaveBeenCalled();

    await wrapper.get('[data-testid="audit-from"]').setValue('01/11/2026');
    await wrapper.get('[data-testid="audit-action"]').setValue('auth.');
    await wrapper.get('form').trigger('submit');
    expect(store.search).toHaveBeenCalledWith({ from: '01/11/2026', to: '', userId: null, action: 'auth.', q: '' }, 'Asia/Ho_Chi_Minh');
  });
});
