import type { Page } from 'playwright-core';

/**
 * Types `text` then Enter the way a HID scanner does: one keydown/keyup per character, `gapMs` apart, Vietnamese
 * letters arriving as composed `key` values (the scanner setting the README documents). Sent through the DevTools
 * protocol with explicit event times, so a loaded test machine cannot stretch the gaps into a person's typing.
 */
export async function scan(page: Page, text: string, gapMs = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  for (const ch of [...text, 'Enter']) {
    const enter = ch === 'Enter';
    const key = { key: ch, text: enter ? '\r' : ch, unmodifiedText: enter ? '\r' : ch, ...(enter ? { code: 'Enter', windowsVirtualKeyCode: 13 } : {}) };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp: at, ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: at + 0.001, key: ch, ...(enter ? { code: 'Enter', windowsVirtualKeyCode: 13 } : {}) });
    at += gapMs / 1000;
  }
  await cdp.detach();
}
