import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DISPLAY, type DisplayInput } from '@shared/schemas/display';
import { demoServices, makeCall, makeCounter, makeOffice, makeTicket } from '@ui/testing/fixtures';
import App from './App.vue';
import { createDisplayI18n } from './i18n';

const counters = [
  makeCounter({ id: 1, number: 1, name: 'Tư pháp – Hộ tịch', services: [{ serviceId: 1, weight: 2 }], staffName: 'Nguyễn Văn An', currentTicket: makeTicket({ id: 5, number: 'A005', status: 'called', priority: true }) }),
  makeCounter({ id: 2, number: 2, name: 'Tư pháp – Chứng thực', services: [{ serviceId: 2, weight: 2 }] }),
  makeCounter({ id: 3, number: 3, name: 'Đất đai', services: [{ serviceId: 4, weight: 1 }], open: false }),
];
const calls = [makeCall({ ticketId: 9, number: 'D002', counterNumber: 3, serviceId: 4 }), makeCall({ ticketId: 5, number: 'A005', counterNumber: 1 })];

function mountDisplay(config: Partial<DisplayInput>, queue: Record<string, unknown> = {}, missing = false) {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    stubActions: false,
    initialState: {
      queue: { connected: true, loaded: true, office: makeOffice(), counters, recentCalls: calls, services: demoServices(), ...queue },
      device: { phase: 'ready' },
      displayConfig: { id: 4, config: { ...DEFAULT_DISPLAY, ...config }, missing },
    },
  });
  return mount(App, { global: { plugins: [pinia, createDisplayI18n()] } });
}

describe('display layouts', () => {
  it('main hall: every counter, the waiting count per service, and the notices', () => {
    const w = mountDisplay({ marquee: ['Giờ làm việc 7h00–17h00', 'Giữ trật tự'] });
    expect(w.get('[data-layout]').attributes('data-layout')).toBe('main');
    expect(w.get('[data-testid="display-latest-number"]').text()).toBe('D002');
    expect(w.findAll('[data-testid^="display-counter-"][class*="counter"]').length).toBeGreaterThanOrEqual(3);
    expect(w.get('[data-testid="display-waiting-A"]').text()).toBe('A4');
    expect(w.get('[data-testid="display-waiting-A"]').attributes('title')).toBe('Hộ tịch');
    expect(w.get('[data-testid="display-marquee"]').attributes('aria-label')).toBe('Giờ làm việc 7h00–17h00   ◆   Giữ trật tự');
  });

  it('area: only the chosen services, their counters and calls', () => {
    const w = mountDisplay({ layout: 'area', serviceIds: [1, 2] });
    expect(w.get('[data-testid="display-latest-number"]').text()).toBe('A005');
    expect(w.find('[data-testid="display-counter-3"]').exists()).toBe(false);
    expect(w.find('[data-testid="display-counter-1"]').exists()).toBe(true);
    expect(w.findAll('[data-testid^="display-waiting-"]').map((r) => r.text())).toEqual(['AHộ tịch4', 'BChứng thực0']);
    expect(w.find('[data-testid="display-marquee"]').exists()).toBe(false);
  });

  it('counter-top: one counter, its current number with the priority word, and the officer', () => {
    const w = mountDisplay({ layout: 'counter', counterIds: [1] });
    expect(w.get('[data-testid="counter-top-number"]').text()).toBe('QUẦY 1');
    expect(w.get('[data-testid="counter-top-current"]').text()).toBe('A005');
    expect(w.get('[data-testid="counter-top-priority"]').text()).toContain('Ưu tiên');
    expect(w.get('[data-testid="counter-top-staff"]').text()).toBe('Cán bộ: Nguyễn Văn An');
    expect(mountDisplay({ layout: 'counter', counterIds: [3] }).get('[data-testid="counter-top-closed"]').text()).toBe('Quầy tạm dừng tiếp nhận');
  });

  it('shows the idle slides only after the configured minutes without a call', () => {
    const slides = [{ title: 'Chào mừng Quý khách', body: 'Xin mời lấy số tại kiosk', imageUrl: '' }];
    expect(mountDisplay({ slides }, { recentCalls: [] }).get('[data-testid="display-slide"]').text()).toContain('Chào mừng Quý khách');
    const old = [makeCall({ ticketId: 5, number: 'A005', counterNumber: 1, calledAt: '2020-01-01T01:00:00.000Z' })];
    expect(mountDisplay({ slides, idleAfterMinutes: 5 }, { recentCalls: old }).find('[data-testid="display-slide"]').exists()).toBe(true);
    const fresh = [makeCall({ ticketId: 5, number: 'A005', counterNumber: 1, calledAt: new Date(Date.now() - 60_000).toISOString() })];
    const w = mountDisplay({ slides, idleAfterMinutes: 5 }, { recentCalls: fresh });
    expect(w.find('[data-testid="display-slide"]').exists()).toBe(false);
    expect(w.get('[data-testid="display-latest-number"]').text()).toBe('A005');
  });

  it('says discreetly when the id in its address names no configuration', () => {
    expect(mountDisplay({}, {}, true).get('[data-testid="display-config-missing"]').text()).toBe('Không tìm thấy cấu hình màn hình số 4; đang dùng cấu hình mặc định');
  });
});
