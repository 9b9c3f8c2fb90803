import { createPinia, setActivePinia } from 'pinia';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppointmentStaff } from '@shared/schemas/appointment';
import { jsonReply } from '@ui/testing/fetch-mock';
import { createCounterI18n } from '../../i18n';
import BookingsPanel from './BookingsPanel.vue';
import { useBookingsStore } from './bookings-store';

const booking = (over: Partial<AppointmentStaff>): AppointmentStaff => ({
  id: 1,
  code: 'K7MQ2X',
  status: 'booked',
  serviceId: 1,
  procedureName: 'Đăng ký khai sinh',
  start: '2026-11-23T03:00:00.000Z',
  end: '2026-11-23T03:30:00.000Z',
  fullName: 'Nguyễn Văn An',
  phone: '0912000001',
  ticketId: null,
  ticketNumber: null,
  checkedInAt: null,
  ...over,
});

describe('BookingsPanel (Lịch hẹn hôm nay)', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
    setActivePinia(createPinia());
  });
  afterEach(() => vi.unstubAllGlobals());

  function mountPanel(list: AppointmentStaff[]) {
    const store = useBookingsStore();
    store.follow = () => () => undefined;
    store.list = list;
    return { store, wrapper: mount(BookingsPanel, { global: { plugins: [createCounterI18n()] } }) };
  }

  it('groups the day by outcome with names and ticket numbers', () => {
    const { wrapper } = mountPanel([booking({}), booking({ id: 2, code: 'AB2CD3', status: 'checked_in', ticketId: 5, ticketNumber: 'A003', fullName: 'Trần Thị Bình' }), booking({ id: 3, code: 'ZZ3ZZ4', status: 'missed' })]);
    const text = wrapper.text();
    expect(text).toContain('Sắp đến (1)');
    expect(text).toContain('Đã nhận số (1)');
    expect(text).toContain('Lỡ hẹn (1)');
    expect(wrapper.get('[data-testid="booking-AB2CD3"]').text()).toContain('số A003');
    expect(wrapper.find('[data-testid="booking-cancel-AB2CD3"]').exists()).toBe(false);
  });

  it('cancels an upcoming booking only with a reason, sent to the hub', async () => {
    const { wrapper } = mountPanel([booking({})]);
    await wrapper.get('[data-testid="booking-cancel-K7MQ2X"]').trigger('click');
    expect(wrapper.get('[data-testid="booking-cancel-confirm"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="booking-cancel-reason"]').setValue('Công dân gọi điện xin hủy');
    fetchMock.mockResolvedValueOnce(jsonReply({ code: 'K7MQ2X', status: 'cancelled' }));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/appointments/K7MQ2X/cancel');
    expect(JSON.parse(String(init?.body))).toEqual({ reason: 'Công dân gọi điện xin hủy' });
  });
});
