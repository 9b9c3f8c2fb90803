import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { DataAccessEntry } from '@shared/schemas/privacy';
import { createCounterI18n } from '../../../i18n';
import { dataAccessQueryString, emptyDataAccessFilters, useDataAccessStore } from './data-access-store';
import DataAccessSection from './DataAccessSection.vue';

const entry = (id: number, over: Partial<DataAccessEntry> = {}): DataAccessEntry => ({
  id,
  at: '2026-11-23T01:30:00.000Z',
  userId: 3,
  userName: 'Nguyễn Văn An',
  ip: '10.0.0.5',
  dossierId: 7,
  dossierCode: '000.00.06.H56-261123-0007',
  appointmentCode: null,
  kind: 'view',
  fields: 'applicant',
  ...over,
});

function mountSection(dataAccess: Record<string, unknown>) {
  const wrapper = mount(DataAccessSection, {
    global: {
      plugins: [
        createCounterI18n(),
        createTestingPinia({
          createSpy: vi.fn,
          initialState: {
            dataAccess,
            admin: { users: [{ id: 3, username: 'canbo1', fullName: 'Nguyễn Văn An', role: 'staff', active: true }] },
            session: { me: { id: 9, role: 'supervisor', fullName: 'GS', username: 'gs', counterId: null, mustChangePassword: false } },
          },
        }),
      ],
    },
  });
  return { wrapper, store: useDataAccessStore() };
}

describe('DataAccessSection (Nhật ký truy cập dữ liệu cá nhân)', () => {
  it('shows who read which dossier, when, how and what, in Vietnamese', () => {
    const booking = entry(3, { dossierId: null, dossierCode: null, appointmentCode: 'K7PM2Q', kind: 'list', fields: 'name,phone' });
    const { wrapper } = mountSection({ entries: [entry(2), entry(1, { kind: 'export', fields: 'name,address,phone', ip: null }), booking], hasMore: false });
    const rows = wrapper.findAll('[data-testid="data-access-table-row"]');
    expect(rows).toHaveLength(3);
    // A booking's citizen shown on the counters' list of today's bookings.
    expect(rows[2]!.get('[data-col="dossier"]').text()).toBe('Lịch hẹn K7PM2Q');
    expect(rows[2]!.get('[data-col="kind"]').text()).toBe('Trong danh sách');
    expect(rows[2]!.get('[data-col="fields"]').text()).toBe('họ tên, số điện thoại');
    expect(rows[0]!.get('[data-col="at"]').text()).toBe('23/11/2026 08:30');
    expect(rows[0]!.get('[data-col="user"]').text()).toBe('Nguyễn Văn An');
    expect(rows[0]!.get('[data-col="dossier"]').text()).toBe('000.00.06.H56-261123-0007');
    expect(rows[0]!.get('[data-col="kind"]').text()).toBe('Mở hồ sơ');
    expect(rows[0]!.get('[data-col="fields"]').text()).toBe('Toàn bộ thông tin người nộp');
    expect(rows[1]!.get('[data-col="kind"]').text()).toBe('Tải Sổ theo dõi');
    expect(rows[1]!.get('[data-col="fields"]').text()).toBe('họ tên, địa chỉ, số điện thoại');
    expect(wrapper.text()).toContain('Truy cập dữ liệu cá nhân');
  });

  it('checks the typed dates, then searches with the filters; loads older entries', async () => {
    const { wrapper, store } = mountSection({ entries: [entry(1)], hasMore: true });
    await wrapper.get('[data-testid="data-access-more"]').trigger('click');
    expect(store.loadMore).toHaveBeenCalledOnce();
    await wrapper.get('[data-testid="data-access-from"]').setValue('31/02/2026');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[data-testid="field-error-from"]').text()).toContain('dd/mm/yyyy');
    expect(store.search).not.toHaveBeenCalled();
    await wrapper.get('[data-testid="data-access-from"]').setValue('01/11/2026');
    await wrapper.get('[data-testid="data-access-user"]').setValue('3');
    await wrapper.get('[data-testid="data-access-code"]').setValue(' 000.00.06.h56-261123-0007 ');
    await wrapper.get('[data-testid="data-access-kind"]').setValue('view');
    await wrapper.get('form').trigger('submit');
    expect(store.search).toHaveBeenCalledWith({ from: '01/11/2026', to: '', userId: 3, dossierCode: ' 000.00.06.h56-261123-0007 ', kind: 'view' }, 'Asia/Ho_Chi_Minh');
  });

  it('asks the hub with dates as office-time day bounds', () => {
    const qs = dataAccessQueryString({ ...emptyDataAccessFilters(), from: '23/11/2026', to: '23/11/2026', dossierCode: ' X ' }, 'Asia/Ho_Chi_Minh', 50, 9);
    expect(Object.fromEntries(new URLSearchParams(qs))).toEqual({ from: '2026-11-22T17:00:00.000Z', to: '2026-11-23T17:00:00.000Z', dossierCode: 'X', limit: '50', beforeId: '9' });
  });
});
