import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { useClock } from './clock';

afterEach(() => vi.useRealTimers());

describe('useClock', () => {
  it('turns on the minute boundary of its source, not up to a tick late', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-07T08:14:50.000Z'));
    let seen: Date | undefined;
    const wrapper = mount(
      defineComponent({
        setup() {
          const now = useClock(() => new Date(), 60_000);
          return () => h('span', (seen = now.value).toISOString());
        },
      }),
    );
    expect(wrapper.text()).toBe('2026-12-07T08:14:50.000Z');
    await vi.advanceTimersByTimeAsync(9_000);
    expect(wrapper.text()).toBe('2026-12-07T08:14:50.000Z');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen?.getUTCMinutes()).toBe(15);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen?.getUTCMinutes()).toBe(16);
    wrapper.unmount();
  });
});
