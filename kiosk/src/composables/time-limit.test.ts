import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { useTimeLimit, WARNING_SECONDS } from './time-limit';

function setup(initial: number | null) {
  const limit = ref<number | null>(initial);
  const expired = vi.fn();
  let api!: ReturnType<typeof useTimeLimit>;
  const wrapper = mount(
    defineComponent({
      setup() {
        api = useTimeLimit(limit, expired);
        return () => h('div');
      },
    }),
    { attachTo: document.body },
  );
  return { limit, expired, api, wrapper };
}

describe('the kiosk time limit (WCAG 2.2.1)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down the last ten seconds, then expires once', async () => {
    const { api, expired, wrapper } = setup(30);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(api.left.value).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.left.value).toBe(WARNING_SECONDS);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(api.left.value).toBe(1);
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(api.left.value).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(expired).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('"Thêm thời gian" and any touch start the limit again', async () => {
    const { api, expired, wrapper } = setup(30);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(api.left.value).toBe(5);
    api.extend();
    expect(api.left.value).toBeNull();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(api.left.value).toBe(5);
    // A touch while the countdown shows is the countdown's own (its click extends): nothing restarts underneath.
    window.dispatchEvent(new Event('pointerdown'));
    expect(api.left.value).toBe(5);
    api.extend();
    await vi.advanceTimersByTimeAsync(10_000);
    window.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(api.left.value).toBe(1);
    expect(expired).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('has no limit while it is null (home) and restarts with a new one (a reading screen)', async () => {
    const { limit, api, expired, wrapper } = setup(null);
    await vi.advanceTimersByTimeAsync(600_000);
    window.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(expired).not.toHaveBeenCalled();
    limit.value = 120;
    await vi.advanceTimersByTimeAsync(100_000);
    expect(api.left.value).toBeNull();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(api.left.value).toBe(5);
    limit.value = null;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.left.value).toBeNull();
    expect(expired).not.toHaveBeenCalled();
    wrapper.unmount();
  });
});
