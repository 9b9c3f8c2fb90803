import { createPinia, setActivePinia } from 'pinia';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from 'vue-i18n';
import PrivacyNotice from './PrivacyNotice.vue';

afterEach(() => vi.unstubAllGlobals());

function mountNotice(locale: 'vi' | 'en', reply: () => Promise<Response>) {
  const fetchMock = vi.fn((_url: string) => reply());
  vi.stubGlobal('fetch', fetchMock);
  setActivePinia(createPinia());
  const i18n = createI18n({ legacy: false, locale, messages: { vi: {}, en: {} } });
  return { wrapper: mount(PrivacyNotice, { global: { plugins: [i18n] } }), fetchMock };
}

describe('PrivacyNotice', () => {
  it('shows the office\'s notice in the screen language, loaded once for every notice on the page', async () => {
    const { wrapper, fetchMock } = mountNotice('en', () => Promise.resolve(new Response(JSON.stringify({ vi: 'Tiếng Việt', en: 'English text' }), { status: 200 })));
    const second = mount(PrivacyNotice, { global: { plugins: [createI18n({ legacy: false, locale: 'vi', messages: { vi: {} } })] } });
    await flushPromises();
    expect(wrapper.get('[data-testid="privacy-notice"]').text()).toBe('English text');
    expect(second.get('[data-testid="privacy-notice"]').text()).toBe('Tiếng Việt');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/privacy-notice');
  });

  it('shows nothing when the hub cannot be reached', async () => {
    const { wrapper } = mountNotice('vi', () => Promise.reject(new TypeError('Failed to fetch')));
    await flushPromises();
    expect(wrapper.find('[data-testid="privacy-notice"]').exists()).toBe(false);
  });
});
