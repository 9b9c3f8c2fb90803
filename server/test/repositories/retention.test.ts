import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, count, issue, login, staffAtCounter } from '../helper';
import { intakeBody, send } from '../dossier-helper';

const DAY = 24 * 3600_000;

/**
 * Retention on a real SQLite file with an injected clock: each kind of record keeps its personal part for the office's
 * period, then the nightly job anonymises it; the tracking book keeps its legal columns, reports keep their counts.
 */
describe('retention of personal data', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp();
  }, 60_000);
  afterEach(async () => {
    await t.close();
  }, 60_000);

  const put = async (retention: Record<string, number>) => {
    const admin = await login(t.app, 'admin');
    const current = (await send(t.app, 'GET', '/api/admin/privacy', admin)).body;
    return send(t.app, 'PUT', '/api/admin/privacy', admin, { ...current, retention: { ...current.retention, ...retention } });
  };

  it('anonymises each kind after its period, keeps what is younger, and the book and reports keep their figures', async () => {
    expect((await put({ ticketPriorityGroupDays: 45, dossierApplicantDays: 60, ratingCommentDays: 10, auditDays: 90 })).status).toBe(200);
    // Day 0: a pregnant woman's ticket, served, rated with a comment; a dossier received and returned.
    const old = await issue(t.app, 1, 'pregnant');
    const c1 = await staffAtCounter(t.app, 'canbo1', 1);
    await send(t.app, 'POST', '/api/counters/1/call-next', c1);
    await send(t.app, 'POST', '/api/counters/1/finish', c1);
    expect((await t.app.inject({ method: 'POST', url: '/api/ratings', payload: { trackingId: old.body.trackingId, level: 'unsatisfied', reason: 'Chờ lâu, cán bộ Nguyễn Văn A' } })).statusCode).toBe(201);
    const { body: d } = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(undefined, { applicant: { ...intakeBody().applicant, email: 'nhung@example.vn', representative: 'Trần Văn Bảo' } }));
    for (const a of ['transfer', 'process', 'ready', 'return']) expect((await send(t.app, 'POST', `/api/dossiers/${d.id}/${a}`, c1, {})).status).toBe(200);
    await send(t.app, 'GET', `/api/dossiers/${d.id}`, c1);

    // Day 20: a newer priority ticket.
    t.clock.advance(20 * DAY);
    await issue(t.app, 1, 'disabled');
    const run20 = await send(t.app, 'POST', '/api/admin/privacy/retention-run', await login(t.app, 'admin'));
    expect(run20.body).toMatchObject({ tickets: 0, dossiers: 0, ratings: 1, auditRows: 0 });
    expect(t.app.db.prepare('SELECT reason, level FROM ratings').get()).toEqual({ reason: null, level: 'unsatisfied' });

    // Day 61: the day-0 ticket's group and the dossier's extra fields go; the day-20 ticket keeps its group.
    t.clock.advance(41 * DAY);
    const run61 = t.app.hub.privacy.runRetention();
    expect(run61).toMatchObject({ tickets: 1, dossiers: 1, ratings: 0, auditRows: 0 });
    expect(t.app.db.prepare('SELECT number, priority_group FROM tickets ORDER BY id').all()).toEqual([
      { number: 'A001', priority_group: 'priority' },
      { number: 'A001', priority_group: 'disabled' },
    ]);
    const events = t.app.db.prepare("SELECT data FROM ticket_events WHERE type = 'issued' ORDER BY id").all() as { data: string }[];
    expect(events.map((e) => JSON.parse(e.data).priorityGroup)).toEqual(['priority', 'disabled']);
    const row = t.app.db.prepare('SELECT applicant, applicant_folded, anonymised_at FROM dossiers WHERE id = ?').get(d.id) as { applicant: string; applicant_folded: string; anonymised_at: number };
    expect(JSON.parse(row.applicant)).toEqual({ ...intakeBody().applicant, idNumber: '', email: '', representative: '' });
    expect(row.applicant_folded).not.toContain('001190012345');
    expect(row.anonymised_at).toBe(t.clock.now());
    // The tracking book still shows name, address and phone (Mẫu 06's columns); the staff view no ID number.
    // (Sessions end after 10 idle hours: sign in again.)
    const again = await login(t.app, 'canbo1');
    const book = (await send(t.app, 'GET', '/api/dossiers?from=2026-11-23&to=2026-11-23&q=nhung', again)).body;
    expect(book[0]).toMatchObject({ applicantName: 'Trần Thị Hồng Nhung', applicantPhone: '0912 345 678', applicantAddress: 'Số 5 ngõ 12 phố Hòa Bình' });
    expect((await send(t.app, 'GET', `/api/dossiers/${d.id}`, again)).body.applicant.idNumber).toBe('');
    // The queue report still counts the old ticket as a priority one.
    const sv = await login(t.app, 'giamsat');
    const report = (await send(t.app, 'GET', '/api/reports/queue?from=2026-11-23&to=2026-11-23&groupBy=service', sv)).body;
    expect(JSON.stringify(report)).toContain('"priority":1');
    // A staff view of the old ticket has no group to show, but still the priority flag.
    expect(t.app.hub.repos.tickets.byId(old.body.id)?.priority_group).toBe('priority');

    // Day 91: audit and access-log rows older than 90 days lose address and details; who and what stay.
    t.clock.advance(30 * DAY);
    const before = count(t.app, 'SELECT COUNT(*) AS n FROM audit_log WHERE at < ? AND ip IS NOT NULL', t.clock.now() - 90 * DAY);
    expect(before).toBeGreaterThan(0);
    const run91 = t.app.hub.privacy.runRetention();
    expect(run91.auditRows).toBeGreaterThanOrEqual(before);
    expect(run91.accessRows).toBeGreaterThan(0);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM audit_log WHERE at < ? AND (ip IS NOT NULL OR details IS NOT NULL)', t.clock.now() - 90 * DAY)).toBe(0);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'dossier.return' AND user_id IS NOT NULL")).toBe(1);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM personal_data_reads WHERE ip IS NOT NULL AND at < ?', t.clock.now() - 90 * DAY)).toBe(0);
    // The log stays append-only otherwise.
    expect(() => t.app.db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => t.app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => t.app.db.prepare("UPDATE audit_log SET ip = '1.2.3.4'").run()).toThrow(/append-only/);
    // Every run is audited (the hub's start ran the day's pass too).
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'admin.retention_run'")).toBe(4);
  }, 90_000);

  it('0 keeps a kind for ever; the nightly job runs once per local day from 02:00 on the hub\'s schedule', async () => {
    expect((await put({ ticketPriorityGroupDays: 0, dossierApplicantDays: 0, ratingCommentDays: 0, auditDays: 0 })).status).toBe(200);
    await issue(t.app, 1, 'elderly');
    t.clock.set('2027-06-01T18:30:00.000Z'); // 01:30 in Hà Nội: too early
    expect(t.app.hub.privacy.retentionIfDue()).toBeNull();
    t.clock.set('2027-06-01T19:05:00.000Z'); // 02:05
    expect(t.app.hub.privacy.retentionIfDue()).toMatchObject({ tickets: 0, dossiers: 0, ratings: 0, auditRows: 0 });
    expect(t.app.hub.privacy.retentionIfDue()).toBeNull();
    expect(t.app.db.prepare('SELECT priority_group FROM tickets').get()).toEqual({ priority_group: 'elderly' });
    t.clock.set('2027-06-02T20:00:00.000Z');
    expect(t.app.hub.privacy.retentionIfDue()).not.toBeNull();
  }, 60_000);

  it('refuses bad settings with a coded 400 and changes nothing; only an admin may change them', async () => {
    const admin = await login(t.app, 'admin');
    const current = (await send(t.app, 'GET', '/api/admin/privacy', admin)).body;
    for (const bad of [{ ...current, retention: { ...current.retention, auditDays: -1 } }, { ...current, notice: { vi: '', en: '' } }, { ...current, extra: 1 }]) {
      expect(await send(t.app, 'PUT', '/api/admin/privacy', admin, bad)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
    expect((await send(t.app, 'GET', '/api/admin/privacy', admin)).body).toEqual(current);
    const sv = await login(t.app, 'giamsat');
    expect((await send(t.app, 'PUT', '/api/admin/privacy', sv, current)).status).toBe(403);
    expect((await send(t.app, 'POST', '/api/admin/privacy/retention-run', sv)).status).toBe(403);
  }, 60_000);
});
