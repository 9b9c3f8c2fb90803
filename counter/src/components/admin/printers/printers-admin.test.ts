import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Printer, PrinterStatus } from '@shared/schemas/printer';
import { createCounterI18n } from '../../../i18n';
import PrinterDialog from './PrinterDialog.vue';
import PrintersSection from './PrintersSection.vue';
import ReprintButton from './ReprintButton.vue';
import TicketLayoutPanel from './TicketLayoutPanel.vue';
import { usePrintersStore } from './printers-store';

const status = (over: Partial<PrinterStatus> = {}): PrinterStatus => ({ printerId: 1, deviceId: null, state: 'online', checkedAt: null, pendingJobs: 0, lastError: null, reason: null, browser: false, paperWidth: 80, ...over });
const printer = (over: Partial<Printer> = {}): Printer => ({
  id: 1,
  name: 'Máy in mặc định',
  deviceId: null,
  deviceName: null,
  type: 'epson',
  address: 'file:./data/prints',
  paperWidth: 80,
  enabled: true,
  qrRaster: false,
  fromEnv: true,
  status: status(),
  ...over,
});
const reply = (code: number, body: unknown) => new Response(JSON.stringify(body), { status: code, headers: { 'content-type': 'application/json' } });

describe('printers admin section', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
  });
  afterEach(() => vi.unstubAllGlobals());

  function mountSection() {
    const pinia = createTestingPinia({
      createSpy: vi.fn,
      initialState: {
        adminPrinters: {
          printers: [printer(), printer({ id: 2, name: 'Máy in ki-ốt sảnh', deviceId: 5, deviceName: 'Ki-ốt sảnh', fromEnv: false, address: 'tcp://192.168.1.50:9100', status: status({ printerId: 2, deviceId: 5, state: 'paper_out', pendingJobs: 2, lastError: 'paper_out', reason: 'Hết giấy: hãy thay cuộn giấy mới.' }) }), printer({ id: 3, name: 'Máy in tầng 2', deviceId: 6, deviceName: 'Ki-ốt tầng 2', fromEnv: false, status: status({ printerId: 3, deviceId: 6, state: 'near_end', reason: 'Giấy sắp hết: hãy chuẩn bị cuộn giấy mới.' }) })],
          layout: { headerText: '', footerText: 'Xin cảm ơn', hidden: ['qr'] },
        },
      },
    });
    return mount(PrintersSection, { global: { plugins: [pinia, createCounterI18n()], stubs: { TicketLayoutPanel: true } } });
  }

  it('lists printers with their live state in words, pending jobs, and test print per printer', async () => {
    const wrapper = mountSection();
    const store = usePrintersStore();
    expect(store.start).toHaveBeenCalled();
    expect(wrapper.get('[data-testid="printer-status-1"]').text()).toBe('●Sẵn sàng');
    // Paper out stops printing (red); near end still prints (amber) and warns above the list before the roll runs out.
    expect(wrapper.get('[data-testid="printer-status-2"]').text()).toBe('✕Hết giấy');
    expect(wrapper.get('[data-testid="printer-reason-2"]').text()).toBe('Hết giấy: hãy thay cuộn giấy mới.');
    expect(wrapper.get('[data-testid="printer-status-3"]').text()).toBe('▲Sắp hết giấy');
    expect(wrapper.get('[data-testid="printer-near-end-3"]').text()).toContain('Máy in “Máy in tầng 2” sắp hết giấy');
    expect(wrapper.find('[data-testid="printer-near-end-2"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="printer-reason-1"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="printers-table"]').text()).toContain('2 phiếu chờ in');
    expect(wrapper.get('[data-testid="printers-table"]').text()).toContain('Ki-ốt sảnh');
    // The default printer cannot be removed; a kiosk's can.
    expect(wrapper.findAll('[data-testid="remove-printer"]')).toHaveLength(2);
    await wrapper.findAll('[data-testid="test-print"]')[1]!.trigger('click');
    expect(store.testPrint).toHaveBeenCalledWith(2);
    await flushPromises();
    expect(wrapper.get('[data-testid="printers-notice"]').text()).toBe('Đã gửi trang in thử tới “Máy in ki-ốt sảnh”.');
    // A pushed status replaces the row's status.
    store.printers = store.printers.map((p) => (p.id === 2 ? { ...p, status: status({ printerId: 2, state: 'online' }) } : p));
    await flushPromises();
    expect(wrapper.get('[data-testid="printer-status-2"]').text()).toBe('●Sẵn sàng');
  });

  it('reprint posts to the hub and says so, or shows the hub error in Vietnamese', async () => {
    const pinia = createTestingPinia({ createSpy: vi.fn });
    const wrapper = mount(ReprintButton, { props: { ticketId: 7, number: 'A007' }, global: { plugins: [pinia, createCounterI18n()] } });
    fetchMock.mockResolvedValueOnce(reply(202, { id: 1 }));
    await wrapper.get('[data-testid="reprint-ticket"]').trigger('click');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledWith('/api/tickets/7/reprint', expect.objectContaining({ method: 'POST', body: '{}' }));
    expect(wrapper.get('[data-testid="reprint-message"]').text()).toBe('Đã gửi lệnh in lại phiếu A007.');
    fetchMock.mockResolvedValueOnce(reply(409, { code: 'NO_PRINTER', message: 'x' }));
    await wrapper.get('[data-testid="reprint-ticket"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="reprint-message"]').text()).toContain('Chưa có máy in nào đang bật');
  });

  it('the printer dialog sends the QR-in-image option; the layout panel sends the expiry minutes (1–30, 2 at first)', async () => {
    const dialog = mount(PrinterDialog, { props: { printer: printer(), kiosks: [] }, global: { plugins: [createTestingPinia({ createSpy: vi.fn }), createCounterI18n()] }, attachTo: document.body });
    const store = usePrintersStore();
    expect((dialog.get('[data-testid="printer-qr-raster"]').element as HTMLInputElement).checked).toBe(false);
    await dialog.get('[data-testid="printer-qr-raster"]').setValue(true);
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(store.save).toHaveBeenCalledWith(1, { name: 'Máy in mặc định', deviceId: null, type: 'epson', address: 'file:./data/prints', paperWidth: 80, enabled: true, qrRaster: true });
    dialog.unmount();

    const layout = { headerText: '', footerText: 'Mời ông/bà theo dõi màn hình và loa gọi số.', hidden: [] };
    const panel = mount(TicketLayoutPanel, { global: { plugins: [createTestingPinia({ createSpy: vi.fn, initialState: { adminPrinters: { layout, settings: null } } }), createCounterI18n()] } });
    const panelStore = usePrintersStore();
    expect((panel.get('[data-testid="print-expire-minutes"]').element as HTMLInputElement).value).toBe('2');
    await panel.get('[data-testid="print-expire-minutes"]').setValue('0');
    await panel.get('form').trigger('submit');
    await flushPromises();
    expect(panelStore.saveLayout).not.toHaveBeenCalled();
    expect(panel.text()).toContain('Nhập số nguyên từ 1 đến 30.');
    await panel.get('[data-testid="print-expire-minutes"]').setValue('5');
    await panel.get('form').trigger('submit');
    await flushPromises();
    expect(panelStore.saveLayout).toHaveBeenCalledWith(layout, { expireMinutes: 5 });
  });
});
