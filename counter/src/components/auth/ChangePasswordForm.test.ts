import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '@shared/schemas/auth';
import { createCounterI18n } from '../../i18n';
import { useSessionStore } from '../../stores/session';
import ChangePasswordForm from './ChangePasswordForm.vue';

const account: Me = { id: 7, username: 'canbo7', fullName: 'Trần Thị Bảy', role: 'staff', counterId: null, mustChangePassword: true };

function mountForm(initial: Record<string, unknown> = {}) {
  const wrapper = mount(ChangePasswordForm, {
    attachTo: document.body,
    global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, initialState: { session: { passwordChangeFor: account, ...initial } } })] },
  });
  const session = useSessionStore();
  return { wrapper, session, changePassword: session.changePassword as unknown as ReturnType<typeof vi.fn> };
}

async function fill(wrapper: ReturnType<typeof mountForm>['wrapper'], current: string, next: string, repeat: string) {
  await wrapper.get('[data-testid="password-current"]').setValue(current);
  await wrapper.get('[data-testid="password-new"]').setValue(next);
  await wrapper.get('[data-testid="password-repeat"]').setValue(repeat);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

const errorOf = (wrapper: ReturnType<typeof mountForm>['wrapper']) => wrapper.get('[data-testid="password-error"]').text();

describe('ChangePasswordForm', () => {
  it('greets the account and states the rule', () => {
    const { wrapper } = mountForm();
    expect(wrapper.get('[data-testid="password-intro"]').text()).toBe('Xin chào Trần Thị Bảy. Vì lý do an toàn, hãy đặt mật khẩu mới trước khi bắt đầu làm việc.');
    expect(wrapper.get('#password-rule').text()).toBe('Ít nhất 8 ký tự và khác mật khẩu hiện tại.');
    expect(wrapper.find('[data-testid="password-error"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it.each([
    ['', '', '', 'Vui lòng nhập đủ cả ba ô.', 'password-current'],
    ['cu-mat-khau', 'ngan', 'ngan', 'Mật khẩu mới phải có ít nhất 8 ký tự.', 'password-new'],
    ['cu-mat-khau', 'cu-mat-khau', 'cu-mat-khau', 'Mật khẩu mới phải khác mật khẩu hiện tại.', 'password-new'],
    ['cu-mat-khau', 'moi-mat-khau-1', 'moi-mat-khau-2', 'Hai lần nhập mật khẩu mới không khớp. Vui lòng nhập lại.', 'password-repeat'],
  ])('refuses %j / %j / %j without calling the hub', async (current, next, repeat, message, focused) => {
    const { wrapper, changePassword } = mountForm();
    await fill(wrapper, current, next, repeat);
    expect(errorOf(wrapper)).toBe(message);
    expect(changePassword).not.toHaveBeenCalled();
    expect(document.activeElement?.getAttribute('data-testid')).toBe(focused);
    wrapper.unmount();
  });

  it('sends a valid change to the store', async () => {
    const { wrapper, changePassword } = mountForm();
    changePassword.mockResolvedValue(true);
    await fill(wrapper, 'demo-pass', 'mat-khau-moi-2025', 'mat-khau-moi-2025');
    expect(changePassword).toHaveBeenCalledWith('demo-pass', 'mat-khau-moi-2025');
    expect(wrapper.find('[data-testid="password-error"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says the current password is wrong in plain words and clears it', async () => {
    const { wrapper, session, changePassword } = mountForm();
    changePassword.mockImplementation(async () => {
      session.errorCode = 'INVALID_CREDENTIALS';
      return false;
    });
    await fill(wrapper, 'sai-mat-khau', 'mat-khau-moi-2025', 'mat-khau-moi-2025');
    expect(errorOf(wrapper)).toBe('Mật khẩu hiện tại không đúng. Vui lòng nhập lại.');
    expect((wrapper.get('[data-testid="password-current"]').element as HTMLInputElement).value).toBe('');
    expect((wrapper.get('[data-testid="password-new"]').element as HTMLInputElement).value).toBe('mat-khau-moi-2025');
    wrapper.unmount();
  });

  it('shows the hub’s WEAK_PASSWORD text and clears the new password', async () => {
    const { wrapper, session, changePassword } = mountForm();
    changePassword.mockImplementation(async () => {
      session.errorCode = 'WEAK_PASSWORD';
      return false;
    });
    await fill(wrapper, 'demo-pass', 'mat-khau-moi-2025', 'mat-khau-moi-2025');
    expect(errorOf(wrapper)).toBe('Mật khẩu mới phải có ít nhất 8 ký tự và khác mật khẩu cũ.');
    expect((wrapper.get('[data-testid="password-new"]').element as HTMLInputElement).value).toBe('');
    expect((wrapper.get('[data-testid="password-repeat"]').element as HTMLInputElement).value).toBe('');
    wrapper.unmount();
  });

  it('lets the clerk sign out instead', async () => {
    const { wrapper, session } = mountForm();
    await wrapper.get('[data-testid="password-sign-out"]').trigger('click');
    expect(session.logout).toHaveBeenCalledWith();
    wrapper.unmount();
  });
});
