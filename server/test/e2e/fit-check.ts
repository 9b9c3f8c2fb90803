import type { Page } from 'playwright-core';
import { shoot } from './browser';

/** One screen size to check. */
export interface Size {
  width: number;
  height: number;
}

/** Portrait stands, landscape panels (16:9, 5:4, 4:3) and tablet kiosks. */
export const KIOSK_SIZES: readonly Size[] = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 1024 },
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
];

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
 * scroll, and a control must be at least `minTarget` CSS pixels high and wide. No text may be cut: a field whose typed
 * value runs past its box, or a box that hides part of its content (overflow hidden), outside scrolling areas and
 * one-line summaries ended with an ellipsis on purpose.
 */
const HIT_TEST = `(minTarget, within) => {
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
  const scope = within ? document.querySelector(within) : document.body;
  if (!scope) problems.push(within + ' is not on screen');
  for (const el of scope ? scope.querySelectorAll(selector) : []) {
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
  // Text cut: a box that hides part of what it holds (a typed code running out of its field, a notice below the edge
  // of its panel). Scrolling areas show the rest by scrolling; a one-line summary cut with an ellipsis is meant so.
  for (const el of scope ? scope.querySelectorAll('*') : []) {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || el.closest('[data-testid="scroll-area"], svg, canvas')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const typed = el instanceof HTMLInputElement && el.value !== '';
    const clipsX = typed || style.overflowX === 'hidden' || style.overflowX === 'clip';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    if (clipsX && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
      problems.push(name(el) + ' cuts its text across (' + el.scrollWidth + ' px in ' + el.clientWidth + ')');
    if (clipsY && !typed && el.scrollHeight > el.clientHeight + 1 && !(style.webkitLineClamp && style.webkitLineClamp !== 'none'))
      problems.push(name(el) + ' cuts its content below (' + el.scrollHeight + ' px in ' + el.clientHeight + ')');
  }
  return { checked, problems };
}`;

/** How to check a screen state. */
export interface FitOptions {
  /** Smallest target side in CSS pixels (44). */
  minTarget?: number;
  /** Only the controls and text inside this element are checked (a dialog over a screen it covers). */
  within?: string;
  /** Lets the page lay out after a resize (default: two animation frames; a page on a paused clock runs it on). */
  settle?: (page: Page) => Promise<void>;
}

/** Resizes the page, lets it lay out, hit-tests its controls and saves `${name}-${w}x${h}.png`. */
export async function checkFit(page: Page, name: string, size: Size, options: FitOptions = {}): Promise<FitReport> {
  const { minTarget = 44, within, settle } = options;
  await page.setViewportSize(size);
  // Two frames: the resize handler sets the zoom, the next frame lays out with it.
  if (settle) await settle(page);
  else await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  const report = (await page.evaluate(`(${HIT_TEST})(${minTarget}, ${JSON.stringify(within ?? null)})`)) as FitReport;
  await shoot(page, `${name}-${size.width}x${size.height}`);
  return report;
}

/** Checks one state at every size; returns the problems prefixed by size (empty when all fit). `noControls`: a screen only to read. */
export async function checkSizes(page: Page, name: string, sizes: readonly Size[], options: FitOptions & { noControls?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  for (const size of sizes) {
    const report = await checkFit(page, name, size, options);
    if (report.checked === 0 && !options.noControls) problems.push(`${size.width}×${size.height}: no control found`);
    for (const p of report.problems) problems.push(`${size.width}×${size.height}: ${p}`);
  }
  return problems;
}
