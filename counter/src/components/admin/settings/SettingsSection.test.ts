import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { OfficeSettings } from '@shared/schemas/office';
import { ApiError } from '@ui/api';
import { createCounterI18n } from '../../../i18n';
import { useAdminStore } from '../../../stores/admin';
import SettingsSection from './SettingsSection.vue';

const settings = (): OfficeSettings => ({
  name: 'UBND phường Hòa Bình',
  address: 'Số 1 Độc Lập',
  timezone: 'Asia/Ho_Chi_Minh',
  workingDays: [1, 2, 3, 4, 5],
  sessions: [{ start: '07:30', end: '11:30' }],
  issueWindows: [{ start: '07:30', end: '11:00' }],
  dailyResetTime: '00:00',
  callingMode: 'interleave',
  normalPerPriority: 3,
  transferPosition: 'front',
  elderlyAge: 60,
  defaultServiceMinutes: 6,
  openLan: false,
  unitCode: '000.00.06.H56',
  notifyPeopleAhead: 3,
  ratingScale: 3,
  kioskIdleSeconds: 30,
  kioskReadingSeconds: 120,
  waitAlertMinutes: 30,
  priorityGroups: ['pregnant', 'elderly'],
  languages: ['vi', 'en'],
  showStaffNames: false,
});

function mountSection(admin: Record<string, unknown> = {}) {
  const wrapper = mount(SettingsSection, {
    global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, initialState: { admin: { settings: settings(), ...admin } } })] },
  });
  return { wrapper, admin: useAdminStore() };
}

describe('SettingsSection', () => {
  it('sends sessions as HH:MM ranges, working days sorted, priority groups in the office order', async () => {
    const { wrapper, admin } = mountSection();
    expect(wrapper.get('[data-testid="settings-days"]').text()).toContain('Thứ Hai');
    expect(wrapper.get('[data-testid="priority-elderly"]').element.parentElement?.textContent).toContain('Người cao tuổi (từ 60 tuổi)');

    await wrapper.get('[data-testid="day-6"]').setValue(true);
    await wrapper.get('[data-testid="day-0"]').setValue(true);
    await wrapper.get('[data-testid="day-3"]').setValue(false);
    await wrapper.get('[data-testid="sessions-add"]').trigger('click');
    await wrapper.get('[data-testid="sessions-1-start"]').setValue('13:30');
    await wrapper.get('[data-testid="sessions-1-end"]').setValue('17:00');
    await wrapper.get('[data-testid="sessions-0-start"]').setValue('7:30');
    await wrapper.get('[data-testid="issueWindows-0-remove"]').trigger('click');
    await wrapper.get('[data-testid="priority-disabled"]').setValue(true);
    await wrapper.get('[data-testid="settings-open-lan"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(admin.saveSettings).toHaveBeenCalledWith({
      ...settings(),
      workingDays: [0, 1, 2, 4, 5, 6],
      sessions: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      issueWindows: [],
      priorityGroups: ['pregnant', 'elderly', 'disabled'],
      openLan: true,
    });
    expect(wrapper.find('[data-testid="form-banner"]').exists()).toBe(false);
  });

  it('keeps Vietnamese always on and sends English only when ticked', async () => {
    const { wrapper, admin } = mountSection();
    const viBox = wrapper.get<HTMLInputElement>('[data-testid="language-vi"]');
    expect(viBox.element.checked).toBe(true);
    expect(viBox.attributes('disabled')).toBeDefined();
    expect(wrapper.get<HTMLInputElement>('[data-testid="language-en"]').element.checked).toBe(true);

    await wrapper.get('[data-testid="language-en"]').setValue(false);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(admin.saveSettings).toHaveBeenLastCalledWith({ ...settings(), languages: ['vi'] });

    await wrapper.get('[data-testid="language-en"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(admin.saveSettings).toHaveBeenLastCalledWith({ ...settings(), languages: ['vi', 'en'] });
  });

  it('uploads a chosen image as a data URL and shows the hub refusal next to the logo', async () => {
    const { wrapper, admin } = mountSection({ logoVersion: 'abc' });
    expect(wrapper.get('[data-testid="settings-logo-preview"]').attributes('src')).toBe('/api/office/logo?v=abc');
    const upload = vi.mocked(admin.uploadLogo);
    upload.mockRejectedValueOnce(new ApiError(400, 'VALIDATION_FAILED', 'x', { field: 'logo', message: 'Tệp không phải là ảnh hợp lệ.' }));

    const input = wrapper.get<HTMLInputElement>('[data-testid="settings-logo-file"]');
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
    await vi.waitFor(() => expect(upload).toHaveBeenCalledWith('data:image/png;base64,iVBORw=='));
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error-logo"]').text()).toBe('⚠ Tệp không phải là ảnh hợp lệ.');
    expect(admin.saveSettings).not.toHaveBeenCalled();

    const svg = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    Object.defineProperty(input.element, 'files', { value: [svg], configurable: true });
    await input.trigger('change');
    await flushPromises();
    expect(upload).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="field-error-logo"]').text()).toBe('⚠ Logo phải là ảnh PNG, JPEG hoặc WebP.');
  });

  it('removes the logo only after the confirmation', async () => {
    const { wrapper, admin } = mountSection({ logoVersion: 'abc' });
    await wrapper.get('[data-testid="settings-logo-remove"]').trigger('click');
    expect(admin.removeLogo).not.toHaveBeenCalled();
    await wrapper.get('[data-testid="confirm-ok"]').trigger('click');
    await flushPromises();
    expect(admin.removeLogo).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="confirm-dialog"]').exists()).toBe(false);
  });

  it('refuses a range ending before it starts, before asking the hub', async () => {
    const { wrapper, admin } = mountSection();
    await wrapper.get('[data-testid="issueWindows-0-end"]').setValue('07:00');
    await wrapper.get('form').trigger('submit');
    expect(admin.saveSettings).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="field-error-issueWindows"]').text()).toContain('HH:MM');
  });

  it("shows the hub's field message next to the field, and a schema refusal on its field", async () => {
    const { wrapper, admin } = mountSection();
    const save = vi.mocked(admin.saveSettings);
    save.mockRejectedValueOnce(new ApiError(400, 'VALIDATION_FAILED', 'x', { field: 'timezone', message: 'Múi giờ không hợp lệ.' }));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error-timezone"]').text()).toBe('⚠ Múi giờ không hợp lệ.');
    expect(wrapper.get('[data-testid="form-banner"]').text()).toBe('Vui lòng sửa các mục được đánh dấu bên dưới.');

    save.mockRejectedValueOnce(new ApiError(400, 'VALIDATION_FAILED', 'x', 'body/unitCode must match pattern "^[0-9A-Za-z.]*$"'));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="field-error-timezone"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="field-error-unitCode"]').text()).toBe('⚠ Giá trị không hợp lệ.');

    save.mockRejectedValueOnce(new ApiError(403, 'FORBIDDEN', 'x'));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="form-banner"]').text()).toBe('Tài khoản không có quyền thực hiện thao tác này.');
  });
});
