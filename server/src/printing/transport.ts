import { constants } from 'node:fs';
import { access, mkdir, open, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import type { PrinterState, PrinterType } from '@shared/schemas/printer';
import { decodeStatus, isStatusByte, STATUS_QUERIES, statusQuery, type DecodedStatus } from './status';

/** Outcome of a health check. `answers`: the printer replied to DLE EOT (so its receipt of a job can be confirmed). */
export interface Health {
  state: Exclude<PrinterState, 'unknown' | 'disabled'>;
  answers: boolean;
  /** Why it is not online, in Vietnamese (decoded status, or what the connection said). */
  reason: string | null;
  /** The transport's own error (ECONNREFUSED …), for the admin. */
  error: string | null;
}

/**
 * Outcome of sending one job. `delivered`: every byte of the ticket reached the printer (it answered the checkpoint
 * before the cut, or — for a printer that never answers — the whole job was written): it is never sent again.
 * `after`: the printer's state right after the job, when it answered.
 */
export interface JobOutcome {
  delivered: boolean;
  after: DecodedStatus | null;
  error: string | null;
}

/** How long a connected printer is given to answer DLE EOT before it is taken as one that never answers. */
const ANSWER_WAIT_MS = 800;

/** Kind of address: LAN printer, device file on the hub (USB), the kiosk's browser, an OS printer, a folder of PNGs. */
export type AddressKind = 'tcp' | 'device' | 'browser' | 'printer' | 'file';

/** The kind of a printer address. */
export function addressKind(address: string): AddressKind {
  if (address.startsWith('tcp://')) return 'tcp';
  if (address.startsWith('file:///')) return 'device';
  if (address === 'browser') return 'browser';
  if (address.startsWith('printer:')) return 'printer';
  return 'file';
}

/** Host and port of a `tcp://host:port` address (9100 by default). */
export function tcpTarget(address: string): { host: string; port: number } {
  const m = /^tcp:\/\/([^/:]+)(?::(\d+))?\/?$/.exec(address);
  if (!m) throw new Error(`bad printer address ${address}`);
  return { host: m[1] as string, port: m[2] ? Number(m[2]) : 9100 };
}

/** Folder of a `file:dir` printer, relative to the working directory. */
export const fileDir = (address: string): string => resolve(address.slice('file:'.length));

/** Path of a `file:///dev/usb/lp0` device. */
export const devicePath = (address: string): string => address.slice('file://'.length);

const online = (answers: boolean): Health => ({ state: 'online', answers, reason: null, error: null });
const unreachable = (error: string): Health => ({ state: 'unreachable', answers: false, reason: 'Không kết nối được máy in.', error });
const fromAnswers = (answers: number[]): Health => ({ ...decodeStatus(answers), answers: true, error: null });

/** A TCP connection to a printer that collects status bytes (anything else the printer sends is ignored). */
function openTcp(address: string, timeoutMs: number): Promise<{ socket: Socket; answers: number[]; waitAnswers: (n: number, ms: number) => Promise<boolean> }> {
  const { host, port } = tcpTarget(address);
  return new Promise((done, fail) => {
    const socket = connect({ host, port });
    const answers: number[] = [];
    let wake: (() => void) | null = null;
    const timer = setTimeout(() => (socket.destroy(), fail(new Error('Hết thời gian kết nối'))), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      for (const b of chunk) if (isStatusByte(b)) answers.push(b);
      wake?.();
    });
    socket.on('close', () => wake?.());
    socket.on('error', (err) => (clearTimeout(timer), fail(err)));
    socket.once('connect', () => {
      clearTimeout(timer);
      /** Resolves true once `n` answers in total arrived; false on timeout or when the connection closed first. */
      const waitAnswers = (n: number, ms: number) =>
        new Promise<boolean>((res) => {
          const settle = () => {
            clearTimeout(end);
            wake = null;
            res(answers.length >= n);
          };
          const end = setTimeout(settle, ms);
          wake = () => {
            if (answers.length >= n || socket.destroyed) settle();
          };
          wake();
        });
      done({ socket, answers, waitAnswers });
    });
  });
}

