import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createCounterI18n } from '../../i18n';
import { useSessionStore } from '../../stores/session';
import SignInForm from './SignInForm.vue';

function mountForm(initial: Record<string, unknown> = {}) {
  const wrapper = mount(SignInForm, {
    global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, initialState: { session: initial } })] },
  });
  return { wrapper, session: useSessionStore() };
}

describe('SignInForm', () => {
  it('shows the hub error in Vietnamese', () => {
    const { wrapper } = mountForm({ errorCode: 'INVALID_CREDENTIALS' });
    expect(wrapper.get('[data-testid="sign-in-error"]').text()).toBe('Sai tên đăng nhập hoặc mật khẩu.');
  });

  it('says a locked account must wait or ask an admin', () => {
    const { wrapper } = mountForm({ errorCode: 'ACCOUNT_LOCKED' });
    expect(wrapper.get('[data-testid="sign-in-error"]').text()).toBe(
      'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 5 phút hoặc nhờ quản trị viên đặt lại mật khẩu.',
    );
  });

  it('shows the password change instead of the sign-in form while the account must choose a new password', () => {
    const { wrapper } = mountForm({
      passwordChangeFor: { id: 7, username: 'canbo7', fullName: 'Trần Thị Bảy', role: 'staff', counterId: null, mustChangePassword: true },
    });
    expect(wrapper.find('[data-testid="sign-in-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="password-form"] h1').text()).toBe('Đổi mật khẩu');
  });

  it('asks for both fields before calling the hub', async () => {
    const { wrapper, session } = mountForm();
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[data-testid="sign-in-error"]').text()).toBe('Vui lòng nhập tên đăng nhập và mật khẩu.');
    expect(session.login).not.toHaveBeenCalled();
  });

  it('signs in with the trimmed username and clears the password after a failure', async () => {
    const { wrapper, session } = mountForm();
    (session.login as unknown as { mockResolvedValue: (v: boolean) => void }).mockResolvedValue(false);
    await wrapper.get('[data-testid="sign-in-username"]').setValue(' canbo1 ');
    await wrapper.get('[data-testid="sign-in-password"]').setValue('secret');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(session.login).toHaveBeenCalledWith('canbo1', 'secret');
    expect((wrapper.get('[data-testid="sign-in-password"]').element as HTMLInputElement).value).toBe('');
    expect(wrapper.find('[data-testid="sign-in-error"]').exists()).toBe(false);
  });
});
