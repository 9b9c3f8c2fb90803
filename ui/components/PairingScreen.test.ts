import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppI18n } from '../i18n';
import PairingScreen from './PairingScreen.vue';

function mountScreen(device: Record<string, unknown>) {
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { device } });
  return mount(PairingScreen, { global: { plugins: [pinia, createAppI18n({ vi: {}, en: {} })] } });
}

const pairing = { pairingId: 'pairing-request-abcdefgh', code: '483912', kind: 'display', expiresAt: '2025-03-03T01:10:00.000Z' };

describe('PairingScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-03T01:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the code in two groups, the kind in Vietnamese, what to do and the time left', async () => {
    const wrapper = mountScreen({ kind: 'display', phase: 'pairing', pairing, deadline: Date.now() + 600_000 });
    expect(wrapper.get('[data-testid="pairing-code"]').text()).toBe('483 912');
    expect(wrapper.get('[data-testid="pairing-kind"]').text()).toBe('Màn hình hiển thị');
    expect(wrapper.get('[data-testid="pairing-instructions"]').text()).toBe('Quản trị viên mở Quầy cán bộ → Quản trị → Thiết bị và nhập mã này.');
    expect(wrapper.get('[data-testid="pairing-countdown"]').text()).toBe('Mã còn hiệu lực 10:00 Khi hết hạn, mã mới sẽ tự hiện.');
    expect(wrapper.get('[data-testid="pairing-status"]').text()).toBe('Đang chờ quản trị viên nhập mã…');
    expect(wrapper.find('button').exists()).toBe(false);

    await vi.advanceTimersByTimeAsync(61_000);
    expect(wrapper.get('[data-testid="pairing-countdown"]').text()).toContain('Mã còn hiệu lực 8:59');
  });

  it('names the kiosk and says when the hub cannot be reached while it waits for a code', () => {
    const wrapper = mountScreen({ kind: 'kiosk', phase: 'pairing', pairing: null, reachable: false });
    expect(wrapper.get('[data-testid="pairing-kind"]').text()).toBe('Kiosk lấy số');
    expect(wrapper.get('[data-testid="pairing-requesting"]').text()).toBe('Đang lấy mã ghép nối…');
    expect(wrapper.find('[data-testid="pairing-code"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="pairing-status"]').text()).toBe('Chưa kết nối được máy chủ. Đang thử lại…');
  });

  it('confirms the pairing with the device name', () => {
    const device = { id: 3, name: 'TV sảnh chờ', kind: 'display', pairedAt: '2025-03-03T01:00:00.000Z', lastSeenAt: null, revoked: false };
    const wrapper = mountScreen({ kind: 'display', phase: 'welcome', device });
    expect(wrapper.get('[data-testid="pairing-success"]').text()).toBe('✓Ghép nối thành côngTên thiết bị: TV sảnh chờĐang khởi động màn hình…');
    expect(wrapper.find('[data-testid="pairing-code"]').exists()).toBe(false);
  });
});
