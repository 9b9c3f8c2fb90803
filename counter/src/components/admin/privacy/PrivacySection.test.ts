import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { PrivacySettings } from '@shared/schemas/privacy';
import { ApiError } from '@ui/api';
import { createCounterI18n } from '../../../i18n';
import { usePrivacyAdminStore } from './privacy-admin-store';
import PrivacySection from './PrivacySection.vue';

const settings = (): PrivacySettings => ({
  retention: { ticketPriorityGroupDays: 90, dossierApplicantDays: 1825, ratingCommentDays: 365, auditDays: 1095, appointmentDays: 90 },
  notice: { vi: 'Thông tin cá nhân chỉ dùng để giải quyết thủ tục.', en: 'Used only for your procedure.' },
});

function mountSection(state: Record<string, unknown>) {
  const wrapper = mount(PrivacySection, {
    global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, initialState: { privacyAdmin: state } })] },
  });
  return { wrapper, store: usePrivacyAdminStore() };
}

describe('PrivacySection (Dữ liệu cá nhân)', () => {
  it('edits the retention periods and the notice, and sends them trimmed', async () => {
    const { wrapper, store } = mountSection({ settings: settings() });
    vi.mocked(store.save).mockResolvedValue(settings());
    expect(wrapper.text()).toContain('Thời hạn lưu giữ dữ liệu cá nhân');
    expect(wrapper.text()).toContain('Nhóm ưu tiên của phiếu số');
    expect((wrapper.get('[data-testid="retention-dossierApplicantDays"]').element as HTMLInputElement).value).toBe('1825');
    await wrapper.get('[data-testid="retention-ticketPriorityGroupDays"]').setValue('30');
    await wrapper.get('[data-testid="notice-vi"]').setValue('  Văn bản mới.  ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(store.save).toHaveBeenCalledWith({ retention: { ...settings().retention, ticketPriorityGroupDays: 30 }, notice: { vi: 'Văn bản mới.', en: settings().notice.en } });
    expect(wrapper.get('[data-testid="privacy-saved"]').text()).toBe('Đã lưu cài đặt dữ liệu cá nhân.');
  });

  it('refuses a negative period or an empty Vietnamese notice without asking the hub, and shows the hub refusal', async () => {
    const { wrapper, store } = mountSection({ settings: settings() });
    await wrapper.get('[data-testid="retention-auditDays"]').setValue('-5');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[data-testid="field-error-auditDays"]').text()).toContain('từ 0 đến 36500');
    await wrapper.get('[data-testid="retention-auditDays"]').setValue('0');
    await wrapper.get('[data-testid="notice-vi"]').setValue('   ');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[data-testid="field-error-noticeVi"]').text()).toContain('tiếng Việt');
    expect(store.save).not.toHaveBeenCalled();
    await wrapper.get('[data-testid="notice-vi"]').setValue('Có nội dung');
    vi.mocked(store.save).mockRejectedValue(new ApiError(400, 'VALIDATION_FAILED', 'x'));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="privacy-error"]').text()).toContain('không hợp lệ');
  });

  it('runs the anonymisation on demand and says what it did', async () => {
    const { wrapper, store } = mountSection({ settings: settings(), lastRun: { at: '2026-11-23T02:00:00.000Z', tickets: 3, dossiers: 1, ratings: 2, auditRows: 40, accessRows: 5 } });
    await wrapper.get('[data-testid="retention-run"]').trigger('click');
    expect(store.runNow).toHaveBeenCalledOnce();
    expect(wrapper.get('[data-testid="retention-result"]').text()).toBe('Đã ẩn danh: 3 phiếu, 1 hồ sơ, 2 đánh giá, 40 dòng nhật ký, 5 dòng nhật ký truy cập.');
  });
});
