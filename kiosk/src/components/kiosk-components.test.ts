import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useQueueStore } from '@ui/stores/queue';
import { makeIssuedTicket, makeOffice, makeSnapshot } from '@ui/testing/fixtures';
import { createKioskI18n } from '../i18n';
import { useKioskStore } from '../stores/kiosk';
import HomeScreen from './home/HomeScreen.vue';
import KioskHeader from './home/KioskHeader.vue';
import PriorityStep from './priority/PriorityStep.vue';
import ErrorScreen from './status/ErrorScreen.vue';
import OfficeClosed from './status/OfficeClosed.vue';
import TicketScreen from './ticket/TicketScreen.vue';

function plugins(queueState: Record<string, unknown> = {}, kioskState: Record<string, unknown> = {}) {
  const snap = makeSnapshot();
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    stubActions: false,
    initialState: {
      queue: { connected: true, loaded: true, office: snap.office, services: snap.services, ...queueState },
      kiosk: kioskState,
    },
  });
  return [pinia, createKioskI18n()];
}

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('HomeScreen', () => {
  it('lists services grouped by field with letter, waiting count and wait', async () => {
    const wrapper = mount(HomeScreen, { global: { plugins: plugins() } });
    expect(wrapper.text()).toContain('Mời chọn dịch vụ');
    const justice = wrapper.get('[data-testid="service-group-Tư pháp"]');
    expect(justice.text()).toContain('Tư pháp');
    expect(justice.findAll('button.tile')).toHaveLength(2);
    const a = wrapper.get('[data-testid="service-A"]');
    expect(a.text()).toContain('Hộ tịch');
    expect(a.text()).toContain('A');
    expect(a.text()).toContain('Đang chờ: 4 người');
    expect(a.text()).toContain('Chờ khoảng 20 phút');
    expect(wrapper.get('[data-testid="service-B"]').text()).toContain('Không phải chờ');
    const g = wrapper.get('[data-testid="service-G"]');
    expect(g.text()).toContain('Hết số hôm nay');
    expect(g.attributes('disabled')).toBeDefined();
    expect(wrapper.findAll('button.tile')).toHaveLength(7);

    await a.trigger('click');
    expect(useKioskStore().step).toBe('priority');
    expect(useKioskStore().serviceId).toBe(1);
  });

  it('disables every service while offline', () => {
    const wrapper = mount(HomeScreen, { global: { plugins: plugins({ connected: false }) } });
    expect(wrapper.get('[data-testid="service-A"]').attributes('disabled')).toBeDefined();
  });
});

describe('KioskHeader', () => {
  it('shows the office, the Vietnamese weekday and switches to English', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T02:15:00.000Z'));
    const wrapper = mount(KioskHeader, { global: { plugins: plugins({ clockOffset: 0 }) } });
    expect(wrapper.get('[data-testid="kiosk-office-name"]').text()).toBe('Trung tâm Phục vụ hành chính công phường Hòa Bình');
    expect(wrapper.get('[data-testid="kiosk-clock"]').text()).toBe('09:15Thứ Hai, 23/11/2026');
    await wrapper.get('[data-testid="kiosk-language"]').trigger('click');
    expect(wrapper.get('[data-testid="kiosk-clock"]').text()).toBe('09:15Monday, 23/11/2026');
    expect(wrapper.get('[data-testid="kiosk-language"]').text()).toBe('Tiếng Việt');
  });

  it('shows the office logo before the name, and no language toggle when the office offers only Vietnamese', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T02:15:00.000Z'));
    localStorage.setItem('motcua.locale', 'en');
    const office = makeOffice({ languages: ['vi'], logoVersion: 'abc123' });
    const wrapper = mount(KioskHeader, { global: { plugins: plugins({ clockOffset: 0, office }) } });
    expect(wrapper.get('[data-testid="kiosk-logo"]').attributes('src')).toBe('/api/office/logo?v=abc123');
    expect(wrapper.find('[data-testid="kiosk-language"]').exists()).toBe(false);
    // A kiosk left in English goes back to Vietnamese.
    expect(wrapper.get('[data-testid="kiosk-clock"]').text()).toBe('09:15Thứ Hai, 23/11/2026');
  });

  it('shows no logo while the office has none', () => {
    const wrapper = mount(KioskHeader, { global: { plugins: plugins() } });
    expect(wrapper.find('[data-testid="kiosk-logo"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="kiosk-language"]').exists()).toBe(true);
  });
});

