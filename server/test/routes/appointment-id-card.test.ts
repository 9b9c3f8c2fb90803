import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, count } from '../helper';

// The test clock: Monday 23/11/2026 09:00 in Hà Nội (02:00Z). Synthetic ID numbers and names only.
const SLOT_10 = '2026-11-23T03:00:00.000Z';
const ID = '079203009876';
const NAME = 'Phạm Thị Giả Định';
const book = (over: object) => ({ serviceId: 1, start: SLOT_10, fullName: NAME, phone: '0987 000 111', consent: true, ...over });

/** Bookings by ID number: the salted hash on the row, and check-in by a CCCD scan at the kiosk. */
describe('appointments by ID number: salted hash, check-in by ID card', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload }).then((r) => ({ status: r.statusCode, body: r.json(), raw: r.body }));
  const byCard = (idNumber: string) => post('/api/appointments/check-in-by-id-card', { idNumber });
  const row = (code: string) => t.app.db.prepare('SELECT * FROM appointments WHERE code = ?').get(code) as Record<string, unknown>;
  const lookups = () => count(t.app, "SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.id_card_lookup'");

  it('keeps the salted hash of the ID number on the booking (none without one), and hashes older bookings at start', async () => {
    const withId = (await post('/api/appointments', book({ idNumber: ID }))).body as { code: string };
    const without = (await post('/api/appointments', book({ phone: '0987 000 222' }))).body as { code: string };
    const hash = t.app.hub.idHash.hash(ID);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain(ID);
    expect(row(withId.code).id_hash).toBe(hash);
    // Only the hash: the number itself is nowhere in the row.
    expect(row(withId.code).id_number).toBe('');
    expect(JSON.stringify(row(withId.code))).not.toContain(ID);
    expect(row(without.code).id_hash).toBeNull();
    // A booking written before migration 021 (its number in clear, no hash): hashed and its number blanked at start.
    t.app.db.prepare('UPDATE appointments SET id_hash = NULL, id_number = ? WHERE code = ?').run(ID, withId.code);
    t.app.hub.appointments.hashOlderBookings();
    expect(row(withId.code)).toMatchObject({ id_hash: hash, id_number: '' });
    // The per-person limit still knows the person by the hash: the same ID number with another phone is refused.
    const again = await post('/api/appointments', book({ idNumber: ID, phone: '0987 000 333' }));
    expect(again.status, again.raw).toBe(409);
    expect(again.body).toMatchObject({ code: 'BOOKING_LIMIT' });
    // Cancel the one without an ID: the slot keeps places for the next test.
    t.app.db.prepare("UPDATE appointments SET status = 'cancelled' WHERE code = ?").run(without.code);
  });

  it("checks in today's booking of the scanned person: same answers as by code, never the name, each lookup audited", async () => {
    const code = (t.app.db.prepare("SELECT code FROM appointments WHERE id_hash IS NOT NULL").get() as { code: string }).code;
    // Tomorrow's booking of the same person is not today's: never picked.
    const tomorrow = await post('/api/appointments', book({ idNumber: ID, start: '2026-11-24T03:00:00.000Z' }));
    expect(tomorrow.status).toBe(201);

    const early = await byCard(ID);
    expect([early.status, early.body.code]).toEqual([409, 'TOO_EARLY']);
    t.clock.set('2026-11-23T02:40:00.000Z');
    const ok = await byCard(ID);
    expect(ok.status).toBe(201);
    expect(ok.raw).not.toContain('Phạm');
    expect(ok.raw).not.toContain(ID);
    const ticket = (ok.body as { ticket: { id: number; priorityGroup: string | null; serviceId: number }; late: boolean }).ticket;
    expect(ok.body.late).toBe(false);
    expect(row(code)).toMatchObject({ status: 'checked_in', ticket_id: ticket.id });
    // The ticket keeps the hash (to match the person's dossiers), with the appointment group.
    expect(t.app.db.prepare('SELECT id_hash, priority_group FROM tickets WHERE id = ?').get(ticket.id)).toEqual({ id_hash: t.app.hub.idHash.hash(ID), priority_group: 'appointment' });
    expect(row(tomorrow.body.code as string).status).toBe('booked');

    const again = await byCard(ID);
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_CHECKED_IN']);
    const unknown = await byCard('001099000001');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'APPOINTMENT_NOT_FOUND']);
    for (const bad of [{ idNumber: '12345' }, { idNumber: `${ID}|x` }, {}, { idNumber: ID, fullName: NAME }]) {
      const res = await post('/api/appointments/check-in-by-id-card', bad);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(count(t.app, 'SELECT count(*) AS n FROM tickets')).toBe(1);
    // Four lookups (early, ok, again, unknown), found or not; no ID number or name in the log.
    expect(lookups()).toBe(4);
    const details = (t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'appointment.id_card_lookup'").all() as { details: string }[]).map((d) => d.details).join();
    expect(details).not.toContain(ID);
    expect(details).not.toContain('Phạm');
  });
});
