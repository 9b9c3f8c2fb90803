import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { intakeBody, PROC } from '../dossier-helper';
import { freePort, HubProcess } from './hub-process';

const PASSWORD = 'demo-province';
const CODES = ['000.61.26.H26', '000.62.26.H26'];

/** A signed-in JSON client of one hub. */
async function client(hub: HubProcess, username: string) {
  const login = await fetch(`${hub.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${hub.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
}
type Client = Awaited<ReturnType<typeof client>>;

async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Issues `n` tickets at the kiosk, then serves them at counter 1: every third one a no-show, the others finished and
 * rated by the citizen's phone (levels in turn); then takes two dossiers at the counter, resolving and handing over
 * the first, and refusing the second when n is odd.
 */
async function drive(hub: HubProcess, staff: Client, n: number): Promise<void> {
  const tracking = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${hub.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 + (i % 2) }) });
    expect(res.status).toBe(201);
    const issued = (await res.json()) as { number: string; trackingId: string };
    tracking.set(issued.number, issued.trackingId);
  }
  const finished: string[] = [];
  for (let i = 0; i < n; i++) {
    const called = await staff('POST', '/api/counters/1/call-next');
    expect(called.status).toBe(200);
    const done = await staff('POST', `/api/counters/1/${i % 3 === 2 ? 'no-show' : 'finish'}`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    if (i % 3 !== 2) finished.push(tracking.get((called.body?.ticket as { number: string }).number) as string);
  }
  for (const [i, trackingId] of finished.entries()) {
    const level = i === 0 ? 'very_satisfied' : i === 3 ? 'unsatisfied' : 'satisfied';
    const body = { trackingId, level, ...(level === 'unsatisfied' ? { reason: 'Chờ lâu' } : {}) };
    const rated = await fetch(`${hub.url}/api/ratings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(rated.status).toBe(201);
  }
  const first = await staff('POST', '/api/dossiers', intakeBody(PROC.MARITAL_STATUS));
  const second = await staff('POST', '/api/dossiers', intakeBody(PROC.BUILDING_PERMIT));
  expect([first.status, second.status]).toEqual([201, 201]);
  expect((await staff('POST', `/api/dossiers/${first.body?.id}/ready`, {})).status).toBe(200);
  expect((await staff('POST', `/api/dossiers/${first.body?.id}/return`, {})).status).toBe(200);
  if (n % 2 === 1) expect((await staff('POST', `/api/dossiers/${second.body?.id}/refuse`, { note: 'Không thuộc thẩm quyền' })).status).toBe(200);
}

const pick = (r: { tickets: number; served: number; noShow: number }) => ({ tickets: r.tickets, served: r.served, noShow: r.noShow });
type Counts = Record<string, number>;
/** The II.06a figures the province holds, named as the office's own report names them. */
const II06A = ['carriedOver', 'received', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'inProgress', 'inProgressOverdue', 'returned', 'refused', 'withdrawn'];
const ownDossiers = (r: Counts) => Object.fromEntries(II06A.map((k) => [k, k === 'received' ? r.receivedNew : k === 'returned' ? r.resultsReturned : r[k]]));
const theirDossiers = (r: Counts) => Object.fromEntries(II06A.map((k) => [k, r[k]]));

/**
 * issue 21's proof with real processes: a province hub and two office hubs, both enrolled by their admins; tickets
 * dossiers and ratings flow while the province is stopped and one office is SIGKILLed; once all are back, the
 * province's queue, dossier (II.06a) and satisfaction figures per office equal each office's own reports exactly, and
 * resending every record changes nothing.
 */
