import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { UserAdmin } from '@shared/schemas/admin';
import { createCounterI18n } from '../../../i18n';
import { useAdminStore } from '../../../stores/admin';
import UsersSection from './UsersSection.vue';

const user = (id: number, username: string, role: UserAdmin['role'], over: Partial<UserAdmin> = {}): UserAdmin => ({
  id,
  username,
  fullName: `Người ${id}`,
  role,
  active: true,
  mustChangePassword: false,
  locked: false,
  createdAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

describe('UsersSection', () => {
  it('lists accounts with Vietnamese roles and their states, admins first', () => {
    const users = [user(3, 'canbo1', 'staff', { mustChangePassword: true }), user(2, 'giamsat', 'supervisor', { locked: true }), user(1, 'admin', 'admin'), user(4, 'nghi', 'staff', { active: false })];
    const wrapper = mount(UsersSection, {
      global: {
        plugins: [
          createCounterI18n(),
          createTestingPinia({ createSpy: vi.fn, initialState: { admin: { users }, session: { me: { id: 1, role: 'admin', username: 'admin', fullName: 'A', counterId: null, mustChangePassword: false } } } }),
        ],
      },
    });
    const rows = wrapper.findAll('[data-testid="users-table-row"]');
    expect(rows.map((r) => r.get('[data-col="username"]').text())).toEqual(['admin', 'giamsat', 'canbo1', 'nghi']);
    expect(wrapper.findAll('[data-testid="user-role-label"]').map((w) => w.text())).toEqual(['Quản trị', 'Giám sát', 'Cán bộ', 'Cán bộ']);
    expect(rows[0]!.text()).toContain('(bạn)');
    expect(rows[1]!.get('[data-col="status"]').text()).toContain('Tạm khóa (sai mật khẩu)');
    expect(rows[2]!.get('[data-col="status"]').text()).toContain('Phải đổi mật khẩu');
    expect(rows[3]!.get('[data-col="status"]').text()).toBe('○Đã khóa');
  });

  it('offers "Mở khóa" only for an account whose sign-in is delayed, and unlocks that account', async () => {
    const users = [user(2, 'giamsat', 'supervisor', { locked: true }), user(3, 'canbo1', 'staff')];
    const wrapper = mount(UsersSection, {
      global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn, initialState: { admin: { users } } })] },
    });
    const buttons = wrapper.findAll('[data-testid="unlock-user"]');
    expect(buttons.map((b) => [b.text(), b.attributes('aria-label')])).toEqual([['Mở khóa', 'Mở khóa đăng nhập cho giamsat']]);
    await buttons[0]!.trigger('click');
    expect(useAdminStore().unlockUser).toHaveBeenCalledWith(2);
  });
});
