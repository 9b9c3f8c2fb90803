// The processes of `npm run bench`: the hub as `npm start` runs it, the bare baselines, socket clients, a printer.
// Each is a separate OS process, so no load generator or client shares a measured server's event loop.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, HubProcess } from '../server/test/durability/hub-process';
import { epoch } from './lib';
import type { WalFrames } from './wal-frames';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function forkTs(file: string, args: string[] = []): ChildProcess {
  return fork(here(file), args, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: resolve('server/tsconfig.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** No step of a child takes longer than this (connecting 5,000 phones included): a stuck step fails the bench. */
const STEP_TIMEOUT_MS = 300_000;

/** The next IPC message of `type` from a child (rejects if it exits first, or after STEP_TIMEOUT_MS). */
function next<T>(child: ChildProcess, type?: string): Promise<T> {
  return new Promise((done, fail) => {
    const finish = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (m: { type?: string }) => {
      if (type !== undefined && m.type !== type) return;
      finish();
      done(m as T);
    };
    const onExit = (code: number | null) => {
      finish();
      fail(new Error(`${child.spawnargs.join(' ')} exited with ${code}`));
    };
    const timer = setTimeout(() => {
      finish();
      fail(new Error(`${child.spawnargs.join(' ')}: no ${type ?? 'message'} within ${STEP_TIMEOUT_MS / 1000} s`));
    }, STEP_TIMEOUT_MS);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

const stop = (child: ChildProcess, msg?: unknown) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    if (msg) child.send(msg);
    else child.kill('SIGTERM');
  });

/** A bare baseline server (bench/bare-server.ts) in its own process. */
export async function startBare(mode: 'insert' | 'broadcast' | 'print', dir: string, printerPort?: number) {
  const child = forkTs('./bare-server.ts', [`--mode=${mode}`, `--dir=${dir}`, ...(printerPort ? [`--printer=${printerPort}`] : [])]);
  const { url } = await next<{ url: string }>(child);
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.arrayBuffer());
  return { url, pid: child.pid as number, post, close: () => stop(child) };
}

// A failed bench must not leave a hub listening: whatever is still running when the bench process exits is killed.
const running = new Set<number>();
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (err) {
      process.stderr.write(`could not stop hub ${pid}: ${String(err)}\n`);
    }
  }
});

/** The real hub (server/src/server.ts) in its own process on a database prepared by bench/seed.ts. */
export async function startHub(dbFile: string, password: string, env: Record<string, string> = {}, nodeArgs: string[] = []) {
  // Every display and phone of the bench comes from one loopback address, where an office's come from hundreds: the
  // per-address connection cap (500 by default) is lifted.
  const base = { DB_FILE: dbFile, DEMO_PASSWORD: password, STATIC_DIR: join(dirname(dbFile), 'no-dist'), PRINTER: 'none', MAX_CONNECTIONS_PER_ADDRESS: '0' };
  const hub = new HubProcess(await freePort(), { ...base, ...env }, nodeArgs);
  const started = hub.start(120_000);
  if (hub.pid) running.add(hub.pid);
  const stop = hub.stop.bind(hub);
  hub.stop = async () => {
    await stop();
    running.delete(hub.pid as number);
  };
  // Generous: on this shared machine a start under others' load has taken more than 30 s.
  await started.catch(async (err: unknown) => {
    await hub.kill();
    throw err;
  });
  return hub;
}

/** Signs a demo staff account in on the hub and opens its counter; returns the session cookie. */
export async function openCounter(hubUrl: string, username: string, password: string, counterId: number): Promise<string> {
  const login = await fetch(`${hubUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const open = await fetch(`${hubUrl}/api/counters/${counterId}/open`, { method: 'POST', headers: { cookie } });
  if (!open.ok) throw new Error(`open counter ${counterId}: ${open.status} ${await open.text()}`);
  return cookie;
}

/** A process of socket.io-client sockets (bench/socket-clients.ts). */
export function startClients() {
  const child = forkTs('./socket-clients.ts');
  return {
    pid: child.pid as number,
    async connect(url: string, auth: Record<string, unknown>[], events: string[]) {
      const done = next<{ total: number; failed: number }>(child, 'connected');
      child.send({ type: 'connect', url, auth, events });
      return done;
    },
    /** ms from calling `trigger` until `count` sockets (or the one of `key`) received `event`; NaN after 10 s. */
    async time(trigger: () => Promise<unknown>, expect: { event: string; count: number; key?: string; call?: boolean }): Promise<number> {
      const armed = next(child, 'armed');
      child.send({ type: 'expect', ...expect });
      await armed;
      const got = next<{ at: number }>(child, 'got');
      const t0 = epoch();
      await trigger();
      return (await got).at - t0;
    },
    /** How many `event`s arrive within `windowMs`, and when the last one did (epoch ms). */
    async count(event: string, windowMs: number) {
      const counted = next<{ n: number; last: number }>(child, 'counted');
      child.send({ type: 'count', event, windowMs });
      return counted;
    },
    /** What the first socket last received as `event`. */
    async last(event: string): Promise<unknown> {
      const got = next<{ payload: unknown }>(child, 'last');
      child.send({ type: 'last', event });
      return (await got).payload;
    },
    close: () => stop(child, { type: 'close' }),
  };
}

/** The loopback ESC/POS printer (bench/printer-process.ts) in its own process; `delayMs`: each answer that late. */
export async function startPrinter(delayMs = 0) {
  const child = forkTs('./printer-process.ts', [`--delay=${delayMs}`]);
  const { port, address } = await next<{ port: number; address: string }>(child, 'ready');
  return {
    port,
    address,
    /** When the n-th job arrived (epoch ms; NaN after `timeoutMs`), its size and the jobs received so far. */
    job: (n: number, timeoutMs = 10_000) => {
      const got = next<{ at: number; bytes: number; total: number }>(child, 'job');
      child.send({ type: 'wait', n, timeoutMs });
      return got;
    },
    close: () => stop(child, { type: 'close' }),
  };
}

/** Lat(ency) summary of a series, ms. */
export interface Lat {
  n: number;
  p50: number;
  p99: number;
}

/** The simulated offices of a province (bench/province-offices.ts) in their own process. */
export function startOffices() {
  const child = forkTs('./province-offices.ts');
  type Office = { code: string; credential: string };
  return {
    async backfill(url: string, bareUrl: string, offices: Office[], days: number) {
      const done = next<{ records: number; ms: number; bareMs: number; errors: number }>(child, 'backfilled');
      child.send({ type: 'backfill', url, bareUrl, offices, days });
      return done;
    },
    async steady(url: string, bareUrl: string, offices: Office[], seconds: number) {
      const done = next<{ seconds: number; heartbeat: Lat; sync: Lat; bare: Lat; errors: number }>(child, 'steady');
      child.send({ type: 'steady', url, bareUrl, offices, seconds });
      return done;
    },
    close: () => stop(child, { type: 'close' }),
  };
}

/** WAL frames written per ticket and per bare insert (bench/wal-frames.ts), counted in a process of their own. */
export async function walFrames(): Promise<WalFrames> {
  const child = forkTs('./wal-frames.ts');
  return (await next<{ frames: WalFrames }>(child, 'frames')).frames;
}
