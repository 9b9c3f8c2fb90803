import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useQueueStore } from '@ui/stores/queue';
import { makeCall, makeCounter, makeOffice, makeTicket } from '@ui/testing/fixtures';
import App from './App.vue';
import { createDisplayI18n } from './i18n';

function mountBoard(queue: Record<string, unknown>, device: Record<string, unknown> = { phase: 'ready' }) {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    stubActions: false,
    initialState: { queue: { connected: true, loaded: true, office: makeOffice(), ...queue }, device },
  });
  return mount(App, { global: { plugins: [pinia, createDisplayI18n()] } });
}

const counters = [
  makeCounter({ id: 1, number: 1, name: 'Tư pháp – Hộ tịch', currentTicket: makeTicket({ id: 5, number: 'A005', serviceId: 1, status: 'serving' }) }),
  makeCounter({ id: 2, number: 2, name: 'Tư pháp – Chứng thực' }),
  makeCounter({ id: 3, number: 3, name: 'Văn phòng đăng ký đất đai', open: false }),
];
const calls = [
  makeCall({ ticketId: 12, number: 'D012', counterNumber: 3, counterName: 'Văn phòng đăng ký đất đai', priority: true }),
  makeCall({ ticketId: 5, number: 'A005', counterNumber: 1 }),
  makeCall({ ticketId: 4, number: 'B004', counterNumber: 2 }),
];

describe('display board', () => {
  it('shows the latest call big with its counter and priority', () => {
    const wrapper = mountBoard({ counters, recentCalls: calls });
    expect(wrapper.get('[data-testid="display-latest-number"]').text()).toBe('D012');
    expect(wrapper.get('[data-testid="display-latest-counter"]').text()).toBe('➜Mời đến QUẦY 3');
    expect(wrapper.get('[data-testid="display-latest"]').text()).toContain('Văn phòng đăng ký đất đai');
    expect(wrapper.get('[data-testid="display-latest-priority"]').text()).toBe('★Ưu tiên');
    expect(wrapper.get('[data-testid="display-office-name"]').text()).toBe('Trung tâm Phục vụ hành chính công phường Hòa Bình');
  });

  it('shows the office logo before the name when the office has one', () => {
    expect(mountBoard({ counters, recentCalls: calls }).find('[data-testid="display-logo"]').exists()).toBe(false);
    const wrapper = mountBoard({ counters, recentCalls: calls, office: makeOffice({ logoVersion: 'v2' }) });
    expect(wrapper.get('[data-testid="display-logo"]').attributes('src')).toBe('/api/office/logo?v=v2');
  });

  it('lists the earlier calls and each counter with its current number', () => {
    const wrapper = mountBoard({ counters, recentCalls: calls });
    const rows = wrapper.findAll('[data-testid="display-recent-row"]').map((r) => r.text());
    expect(rows).toEqual(['A005➜Quầy 1', 'B004➜Quầy 2']);
    expect(wrapper.get('[data-testid="display-counter-1"]').text()).toBe('Quầy 1Tư pháp – Hộ tịchA005');
    expect(wrapper.get('[data-testid="display-counter-2"]').text()).toBe('Quầy 2Tư pháp – Chứng thực—');
    expect(wrapper.get('[data-testid="display-counter-3"]').text()).toBe('Quầy 3Văn phòng đăng ký đất đaiĐóng');
    expect(wrapper.get('[data-testid="display-counter-3"]').classes()).toContain('closed');
  });

  it('says nobody was called yet on an empty day', () => {
    const wrapper = mountBoard({ counters, recentCalls: [] });
    expect(wrapper.get('[data-testid="display-latest-empty"]').text()).toBe('Chưa có số nào được gọi');
    expect(wrapper.find('[data-testid="display-recent-row"]').exists()).toBe(false);
  });

  it('shows the pairing code instead of the board until the TV is paired', () => {
    const pairing = { pairingId: 'pairing-request-abcdefgh', code: '049017', kind: 'display', expiresAt: '2025-03-03T01:10:00.000Z' };
    const wrapper = mountBoard({ counters, recentCalls: calls }, { kind: 'display', phase: 'pairing', pairing, deadline: Date.now() + 600_000 });
    expect(wrapper.get('[data-testid="pairing-code"]').text()).toBe('049 017');
    expect(wrapper.get('[data-testid="pairing-kind"]').text()).toBe('Màn hình hiển thị');
    expect(wrapper.find('[data-testid="display-latest"]').exists()).toBe(false);
  });

  it('flashes the latest call once per new call, recalls included, without crashing without audio', async () => {
    const wrapper = mountBoard({ counters, recentCalls: calls });
    expect(wrapper.find('.panel.flash').exists()).toBe(false);
    const queue = useQueueStore();
    queue.handlers['ticket:called']({
      ticket: makeTicket({ id: 13, number: 'A006', serviceId: 1, status: 'called' }),
      call: makeCall({ ticketId: 13, number: 'A006', counterNumber: 1, counterName: 'Tư pháp – Hộ tịch' }),
    });
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="display-latest-number"]').text()).toBe('A006');
    expect(wrapper.find('.panel.flash').exists()).toBe(true);

    queue.handlers['ticket:called']({
      ticket: makeTicket({ id: 13, number: 'A006', serviceId: 1, status: 'called' }),
      call: makeCall({ ticketId: 13, number: 'A006', counterNumber: 1, recall: true }),
    });
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="display-latest-recall"]').text()).toBe('Gọi lại');
    expect(wrapper.findAll('[data-testid="display-recent-row"]').map((r) => r.text())[0]).toBe('★D012➜Quầy 3');
  });
});
