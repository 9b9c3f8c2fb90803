import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { login, testConfig } from '../helper';
import { pairDevice } from '../helper-devices';
import { intakeBody, send } from '../dossier-helper';
import { DIST, launchBrowser, openPage } from './browser';
import { checkSizes, KIOSK_SIZES } from './fit-check';
import { scan } from './scanner-keys';

// Synthetic card (invented person, as in id-card-scan.test.ts): never a real person's.
const PAYLOAD = '001058012345|123456789|Nguyễn Văn Thử|15031958|Nam|Số 1 Phố Mẫu, Phường Thử Nghiệm, Hà Nội|10052021';

/**
 * The kiosk states kiosk-sizes.test.ts does not reach, at every kiosk size: a scanned ID card greeting the citizen on
 * home, its priority step with the group chosen, the citizen's open dossiers listed by the card, and the screen that
 * says why no ticket was issued.
 */
describe('kiosk screens with a scanned ID card, and the refusal screen, fit every kiosk size', () => {
  let app: App;
  let browser: Browser;
  let kiosk: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    // An open dossier of the card's holder, received at a counter (listed by the card on a paired kiosk).
    const applicant = { ...intakeBody().applicant, name: 'Nguyễn Văn Thử', idNumber: '001058012345' };
    expect((await send(app, 'POST', '/api/dossiers', await login(app, 'canbo2'), intakeBody(4, { applicant }))).status).toBe(201);
    kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    const [name, value] = (await pairDevice(app, await login(app, 'admin'), 'kiosk', 'Kiosk sảnh')).cookie.split('=') as [string, string];
    await kiosk.context().addCookies([{ name, value, url: base }]);
    await kiosk.reload();
    await kiosk.getByTestId('service-A').waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('home greeting the citizen, then the priority step with their group chosen', async () => {
    await scan(kiosk, PAYLOAD);
    await kiosk.getByTestId('id-card-greeting').waitFor();
    expect(await checkSizes(kiosk, 'fit-kiosk-card-home', KIOSK_SIZES)).toEqual([]);
    await kiosk.getByTestId('service-B').click();
    await kiosk.getByTestId('priority-take').waitFor();
    expect(await checkSizes(kiosk, 'fit-kiosk-card-priority', KIOSK_SIZES)).toEqual([]);
    await kiosk.getByTestId('priority-back').click();
    await kiosk.getByTestId('kiosk-home').waitFor();
  });

  it('the dossiers listed by the card', async () => {
    await kiosk.getByTestId('dossier-entry').click();
    await kiosk.getByTestId('dossier-lookup-screen').waitFor();
    await scan(kiosk, PAYLOAD);
    await expect.poll(() => kiosk.getByTestId('id-card-dossier-0').textContent()).toContain('Đang giải quyết');
    expect(await checkSizes(kiosk, 'fit-kiosk-card-dossiers', KIOSK_SIZES)).toEqual([]);
    await kiosk.getByTestId('dossier-back').click();
    await kiosk.getByTestId('kiosk-home').waitFor();
  });

  it('the screen saying why no ticket was issued', async () => {
    // Stopped in the database without a push: the kiosk still offers it, the hub refuses it.
    app.db.prepare("UPDATE services SET active = 0 WHERE prefix = 'C'").run();
    await kiosk.getByTestId('service-C').click();
    await kiosk.getByTestId('priority-none').click();
    await kiosk.getByTestId('kiosk-error').waitFor();
    expect(await kiosk.getByTestId('kiosk-error-message').textContent()).toMatch(/\p{L}/u);
    expect(await checkSizes(kiosk, 'fit-kiosk-error', KIOSK_SIZES)).toEqual([]);
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    expect(errors).toEqual([]);
  });
});
