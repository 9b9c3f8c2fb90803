import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { MonitorSnapshot } from '@shared/schemas/monitor';
import { makeTicket } from '@ui/testing/fixtures';
import { createCounterI18n } from '../../i18n';
import { useMonitorStore } from '../../stores/monitor';
import MonitorSection from './MonitorSection.vue';

const now = Date.now();
const ago = (min: number) => new Date(now - min * 60_000).toISOString();

function snapshot(): MonitorSnapshot {
  return {
    serverTime: new Date(now).toISOString(),
    businessDay: '2026-11-23',
    alertMinutes: 20,
    services: [
      { id: 1, code: 'HT', nameVi: 'Hộ tịch', nameEn: 'Civil status', prefix: 'A', waitingNormal: 1, waitingPriority: 1, oldestWaitingSince: ago(35), longestWaitMinutes: 35, avgWaitTodayMinutes: 12.5, servedToday: 4 },
    ],
    counters: [
      { id: 1, number: 1, name: 'Tư pháp – Hộ tịch', open: true, staffId: 3, staffName: 'Nguyễn Văn An', currentTicket: null, idleSince: ago(7), idleMinutes: 7, servedToday: 4 },
      { id: 2, number: 2, name: 'Tư pháp – Chứng thực', open: false, staffId: null, staffName: null, currentTicket: null, idleSince: null, idleMinutes: null, servedToday: 0 },
    ],
    tickets: [
      makeTicket({ id: 11, number: 'A011', serviceId: 1, issuedAt: ago(35) }),
      makeTicket({ id: 12, number: 'A012', serviceId: 1, issuedAt: ago(5), priorityGroup: 'elderly' }),
      makeTicket({ id: 9, number: 'A009', serviceId: 1, status: 'no_show', issuedAt: ago(50) }),
    ],
    alerts: [],
  };
}

function mountSection() {
  const wrapper = mount(MonitorSection, {
    global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, stubActions: false, initialState: { monitor: { state: snapshot(), connected: true } } })] },
  });
  return { wrapper, monitor: useMonitorStore() };
}

describe('MonitorSection', () => {
  it('warns about printers near the end of their roll or stopped, live; says nothing while they print', async () => {
    const { wrapper, monitor } = mountSection();
    expect(wrapper.find('[data-testid="monitor-printers"]').exists()).toBe(false);
    monitor.printers = [
      { id: 1, name: 'Máy in mặc định', state: 'online', pendingJobs: 0, reason: null },
      { id: 2, name: 'Máy in ki-ốt sảnh', state: 'near_end', pendingJobs: 0, reason: 'Giấy sắp hết: hãy chuẩn bị cuộn giấy mới.' },
      { id: 3, name: 'Máy in tầng 2', state: 'error', pendingJobs: 2, reason: 'Lỗi dao cắt giấy (kẹt giấy ở dao cắt): mở nắp, gỡ giấy kẹt rồi đóng nắp.' },
    ];
    await wrapper.vm.$nextTick();
    const band = wrapper.get('[data-testid="monitor-printers"]');
    expect(band.text()).toContain('Máy in phiếu cần xử lý');
    expect(band.find('[data-testid="monitor-printer-1"]').exists()).toBe(false);
    expect(band.get('[data-testid="monitor-printer-2"]').text()).toBe('Máy in ki-ốt sảnh · Sắp hết giấy — Giấy sắp hết: hãy chuẩn bị cuộn giấy mới.');
    expect(band.get('[data-testid="monitor-printer-3"]').text()).toContain('Đang báo lỗi — Lỗi dao cắt giấy');
    expect(band.get('[data-testid="monitor-printer-3"]').text()).toContain('2 phiếu chờ in');
    // An alarm while a printer is stopped; amber while paper is only running low. The heading's icon is drawn (SVG).
    expect(band.classes()).not.toContain('warning');
    expect(band.find('h3 svg').exists()).toBe(true);
    monitor.printers = monitor.printers.filter((p) => p.id !== 3);
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="monitor-printers"]').classes()).toContain('warning');
  });

  it('flags the citizens waiting past the threshold, live, and shows priority in words', () => {
    const { wrapper } = mountSection();
    const alerts = wrapper.get('[data-testid="monitor-alerts"]').text();
    expect(alerts).toContain('Chờ từ 20 phút trở lên');
    expect(alerts).toContain('A011');
    expect(alerts).not.toContain('A012');
    expect(wrapper.get('[data-testid="monitor-services"]').text()).toContain('12,5 phút');
    expect(wrapper.get('[data-testid="monitor-waiting"]').text()).toContain('A012 ★ Ưu tiên');
    expect(wrapper.get('[data-testid="monitor-no-shows"]').text()).toContain('A009');
    expect(wrapper.get('[data-testid="monitor-counters"]').text()).toContain('Nguyễn Văn An');
    expect(wrapper.find('[data-testid="monitor-close-2"]').exists()).toBe(false);
  });

  it('transfers to the chosen service or counter, and asks before closing a counter', async () => {
    const { wrapper, monitor } = mountSection();
    const transfer = vi.spyOn(monitor, 'transfer').mockResolvedValue(null);
    const close = vi.spyOn(monitor, 'closeCounter').mockResolvedValue(null);
    vi.spyOn(monitor, 'start').mockImplementation(() => {});
    await wrapper.get('[data-testid="monitor-target-A011"]').setValue('c:2');
    await wrapper.get('[data-testid="monitor-transfer-A011"]').trigger('click');
    expect(transfer).toHaveBeenCalledWith(11, { counterId: 2 });
    await wrapper.get('[data-testid="monitor-close-1"]').trigger('click');
    expect(close).not.toHaveBeenCalled();
    await wrapper.get('[data-testid="confirm-ok"]').trigger('click');
    expect(close).toHaveBeenCalledWith(1);
  });
});