/** Asks a LAN printer for DLE EOT 1–4 over one short connection. */
async function tcpHealth(address: string, type: PrinterType, timeoutMs: number): Promise<Health> {
  const c = await openTcp(address, timeoutMs);
  try {
    // Star mode has no DLE EOT: reachable is all we learn.
    if (type === 'star') return online(false);
    c.socket.write(statusQuery(...STATUS_QUERIES));
    // A printer that answers does so within milliseconds; one that never does should not delay every job.
    await c.waitAnswers(STATUS_QUERIES.length, Math.min(timeoutMs, ANSWER_WAIT_MS));
    return c.answers.length ? fromAnswers(c.answers) : online(false);
  } finally {
    c.socket.destroy();
  }
}

/** Writes bytes; resolves once the socket handed them all to the OS, rejects when the connection broke first. */
const write = (socket: Socket, bytes: Buffer) => new Promise<void>((res, rej) => socket.write(bytes, (err) => (err ? rej(err) : res())));

/**
 * Sends a job to a LAN printer. To a printer that answers status requests, in two steps: the ticket up to the cut
 * followed by DLE EOT 1 (its answer proves every byte before it arrived), then the cut followed by DLE EOT 1–4 (the
 * state right after the job). The connection breaking before that answer: not delivered, the retry sends the whole
 * ticket (no cut was sent, so no second complete ticket can come out). Once the cut is written: delivered, never
 * resent, even when the connection is reset right after or the answers come late. A printer that never answers gets
 * everything at once: delivered once it is all written.
 */
