import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScannerListener } from '@ui/composables/scanner';
import { createShortcutHandler, isTypingTarget, SHORTCUT_GUARD_MS, SHORTCUTS } from './shortcuts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const settle = () => vi.advanceTimersByTime(SHORTCUT_GUARD_MS + 1);

function press(code: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { code, key: code.replace('Key', '').toLowerCase(), bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('createShortcutHandler', () => {
  it('runs the handler bound to the key code and prevents the default', () => {
    const callNext = vi.fn();
    const recall = vi.fn();
    const handle = createShortcutHandler(() => ({ [SHORTCUTS.callNext.code]: callNext, [SHORTCUTS.recall.code]: recall }), () => false);
    const event = press('KeyG');
    handle(event);
    expect(event.defaultPrevented).toBe(true);
    settle();
    expect(callNext).toHaveBeenCalledTimes(1);
    expect(recall).not.toHaveBeenCalled();
    handle(press('KeyL'));
    settle();
    expect(recall).toHaveBeenCalledTimes(1);
  });

  it('ignores keys typed in a text field, with a modifier, on auto-repeat, or while blocked', () => {
    const run = vi.fn();
    let blocked = false;
    const handle = createShortcutHandler(() => ({ KeyG: run }), () => blocked);
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    handle(press('KeyG', input));
    handle(press('KeyG', textarea));
    handle(press('KeyG', document.body, { ctrlKey: true }));
    handle(press('KeyG', document.body, { repeat: true }));
    blocked = true;
    handle(press('KeyG'));
    expect(run).not.toHaveBeenCalled();
    blocked = false;
    handle(press('KeyX'));
    settle();
    expect(run).not.toHaveBeenCalled();
    handle(press('KeyG'));
    settle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('drops a shortcut key followed at once by another key (the first key of a scanner burst)', () => {
    const finish = vi.fn();
    const handle = createShortcutHandler(() => ({ KeyH: finish }), () => false);
    handle(press('KeyH'));
    vi.advanceTimersByTime(4);
    handle(press('KeyT'));
    settle();
    expect(finish).not.toHaveBeenCalled();
  });
});

describe('a scanner on the console page', () => {
  /** Sends `text` then Enter as keydowns `gap` ms apart through the scanner listener, then the shortcut handler. */
  function typeAt(text: string, gap: number, chain: ((e: KeyboardEvent) => void)[]): void {
    let at = 100;
    for (const ch of [...text, 'Enter']) {
      const code = ch === 'Enter' ? 'Enter' : /[a-z]/i.test(ch) ? `Key${ch.toUpperCase()}` : ch === '|' ? 'Backslash' : /\d/.test(ch) ? `Digit${ch}` : 'Space';
      const event = new KeyboardEvent('keydown', { key: ch, code, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: (at += gap) });
      Object.defineProperty(event, 'target', { value: document.body });
      for (const listener of chain) if (!event.defaultPrevented) listener(event);
      vi.advanceTimersByTime(gap);
    }
    settle();
  }

  it('reads a scanned card and presses no shortcut, though the payload holds G, L, B, H, V, T, C and S', () => {
    const actions = Object.fromEntries(Object.values(SHORTCUTS).map((s) => [s.code, vi.fn()]));
    const scans: string[] = [];
    const scanner = createScannerListener((p) => scans.push(p));
    const handle = createShortcutHandler(() => actions, () => false);
    const payload = '001058012345||Gia Long Bach Hoa Van Tu Cao Son|15031958|Nam';
    typeAt(payload, 5, [scanner.keydown, handle]);
    expect(scans).toEqual([payload]);
    for (const fn of Object.values(actions)) expect(fn).not.toHaveBeenCalled();
  });

  it('leaves a person’s shortcut alone', () => {
    const callNext = vi.fn();
    const scanner = createScannerListener(() => undefined);
    const handle = createShortcutHandler(() => ({ KeyG: callNext }), () => false);
    typeAt('g', 150, [scanner.keydown, handle]);
    expect(callNext).toHaveBeenCalledTimes(1);
  });
});

describe('isTypingTarget', () => {
  it('treats text inputs as typing but buttons and radios not', () => {
    const text = document.createElement('input');
    const radio = document.createElement('input');
    radio.type = 'radio';
    const button = document.createElement('button');
    expect(isTypingTarget(text)).toBe(true);
    expect(isTypingTarget(radio)).toBe(false);
    expect(isTypingTarget(button)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('SHORTCUTS', () => {
  it('gives every action its own single-letter key', () => {
    const codes = Object.values(SHORTCUTS).map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of Object.values(SHORTCUTS)) expect(s.code).toBe(`Key${s.label}`);
  });
});
