import { createTestingPinia } from '@pinia/testing';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useQueueStore } from '@ui/stores/queue';
import { createCounterI18n } from '../../i18n';
import { useConsoleStore } from '../../stores/console';
import { usePreferencesStore } from '../../stores/preferences';
import { demoServices, makeOffice, makeStaffedCounter, makeTicket } from '@ui/testing/fixtures';
import { SHORTCUT_GUARD_MS } from '../../composables/shortcuts';
import ConsoleView from './ConsoleView.vue';

function mountConsole(current = makeTicket({ number: 'A005', status: 'called', counterId: 1, calledAt: '2026-11-23T01:10:00.000Z' }), singleKeyShortcuts = true) {
  const waiting = [makeTicket({ number: 'A006' }), makeTicket({ number: 'B001', serviceId: 2 })];
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      session: { me: { id: 3, username: 'canbo1', fullName: 'Nguyễn Văn An', role: 'staff', counterId: 1 }, checked: true },
      queue: { connected: true, loaded: true, office: makeOffice(), services: demoServices(), counters: [makeStaffedCounter({ currentTicket: current })], waiting },
      preferences: { singleKeyShortcuts },
    },
  });
  vi.mocked(useQueueStore().now).mockReturnValue(new Date('2026-11-23T01:30:00.000Z'));
  const wrapper = mount(ConsoleView, { attachTo: document.body, global: { plugins: [createCounterI18n(), pinia] } });
  return { wrapper, store: useConsoleStore() };
}

/** A person's key press: the shortcut runs once the scanner guard has passed without another key. */
function key(code: string, target: EventTarget = document.body): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { code, bubbles: true, cancelable: true }));
  vi.advanceTimersByTime(SHORTCUT_GUARD_MS + 1);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('ConsoleView shortcuts', () => {
  it('runs the action of the key pressed anywhere on the page', async () => {
    const { wrapper, store } = mountConsole();
    key('KeyG');
    key('KeyB');
    expect(store.callNext).toHaveBeenCalledTimes(1);
    expect(store.start).toHaveBeenCalledTimes(1);
    expect(store.finish).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="action-callNext"]').text()).toContain('G');
    expect(wrapper.get('[data-testid="action-callNext"]').attributes('aria-keyshortcuts')).toBe('G');
    wrapper.unmount();
  });

  it('with one-letter shortcuts switched off for this account: no key runs an action, none is shown, the box unticks', async () => {
    const { wrapper, store } = mountConsole(undefined, false);
    expect(usePreferencesStore().load).toHaveBeenCalledTimes(1);
    key('KeyG');
    key('KeyH');
    expect(store.callNext).not.toHaveBeenCalled();
    expect(store.finish).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="action-callNext"]').attributes('aria-keyshortcuts')).toBeUndefined();
    expect(wrapper.find('[data-testid="action-callNext"] kbd').exists()).toBe(false);
    expect(wrapper.get('[data-testid="console-actions"]').text()).toContain('Phím tắt đang tắt');
    const box = wrapper.get<HTMLInputElement>('[data-testid="shortcuts-toggle"]');
    expect(box.element.checked).toBe(false);
    await box.setValue(true);
    expect(usePreferencesStore().setSingleKeyShortcuts).toHaveBeenCalledWith(true);
    wrapper.unmount();
  });

  it('ignores keys typed in an input', () => {
    const { wrapper, store } = mountConsole();
    const input = document.createElement('input');
    document.body.appendChild(input);
    key('KeyG', input);
    expect(store.callNext).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('does nothing for an action that does not apply (recall without a current ticket)', () => {
    const { wrapper, store } = mountConsole(null as never);
    key('KeyL');
    expect(store.recall).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="action-recall"]').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });

  it('asks for confirmation before a no-show and ignores action keys while the dialog is open', async () => {
    const { wrapper, store } = mountConsole();
    key('KeyV');
    await wrapper.vm.$nextTick();
    const dialog = wrapper.get('[data-testid="confirm-dialog"]');
    expect(dialog.text()).toContain('Đánh dấu số A005 vắng mặt?');
    expect(store.noShow).not.toHaveBeenCalled();
    key('KeyG');
    expect(store.callNext).not.toHaveBeenCalled();
    await wrapper.get('[data-testid="confirm-ok"]').trigger('click');
    expect(store.noShow).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('lists this counter’s waiting tickets with a call button each', async () => {
    const { wrapper, store } = mountConsole();
    expect(wrapper.get('[data-testid="waiting-count"]').text()).toBe('2 người');
    expect(wrapper.get('[data-testid="waiting-row-A006"] [data-testid="waiting-minutes"]').text()).toBe('30 phút');
    await wrapper.get('[data-testid="waiting-call-B001"]').trigger('click');
    expect(store.callTicket).toHaveBeenCalledWith(expect.any(Number));
    const b001 = store.waiting.find((t) => t.number === 'B001');
    expect(store.callTicket).toHaveBeenCalledWith(b001?.id);
    wrapper.unmount();
  });
});
