import { createServer, type Server, type Socket } from 'node:net';
import { decode, type Command } from './escpos-decoder';

/** What the fake printer reports to DLE EOT. */
export type FakeState = 'online' | 'paper_out' | 'cover_open';

/** A job as the fake printer received it: one connection's bytes that carried something besides status queries. */
export interface ReceivedJob {
  bytes: Buffer;
  commands: Command[];
  receivedAt: number;
}

/**
 * A loopback ESC/POS printer on port 0: records every connection's bytes, decodes them, and answers DLE EOT status
 * queries (n = 1, 2, 4) like an Epson. It can go down (refuse connections), reset a connection mid-job, or be slow.
 */
export async function startFakePrinter() {
  let state: FakeState = 'online';
  let resetAfter: number | null = null;
  let delayMs = 0;
  let silent = false;
  const jobs: ReceivedJob[] = [];
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];
  let statusQueries = 0;

  const answer = (n: number): number => {
    if (n === 2) return 0x12 | (state === 'cover_open' ? 0x04 : 0) | (state === 'paper_out' ? 0x20 : 0);
    if (n === 4) return 0x12 | (state === 'paper_out' ? 0x60 : 0);
    return 0x16;
  };

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    let buf = Buffer.alloc(0);
    let answered = 0;
    let recorded = false;
    socket.on('close', () => {
      sockets.delete(socket);
      // A printer that never answers: the job is whatever arrived before the hub closed the connection.
      if (silent && !recorded && buf.length > 0 && decode(buf).commands.some((c) => c.op !== 'status')) {
        recorded = true;
        jobs.push({ bytes: buf, commands: decode(buf).commands, receivedAt: performance.now() });
      }
    });
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (resetAfter !== null && buf.length >= resetAfter) {
        resetAfter = null;
        socket.resetAndDestroy();
        return;
      }
      const { commands } = decode(buf);
      const statuses = commands.filter((c) => c.op === 'status');
      const isJob = commands.some((c) => c.op !== 'status');
      const reply = () => {
        if (socket.destroyed || silent) return;
        for (const s of statuses.slice(answered)) socket.write(Buffer.from([answer(s.n)]));
        statusQueries += statuses.length - answered;
        answered = statuses.length;
        // A job is complete when its trailing status query arrived (the hub appends one to every job).
        if (isJob && !recorded && commands.at(-1)?.op === 'status') {
          recorded = true;
          jobs.push({ bytes: buf, commands, receivedAt: performance.now() });
          waiters.splice(0).forEach((w) => w());
        }
      };
      if (delayMs > 0) setTimeout(reply, delayMs);
      else reply();
    });
  };

  let server: Server = createServer(onConnection);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;

  return {
    port,
    address: `tcp://127.0.0.1:${port}`,
    jobs,
    get statusQueries() {
      return statusQueries;
    },
    setState(next: FakeState) {
      state = next;
    },
    /** The next connection is reset once it has received this many bytes. */
    resetNextJobAfter(bytes: number) {
      resetAfter = bytes;
    },
    /** Never answers status queries (many clones and Star printers in Star mode). */
    setSilent(on: boolean) {
      silent = on;
    },
    /** Answers every chunk this late. */
    setDelay(ms: number) {
      delayMs = ms;
    },
    /** Resolves when `n` jobs have been received in total. */
    async waitForJobs(n: number, timeoutMs = 5000): Promise<void> {
      const until = Date.now() + timeoutMs;
      while (jobs.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} jobs, got ${jobs.length}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
    /** Stops listening: connections are refused (printer off or unplugged). */
    async down(): Promise<void> {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => server.close(() => r()));
    },
    /** Listens again on the same port (printer back). */
    async up(): Promise<void> {
      server = createServer(onConnection);
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    async close(): Promise<void> {
      sockets.forEach((s) => s.destroy());
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A started fake printer. */
export type FakePrinter = Awaited<ReturnType<typeof startFakePrinter>>;
