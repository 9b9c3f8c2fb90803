import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, count } from '../helper';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp({ config: { appointmentRateLimit: 2 } });
});
afterAll(async () => {
  await t.close();
});

it('limits bookings per address (429 RATE_LIMITED, nothing written); another address still books', async () => {
  const book = (n: number, remoteAddress = '127.0.0.9') =>
    t.app.inject({
      method: 'POST',
      url: '/api/appointments',
      remoteAddress,
      payload: { serviceId: 3, start: '2026-11-24T03:00:00.000Z', fullName: 'Lê Văn Cường', phone: `09770000${n}0`, consent: true },
    });
  expect((await book(1)).statusCode).toBe(201);
  expect((await book(2)).statusCode).toBe(201);
  const third = await book(3);
  expect([third.statusCode, third.json().code]).toEqual([429, 'RATE_LIMITED']);
  expect(count(t.app, 'SELECT COUNT(*) AS n FROM appointments')).toBe(2);
  const other = await book(4, '127.0.0.10');
  expect([other.statusCode, other.json().code]).toEqual([409, 'SLOT_FULL']);
});
