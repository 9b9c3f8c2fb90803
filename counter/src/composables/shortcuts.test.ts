import { describe, expect, it, vi } from 'vitest';
import { createShortcutHandler, isTypingTarget, SHORTCUTS } from './shortcuts';

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
    expect(callNext).toHaveBeenCalledTimes(1);
    expect(recall).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(true);
    handle(press('KeyL'));
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
    expect(run).not.toHaveBeenCalled();
    handle(press('KeyG'));
    expect(run).toHaveBeenCalledTimes(1);
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
