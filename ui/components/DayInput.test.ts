import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { isoDayFromText } from '../format';
import DayInput from './DayInput.vue';

describe('isoDayFromText', () => {
  it('reads dd/mm/yyyy (one-digit day and month too) and refuses days that do not exist', () => {
    expect(isoDayFromText('15/12/2026')).toBe('2026-12-15');
    expect(isoDayFromText(' 5/1/2026 ')).toBe('2026-01-05');
    expect(isoDayFromText('29/02/2028')).toBe('2028-02-29');
    for (const bad of ['29/02/2026', '31/04/2026', '12/13/2026', '2026-12-15', '15-12-2026', '', '1/1/26']) expect(isoDayFromText(bad)).toBeNull();
  });
});

describe('DayInput', () => {
  function mountInput(initial: string, props: Record<string, string> = {}) {
    const day = ref(initial);
    const changes: string[] = [];
    const wrapper = mount(DayInput, {
      props: { modelValue: day.value, 'onUpdate:modelValue': (v: string | null) => void (day.value = v ?? ''), onChange: (v: string) => void changes.push(v), ...props },
      attrs: { 'data-testid': 'day' },
    });
    return { wrapper, day, changes };
  }

  it('shows the ISO model as dd/mm/yyyy and gives back ISO for what is typed', async () => {
    const { wrapper, day, changes } = mountInput('2026-12-01');
    const input = wrapper.get('[data-testid="day"]');
    expect((input.element as HTMLInputElement).value).toBe('01/12/2026');
    expect(input.attributes('type')).toBe('text');
    // setValue fires input then change, as a browser does when the field is left.
    await input.setValue('7/3/2027');
    expect(day.value).toBe('2027-03-07');
    expect(changes).toEqual(['2027-03-07']);
    expect(input.attributes('aria-invalid')).toBe('false');
  });

  it('marks a day that does not exist or lies outside min/max, and empties the model', async () => {
    const { wrapper, day, changes } = mountInput('2026-12-01', { max: '2026-12-07' });
    const input = wrapper.get('[data-testid="day"]');
    await input.setValue('31/02/2026');
    expect(day.value).toBe('');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect((input.element as HTMLInputElement).validationMessage).toContain('Ngày không hợp lệ');
    await input.setValue('08/12/2026');
    expect(day.value).toBe('');
    expect(changes).toEqual([]);
    await input.setValue('');
    expect(input.attributes('aria-invalid')).toBe('false');
    expect((input.element as HTMLInputElement).validationMessage).toBe('');
  });

  it('follows a model changed from outside', async () => {
    const { wrapper } = mountInput('2026-12-01');
    await wrapper.setProps({ modelValue: '2026-11-30' });
    await nextTick();
    expect((wrapper.get('[data-testid="day"]').element as HTMLInputElement).value).toBe('30/11/2026');
  });
});
