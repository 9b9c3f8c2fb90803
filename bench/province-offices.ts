// A child process of `npm run bench` playing every enrolled office of a province (issue 21), so the offices' CPU is
// never the measured province hub's. Driven over IPC by bench/province.ts:
//   backfill { url, bareUrl, offices[], days } → backfilled { records, ms, bareMs, errors }: each office sends `days`
//                                                 past days of facts, one sync request per office, 4 at a time; the
//                                                 same bodies first to the bare insert route (the baseline)
//   steady { url, bareUrl, offices[], seconds } → steady { heartbeat, sync, bare, errors }: every office sends a
//                                                 heartbeat every 30 s and a record of today every 30 s (spread evenly);
//                                                 the same number of requests go to the bare insert route, interleaved;
//                                                 latencies (ms) as { n, p50, p99 }
//   close
import { percentile } from './lib';

interface Office {
  code: string;
  credential: string;
}
type Msg =
  | { type: 'backfill'; url: string; bareUrl: string; offices: Office[]; days: number }
  | { type: 'steady'; url: string; bareUrl: string; offices: Office[]; seconds: number }
  | { type: 'close' };

const HEADER = 'x-motcua-office';
const SERVICES: [string, string][] = [
  ['HT', 'Hộ tịch'],
  ['CT', 'Chứng thực'],
  ['DD', 'Đất đai'],
  ['KD', 'Kinh doanh'],
];
const send = (m: unknown) => process.send?.(m);
const now = () => performance.now();
const seqs = new Map<string, number>();
const nextSeq = (code: string) => {
  const s = (seqs.get(code) ?? 0) + 1;
  seqs.set(code, s);
  return s;
};

const FIELDS: [string, string][] = [
  ['HT', 'Hộ tịch'],
  ['CT', 'Chứng thực'],
  ['DD', 'Đất đai'],
  ['KD', 'Thành lập và hoạt động của hộ kinh doanh'],
  ['LDTBXH', 'Lao động, thương binh và xã hội'],
];
const LEVELS = ['very_satisfied', 'satisfied', 'unsatisfied'] as const;

/** A day's record as an office hub sends it: its facts per service, counter, staff, field and rating (deterministic). */
function dayRecord(o: Office, index: number, day: string) {
  const k = index * 7 + day.charCodeAt(9);
  const queue = (s: number) => {
    const tickets = 20 + ((k + s * 13) % 60);
    const served = Math.round(tickets * 0.92);
    return { tickets, served, noShow: tickets - served, waitSeconds: served * 420, waited: served, serveSeconds: served * 540 };
  };
  const services = SERVICES.map(([serviceCode, serviceName], s) => ({ serviceCode, serviceName, ...queue(s) }));
  const counters = Array.from({ length: 6 }, (_, c) => ({ counter: `Quầy ${c + 1}`, ...queue(c) }));
  const staff = Array.from({ length: 6 }, (_, c) => ({ staff: `canbo${c + 1}`, ...queue(c + 1) }));
  const fields = FIELDS.map(([fieldCode, fieldName], f) => {
    const received = 5 + ((k + f) % 20);
    return {
      fieldCode, fieldName, received, receivedOnline: 0, receivedInPerson: received,
      resolvedEarly: received >> 2, resolvedOnTime: received >> 1, resolvedLate: f % 2, returned: received >> 1,
      refused: f % 3 === 0 ? 1 : 0, withdrawn: 0, inProgressOnTime: 10 + f, inProgressOverdue: f % 2,
    };
  });
  const ratings = staff.flatMap((s, i) => LEVELS.map((level, l) => ({ staff: s.staff, level, count: (k + i + l * 5) % 12 })));
  return { seq: nextSeq(o.code), kind: 'day_facts' as const, data: { day, services, counters, staff, fields, ratings } };
}

async function post(url: string, body: unknown, credential?: string): Promise<{ ok: boolean; ms: number }> {
  const t0 = now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(credential ? { [HEADER]: credential } : {}) },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return { ok: res.ok, ms: now() - t0 };
  } catch {
    return { ok: false, ms: now() - t0 };
  }
}

const summary = (ms: number[]) => ({ n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) });
const dayOf = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

/** Posts each body to `url` (4 at a time); records taken and ms spent. */
async function sendAll(url: string, jobs: { body: { records: unknown[] }; credential?: string }[]) {
  const t0 = now();
  let errors = 0;
  let records = 0;
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const r = await post(url, job.body, job.credential);
      if (r.ok) records += job.body.records.length;
      else errors += 1;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return { records, ms: now() - t0, errors };
}

async function backfill(m: Extract<Msg, { type: 'backfill' }>): Promise<void> {
  const bodies = m.offices.map((o, i) => ({
    credential: o.credential,
    body: { records: Array.from({ length: m.days }, (_, d) => dayRecord(o, i, dayOf((m.days - d) * 86_400_000))) },
  }));
  // The same bodies to the bare route first (parse + one durable insert each), then to the province hub.
  const bare = await sendAll(`${m.bareUrl}/insert`, bodies.map((b) => ({ body: b.body })));
  const hub = await sendAll(`${m.url}/api/province/sync`, bodies);
  send({ type: 'backfilled', ...hub, errors: hub.errors + bare.errors, bareMs: bare.ms });
}

async function steady(m: Extract<Msg, { type: 'steady' }>): Promise<void> {
  const heartbeat: number[] = [];
  const sync: number[] = [];
  const bare: number[] = [];
  let errors = 0;
  const started = now();
  const perOffice = 30_000;
  const pending: Promise<void>[] = [];
  const today = dayOf(0);
  // Each office's heartbeat at its own offset within the 30 s period, its record of today half a period later.
  const timers = m.offices.map((o, i) => {
    const offset = (i / m.offices.length) * perOffice;
    const beat = () => {
      const sentAt = new Date().toISOString();
      const hb = { sentAt, waiting: i % 40, longestWaitMinutes: i % 55, openCounters: 1 + (i % 8), printersDown: i % 50 === 0 ? 1 : 0, version: 'bench' };
      pending.push(post(`${m.url}/api/province/heartbeat`, hb, o.credential).then((r) => void (r.ok ? heartbeat.push(r.ms) : errors++)));
      pending.push(post(`${m.bareUrl}/insert`, { serviceId: i }).then((r) => void (r.ok ? bare.push(r.ms) : errors++)));
    };
    const record = () => {
      pending.push(post(`${m.url}/api/province/sync`, { records: [dayRecord(o, i, today)] }, o.credential).then((r) => void (r.ok ? sync.push(r.ms) : errors++)));
    };
    const t1 = setTimeout(() => {
      beat();
      timers2.push(setInterval(beat, perOffice));
    }, offset);
    const t2 = setTimeout(() => {
      record();
      timers2.push(setInterval(record, perOffice));
    }, offset + perOffice / 2);
    return [t1, t2];
  });
  const timers2: NodeJS.Timeout[] = [];
  await new Promise((r) => setTimeout(r, m.seconds * 1000));
  for (const t of [...timers.flat(), ...timers2]) clearTimeout(t);
  await Promise.all(pending);
  send({ type: 'steady', seconds: (now() - started) / 1000, heartbeat: summary(heartbeat), sync: summary(sync), bare: summary(bare), errors });
}

process.on('message', (m: Msg) => {
  if (m.type === 'backfill') void backfill(m);
  else if (m.type === 'steady') void steady(m);
  else process.exit(0);
});
process.on('disconnect', () => process.exit(0));
