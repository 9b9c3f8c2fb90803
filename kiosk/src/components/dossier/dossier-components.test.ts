import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DossierLookup } from '@shared/schemas/dossier';
import { makeSnapshot } from '@ui/testing/fixtures';
import App from '../../App.vue';
import { createKioskI18n } from '../../i18n';
import { useKioskStore } from '../../stores/kiosk';
import { useDossierLookupStore } from './dossier-lookup';

const CODE = '000.00.06.H56-261123-0001';
const CHECK = 'K7PM3Q';
const LOOKUP_PATH = `/api/dossiers/lookup/${encodeURIComponent(CODE)}?check=${CHECK}`;
const NOTICE = { vi: 'Thông tin cá nhân chỉ dùng để giải quyết thủ tục.', en: 'Used only for your procedure.' };
/** The dossier lookups the kiosk asked the hub for (not the privacy notice). */
const lookups = (fetchMock: ReturnType<typeof vi.fn>) => fetchMock.mock.calls.map((c) => String(c[0])).filter((p) => p.startsWith('/api/dossiers/'));

/** The hub's public answer for CODE (dates in UTC: 09:00 on 23/11 and 26/11 in Hồ Chí Minh City). */
function makeLookup(over: Partial<DossierLookup> = {}): DossierLookup {
  return {
    code: CODE,
    procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    maskedName: 'T*** T** H*** Nhung',
    status: 'received',
    receivedAt: '2026-11-23T02:00:00.000Z',
    dueAt: '2026-11-26T02:00:00.000Z',
    returnedAt: null,
    overdue: false,
    ...over,
  };
}

