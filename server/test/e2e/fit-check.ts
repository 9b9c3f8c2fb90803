import type { Page } from 'playwright-core';
import { shoot } from './browser';

/** One screen size to check. */
export interface Size {
  width: number;
  height: number;
}

/** What `checkFit` found on one screen state at one size. */
export interface FitReport {
  /** Controls hit-tested. */
  checked: number;
  /** Human-readable findings: a control off screen, covered, or too small; the page scrolling. */
  problems: string[];
}

/**
 * Runs in the page: every visible control (button, link, field, role=button/checkbox) must have its centre inside the
 * viewport, and the element at that centre must be the control or inside it (nothing covers it). Controls inside a
 * scrolling area count only where that area shows them (the rest is reached by scrolling it). The page itself must not
 * scroll, and a control must be at least `minTarget` CSS pixels high and wide.
 */
const HIT_TEST = `(minTarget) => {
  const selector = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=checkbox]';
  const name = (el) => {
    if (!el) return 'nothing';
    const id = el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid');
    const text = (el.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 30);
    return '<' + el.tagName.toLowerCase() + (id ? ' ' + id : '') + (text ? ' "' + text + '"' : '') + '>';
  };
  const problems = [];
  let checked = 0;
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const root = document.documentElement;
  if (root.scrollHeight > vh + 1 || root.scrollWidth > vw + 1) problems.push('page overflows: ' + root.scrollWidth + '×' + root.scrollHeight + ' in ' + vw + '×' + vh);
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || getComputedStyle(el).visibility === 'hidden') continue;
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const scroller = el.parentElement?.closest('[data-testid="scroll-area"]');
    if (scroller) {
      const s = scroller.getBoundingClientRect();
      if (cy < s.top || cy > s.bottom) continue;
    }
    checked += 1;
    if (cx < 0 || cy < 0 || cx >= vw || cy >= vh) {
      problems.push(name(el) + ' centre (' + Math.round(cx) + ', ' + Math.round(cy) + ') is off screen');
      continue;
    }
    const hit = document.elementFromPoint(cx, cy);
    if (!hit || !(hit === el || el.contains(hit))) problems.push(name(el) + ' is covered by ' + name(hit));
    // A read-only box shows what the on-screen keyboard typed: the keys are the targets, not the box.
    else if ((r.height < minTarget || r.width < minTarget) && !(el instanceof HTMLInputElement && el.readOnly))
      problems.push(name(el) + ' is only ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px');
  }
  return { checked, problems };
}`;

/** Resizes the page, lets it lay out, hit-tests its controls and saves `${name}-${w}x${h}.png`. */
export async function checkFit(page: Page, name: string, size: Size, minTarget = 44): Promise<FitReport> {
  await page.setViewportSize(size);
  // Two frames: the resize handler sets the zoom, the next frame lays out with it.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  const report = (await page.evaluate(`(${HIT_TEST})(${minTarget})`)) as FitReport;
  await shoot(page, `${name}-${size.width}x${size.height}`);
  return report;
}

/** Checks one state at every size; returns the problems prefixed by size (empty when all fit). `noControls`: a screen only to read. */
export async function checkSizes(page: Page, name: string, sizes: readonly Size[], options: { minTarget?: number; noControls?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  for (const size of sizes) {
    const report = await checkFit(page, name, size, options.minTarget);
    if (report.checked === 0 && !options.noControls) problems.push(`${size.width}×${size.height}: no control found`);
    for (const p of report.problems) problems.push(`${size.width}×${size.height}: ${p}`);
  }
  return problems;
}
