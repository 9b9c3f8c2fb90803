import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { BOOKING_CODE_ALPHABET } from '@shared/booking-code';
import { useQueueStore } from '@ui/stores/queue';
import { makeSnapshot } from '@ui/testing/fixtures';
import { demoFields, makeProcedure, makeSummary } from '@ui/testing/procedure-fixtures';
import App from '../../App.vue';
import { createKioskI18n } from '../../i18n';
import { useKioskStore } from '../../stores/kiosk';
import { useLookupStore } from '../../stores/lookup';
import HomeScreen from '../home/HomeScreen.vue';
import LookupScreen from './LookupScreen.vue';
import OnScreenKeyboard from './OnScreenKeyboard.vue';
import ProcedureDetail from './ProcedureDetail.vue';
import { procedureLink } from './qr-code';

function plugins(lookupState: Record<string, unknown> = {}, kioskState: Record<string, unknown> = { step: 'lookup' }) {
  const snap = makeSnapshot();
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    stubActions: false,
    initialState: {
      queue: { connected: true, loaded: true, office: snap.office, services: snap.services },
      kiosk: kioskState,
      lookup: lookupState,
    },
  });
  return [pinia, createKioskI18n()];
}

/** A hub with one procedure: these tests look at the screens, the store tests at the requests. */
function stubFetch(): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn((path: string) => {
    let body: unknown = [];
    if (path.startsWith('/api/procedures/')) body = makeProcedure();
    else if (path === '/api/fields') body = demoFields();
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

// A screen left mounted would set up components (and make its own Pinia the active one) when a late reply lands.
enableAutoUnmount(afterEach);

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('OnScreenKeyboard', () => {
  const Host = defineComponent({
    setup() {
      const text = ref('');
      return () =>
        h('div', [
          h('output', { 'data-testid': 'typed' }, text.value),
          h(OnScreenKeyboard, { modelValue: text.value, 'onUpdate:modelValue': (v: string) => (text.value = v) }),
        ]);
    },
  });

  it('types letters, digits, Vietnamese letters and single spaces; backspace and clear edit the text', async () => {
    const wrapper = mount(Host, { global: { plugins: plugins() } });
    const press = (key: string) => wrapper.get(`[data-testid="keyboard-key-${key}"]`).trigger('click');
    const typed = () => wrapper.get('[data-testid="typed"]').text();

    await press('space'); // no leading space
    for (const k of ['k', 'h', 'a', 'i', 'space', 'space', 's', 'i', 'n', 'h']) await press(k);
    expect(typed()).toBe('khai sinh');
    await press('backspace');
    await press('backspace');
    expect(typed()).toBe('khai si');
    await press('clear');
    expect(typed()).toBe('');
    for (const k of ['đ', 'ă', 'n', 'g', 'space', '2']) await press(k);
    expect(typed()).toBe('đăng 2');
    expect(wrapper.findAll('[data-testid^="keyboard-key-"]')).toHaveLength(10 + 26 + 7 + 3);
  });

  it('a code layout with an alphabet has keys only for its characters (booking codes: no 0/O, 1/I, dot or dash)', async () => {
    const typed = ref('');
    const wrapper = mount(OnScreenKeyboard, {
      props: { modelValue: '', layout: 'code', alphabet: BOOKING_CODE_ALPHABET, 'onUpdate:modelValue': (v: string) => (typed.value = v) },
      global: { plugins: plugins() },
    });
    const keys = wrapper.findAll('[data-testid^="keyboard-key-"]').map((k) => k.attributes('data-testid')!.slice('keyboard-key-'.length));
    const chars = keys.filter((k) => k.length === 1).map((k) => k.toUpperCase());
    expect([...chars].sort().join('')).toBe([...BOOKING_CODE_ALPHABET].sort().join(''));
    expect(keys.filter((k) => k.length > 1).sort()).toEqual(['backspace', 'clear']);
    await wrapper.get('[data-testid="keyboard-key-k"]').trigger('click');
    expect(typed.value).toBe('K');
  });
});

describe('LookupScreen', () => {
  it('shows the fields with their counts and shows what the keyboard typed in the read-only box', async () => {
    stubFetch();
    const wrapper = mount(LookupScreen, { global: { plugins: plugins({ fields: demoFields(), fieldsLoaded: true }) } });
    const tile = wrapper.get('[data-testid="field-tile-HTICH"]');
    expect(tile.text()).toContain('Hộ tịch');
    expect(tile.text()).toContain('19 thủ tục');
    expect(wrapper.get('[data-testid="field-tile-CTHUC"]').text()).toContain('10 thủ tục');
    const input = wrapper.get<HTMLInputElement>('[data-testid="search-input"]');
    expect(input.attributes('readonly')).toBeDefined();
    expect(input.attributes('inputmode')).toBe('none');

    await wrapper.get('[data-testid="keyboard-key-k"]').trigger('click');
    await wrapper.get('[data-testid="keyboard-key-h"]').trigger('click');
    expect(useLookupStore().query).toBe('kh');
    expect(input.element.value).toBe('kh');
    expect(wrapper.find('[data-testid="lookup-results"]').exists()).toBe(true);

    await wrapper.get('[data-testid="lookup-back"]').trigger('click');
    expect(useLookupStore().query).toBe('');
    expect(wrapper.find('[data-testid="field-tile-HTICH"]').exists()).toBe(true);
  });

  it('lists results with name and processing time and opens one', async () => {
    const fetchMock = stubFetch();
    const results = [makeSummary({ id: 1, code: '1.001193', name: 'Đăng ký khai sinh', processingTime: 'Ngay trong ngày' })];
    const wrapper = mount(LookupScreen, { global: { plugins: plugins({ query: 'khai sinh', results, answered: true }) } });
    const row = wrapper.get('[data-testid="result-1.001193"]');
    expect(row.text()).toContain('Đăng ký khai sinh');
    expect(row.text()).toContain('Ngay trong ngày');
    expect(wrapper.get('[data-testid="results-heading"]').text()).toBe('Kết quả cho “khai sinh”');
    await row.trigger('click');
    expect(useLookupStore().view).toBe('detail');
    expect(fetchMock).toHaveBeenCalledWith('/api/procedures/1', expect.anything());
    await flushPromises();
    expect(wrapper.get('[data-testid="procedure-detail"]').text()).toContain('Đăng ký khai sinh');
  });
});

describe('ProcedureDetail', () => {
  const detail = (over = {}, kioskState: Record<string, unknown> = { step: 'lookup' }) =>
    mount(ProcedureDetail, {
      global: { plugins: plugins({ view: 'detail', fields: demoFields(), procedure: makeProcedure(over) }, kioskState) },
    });

  it('shows name, code, field, time, fees (money, free, HĐND note) and the documents checklist', async () => {
    const wrapper = detail();
    expect(wrapper.get('[data-testid="detail-name"]').text()).toBe('Đăng ký khai sinh');
    expect(wrapper.get('[data-testid="detail-code"]').text()).toBe('Mã thủ tục: 1.001193');
    expect(wrapper.get('[data-testid="detail-field"]').text()).toBe('Lĩnh vực: Hộ tịch');
    expect(wrapper.get('[data-testid="detail-time"]').text()).toContain('Ngay trong ngày');
    const amounts = wrapper.findAll('[data-testid="fee-amount"]').map((a) => a.text());
    expect(amounts).toEqual(['8.000 đ/bản sao', 'Miễn phí', 'Theo Nghị quyết của Hội đồng nhân dân tỉnh']);
    expect(wrapper.get('[data-testid="fee-1"]').text()).toContain('Miễn lệ phí đăng ký khai sinh đúng hạn');

    const doc = wrapper.get('[data-testid="document-1"]');
    expect(doc.text()).toContain('Giấy chứng nhận kết hôn của cha, mẹ');
    expect(doc.text()).toContain('Bản chính: 0 · Bản sao: 2');
    expect(wrapper.get('[data-testid="document-0"]').text()).toContain('Theo mẫu');
    expect(doc.attributes('aria-checked')).toBe('false');
    await doc.trigger('click');
    expect(doc.attributes('aria-checked')).toBe('true');

    expect(wrapper.get('[data-testid="detail-agency"]').text()).toContain('Ủy ban nhân dân cấp xã');
    expect(wrapper.get('[data-testid="detail-result"]').text()).toContain('Giấy khai sinh (bản chính)');
  });

  it('names the province decision the catalog follows, once the office applied one', async () => {
    expect(detail().find('[data-testid="detail-basis"]').exists()).toBe(false);
    const wrapper = detail();
    const queue = useQueueStore();
    queue.office = { ...makeSnapshot().office, catalogBasis: { decision: 'Quyết định số 123/QĐ-UBND', effectiveDate: '2026-12-15' } };
    await flushPromises();
    expect(wrapper.get('[data-testid="detail-basis"]').text()).toBe('Danh mục theo Quyết định số 123/QĐ-UBND (hiệu lực từ 15/12/2026)');
  });

  it('tells that a document’s form is downloaded on the phone', () => {
    const p = makeProcedure();
    const wrapper = detail({ documents: p.documents.map((d, i) => (i === 0 ? { ...d, formFile: 'Tờ khai.docx' } : d)) });
    expect(wrapper.get('[data-testid="document-form-0"]').text()).toBe('Có mẫu đơn: quét mã QR để tải trên điện thoại');
    expect(wrapper.find('[data-testid="document-form-1"]').exists()).toBe(false);
  });

  it('keeps the legal basis collapsed until asked', async () => {
    const wrapper = detail();
    expect(wrapper.find('[data-testid="legal-list"]').exists()).toBe(false);
    await wrapper.get('[data-testid="legal-toggle"]').trigger('click');
    expect(wrapper.get('[data-testid="legal-list"]').text()).toContain('04/2020/TT-BTP');
  });

  it('says when there is no fee', () => {
    expect(detail({ fees: [] }).get('[data-testid="detail-fees"]').text()).toContain('Không thu phí, lệ phí');
  });

  it('"Lấy số cho thủ tục này" goes to the priority step for the procedure’s service', async () => {
    const wrapper = detail({ serviceId: 2 });
    const take = wrapper.get('[data-testid="take-ticket-for-procedure"]');
    expect(take.text()).toContain('Lấy số cho thủ tục này');
    expect(take.text()).toContain('B');
    await take.trigger('click');
    const kiosk = useKioskStore();
    expect(kiosk.step).toBe('priority');
    expect(kiosk.serviceId).toBe(2);
  });

  it('offers no ticket without a queue service, and a disabled one when the service is sold out or offline', () => {
    expect(detail({ serviceId: null }).find('[data-testid="take-ticket-for-procedure"]').exists()).toBe(false);
    const soldOut = detail({ serviceId: 7 }).get('[data-testid="take-ticket-for-procedure"]');
    expect(soldOut.attributes('disabled')).toBeDefined();
    expect(soldOut.text()).toContain('Đã hết số hôm nay');
  });

  it('shows a QR code of the short link that opens the same listing on a phone', async () => {
    expect(procedureLink('http://hub.test/', 12)).toBe('http://hub.test/tra-cuu/12');
    const wrapper = detail({ id: 12 });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="detail-qr"] img').exists()).toBe(true));
    const src = wrapper.get('[data-testid="detail-qr"] img').attributes('src') ?? '';
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    expect(decodeURIComponent(src)).toContain('<svg');
    expect(wrapper.get('[data-testid="detail-qr"]').text()).toBe('Quét mã để xem trên điện thoại');
  });

  it('Back returns to the result list', async () => {
    const wrapper = detail();
    await wrapper.get('[data-testid="detail-back"]').trigger('click');
    expect(useLookupStore().view).toBe('browse');
  });
});

describe('kiosk home and idle', () => {
  it('the home entry opens the lookup', async () => {
    stubFetch();
    const wrapper = mount(HomeScreen, { global: { plugins: plugins({}, {}) } });
    await wrapper.get('[data-testid="lookup-entry"]').trigger('click');
    expect(useKioskStore().step).toBe('lookup');
  });

  it('the lookup stays reachable while the office is closed', async () => {
    stubFetch();
    const snap = makeSnapshot();
    const pinia = createTestingPinia({
      createSpy: vi.fn,
      stubActions: false,
      initialState: { queue: { connected: true, loaded: true, office: { ...snap.office, issuingOpen: false }, services: snap.services }, kiosk: {} },
    });
    const wrapper = mount(App, { global: { plugins: [pinia, createKioskI18n()] } });
    expect(wrapper.find('[data-testid="kiosk-closed"]').exists()).toBe(true);
    await wrapper.get('[data-testid="kiosk-closed"] [data-testid="lookup-entry"]').trigger('click');
    expect(useKioskStore().step).toBe('lookup');
    expect(wrapper.find('[data-testid="lookup-screen"]').exists()).toBe(true);
  });

  it('returns from a procedure to home after the reading limit (120 s) without a touch, counting down the last 10 s', async () => {
    vi.useFakeTimers();
    stubFetch();
    const wrapper = mount(App, {
      global: { plugins: plugins({ view: 'detail', procedure: makeProcedure() }, { step: 'lookup' }) },
      attachTo: document.body,
    });
    expect(wrapper.find('[data-testid="procedure-detail"]').exists()).toBe(true);
    vi.advanceTimersByTime(110_000);
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[data-testid="time-limit-seconds"]').text()).toBe('10');
    vi.advanceTimersByTime(9_000);
    expect(useKioskStore().step).toBe('lookup');
    vi.advanceTimersByTime(1_000);
    await wrapper.vm.$nextTick();
    expect(useKioskStore().step).toBe('home');
    expect(wrapper.find('[data-testid="time-limit-warning"]').exists()).toBe(false);
    expect(useLookupStore().view).toBe('browse');
    expect(wrapper.find('[data-testid="kiosk-home"]').exists()).toBe(true);
  });
});
