import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; the e2e suite fails (never skips) when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where e2e screenshots go (open them and look). */
export const SCREENSHOTS = resolve('test-output/screenshots');
/** The built screens the hub serves. */
export const DIST = resolve(process.env.MOTCUA_DIST ?? 'dist');

/** Launches headless Chromium with the flags this closed network needs. Throws when Chromium or the build is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`);
  if (!existsSync(resolve(DIST, 'kiosk/index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Opens a page of a given size that fails the test on any page error. */
export async function openPage(browser: Browser, url: string, width: number, height: number, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`${url}: ${err.message}`));
  await page.goto(url);
  return page;
}

/** Saves a screenshot under test-output/screenshots. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

/** Opens the staff app (1366×900) and signs `username` in; waits for the element `readyTestId` of the landing screen. */
export async function signInStaff(browser: Browser, base: string, username: string, password: string, readyTestId: string, errors: string[]): Promise<Page> {
  const page = await openPage(browser, `${base}/counter/`, 1366, 900, errors);
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId(readyTestId).waitFor();
  return page;
}
