import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createCounterI18n } from '../../i18n';
import { demoServices, makeOffice, makeTicket } from '@ui/testing/fixtures';
import CurrentTicket from './CurrentTicket.vue';

function mountWith(props: InstanceType<typeof CurrentTicket>['$props']) {
  return mount(CurrentTicket, {
    props,
    global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, initialState: { queue: { office: makeOffice(), services: demoServices() } } })] },
  });
}

describe('CurrentTicket', () => {
  it('shows the number, service, Vietnamese status, priority word, call time in office time, wait and recalls', () => {
    const w = mountWith({
      callKey: 'G',
      ticket: makeTicket({
        number: 'A012',
        serviceId: 1,
        status: 'called',
        priorityGroup: 'elderly',
        issuedAt: '2026-11-23T01:00:00.000Z',
        calledAt: '2026-11-23T01:17:30.000Z',
        recallCount: 2,
      }),
    });
    expect(w.get('[data-testid="current-number"]').text()).toBe('A012');
    expect(w.get('[data-testid="current-status"]').text()).toBe('Đã gọi');
    expect(w.get('[data-testid="current-service"]').text()).toBe('Hộ tịch');
    expect(w.get('[data-testid="current-priority"]').text()).toContain('Ưu tiên');
    expect(w.get('[data-testid="current-priority"]').text()).toContain('Người cao tuổi (từ 60 tuổi)');
    expect(w.get('[data-testid="current-called-at"]').text()).toBe('08:17');
    expect(w.get('[data-testid="current-waited"]').text()).toBe('17 phút');
    expect(w.get('[data-testid="current-recalls"]').text()).toBe('2');
  });

  it('says "Đang phục vụ" for a ticket being served and shows no priority mark for a normal ticket', () => {
    const w = mountWith({ callKey: 'G', ticket: makeTicket({ status: 'serving', calledAt: '2026-11-23T01:05:00.000Z' }) });
    expect(w.get('[data-testid="current-status"]').text()).toBe('Đang phục vụ');
    expect(w.find('[data-testid="current-priority"]').exists()).toBe(false);
  });

  it('tells what to do when no ticket is at the counter', () => {
    const w = mountWith({ callKey: 'G', ticket: null });
    expect(w.get('[data-testid="current-none"]').text()).toContain('Bấm “Gọi số tiếp theo” (phím G)');
  });
});
