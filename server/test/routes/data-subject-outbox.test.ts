import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATIONS } from '@shared/schemas/notifications';
import { buildTestApp, login, staffAtCounter } from '../helper';
import { intakeBody, send } from '../dossier-helper';
import { Receiver, until } from '../outbox/receiver';

const FAST = { retryBaseMs: 40, retryMaxMs: 150, giveUpAfterMs: 60_000, timeoutMs: 2000, pollMs: 50 };
const ID = '001190012345';
const OTHER = '079200000001';
// The test clock: Monday 23/11/2026 09:00 in Hà Nội; a booking tomorrow at 09:00.
const TOMORROW_09 = '2026-11-24T02:00:00.000Z';

interface EventRow {
  seq: number;
  type: string;
  data: string;
}

/**
 * A citizen's erasure reaches the outbox's copies of their data (personal fields of webhook events, the phones given
 * for tickets, the message log), in the erasure's own transaction; another citizen's copies stay. Checked through a
 * second connection on the hub's real SQLite file.
 */
describe("a citizen's erasure strips the outbox's copies of their personal data", () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let sv: string;
  let file: Database.Database;
  const sms = new Receiver();
  const ids = { dossier: 0, other: 0, appointment: 0, ticket: 0 };

  beforeAll(async () => {
    t = await buildTestApp({ config: { webhooks: FAST } });
    await sms.start();
    const admin = await login(t.app, 'admin');
    const on = { ...DEFAULT_NOTIFICATIONS, sms: { ...DEFAULT_NOTIFICATIONS.sms, enabled: true, url: sms.url } };
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/notifications', headers: { cookie: admin }, payload: on })).statusCode).toBe(200);
    const c1 = await staffAtCounter(t.app, 'canbo1', 1);
    sv = await login(t.app, 'giamsat');

    // The citizen's ticket, with a phone given for it, called at counter 1 where their dossier is received; rated.
    const ticket = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } })).json<{ id: number; trackingId: string }>();
    ids.ticket = ticket.id;
    expect((await t.app.inject({ method: 'PUT', url: `/api/track/${ticket.trackingId}/phone`, payload: { phone: '0987654321', consent: true } })).statusCode).toBe(204);
    await send(t.app, 'POST', '/api/counters/1/call-next', c1);
    const a = (await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(undefined, { counterId: 1, applicant: { ...intakeBody().applicant, email: 'nhung@example.vn' } }))).body as { id: number };
    ids.dossier = a.id;
    for (const step of ['process', 'ready']) expect((await send(t.app, 'POST', `/api/dossiers/${a.id}/${step}`, c1, {})).status).toBe(200);
    await send(t.app, 'POST', '/api/counters/1/finish', c1);
    expect((await t.app.inject({ method: 'POST', url: '/api/ratings', payload: { trackingId: ticket.trackingId, level: 'unsatisfied', reason: 'Chị Nhung phải chờ lâu' } })).statusCode).toBeLessThan(300);
    // Their booking, and another citizen's dossier with its result ready.
    const booked = await t.app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: 1, start: TOMORROW_09, fullName: 'Trần Thị Hồng Nhung', phone: '0912 000 111', idNumber: ID, consent: true } });
    expect(booked.statusCode).toBe(201);
    ids.appointment = (t.app.db.prepare('SELECT id FROM appointments WHERE id_hash = ?').get(t.app.hub.idHash.hash(ID)) as { id: number }).id;
    const other = (await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(undefined, { applicant: { ...intakeBody().applicant, idNumber: OTHER, name: 'Lê Văn Khác', phone: '0903 222 333' } }))).body as { id: number };
    ids.other = other.id;
    for (const step of ['process', 'ready']) expect((await send(t.app, 'POST', `/api/dossiers/${other.id}/${step}`, c1, {})).status).toBe(200);
    // Every message sent: called (ticket), result ready ×2 (dossiers), booking confirmed.
    await until(() => (t.app.db.prepare("SELECT count(*) AS n FROM notification_sends WHERE status = 'sent'").get() as { n: number }).n === 4, 10_000, 'the four messages');
    file = new Database(t.config.dbFile, { readonly: true });
  }, 60_000);
  afterAll(async () => {
    file?.close();
    await t.close();
    await sms.stop();
  });

  const events = (type: string, key: string, id: number) =>
    file.prepare(`SELECT seq, type, data FROM outbox_events WHERE type = ? AND json_extract(data, '$.${key}') = ? ORDER BY seq`).all(type, id) as EventRow[];
  const phones = () => Object.fromEntries((file.prepare('SELECT target, phone FROM notification_sends ORDER BY target').all() as { target: string; phone: string }[]).map((r) => [r.target, r.phone]));
  const contacts = () => (file.prepare('SELECT ticket_id FROM ticket_contacts').all() as { ticket_id: number }[]).map((r) => r.ticket_id);
  const personal = () => ({
    dossier: events('dossier.status_changed', 'dossierId', ids.dossier).map((e) => JSON.parse(e.data) as Record<string, unknown>),
    other: events('dossier.status_changed', 'dossierId', ids.other).map((e) => JSON.parse(e.data) as Record<string, unknown>),
    booked: events('appointment.booked', 'appointmentId', ids.appointment).map((e) => JSON.parse(e.data) as Record<string, unknown>),
    rating: events('rating.submitted', 'ticketId', ids.ticket).map((e) => JSON.parse(e.data) as Record<string, unknown>),
  });

  it('holds the copies before the erasure', () => {
    const p = personal();
    expect(p.dossier.map((d) => [d.status, d.applicantName, d.applicantPhone])).toEqual([
      ['processing', 'Trần Thị Hồng Nhung', '0912 345 678'],
      ['result_ready', 'Trần Thị Hồng Nhung', '0912 345 678'],
    ]);
    expect(p.booked).toEqual([expect.objectContaining({ citizenName: 'Trần Thị Hồng Nhung', citizenPhone: '0912000111' })]);
    expect(p.rating).toEqual([expect.objectContaining({ reason: 'Chị Nhung phải chờ lâu' })]);
    expect(phones()).toEqual({
      [`appointment:${ids.appointment}`]: '0912000111',
      [`dossier:${ids.dossier}`]: '0912345678',
      [`dossier:${ids.other}`]: '0903222333',
      [`ticket:${ids.ticket}`]: '0987654321',
    });
    expect(contacts()).toEqual([ids.ticket]);
  });

  it('a failure inside the erasure leaves everything as it was (one transaction)', async () => {
    const before = { p: personal(), phones: phones(), contacts: contacts(), applicant: t.app.db.prepare('SELECT applicant FROM dossiers WHERE id = ?').get(ids.dossier) };
    t.app.db.exec("CREATE TRIGGER erase_fails BEFORE UPDATE ON notification_sends BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const res = await send(t.app, 'POST', `/api/admin/data-subjects/${ID}/erase`, sv);
    t.app.db.exec('DROP TRIGGER erase_fails');
    expect(res.status).toBe(500);
    expect({ p: personal(), phones: phones(), contacts: contacts(), applicant: t.app.db.prepare('SELECT applicant FROM dossiers WHERE id = ?').get(ids.dossier) }).toEqual(before);
  });

  it('strips the personal fields of the events, the phone given for the ticket and the log\'s phones; the other citizen keeps theirs', async () => {
    const res = await send(t.app, 'POST', `/api/admin/data-subjects/${ID}/erase`, sv);
    expect(res.status).toBe(200);
    const reply = res.body as { copies: number; appointments: string[] };
    expect(reply.appointments).toHaveLength(1);
    const p = personal();
    for (const e of [...p.dossier, ...p.booked]) expect(Object.keys(e).filter((k) => /applicant|citizen/.test(k))).toEqual([]);
    expect(p.dossier.map((d) => d.status)).toEqual(['processing', 'result_ready']);
    expect(p.rating).toEqual([expect.not.objectContaining({ reason: expect.anything() })]);
    expect(p.rating[0]).toMatchObject({ level: 'unsatisfied', ticketId: ids.ticket });
    expect(events('dossier.received', 'dossierId', ids.dossier).map((e) => e.data)).toEqual([expect.not.stringContaining('Nhung')]);
    expect(p.other.map((d) => [d.applicantName, d.applicantPhone])).toEqual([
      ['Lê Văn Khác', '0903 222 333'],
      ['Lê Văn Khác', '0903 222 333'],
    ]);
    expect(phones()).toEqual({
      [`appointment:${ids.appointment}`]: '***',
      [`dossier:${ids.dossier}`]: '***',
      [`dossier:${ids.other}`]: '0903222333',
      [`ticket:${ids.ticket}`]: '***',
    });
    expect(contacts()).toEqual([]);
    // received + 2 status changes + booked + rating, 3 log phones, 1 ticket phone.
    expect(reply.copies).toBe(5 + 3 + 1);
    const audit = file.prepare("SELECT details FROM audit_log WHERE action = 'privacy.subject_erase'").all() as { details: string }[];
    expect(audit.map((a) => JSON.parse(a.details) as { copies: number }).map((d) => d.copies)).toEqual([9]);
    // Nothing of hers left anywhere in the outbox.
    const all = (file.prepare('SELECT data FROM outbox_events').all() as { data: string }[]).map((r) => r.data).join('\n');
    for (const s of ['Hồng Nhung', '0912 345 678', '0912000111', '0987654321', 'Chị Nhung']) expect(all).not.toContain(s);
    expect(all).toContain('Lê Văn Khác');
  });

  it('asked again, nothing is left to erase: refused as before', async () => {
    const again = await send(t.app, 'POST', `/api/admin/data-subjects/${ID}/erase`, sv);
    expect(again).toMatchObject({ status: 409, body: { code: 'RECORD_MUST_BE_KEPT' } });
  });
});
