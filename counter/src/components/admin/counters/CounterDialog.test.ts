import { createTestingPinia } from '@pinia/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { CounterAdmin, ServiceAdmin } from '@shared/schemas/admin';
import { ApiError } from '@ui/api';
import { createCounterI18n } from '../../../i18n';
import { useAdminStore } from '../../../stores/admin';
import CounterDialog from './CounterDialog.vue';

const service = (id: number, prefix: string, nameVi: string, active = true): ServiceAdmin => ({
  id,
  code: prefix,
  nameVi,
  nameEn: '',
  prefix,
  groupVi: '',
  groupEn: '',
  icon: 'document',
  startNumber: 1,
  endNumber: 999,
  dailyMax: 0,
  active,
  displayOrder: id,
});
const services = [service(1, 'A', 'Hộ tịch'), service(2, 'B', 'Chứng thực'), service(3, 'C', 'Đất đai', false)];
const counter: CounterAdmin = { id: 5, number: 2, name: 'Tư pháp', area: 'Tầng 1', active: true, services: [{ serviceId: 2, weight: 3 }] };

function mountDialog(props: { counter: CounterAdmin | null }) {
  const wrapper = mount(CounterDialog, {
    props: { ...props, services, nextNumber: 7 },
    global: { plugins: [createCounterI18n(), createTestingPinia({ createSpy: vi.fn })] },
    attachTo: document.body,
  });
  return { wrapper, admin: useAdminStore() };
}

describe('CounterDialog', () => {
  it('sends the ticked services with their weights', async () => {
    const { wrapper, admin } = mountDialog({ counter });
    expect((wrapper.get('[data-testid="counter-weight-1"]').element as HTMLInputElement).disabled).toBe(true);
    expect(wrapper.get('[data-testid="counter-services"]').text()).toContain('(tạm ngừng)');
    await wrapper.get('[data-testid="counter-service-1"]').setValue(true);
    await wrapper.get('[data-testid="counter-weight-1"]').setValue('5');
    await wrapper.get('[data-testid="counter-service-3"]').setValue(true);
    await wrapper.get('[data-testid="counter-service-3"]').setValue(false);
    await wrapper.get('[data-testid="counter-name"]').setValue('  Tư pháp – Chứng thực ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(admin.saveCounter).toHaveBeenCalledWith(5, {
      number: 2,
      name: 'Tư pháp – Chứng thực',
      area: 'Tầng 1',
      active: true,
      services: [
        { serviceId: 1, weight: 5 },
        { serviceId: 2, weight: 3 },
      ],
    });
    expect(wrapper.emitted('close')).toHaveLength(1);
    wrapper.unmount();
  });

  it('adds a counter with the next free number, checks weights, and keeps the form on a conflict', async () => {
    const { wrapper, admin } = mountDialog({ counter: null });
    expect((wrapper.get('[data-testid="counter-number"]').element as HTMLInputElement).value).toBe('7');
    await wrapper.get('[data-testid="counter-name"]').setValue('Quầy mới');
    await wrapper.get('[data-testid="counter-service-2"]').setValue(true);
    await wrapper.get('[data-testid="counter-weight-2"]').setValue('500');
    await wrapper.get('form').trigger('submit');
    expect(admin.saveCounter).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="field-error-services"]').text()).toContain('0 đến 100');

    await wrapper.get('[data-testid="counter-weight-2"]').setValue('1');
    vi.mocked(admin.saveCounter).mockRejectedValueOnce(new ApiError(409, 'CONFLICT', 'x'));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(admin.saveCounter).toHaveBeenCalledWith(null, { number: 7, name: 'Quầy mới', area: '', active: true, services: [{ serviceId: 2, weight: 1 }] });
    expect(wrapper.get('[data-testid="form-banner"]').text()).toContain('Dữ liệu trùng');
    expect(wrapper.emitted('close')).toBeUndefined();
    wrapper.unmount();
  });
});
