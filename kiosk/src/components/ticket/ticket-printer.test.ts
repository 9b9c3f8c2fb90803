import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrinterStatus, PrintJobOutcome } from '@shared/schemas/printer';
import { makeIssuedTicket, makeSnapshot } from '@ui/testing/fixtures';
import { createKioskI18n } from '../../i18n';
import { printPage } from './browser-print';
import TicketScreen from './TicketScreen.vue';
import { useTicketSmsStore } from './ticket-sms';

// The hidden print frame itself runs in Chromium (server/test/e2e/printing.test.ts); here: which page is printed.
vi.mock('./browser-print', () => ({ printPage: vi.fn() }));

const status = (state: PrinterStatus['state']): PrinterStatus => ({ printerId: 1, deviceId: 3, state, checkedAt: null, pendingJobs: 0, lastError: null, reason: null, browser: false, paperWidth: 80 });

function mountTicket(printer: PrinterStatus | null, outcomes: Map<number, PrintJobOutcome['outcome']> = new Map(), ticket = makeIssuedTicket()) {
  const snap = makeSnapshot();
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    stubActions: false,
    initialState: { queue: { connected: true, loaded: true, office: snap.office, services: snap.services }, kioskPrinter: { printer, loaded: true, outcomes } },
  });
  return mount(TicketScreen, { props: { ticket }, global: { plugins: [pinia, createKioskI18n()] } });
}

/** The hub's answer to "does the office send messages?" (the ticket screen asks as it opens). */
const messagesOn = (available: boolean) =>
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ available }), { status: 200, headers: { 'content-type': 'application/json' } }))));

describe('ticket screen and the printer', () => {
  beforeEach(() => messagesOn(false));
  afterEach(() => vi.unstubAllGlobals());

  it('printer online: tells the citizen to take the paper, no QR fallback, 15 s countdown', () => {
    const wrapper = mountTicket(status('online'));
    expect(wrapper.get('[data-testid="ticket-printing"]').text()).toBe('Mời ông/bà nhận phiếu ở khe máy in.');
    expect(wrapper.find('[data-testid="ticket-printer-down"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="ticket-countdown"]').text()).toContain('15');
  });

  it('paper out: says why in Vietnamese, shows the tracking QR code big and leaves 45 s to photograph it', async () => {
    const wrapper = mountTicket(status('paper_out'));
    const notice = wrapper.get('[data-testid="ticket-printer-down"]');
    expect(notice.text()).toContain('Máy in phiếu đã hết giấy');
    expect(notice.text()).toContain('chụp ảnh màn hình này');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('[data-testid="ticket-qr"]').attributes('src')).toMatch(/^data:image\/svg\+xml/);
    });
    expect(wrapper.get('[data-testid="ticket-countdown"]').text()).toContain('45');
    expect(wrapper.get('[data-testid="ticket-number"]').text()).toBe(makeIssuedTicket().number);
  });

  it('a long wait reads in hours and minutes on the screen, as on the paper', () => {
    const wrapper = mountTicket(status('online'), new Map(), makeIssuedTicket({ estimatedWaitMinutes: 168 }));
    expect(wrapper.get('[data-testid="ticket-wait"]').text()).toBe('khoảng 2 giờ 48 phút');
  });

  it('no printer for this kiosk: the fallback says so', () => {
    expect(mountTicket(null).get('[data-testid="ticket-printer-down"]').text()).toContain('Ki-ốt này chưa có máy in phiếu');
  });

  it('printer in error: the fallback says so in Vietnamese (never "take your ticket")', () => {
    const wrapper = mountTicket(status('error'));
    expect(wrapper.get('[data-testid="ticket-printer-down"]').text()).toContain('Máy in phiếu đang báo lỗi');
    expect(wrapper.find('[data-testid="ticket-printing"]').exists()).toBe(false);
  });

  it('near end still prints: take the paper, with a note to photograph the screen if none comes', () => {
    const text = mountTicket(status('near_end')).get('[data-testid="ticket-printing"]').text();
    expect(text).toContain('Mời ông/bà nhận phiếu ở khe máy in.');
    expect(text).toContain('sắp hết giấy');
  });

  it("the hub dropped this ticket's job: the fallback shows although the printer is back online", () => {
    const ticket = makeIssuedTicket();
    const wrapper = mountTicket(status('online'), new Map([[ticket.id, 'expired']]));
    expect(wrapper.get('[data-testid="ticket-printer-down"]').text()).toContain('Máy in phiếu chưa in được phiếu của ông/bà');
    expect(mountTicket(status('online'), new Map([[ticket.id + 1, 'expired']])).find('[data-testid="ticket-printer-down"]').exists()).toBe(false);
  });

  it('a browser printer: the kiosk loads the print page of this ticket at the paper width and prints it', () => {
    const wrapper = mountTicket({ ...status('unknown'), browser: true, paperWidth: 58 });
    expect(vi.mocked(printPage).mock.calls).toEqual([[`/api/print-page/${makeIssuedTicket().trackingUrl.split('/t/')[1]}?width=58`]]);
    expect(wrapper.get('[data-testid="ticket-printing"]').text()).toContain('Mời ông/bà nhận phiếu');
    vi.mocked(printPage).mockClear();
    mountTicket(status('online'));
    expect(vi.mocked(printPage)).not.toHaveBeenCalled();
  });

  it('opening and closing the phone keypad does not print the ticket again', async () => {
    vi.mocked(printPage).mockClear();
    messagesOn(true);
    const wrapper = mountTicket({ ...status('unknown'), browser: true, paperWidth: 80 });
    await vi.waitFor(async () => {
      await flushPromises();
      expect(useTicketSmsStore().available).toBe(true);
    });
    await wrapper.get('[data-testid="ticket-sms-offer"]').trigger('click');
    expect(wrapper.find('[data-testid="ticket-sms-entry"]').exists()).toBe(true);
    await wrapper.get('[data-testid="ticket-sms-cancel"]').trigger('click');
    expect(wrapper.find('[data-testid="ticket-sms-entry"]').exists()).toBe(false);
    expect(vi.mocked(printPage)).toHaveBeenCalledTimes(1);
  });
});
