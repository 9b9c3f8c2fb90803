// A raw HTTP/1.1 client over node:net: sends request targets exactly as written (percent-escapes, doubled slashes,
// absolute form), which fetch and inject() would normalise. One keep-alive connection, requests in turn.
import { connect, type Socket } from 'node:net';

/** One parsed reply. */
export interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request as it goes on the wire: method, target as is, headers, optional body. */
export interface RawRequest {
  method: string;
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Serialises a request (Host set, keep-alive, Content-Length for a body). */
export function serialise(r: RawRequest): Buffer {
  const body = r.body === undefined ? undefined : Buffer.from(r.body);
  const headers: Record<string, string> = { host: 'hub.test', connection: 'keep-alive', ...r.headers };
  if (body) headers['content-length'] = String(body.length);
  const head = `${r.method} ${r.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1');
}

/** Parses one complete reply at the start of `buf`; null while incomplete. `ended`: the peer closed. */
function parseReply(buf: Buffer, head: boolean, ended: boolean): { reply: RawReply; used: number } | null {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(lines[0]?.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  let at = end + 4;
  if (head || status === 204 || status === 304) return { reply: { status, headers, body: '' }, used: at };
  if (headers['transfer-encoding']?.includes('chunked')) {
    const parts: Buffer[] = [];
    for (;;) {
      const le = buf.indexOf('\r\n', at);
      if (le < 0) return null;
      const size = parseInt(buf.subarray(at, le).toString('latin1'), 16);
      if (buf.length < le + 2 + size + 2) return null;
      parts.push(buf.subarray(le + 2, le + 2 + size));
      at = le + 2 + size + 2;
      if (size === 0) return { reply: { status, headers, body: Buffer.concat(parts).toString('utf8') }, used: at };
    }
  }
  if (headers['content-length'] !== undefined) {
    const n = Number(headers['content-length']);
    if (buf.length < at + n) return null;
    return { reply: { status, headers, body: buf.subarray(at, at + n).toString('utf8') }, used: at + n };
  }
  return ended ? { reply: { status, headers, body: buf.subarray(at).toString('utf8') }, used: buf.length } : null;
}

/** Opens a TCP connection to 127.0.0.1:`port` from `localAddress`; resolves once connected. */
export function openSocket(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, localAddress }, () => resolve(s));
    s.once('error', reject);
  });
}

/** A keep-alive raw client: reconnects when the hub closed the connection; requests run one at a time. */
export class RawClient {
  private socket: Socket | null = null;
  private buf = Buffer.alloc(0);
  private ended = false;
  private waiter: (() => void) | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Requests sent so far. */
  sent = 0;

  constructor(
    private readonly port: number,
    private readonly localAddress = '127.0.0.1',
  ) {}

  private async ensure(): Promise<Socket> {
    if (this.socket && !this.ended) return this.socket;
    const s = await openSocket(this.port, this.localAddress);
    this.socket = s;
    this.buf = Buffer.alloc(0);
    this.ended = false;
    const wake = () => {
      const w = this.waiter;
      this.waiter = null;
      w?.();
    };
    s.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      wake();
    });
    s.on('close', () => {
      if (this.socket === s) this.ended = true;
      wake();
    });
    s.on('error', () => undefined);
    return s;
  }

  /** Sends one request and reads its reply (rejects when the hub closes without one). */
  send(r: RawRequest): Promise<RawReply> {
    const run = async (): Promise<RawReply> => {
      const s = await this.ensure();
      s.write(serialise(r));
      this.sent += 1;
      for (;;) {
        const parsed = parseReply(this.buf, r.method === 'HEAD', this.ended);
        if (parsed) {
          this.buf = this.buf.subarray(parsed.used);
          if (parsed.reply.headers.connection === 'close') this.close();
          return parsed.reply;
        }
        if (this.ended) throw new Error(`connection closed without a reply to ${r.method} ${r.target}`);
        await new Promise<void>((resolve) => (this.waiter = resolve));
      }
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** Closes the connection (the next request opens a new one). */
  close(): void {
    this.socket?.destroy();
    this.ended = true;
  }
}
