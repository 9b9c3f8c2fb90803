import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import type { PrinterState, PrinterType } from '@shared/schemas/printer';
import { statusQuery } from './escpos';

/** Outcome of a health check. `answers`: the printer replied to DLE EOT (so a job's receipt can be confirmed). */
export interface Health {
  state: Exclude<PrinterState, 'unknown' | 'disabled'>;
  answers: boolean;
  error: string | null;
}

/** How long a connected printer is given to answer DLE EOT before it is taken as one that never answers. */
const ANSWER_WAIT_MS = 800;

/** Kind of address: a LAN printer, an OS printer through a driver, or a folder of PNGs. */
export type AddressKind = 'tcp' | 'printer' | 'file';

/** The kind of a printer address. */
export function addressKind(address: string): AddressKind {
  if (address.startsWith('tcp://')) return 'tcp';
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

/** Reads the printer's answer to DLE EOT 2 (offline cause) and DLE EOT 4 (paper sensor). */
export function decodeStatus(offline: number, paper: number | undefined): Health['state'] {
  if (offline & 0x04) return 'cover_open';
  if (offline & 0x20 || (paper !== undefined && paper & 0x60)) return 'paper_out';
  return 'online';
}

/**
 * Asks a LAN printer for its status over one short connection: unreachable when it cannot be reached; online
 * without details when it is reachable but does not answer status queries (many Star and clone models).
 */
function tcpHealth(address: string, type: PrinterType, timeoutMs: number): Promise<Health> {
  const { host, port } = tcpTarget(address);
  return new Promise((done) => {
    const answer: number[] = [];
    const socket = connect({ host, port });
    const finish = (h: Health) => {
      clearTimeout(timer);
      socket.destroy();
      done(h);
    };
    let timer = setTimeout(() => finish({ state: 'unreachable', answers: false, error: 'Hết thời gian kết nối' }), timeoutMs);
    socket.on('connect', () => {
      if (type === 'star') return finish({ state: 'online', answers: false, error: null });
      socket.write(Buffer.concat([statusQuery(2), statusQuery(4)]));
      // A printer that answers does so within milliseconds; one that never does should not delay every job.
      clearTimeout(timer);
      timer = setTimeout(() => finish({ state: answer.length ? decodeStatus(answer[0] as number, answer[1]) : 'online', answers: answer.length > 0, error: null }), Math.min(timeoutMs, ANSWER_WAIT_MS));
    });
    socket.on('data', (chunk: Buffer) => {
      answer.push(...chunk);
      if (answer.length >= 2) finish({ state: decodeStatus(answer[0] as number, answer[1]), answers: true, error: null });
    });
    socket.on('error', (err) => finish({ state: 'unreachable', answers: false, error: err.message }));
  });
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

/** Checks a printer's health. */
export async function checkHealth(address: string, type: PrinterType, timeoutMs: number): Promise<Health> {
  const kind = addressKind(address);
  try {
    if (kind === 'tcp') return await tcpHealth(address, type, timeoutMs);
    if (kind === 'file') {
      await mkdir(fileDir(address), { recursive: true });
      await access(fileDir(address));
      return { state: 'online', answers: false, error: null };
    }
    const p = new ThermalPrinter({ type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: address, driver: osDriver() });
    return (await p.isPrinterConnected()) ? { state: 'online', answers: false, error: null } : { state: 'unreachable', answers: false, error: 'Máy in không sẵn sàng' };
  } catch (err) {
    return { state: 'unreachable', answers: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Sends a job's bytes through node-thermal-printer. When the printer answers status queries, a DLE EOT is appended
 * and the send succeeds only once its answer comes back: the printer has then received every byte before it
 * (a connection reset mid-job fails the send, and the job is retried).
 */
export async function sendBytes(address: string, type: PrinterType, bytes: Buffer, opts: { confirm: boolean; timeoutMs: number }): Promise<void> {
  const kind = addressKind(address);
  const p = new ThermalPrinter({
    type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: address,
    options: { timeout: opts.timeoutMs },
    ...(kind === 'printer' ? { driver: osDriver() } : {}),
  });
  p.setBuffer(opts.confirm ? Buffer.concat([bytes, statusQuery(2)]) : bytes);
  await p.execute({ waitForResponse: opts.confirm });
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