describe('the province roll-up across a stopped province and a SIGKILLed office', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-province-'));
  const hubs: HubProcess[] = [];
  afterAll(async () => {
    for (const h of hubs) await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every office day exactly once the WAN and the office are back', { timeout: 90_000 }, async () => {
    const common = { DEMO_PASSWORD: PASSWORD, STATIC_DIR: join(dir, 'no-dist') };
    const province = new HubProcess(await freePort(), { ...common, HUB_ROLE: 'province', DB_FILE: join(dir, 'province.db') });
    const timing = { WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_MS: '400', WEBHOOK_POLL_MS: '300', WEBHOOK_TIMEOUT_MS: '2000', PROVINCE_HEARTBEAT_MS: '500' };
    const offices = [
      new HubProcess(await freePort(), { ...common, ...timing, DB_FILE: join(dir, 'office-1.db') }),
      new HubProcess(await freePort(), { ...common, ...timing, DB_FILE: join(dir, 'office-2.db') }),
    ] as const;
    hubs.push(province, ...offices);
    await Promise.all([province.start(), ...offices.map((o) => o.start())]);

    // Enrolment: the province admin adds both offices; each office admin enters the URL and its token.
    const pAdmin = await client(province, 'admin');
    const admins: Client[] = [];
    const staff: Client[] = [];
    for (const [i, office] of offices.entries()) {
      const added = await pAdmin('POST', '/api/province/offices', { name: `UBND xã Thử ${i + 1}`, code: CODES[i] });
      expect(added.status).toBe(201);
      admins.push(await client(office, 'admin'));
      const put = await admins[i]!('PUT', '/api/admin/province', { url: province.url, enrollToken: added.body?.enrollToken, code: CODES[i] });
      expect(put.status).toBe(200);
      staff.push(await client(office, 'canbo1'));
      expect((await staff[i]!('POST', '/api/counters/1/open')).status).toBe(200);
    }
    await Promise.all(offices.map((o, i) => drive(o, staff[i]!, 4)));

    // The WAN is down (the province stopped); both offices keep working, one is SIGKILLed in the middle.
    await province.stop();
    await drive(offices[0], staff[0]!, 5);
    await drive(offices[1], staff[1]!, 3);
    await offices[1].kill();
    await offices[1].start();
    await drive(offices[1], staff[1]!, 3);
    await eventually(async () => (await admins[0]!('GET', '/api/admin/province')).body?.state === 'error', 10_000, 'the office to show the link down');
    const down = (await admins[0]!('GET', '/api/admin/province')).body as { pendingEvents: number; lastError: string };
    expect(down.pendingEvents).toBeGreaterThan(0);

    await province.start();
    const today = (await (await fetch(`${offices[0].url}/api/queue/snapshot`)).json()) as { businessDay: string };
    const day = today.businessDay;
    const own = async (i: number) => pick((await admins[i]!('GET', `/api/reports/queue?from=${day}&to=${day}`)).body?.totals as { tickets: number; served: number; noShow: number });
    const theirs = async () => {
      const r = (await pAdmin('GET', `/api/province/reports/queue?from=${day}&to=${day}`)).body as { offices: { code: string; tickets: number; served: number; noShow: number }[] };
      return CODES.map((c) => {
        const o = r.offices.find((x) => x.code === c);
        return o ? pick(o) : null;
      });
    };
    await eventually(async () => {
      const states = await Promise.all(admins.map(async (a) => (await a('GET', '/api/admin/province')).body as { state: string; pendingEvents: number }));
      return states.every((s) => s.pendingEvents === 0 && s.state === 'connected');
    }, 20_000, 'both offices to catch up');
    const expected = [await own(0), await own(1)];
    expect(expected).toEqual([
      { tickets: 9, served: 7, noShow: 2 },
      { tickets: 10, served: 7, noShow: 3 },
    ]);
    expect(await theirs()).toEqual(expected);
    // Dossiers (II.06a) and ratings per office equal each office's own reports of the day, exactly.
    const provinceRows = async (kind: string) =>
      ((await pAdmin('GET', `/api/province/reports/${kind}?from=${day}&to=${day}`)).body as { offices: (Counts & { code: string; counts: Counts })[] }).offices;
    const dossiers = await provinceRows('dossiers');
    const ratings = await provinceRows('satisfaction');
    for (const [i, code] of CODES.entries()) {
      const own = (await admins[i]!('GET', `/api/reports/dossiers?from=${day}&to=${day}`)).body as { totals: Counts };
      const theirs = dossiers.find((o) => o.code === code) as Counts;
      expect(theirDossiers(theirs), code).toEqual(ownDossiers(own.totals));
      const ownRatings = (await admins[i]!('GET', `/api/reports/satisfaction?from=${day}&to=${day}`)).body as { totals: { total: number; counts: Counts } };
      const rated = ratings.find((o) => o.code === code);
      expect(rated?.total, code).toBe(ownRatings.totals.total);
      expect(Object.entries(rated?.counts ?? {}).filter(([, n]) => n > 0), code).toEqual(Object.entries(ownRatings.totals.counts).filter(([, n]) => n > 0));
    }
    expect(dossiers.filter((o) => CODES.includes(o.code)).map((o) => [o.received, o.returned, o.refused])).toEqual([
      [4, 2, 1],
      [6, 3, 2],
    ]);
    expect(ratings.filter((o) => CODES.includes(o.code)).map((o) => o.total)).toEqual([7, 7]);

    // A resend of every record (as after a lost answer) changes nothing.
    const pdb = new Database(join(dir, 'province.db'), { readonly: true });
    const held = pdb.prepare('SELECT o.code, r.seq, r.kind, r.data FROM province_records r JOIN province_offices o ON o.id = r.office_id').all() as { code: string; seq: number; kind: string; data: string }[];
    pdb.close();
    for (let i = 0; i < offices.length; i++) {
      const odb = new Database(join(dir, `office-${i + 1}.db`), { readonly: true });
      const { credential } = odb.prepare('SELECT credential FROM province_link').get() as { credential: string };
      odb.close();
      const records = held.filter((r) => r.code === CODES[i]).map((r) => ({ seq: r.seq, kind: r.kind, data: JSON.parse(r.data) as unknown }));
      expect(records.length).toBeGreaterThan(0);
      const res = await fetch(`${province.url}/api/province/sync`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-motcua-office': credential }, body: JSON.stringify({ records }) });
      expect(await res.json()).toMatchObject({ accepted: 0, duplicates: records.length });
    }
    expect(await theirs()).toEqual(expected);
    // The heartbeats arrived: both offices online on the province's board.
    const board = (await pAdmin('GET', '/api/province/offices')).body as unknown as { code: string; online: boolean }[];
    expect(board.filter((o) => CODES.includes(o.code)).map((o) => o.online)).toEqual([true, true]);
  });
});