describe('PriorityStep', () => {
  it('offers the normal choice and the priority groups with the office elderly age', async () => {
    const wrapper = mount(PriorityStep, {
      global: { plugins: plugins({ office: makeOffice({ elderlyAge: 75 }) }, { step: 'priority', serviceId: 2 }) },
    });
    expect(wrapper.get('[data-testid="kiosk-chosen-service"]').text()).toContain('Chứng thực');
    expect(wrapper.get('[data-testid="priority-none"]').text()).toContain('Không thuộc diện ưu tiên');
    expect(wrapper.get('[data-testid="priority-elderly"]').text()).toContain('Người cao tuổi (từ 75 tuổi)');
    expect(wrapper.get('[data-testid="priority-pregnant"]').text()).toContain('Phụ nữ có thai');
    expect(wrapper.findAll('button.group')).toHaveLength(6);

    await wrapper.get('[data-testid="priority-back"]').trigger('click');
    expect(useKioskStore().step).toBe('home');
  });

  it("offers only the office's priority groups, in its order, and no group heading when there are none", async () => {
    const wrapper = mount(PriorityStep, {
      global: { plugins: plugins({ office: makeOffice({ priorityGroups: ['disabled', 'elderly'] }) }, { step: 'priority', serviceId: 1 }) },
    });
    expect(wrapper.findAll('button.group').map((b) => b.attributes('data-testid'))).toEqual(['priority-disabled', 'priority-elderly']);
    useQueueStore().office = makeOffice({ priorityGroups: [] });
    await nextTick();
    expect(wrapper.findAll('button.group')).toHaveLength(0);
    expect(wrapper.find('.groups-title').exists()).toBe(false);
    expect(wrapper.get('[data-testid="priority-none"]').text()).toContain('Không thuộc diện ưu tiên');
  });

  it('disables every choice and says so while the ticket is being issued', () => {
    const wrapper = mount(PriorityStep, { global: { plugins: plugins({}, { step: 'priority', serviceId: 1, pending: true }) } });
    expect(wrapper.get('[data-testid="kiosk-issuing"]').text()).toBe('Đang cấp số, xin vui lòng chờ…');
    expect(wrapper.get('[data-testid="priority-none"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="priority-elderly"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="priority-back"]').attributes('disabled')).toBeDefined();
  });
});

