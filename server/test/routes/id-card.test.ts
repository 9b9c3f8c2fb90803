import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, count, login, staffAtCounter } from '../helper';
import { pairDevice } from '../helper-devices';
import { intakeBody, PROC, send } from '../dossier-helper';

// Synthetic identity (invented person and number, shaped as Thông tư 59/2021 describes).
const ID = '001058012345';
const MASKED = 'N*** V** T**';
const CARD = { kind: 'cccd', idNumber: ID, fullName: 'Nguyễn Văn Thử', dateOfBirth: '1958-03-15', gender: 'male', address: 'Số 1 Phố Mẫu, Hà Nội' } as const;

describe('ID-card scans: ticket hash, counter holder, kiosk dossier listing, intake log', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let c1: string;
  const salt = () => (t.app.db.prepare("SELECT value FROM office_secrets WHERE name = 'id_number_salt'").get() as { value: Buffer } | undefined)?.value;
  const hashOf = (id: string) => createHmac('sha256', salt() as Buffer).update(id).digest('base64url');

  beforeEach(async () => {
    t = await buildTestApp();
    c1 = await staffAtCounter(t.app, 'canbo1', 1);
  }, 60_000);
  afterEach(async () => {
    await t.close();
  }, 60_000);

  it('stores only the salted hash of the scanned ID number with the ticket, never a name', async () => {
    const res = await send(t.app, 'POST', '/api/tickets', undefined, { serviceId: 1, priorityGroup: 'elderly', identity: { idNumber: ID, maskedName: MASKED } });
    expect(res.status).toBe(201);
    expect(res.body.priorityGroup).toBe('elderly');
    expect(JSON.stringify(res.body)).not.toContain('N***');
    expect(salt()).toHaveLength(32);
    const row = t.app.db.prepare('SELECT * FROM tickets WHERE id = ?').get(res.body.id) as Record<string, unknown>;
    expect(row.id_hash).toBe(hashOf(ID));
    expect(row.priority_group).toBe('elderly');
    // Nothing of the card on any column of the ticket or its log.
    const stored = JSON.stringify([row, t.app.db.prepare('SELECT * FROM ticket_events WHERE ticket_id = ?').all(res.body.id)]);
    expect(stored).not.toContain(ID);
    expect(stored).not.toContain('N***');
    // The same number hashes the same way on the next ticket (the salt is made once).
    const again = await send(t.app, 'POST', '/api/tickets', undefined, { serviceId: 2, identity: { idNumber: ID } });
    expect(t.app.db.prepare('SELECT id_hash h FROM tickets WHERE id = ?').get(again.body.id)).toEqual({ h: hashOf(ID) });
    expect(count(t.app, 'SELECT COUNT(*) n FROM office_secrets')).toBe(1);
  });

  it('refuses a scanned identity that is not a bare ID number and a masked name, writing nothing', async () => {
    const before = count(t.app, 'SELECT COUNT(*) n FROM tickets');
    for (const identity of [
      { idNumber: '00105801234' },
      { idNumber: ID, fullName: 'Nguyễn Văn Thử' },
      { idNumber: ID, maskedName: 'Nguyễn Văn Thử' },
      { idNumber: ID, address: 'Hà Nội' },
    ]) {
      const res = await send(t.app, 'POST', '/api/tickets', undefined, { serviceId: 1, identity });
      expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
    expect(count(t.app, 'SELECT COUNT(*) n FROM tickets')).toBe(before);
  });

  it('gives another office another hash for the same number', async () => {
    await send(t.app, 'POST', '/api/tickets', undefined, { serviceId: 1, identity: { idNumber: ID } });
    const other = await buildTestApp();
    try {
      await send(other.app, 'POST', '/api/tickets', undefined, { serviceId: 1, identity: { idNumber: ID } });
      const a = t.app.db.prepare('SELECT id_hash h FROM tickets WHERE id_hash IS NOT NULL').get() as { h: string };
      const b = other.app.db.prepare('SELECT id_hash h FROM tickets WHERE id_hash IS NOT NULL').get() as { h: string };
      expect(a.h).not.toBe(b.h);
    } finally {
      await other.close();
    }
  });

  it('shows the clerk who calls the ticket the masked name, from memory only; the retention job drops the hash', async () => {
    const issued = await send(t.app, 'POST', '/api/tickets', undefined, { serviceId: 1, identity: { idNumber: ID, maskedName: MASKED } });
    await new Promise((r) => setImmediate(r));
    expect((await send(t.app, 'GET', `/api/tickets/${issued.body.id}/holder`, c1)).body).toEqual({ maskedName: null });
    await send(t.app, 'POST', '/api/counters/1/call-next', c1);
    expect((await send(t.app, 'GET', `/api/tickets/${issued.body.id}/holder`, c1)).body).toEqual({ maskedName: MASKED });
    expect((await send(t.app, 'GET', `/api/tickets/${issued.body.id}/holder`)).status).toBe(401);
    expect((await send(t.app, 'GET', '/api/tickets/9999/holder', c1)).body.code).toBe('TICKET_NOT_FOUND');
    t.app.hub.repos.privacy.anonymiseTicketGroups('2026-12-01', Date.parse('2026-12-01T00:00:00Z'));
    expect(count(t.app, 'SELECT COUNT(*) n FROM tickets WHERE id_hash IS NOT NULL')).toBe(0);
  });

  it('records at intake what the card said and what the clerk kept, and the applicant ID hash', async () => {
    const applicant = { ...intakeBody().applicant, name: 'Nguyễn Văn Thử', idNumber: ID, dateOfBirth: '1958-03-15', gender: 'male' as const, address: 'Số 1 Phố Mẫu, P. Thử, Hà Nội' };
    const res = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { applicant, idCard: { ...CARD } }));
    expect(res.status).toBe(201);
    expect(res.body.applicant).toMatchObject({ dateOfBirth: '1958-03-15', gender: 'male' });
    expect(res.body.events[0].idCardFields).toEqual({ name: 'scanned', idNumber: 'scanned', dateOfBirth: 'scanned', gender: 'scanned', address: 'corrected' });
    const ev = t.app.db.prepare("SELECT data FROM dossier_events WHERE dossier_id = ? AND type = 'intake.accept'").get(res.body.id) as { data: string };
    expect(JSON.parse(ev.data)).toEqual({
      idCard: {
        kind: 'cccd',
        fields: { name: 'scanned', idNumber: 'scanned', dateOfBirth: 'scanned', gender: 'scanned', address: 'corrected' },
        scanned: { address: 'Số 1 Phố Mẫu, Hà Nội' },
        typed: { address: 'Số 1 Phố Mẫu, P. Thử, Hà Nội' },
      },
    });
    expect(t.app.db.prepare('SELECT applicant_id_hash h FROM dossiers WHERE id = ?').get(res.body.id)).toEqual({ h: hashOf(ID) });
    // A typed intake (no scan) logs no card.
    const typed = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    expect((t.app.db.prepare('SELECT data FROM dossier_events WHERE dossier_id = ?').get(typed.body.id) as { data: string | null }).data).toBeNull();
    // A bad card body is refused whole.
    const bad = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { idCard: { ...CARD, idNumber: 'x' } }));
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('lists a scanned citizen’s open dossiers to a paired kiosk only, status and dates only, in the access log', async () => {
    const applicant = { ...intakeBody().applicant, idNumber: ID };
    const open = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { applicant }));
    const closed = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { applicant, outcome: 'refuse', reason: 'Không thuộc thẩm quyền' }));
    await send(t.app, 'POST', '/api/dossiers', c1, intakeBody());
    const admin = await login(t.app, 'admin');
    const kiosk = await pairDevice(t.app, admin, 'kiosk');

    const res = await send(t.app, 'POST', '/api/kiosk/dossiers-by-id-card', kiosk.cookie, { idNumber: ID });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dossiers: [{ status: 'received', createdAt: '2026-11-23T02:00:00.000Z', receivedAt: '2026-11-23T02:00:00.000Z', dueAt: open.body.dueAt }] });
    const reads = t.app.db.prepare('SELECT user_id, device_id, dossier_id, kind, fields FROM personal_data_reads WHERE device_id IS NOT NULL').all();
    expect(reads).toEqual([{ user_id: null, device_id: kiosk.id, dossier_id: open.body.id, kind: 'list', fields: 'status,dates' }]);
    expect(closed.body.status).toBe('refused');
    // The supervisors' access log names the kiosk that showed the data.
    const log = await send(t.app, 'GET', '/api/admin/data-access?limit=5', admin);
    expect(log.body[0]).toMatchObject({ userId: null, userName: null, deviceName: 'Thiết bị kiosk', dossierId: open.body.id, kind: 'list', fields: 'status,dates' });

    // An unknown number lists nothing; an unpaired browser in open LAN mode is refused; a bad number is a 400.
    expect((await send(t.app, 'POST', '/api/kiosk/dossiers-by-id-card', kiosk.cookie, { idNumber: '079305006789' })).body).toEqual({ dossiers: [] });
    expect((await send(t.app, 'POST', '/api/kiosk/dossiers-by-id-card', undefined, { idNumber: ID })).body.code).toBe('DEVICE_NOT_PAIRED');
    expect((await send(t.app, 'POST', '/api/kiosk/dossiers-by-id-card', c1, { idNumber: ID })).body.code).toBe('DEVICE_NOT_PAIRED');
    expect((await send(t.app, 'POST', '/api/kiosk/dossiers-by-id-card', kiosk.cookie, { idNumber: ID, name: 'x' })).body.code).toBe('VALIDATION_FAILED');
    expect(count(t.app, 'SELECT COUNT(*) n FROM personal_data_reads WHERE device_id IS NOT NULL')).toBe(1);
  });

  it('hashes the ID numbers of dossiers received before the hash existed (at hub start)', async () => {
    const applicant = { ...intakeBody().applicant, idNumber: ID };
    const res = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { applicant }));
    const org = await send(t.app, 'POST', '/api/dossiers', c1, intakeBody(PROC.MARITAL_STATUS, { applicant: { ...applicant, idNumber: '0101234567' } }));
    t.app.db.prepare('UPDATE dossiers SET applicant_id_hash = NULL').run();
    t.app.hub.idCards.hashOlderDossiers();
    const hashOfDossier = (id: number) => (t.app.db.prepare('SELECT applicant_id_hash h FROM dossiers WHERE id = ?').get(id) as { h: string | null }).h;
    expect(hashOfDossier(res.body.id)).toBe(hashOf(ID));
    // A tax code (10 digits) is no personal ID number: no hash.
    expect(hashOfDossier(org.body.id)).toBeNull();
  });
});