/** A hub that knows CODE with CHECK only (404 otherwise, like the real route), or answers `reply` to every lookup. */
function stubHub(reply?: () => Promise<Response>): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn((path: string) => {
    if (path === '/api/privacy-notice') return Promise.resolve(new Response(JSON.stringify(NOTICE), { status: 200 }));
    if (reply) return reply();
    const known = path === LOOKUP_PATH;
    const body = known ? makeLookup() : { code: 'DOSSIER_CHECK_FAILED', message: 'Mã hồ sơ hoặc mã kiểm tra không đúng.' };
    return Promise.resolve(new Response(JSON.stringify(body), { status: known ? 200 : 404 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function mountKiosk(opts: { issuingOpen?: boolean; locale?: 'vi' | 'en' } = {}): VueWrapper {
  const snap = makeSnapshot();
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    stubActions: false,
    initialState: { queue: { connected: true, loaded: true, office: { ...snap.office, issuingOpen: opts.issuingOpen ?? true }, services: snap.services } },
  });
  const i18n = createKioskI18n();
  i18n.global.locale.value = opts.locale ?? 'vi';
  return mount(App, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
}

const press = async (w: VueWrapper, key: string) => w.get(`[data-testid="keyboard-key-${key}"]`).trigger('click');
async function typeCode(w: VueWrapper, code: string): Promise<void> {
  for (const ch of code.toLowerCase()) await press(w, ch);
}
const typed = (w: VueWrapper) => (w.get('[data-testid="dossier-code-input"]').element as HTMLInputElement).value;
/** Taps the check box and types the check code on the keyboard. */
async function typeCheck(w: VueWrapper, check = CHECK): Promise<void> {
  await w.get('[data-testid="dossier-check-input"]').trigger('focus');
  for (const ch of check.toLowerCase()) await press(w, ch);
}
/** The code and its check, as a citizen types them from the receipt. */
async function typeReceipt(w: VueWrapper, code = CODE): Promise<void> {
  await typeCode(w, code);
  await typeCheck(w);
}

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('kiosk: Tra cứu hồ sơ', () => {
  it('is offered on home beside the procedure lookup, and while the office is closed', async () => {
    stubHub();
    for (const issuingOpen of [true, false]) {
      const w = mountKiosk({ issuingOpen });
      const entry = w.get('[data-testid="dossier-entry"]');
      expect(entry.text()).toContain('Tra cứu hồ sơ');
      expect(w.find('[data-testid="lookup-entry"]').exists()).toBe(true);
      await entry.trigger('click');
      expect(useKioskStore().step).toBe('dossier');
      expect(w.find('[data-testid="dossier-lookup-screen"]').exists()).toBe(true);
      expect(w.get('[data-testid="dossier-guide"]').text()).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
      // The office's privacy notice (Luật 91/2025/QH15), as the admin wrote it.
      await flushPromises();
      expect(w.get('[data-testid="privacy-notice"]').text()).toBe(NOTICE.vi);
      w.unmount();
    }
  });

  it('types a code in capitals with dot and dash on a keyboard without Vietnamese letters or space', async () => {
    stubHub();
    const w = mountKiosk();
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    expect(w.get('[data-testid="dossier-search"]').attributes('disabled')).toBeDefined();
    await typeCode(w, '000.00.06.h56-2611');
    expect(typed(w)).toBe('000.00.06.H56-2611');
    await press(w, 'backspace');
    expect(typed(w)).toBe('000.00.06.H56-261');
    expect(w.find('[data-testid="keyboard-key-space"]').exists()).toBe(false);
    expect(w.find('[data-testid="keyboard-key-đ"]').exists()).toBe(false);
    // 10 digits, 26 letters, dot, dash, backspace, clear.
    expect(w.findAll('[data-testid^="keyboard-key-"]')).toHaveLength(40);
    await press(w, 'clear');
    expect(typed(w)).toBe('');
  });

  it('says what a code looks like when it is incomplete, without asking the hub', async () => {
    const fetchMock = stubHub();
    const w = mountKiosk();
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    await typeCode(w, '261123-0001');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(lookups(fetchMock)).toEqual([]);
    expect(w.get('[data-testid="dossier-problem"]').text()).toBe('Mã hồ sơ chưa đủ ba phần. Xin kiểm tra lại mã trên Giấy tiếp nhận, ví dụ: 000.00.06.H56-231027-0361');
  });

  it('shows the status, dates in the office time zone, procedure and masked name in big type', async () => {
    const fetchMock = stubHub();
    const w = mountKiosk();
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    await typeReceipt(w);
    expect((w.get('[data-testid="dossier-check-input"]').element as HTMLInputElement).value).toBe(CHECK);
    expect(typed(w)).toBe(CODE);
    await w.get('[data-testid="dossier-search"]').trigger('click');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledWith(LOOKUP_PATH, expect.objectContaining({ method: 'GET' }));
    const row = (id: string) => [w.get(`[data-testid="dossier-${id}"] dt`).text(), w.get(`[data-testid="dossier-${id}"] dd`).text()];
    expect(w.get('[data-testid="dossier-state"]').text()).toBe('Đang giải quyết');
    expect(row('code')).toEqual(['Mã hồ sơ', CODE]);
    expect(row('procedure')).toEqual(['Thủ tục', 'Cấp Giấy xác nhận tình trạng hôn nhân']);
    expect(row('applicant')).toEqual(['Người nộp', 'T*** T** H*** Nhung']);
    expect(row('received')).toEqual(['Ngày nhận hồ sơ', '23/11/2026 09:00']);
    expect(row('due')).toEqual(['Ngày hẹn trả kết quả', '26/11/2026 09:00']);
    expect(w.find('[data-testid="dossier-returned"]').exists()).toBe(false);
    expect(w.find('[data-testid="dossier-overdue"]').exists()).toBe(false);
    // A new key press means a new code: the old answer goes.
    await press(w, 'backspace');
    expect(w.find('[data-testid="dossier-result"]').exists()).toBe(false);
  });

  it('normalises what was typed (spaces, lower case) before asking, like the hub and the phone page', async () => {
    const fetchMock = stubHub();
    const w = mountKiosk();
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    useDossierLookupStore().setTyped(' 000.00.06.h56 - 261123 – 0001 ');
    useDossierLookupStore().focus('check');
    useDossierLookupStore().setTyped('k7p-m3q');
    await useDossierLookupStore().submit();
    await flushPromises();
    expect(lookups(fetchMock)).toEqual([LOOKUP_PATH]);
    expect(w.get('[data-testid="dossier-state"]').text()).toBe('Đang giải quyết');
  });

  it('says clearly when no dossier has the code, and when the hub cannot be reached', async () => {
    stubHub();
    const w = mountKiosk();
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    await typeReceipt(w, '000.00.06.H56-261123-0009');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid="dossier-problem"]').text()).toBe('Không tìm thấy hồ sơ. Xin kiểm tra lại mã hồ sơ và mã kiểm tra trên Giấy tiếp nhận.');
    expect(w.text()).toContain('Cần hỗ trợ, xin mời hỏi cán bộ tại quầy.');
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid="dossier-problem"]').text()).toBe('Chưa tải được thông tin. Xin thử lại sau.');
  });

  it('shows other statuses, the return date and the overdue warning in English too', async () => {
    stubHub(() => Promise.resolve(new Response(JSON.stringify(makeLookup({ status: 'returned', returnedAt: '2026-11-25T08:30:00.000Z' })), { status: 200 })));
    const w = mountKiosk({ locale: 'en' });
    expect(w.get('[data-testid="dossier-entry"]').text()).toContain('Dossier status');
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    await typeReceipt(w);
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid="dossier-state"]').text()).toBe('Result returned');
    expect(w.get('[data-testid="dossier-returned"] dd').text()).toBe('25/11/2026 15:30');

    stubHub(() => Promise.resolve(new Response(JSON.stringify(makeLookup({ overdue: true })), { status: 200 })));
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid="dossier-overdue"]').text()).toContain('past its due date');
  });

  it('goes back home on "Quay lại", and by itself after the reading limit (120 s) without a touch, forgetting the code and the answer', async () => {
    stubHub();
    const w = mountKiosk();
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    await w.get('[data-testid="dossier-back"]').trigger('click');
    expect(useKioskStore().step).toBe('home');

    vi.useFakeTimers();
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    await typeReceipt(w);
    await w.get('form').trigger('submit');
    await vi.waitFor(() => expect(useDossierLookupStore().dossier).not.toBeNull());
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(119_000);
    expect(useKioskStore().step).toBe('dossier');
    vi.advanceTimersByTime(1_000);
    await w.vm.$nextTick();
    expect(useKioskStore().step).toBe('home');
    expect(w.find('[data-testid="kiosk-home"]').exists()).toBe(true);
    expect(useDossierLookupStore()).toMatchObject({ typed: '', check: '', field: 'code', dossier: null, problem: null });
  });

  it('asks for the check code before asking the hub, and says when this kiosk made too many wrong attempts', async () => {
    const fetchMock = stubHub();
    const w = mountKiosk();
    await w.get('[data-testid="dossier-entry"]').trigger('click');
    expect(w.get('[data-testid="dossier-guide"]').text()).toContain('4 số cuối số điện thoại');
    await typeCode(w, CODE);
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(lookups(fetchMock)).toEqual([]);
    expect(w.get('[data-testid="dossier-problem"]').text()).toBe('Xin nhập mã kiểm tra in trên Giấy tiếp nhận, hoặc 4 số cuối số điện thoại đã khai khi nộp hồ sơ.');
    // The keyboard now types into the check box; the code stays.
    expect(useDossierLookupStore().field).toBe('check');
    for (const ch of '5678') await press(w, ch);
    expect(typed(w)).toBe(CODE);
    expect(useDossierLookupStore().check).toBe('5678');
    stubHub(() => Promise.resolve(new Response(JSON.stringify({ code: 'DOSSIER_LOOKUP_LOCKED', message: 'x' }), { status: 429 })));
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid="dossier-problem"]').text()).toBe('Nhập sai quá nhiều lần. Xin thử lại sau 15 phút hoặc hỏi cán bộ tại quầy.');
  });
});