describe('TicketScreen', () => {
  it('repeats what the ticket says, in the office time zone', () => {
    const ticket = makeIssuedTicket({ number: 'A012', priorityGroup: 'elderly', peopleAhead: 4, estimatedWaitMinutes: 20 });
    const wrapper = mount(TicketScreen, { props: { ticket }, global: { plugins: plugins() } });
    expect(wrapper.text()).toContain('SỐ THỨ TỰ');
    expect(wrapper.get('[data-testid="ticket-number"]').text()).toBe('A012');
    expect(wrapper.get('[data-testid="ticket-service"]').text()).toBe('Hộ tịch');
    expect(wrapper.get('[data-testid="ticket-priority"]').text()).toBe('★Ưu tiênNgười cao tuổi (từ 60 tuổi)');
    expect(wrapper.get('[data-testid="ticket-counters"]').text()).toBe('Mời đến Quầy 1, 2');
    expect(wrapper.get('[data-testid="ticket-ahead"]').text()).toBe('4');
    expect(wrapper.get('[data-testid="ticket-wait"]').text()).toBe('khoảng 20 phút');
    expect(wrapper.get('[data-testid="ticket-issued-at"]').text()).toBe('23/11/2026 09:15');
    expect(wrapper.get('[data-testid="ticket-remember"]').text()).toBe('Vui lòng ghi nhớ hoặc chụp lại số thứ tự này');
  });

  it('shows no priority mark for a normal ticket', () => {
    const wrapper = mount(TicketScreen, { props: { ticket: makeIssuedTicket() }, global: { plugins: plugins() } });
    expect(wrapper.find('[data-testid="ticket-priority"]').exists()).toBe(false);
  });

  it('counts down and returns home by itself', async () => {
    vi.useFakeTimers();
    const wrapper = mount(TicketScreen, { props: { ticket: makeIssuedTicket(), seconds: 15 }, global: { plugins: plugins() } });
    expect(wrapper.get('[data-testid="ticket-countdown"]').text()).toContain('Tự động quay về màn hình chính sau 15 giây');
    vi.advanceTimersByTime(5000);
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="ticket-countdown"]').text()).toContain('sau 10 giây');
    expect(wrapper.emitted('done')).toBeUndefined();
    vi.advanceTimersByTime(10_000);
    expect(wrapper.emitted('done')).toHaveLength(1);
  });

  it('gives the full time again on a touch, and says so (WCAG 2.2.1)', async () => {
    vi.useFakeTimers();
    const wrapper = mount(TicketScreen, { props: { ticket: makeIssuedTicket(), seconds: 15 }, global: { plugins: plugins() } });
    expect(wrapper.get('[data-testid="ticket-countdown"]').text()).toContain('Chạm màn hình để thêm thời gian.');
    vi.advanceTimersByTime(12_000);
    await wrapper.get('[data-testid="ticket-number"]').trigger('pointerdown');
    expect(wrapper.get('[data-testid="ticket-countdown"]').text()).toContain('sau 15 giây');
    vi.advanceTimersByTime(14_000);
    expect(wrapper.emitted('done')).toBeUndefined();
    vi.advanceTimersByTime(1_000);
    expect(wrapper.emitted('done')).toHaveLength(1);
    // Once gone home, a late touch changes nothing.
    await wrapper.get('[data-testid="ticket-number"]').trigger('pointerdown');
    vi.advanceTimersByTime(20_000);
    expect(wrapper.emitted('done')).toHaveLength(1);
  });
});

describe('ErrorScreen and OfficeClosed', () => {
  it('explains a refused ticket in Vietnamese', async () => {
    const wrapper = mount(ErrorScreen, { props: { failure: 'DAILY_LIMIT_REACHED' }, global: { plugins: plugins() } });
    expect(wrapper.get('[data-testid="kiosk-error-message"]').text()).toBe(
      'Dịch vụ đã hết số thứ tự trong ngày. Xin mời quay lại vào ngày làm việc tiếp theo.',
    );
    await wrapper.get('[data-testid="kiosk-error-home"]').trigger('click');
    expect(wrapper.emitted('done')).toHaveLength(1);
  });

  it('explains a network failure', () => {
    const wrapper = mount(ErrorScreen, { props: { failure: 'NETWORK' }, global: { plugins: plugins() } });
    expect(wrapper.get('[data-testid="kiosk-error-message"]').text()).toBe('Không kết nối được máy chủ. Xin vui lòng thử lại sau giây lát.');
  });

  it('shows the issue windows and working days when closed', () => {
    const office = makeOffice({ issuingOpen: false, workingDays: [1, 2, 3, 4, 5, 6] });
    const wrapper = mount(OfficeClosed, { props: { office }, global: { plugins: plugins() } });
    expect(wrapper.text()).toContain('Hiện đang ngoài giờ cấp số thứ tự');
    expect(wrapper.get('[data-testid="kiosk-closed-windows"]').text()).toBe('Giờ cấp số: 07:00–11:30, 13:30–17:00');
    expect(wrapper.get('[data-testid="kiosk-closed-days"]').text()).toBe('Ngày làm việc: Thứ Hai – Thứ Bảy');
  });
});

describe('home screen from the queue store', () => {
  it('renders a tile for each active service of the store', () => {
    const wrapper = mount(HomeScreen, { global: { plugins: plugins() } });
    const prefixes = useQueueStore().services.map((s) => s.prefix);
    expect(prefixes.length).toBeGreaterThan(0);
    for (const prefix of prefixes) expect(wrapper.find(`[data-testid="service-${prefix}"]`).exists()).toBe(true);
  });
});