async function tcpJob(address: string, body: Buffer, cut: Buffer, opts: { answers: boolean; timeoutMs: number }): Promise<JobOutcome> {
  let c: Awaited<ReturnType<typeof openTcp>>;
  try {
    c = await openTcp(address, opts.timeoutMs);
  } catch (err) {
    return { delivered: false, after: null, error: message(err) };
  }
  const broke: { error: string | null } = { error: null };
  c.socket.on('error', (err) => (broke.error = message(err)));
  try {
    if (!opts.answers) {
      await write(c.socket, Buffer.concat([body, cut]));
      await new Promise<void>((res) => c.socket.end(res));
      return { delivered: true, after: null, error: null };
    }
    await write(c.socket, Buffer.concat([body, statusQuery(1)]));
    const confirmed = await c.waitAnswers(1, opts.timeoutMs);
    if (!confirmed && (c.socket.destroyed || broke.error !== null)) {
      return { delivered: false, after: null, error: broke.error ?? 'Kết nối tới máy in bị ngắt trước khi máy in xác nhận đã nhận hết phiếu' };
    }
    // Confirmed, or silent on an intact connection (a slow printer: every byte was written and nothing broke): the
    // ticket is delivered; resending it because the answer is late would put a second copy in the tray.
    await write(c.socket, Buffer.concat([cut, statusQuery(...STATUS_QUERIES)]));
    const expected = (confirmed ? 1 : 0) + STATUS_QUERIES.length;
    const complete = await c.waitAnswers(expected, opts.timeoutMs);
    return { delivered: true, after: complete ? decodeStatus(c.answers.slice(-STATUS_QUERIES.length)) : null, error: null };
  } catch (err) {
    return { delivered: false, after: null, error: message(err) };
  } finally {
    c.socket.destroy();
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Why a device file cannot be opened, in Vietnamese. */
function deviceError(err: unknown): Health {
  const code = (err as NodeJS.ErrnoException).code;
  const h = unreachable(message(err));
  if (code === 'ENOENT' || code === 'ENXIO' || code === 'ENODEV') return { ...h, reason: 'Không thấy máy in USB: cáp đã rút hoặc máy in đang tắt.' };
  if (code === 'EACCES' || code === 'EPERM') return { ...h, reason: 'Máy chủ không có quyền ghi vào máy in USB (thêm người dùng vào nhóm lp).' };
  if (code === 'EBUSY') return { ...h, reason: 'Máy in USB đang bận (một chương trình khác đang dùng).' };
  return h;
}

/**
 * Asks a USB printer for DLE EOT 1–4 through its device file (Linux usblp passes the answers back on read). Only a
 * character device is asked: reading a plain file would return its own bytes. Non-blocking reads, bounded in time;
 * null when the printer gives no answer (many USB printers are one-way).
 */
async function deviceStatus(path: string, waitMs: number): Promise<number[] | null> {
  const fd = await open(path, constants.O_RDWR | constants.O_NONBLOCK);
  try {
    if (!(await fd.stat()).isCharacterDevice()) return null;
    await fd.write(statusQuery(...STATUS_QUERIES));
    const answers: number[] = [];
    const buf = Buffer.alloc(16);
    const end = Date.now() + waitMs;
    while (answers.length < STATUS_QUERIES.length && Date.now() < end) {
      try {
        const { bytesRead } = await fd.read(buf, 0, buf.length, null);
        for (const b of buf.subarray(0, bytesRead)) if (isStatusByte(b)) answers.push(b);
        if (bytesRead === 0) await new Promise((r) => setTimeout(r, 20));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return answers.length ? answers : null;
  } finally {
    await fd.close();
  }
}

/** A device file printer (usblp) is there when it opens; opened non-blocking so a missing reader never hangs. */
async function deviceHealth(address: string, timeoutMs: number): Promise<Health> {
  try {
    const answers = await deviceStatus(devicePath(address), Math.min(timeoutMs, ANSWER_WAIT_MS));
    return answers ? fromAnswers(answers) : online(false);
  } catch (err) {
    return deviceError(err);
  }
}

/**
 * Writes a job to a device file (never created: a missing device is an unplugged printer, not a new file), then reads
 * the state right after it when the printer answers. Delivered once every byte is written.
 */
async function deviceJob(address: string, bytes: Buffer, timeoutMs: number): Promise<JobOutcome> {
  let fd;
  try {
    fd = await open(devicePath(address), constants.O_WRONLY | constants.O_APPEND);
  } catch (err) {
    return { delivered: false, after: null, error: deviceError(err).reason };
  }
  try {
    let done = 0;
    while (done < bytes.length) done += (await fd.write(bytes, done)).bytesWritten;
  } catch (err) {
    return { delivered: false, after: null, error: message(err) };
  } finally {
    await fd.close();
  }
  const answers = await deviceStatus(devicePath(address), Math.min(timeoutMs, ANSWER_WAIT_MS)).catch(() => null);
  return { delivered: true, after: answers ? decodeStatus(answers) : null, error: null };
}

/** The OS printer driver module, when installed (optional: most kiosks use LAN printers). */
function osDriver(): object {
  const require = createRequire(import.meta.url);
  for (const name of ['@thiagoelg/node-printer', 'printer']) {
    try {
      return require(name) as object;
    } catch {
      // Not installed: try the next one.
    }
  }
  throw new Error('Chưa cài trình điều khiển máy in hệ điều hành (npm i @thiagoelg/node-printer)');
}

const osPrinter = (address: string, type: PrinterType, timeoutMs: number) =>
  new ThermalPrinter({ type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: address, driver: osDriver(), options: { timeout: timeoutMs } });

/** Checks a printer's health. A browser printer is the kiosk's business: the hub reports it unchecked. */
export async function checkHealth(address: string, type: PrinterType, timeoutMs: number): Promise<Health> {
  try {
    switch (addressKind(address)) {
      case 'tcp':
        return await tcpHealth(address, type, timeoutMs);
      case 'device':
        return await deviceHealth(address, timeoutMs);
      case 'file':
        await mkdir(fileDir(address), { recursive: true });
        await access(fileDir(address));
        return online(false);
      case 'browser':
        return online(false);
      case 'printer':
        return (await osPrinter(address, type, timeoutMs).isPrinterConnected()) ? online(false) : unreachable('Máy in không sẵn sàng');
    }
  } catch (err) {
    return unreachable(message(err));
  }
}

/** Sends a job's bytes (`body`, then `cut`) to an ESC/POS printer: LAN, device file or OS printer. */
export async function sendJob(address: string, type: PrinterType, body: Buffer, cut: Buffer, opts: { answers: boolean; timeoutMs: number }): Promise<JobOutcome> {
  const kind = addressKind(address);
  if (kind === 'tcp') return tcpJob(address, body, cut, opts);
  if (kind === 'device') return deviceJob(address, Buffer.concat([body, cut]), opts.timeoutMs);
  try {
    const p = osPrinter(address, type, opts.timeoutMs);
    p.setBuffer(Buffer.concat([body, cut]));
    await p.execute();
    return { delivered: true, after: null, error: null };
  } catch (err) {
    return { delivered: false, after: null, error: message(err) };
  }
}

/** Writes a ticket image into a `file:` printer's folder. */
export async function writePng(address: string, name: string, png: Buffer): Promise<string> {
  const dir = fileDir(address);
  await mkdir(dir, { recursive: true });
  const file = resolve(dir, name);
  // Written aside then renamed: whoever watches the folder never opens half a ticket.
  await writeFile(`${file}.part`, png);
  await rename(`${file}.part`, file);
  return file;
}
