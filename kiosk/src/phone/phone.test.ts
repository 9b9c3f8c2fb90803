import { createPinia, setActivePinia } from 'pinia';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { demoFields, makeProcedure, makeSummary } from '@ui/testing/procedure-fixtures';
import { makeOffice } from '@ui/testing/fixtures';
import { createPhoneI18n } from './i18n';
import PhoneApp from './PhoneApp.vue';
import { routes } from './router';

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A hub with the demo fields, one search result, "Đăng ký khai sinh" (its first document has a form) and the office. */
function stubHub() {
  const fetchMock = vi.fn((path: string) => {
    let body: unknown = [];
    if (path === '/api/fields') body = demoFields();
    else if (path === '/api/office') body = makeOffice({ name: 'UBND phường Hòa Bình', publicUrl: 'http://hub.test' });
    else if (path === '/api/privacy-notice') body = { vi: 'Dữ liệu cá nhân chỉ dùng để giải quyết thủ tục.', en: '' };
    else if (path.startsWith('/api/procedures/')) {
      const p = makeProcedure({ id: 7 });
      body = { ...p, documents: p.documents.map((d, i) => (i === 0 ? { ...d, formFile: 'Tờ khai.docx' } : d)) };
    } else if (path.startsWith('/api/procedures?')) body = [makeSummary({ id: 7, code: '1.001193', name: 'Đăng ký khai sinh' })];
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function open(path: string) {
  setActivePinia(createPinia());
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  const wrapper = mount(PhoneApp, { global: { plugins: [router, createPhoneI18n()] } });
  await flushPromises();
  return { wrapper, router };
}

describe('phone listing', () => {
  it('shows the fields; the address ?q= searches (accents optional) and results link to the procedure page', async () => {
    const fetchMock = stubHub();
    const { wrapper, router } = await open('/');
    expect(wrapper.get('[data-testid="phone-office"]').text()).toContain('UBND phường Hòa Bình');
    expect(wrapper.findAll('[data-testid^="phone-field-"]')).toHaveLength(2);
    // Every phone page carries the office's privacy notice (English falls back to Vietnamese when the admin left it empty).
    expect(wrapper.get('[data-testid="privacy-notice"]').text()).toBe('Dữ liệu cá nhân chỉ dùng để giải quyết thủ tục.');
    await wrapper.get('[data-testid="phone-language"]').trigger('click');
    expect(wrapper.get('[data-testid="privacy-notice"]').text()).toBe('Dữ liệu cá nhân chỉ dùng để giải quyết thủ tục.');
    await wrapper.get('[data-testid="phone-language"]').trigger('click');
    vi.useFakeTimers();
    await router.replace({ query: { q: 'khai sinh' } });
    await vi.advanceTimersByTimeAsync(300);
    await flushPromises();
    expect(fetchMock.mock.calls.some(([p]) => String(p).includes('q=khai+sinh'))).toBe(true);
    const result = wrapper.get('[data-testid="phone-result-1.001193"]');
    expect(result.attributes('href')).toBe('/thu-tuc/7');
  });

  it('a field link lists that field: ?linh-vuc= in the address', async () => {
    const fetchMock = stubHub();
    const { wrapper, router } = await open('/');
    await wrapper.get('[data-testid="phone-field-HTICH"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query['linh-vuc']).toBe('1');
    expect(fetchMock.mock.calls.some(([p]) => String(p).includes('fieldId=1'))).toBe(true);
    expect(wrapper.find('[data-testid="phone-results"]').exists()).toBe(true);
  });
});

describe('phone procedure page', () => {
  it('shows the checklist with counts, fees, a form download, and the paper header with the QR of the short link', async () => {
    stubHub();
    const { wrapper } = await open('/thu-tuc/7');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="guide-qr"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="guide-name"]').text()).toBe('Đăng ký khai sinh');
    expect(wrapper.get('[data-testid="guide-documents"]').text()).toContain('Bản chính: 1');
    expect(wrapper.get('[data-testid="guide-fees"]').text()).toContain('8.000 đ/bản sao');
    expect(wrapper.get('[data-testid="guide-form-0"]').attributes('href')).toBe(`/api/forms/${encodeURIComponent('Tờ khai.docx')}`);
    expect(wrapper.text()).toContain('PHIẾU HƯỚNG DẪN');
    expect(wrapper.text()).toContain('http://hub.test/tra-cuu/7');
  });

  it('switches to English and remembers it', async () => {
    stubHub();
    const { wrapper } = await open('/');
    await wrapper.get('[data-testid="phone-language"]').trigger('click');
    expect(wrapper.get('h1').text()).toBe('Administrative procedure lookup');
    expect(localStorage.getItem('motcua.phone.locale')).toBe('en');
  });
});
