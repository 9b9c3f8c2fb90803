import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, count } from '../helper';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let base = '';
beforeAll(async () => {
  t = await buildTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

it('50 concurrent bookings of a 2-place slot over real HTTP: exactly 2 succeed, the rest SLOT_FULL, 2 rows', async () => {
  const replies = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${base}/api/appointments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 2, start: '2026-11-24T03:00:00.000Z', fullName: `Người đặt ${i}`, phone: `0987${String(i).padStart(6, '0')}`, consent: true }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code: string } })),
    ),
  );
  const ok = replies.filter((r) => r.status === 201);
  expect(ok).toHaveLength(2);
  expect(new Set(ok.map((r) => r.body.code)).size).toBe(2);
  expect(replies.filter((r) => r.status === 409 && r.body.code === 'SLOT_FULL')).toHaveLength(48);
  expect(count(t.app, 'SELECT COUNT(*) AS n FROM appointments WHERE service_id = 2')).toBe(2);
  expect((t.app.db.prepare('SELECT code FROM appointments ORDER BY code').all() as { code: string }[]).map((r) => r.code)).toEqual(ok.map((r) => r.body.code).sort());
});
