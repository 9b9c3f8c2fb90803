#!/usr/bin/env node
// Smoke run of a fresh install, as an office would do it: `npm start` (build, migrate, seed, listen), issue one
// ticket through the public API, check it is queued, stop with SIGTERM. CI runs it on Node 22 (scripts/with-node.sh).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 15_000;

const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

async function json(url, init) {
  const res = await fetch(url, init);
  const body = await res.json();
  return { status: res.status, body };
}

const dataDir = mkdtempSync(join(tmpdir(), 'motcua-smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  PUBLIC_URL: base,
  DB_FILE: join(dataDir, 'motcua.db'),
  BACKUP_DIR: join(dataDir, 'backups'),
  PRINTER: `file:${join(dataDir, 'prints')}`,
  DEMO_PASSWORD: 'smoke-test-password',
  LOG_LEVEL: 'warn',
};
// Its own process group, so the stop signal reaches npm, the start script and the hub alike.
const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
let failure;
try {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited early with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the hub did not answer /api/health within ${START_TIMEOUT_MS} ms`);
    const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const services = await json(`${base}/api/services`);
  if (services.status !== 200 || !services.body.length) throw new Error(`GET /api/services: ${services.status}`);
  const serviceId = services.body[0].id;
  const issued = await json(`${base}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });
  if (issued.status !== 201 || !issued.body.number) throw new Error(`POST /api/tickets: ${issued.status} ${JSON.stringify(issued.body)}`);
  const snapshot = await json(`${base}/api/queue/snapshot`);
  const queued = snapshot.body.waiting?.some((t) => t.id === issued.body.id && t.status === 'waiting');
  if (snapshot.status !== 200 || !queued) throw new Error(`ticket ${issued.body.number} is not in the snapshot`);
  console.log(`smoke: Node ${process.version}: ticket ${issued.body.number} issued (service ${serviceId}) and queued`);
} catch (err) {
  failure = err;
} finally {
  process.kill(-child.pid, 'SIGTERM');
  const stop = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), STOP_TIMEOUT_MS))]);
  if (!stop) {
    process.kill(-child.pid, 'SIGKILL');
    failure ??= new Error(`the hub did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
if (failure) {
  console.error(`smoke: FAILED: ${failure.message}`);
  process.exit(1);
}
console.log('smoke: stopped cleanly');
