import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { issue, staffAtCounter, testConfig, TEST_PASSWORD } from '../helper';
import { Receiver, until } from '../outbox/receiver';
import { DIST, launchBrowser, openPage, shoot } from './browser';

/** The admin's webhook and API key screens, in Vietnamese, against a real receiver on loopback. */
describe('admin screens: webhooks and API keys', () => {
  let app: App;
  let browser: Browser;
  let base: string;
  let page: Page;
  const errors: string[] = [];
  const rx = new Receiver();

  beforeAll(async () => {
    await rx.start();
    app = await buildApp({ config: testConfig({ staticDir: DIST, webhooks: { retryBaseMs: 200, retryMaxMs: 400, pollMs: 100, timeoutMs: 2000, giveUpAfterMs: 60_000 } }), logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await page.getByTestId('sign-in-username').fill('admin');
    await page.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('open-admin').click();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await rx.stop();
    expect(errors).toEqual([]);
  });

  it('adds an endpoint with event checkboxes, shows the secret once, logs deliveries with codes, replays, pings', async () => {
    await page.getByTestId('admin-nav-webhooks').click();
    await page.getByTestId('add-webhook').click();
    await page.getByTestId('webhook-url').fill('http://example.com/hook');
    await page.getByTestId('webhook-event-ticket.issued').check();
    await page.getByTestId('form-save').click();
    await expect.poll(() => page.getByTestId('webhook-dialog').textContent()).toContain('Địa chỉ không được phép');
    await page.getByTestId('webhook-url').fill(rx.url);
    await page.getByTestId('webhook-event-ticket.called').check();
    await shoot(page, 'admin-webhook-add');
    await page.getByTestId('form-save').click();
    const secret = (await page.getByTestId('shown-once-value').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await shoot(page, 'admin-webhook-secret');
    await page.getByTestId('shown-once-close').click();
    await expect.poll(() => page.getByTestId('webhooks-table').textContent()).toContain(rx.url);
    expect(await page.getByTestId('webhooks-table').textContent()).toContain('Cấp số, Gọi số');

    // The receiver fails: the log shows the 503 and the retry; back up, the replay goes out.
    rx.respond = () => 503;
    await issue(app, 1);
    await until(() => rx.got.length >= 1, 10_000, 'first attempt');
    await page.getByTestId('webhook-deliveries').click();
    await expect.poll(() => page.getByTestId('deliveries-table').textContent()).toContain('503');
    expect(await page.getByTestId('deliveries-table').textContent()).toContain('Đang chờ gửi lại');
    await shoot(page, 'admin-webhook-deliveries-failing');
    rx.respond = () => 200;
    await page.getByTestId('delivery-replay').click();
    await expect
      .poll(async () => {
        await page.getByTestId('deliveries-reload').click();
        return page.getByTestId('deliveries-table').textContent();
      }, { timeout: 10_000 })
      .toContain('Đã gửi');
    expect(await page.getByTestId('deliveries-table').textContent()).toContain('200');
    const last = rx.got.at(-1);
    expect(new Webhook(secret).verify(last?.body ?? '', (last?.headers ?? {}) as Record<string, string>)).toMatchObject({ type: 'ticket.issued' });
    await shoot(page, 'admin-webhook-deliveries');
    await page.getByTestId('deliveries-close').click();

    await page.getByTestId('webhook-ping').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Gửi thử thành công');
    expect(rx.got.at(-1)?.json.type).toBe('webhook.ping');
    await shoot(page, 'admin-webhooks');
  });

  it('creates an API key shown once, lists it, revokes it (refused at once)', async () => {
    await page.getByTestId('admin-nav-apiKeys').click();
    await page.getByTestId('add-api-key').click();
    await page.getByTestId('api-key-name').fill('Cổng dịch vụ công tỉnh');
    await page.getByTestId('api-key-scope-queue:read').check();
    await page.getByTestId('api-key-scope-reports:read').check();
    await shoot(page, 'admin-api-key-add');
    await page.getByTestId('form-save').click();
    const key = (await page.getByTestId('shown-once-value').textContent()) ?? '';
    expect(key).toMatch(/^mcua_/);
    await shoot(page, 'admin-api-key-shown');
    await page.getByTestId('shown-once-close').click();
    const table = page.getByTestId('api-keys-table');
    await expect.poll(() => table.textContent()).toContain('Cổng dịch vụ công tỉnh');
    expect(await table.textContent()).toContain('Xem hàng chờ, Xem báo cáo');
    expect(await table.textContent()).not.toContain(key);
    expect((await fetch(`${base}/api/queue/snapshot`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    await page.getByTestId('api-key-revoke').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => table.textContent()).toContain('Đã thu hồi');
    await shoot(page, 'admin-api-keys');
    expect((await fetch(`${base}/api/queue/snapshot`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  });

  it('sets up the SMS gateway with a test send; a citizen opts in on the phone page and gets "Còn N người nữa"', async () => {
    const sms = await new Receiver().start();
    try {
      await page.getByTestId('admin-nav-notifications').click();
      await page.getByTestId('gateway-sms-enabled').check();
      await page.getByTestId('gateway-sms-url').fill(sms.url);
      await page.getByTestId('notifications-save').click();
      await expect.poll(() => page.locator('body').textContent()).toContain('Đã lưu cài đặt tin nhắn.');
      await page.getByTestId('test-phone').fill('0912345678');
      await page.getByTestId('test-send').click();
      await expect.poll(() => page.getByTestId('test-answer').textContent()).toContain('Nhà cung cấp trả lời: mã 200');
      expect(sms.got.at(-1)?.json).toMatchObject({ to: '0912345678', message: 'Con 3 nguoi nua den luot quy khach (so A012). Xin moi quy khach chuan bi.' });
      await shoot(page, 'admin-notifications');

      const tickets: { trackingId: string; number: string }[] = [];
      for (let i = 0; i < 4; i++) tickets.push((await issue(app, 2)).body as (typeof tickets)[number]);
      const phone = await openPage(browser, `${base}/t/${tickets[3]!.trackingId}`, 390, 844, errors);
      await phone.getByTestId('track-sms-phone').fill('0987 654 321');
      await phone.getByTestId('track-sms-consent').check();
      await shoot(phone, 'phone-sms-opt-in');
      await phone.getByTestId('track-sms-send').click();
      await phone.getByTestId('track-sms-done').waitFor();
      await shoot(phone, 'phone-sms-opt-in-done');
      const staff = await staffAtCounter(app, 'canbo2', 2);
      await app.inject({ method: 'POST', url: '/api/counters/2/call-next', headers: { cookie: staff } });
      await until(() => sms.got.some((r) => (r.json as unknown as { to: string }).to === '0987654321'), 10_000, 'the text');
      expect(sms.got.at(-1)?.json).toMatchObject({ message: `Con 2 nguoi nua den luot quy khach (so ${tickets[3]!.number}). Xin moi quy khach chuan bi.` });
      await page.getByTestId('admin-nav-webhooks').click();
      await page.getByTestId('admin-nav-notifications').click();
      await expect.poll(() => page.getByTestId('notifications-log').textContent()).toContain('*******321');
      await page.getByTestId('notifications-log').scrollIntoViewIfNeeded();
      await shoot(page, 'admin-notifications-log');
    } finally {
      await sms.stop();
    }
  });
});
