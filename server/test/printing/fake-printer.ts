import { createServer, type Server, type Socket } from 'node:net';
import { decode, type Command } from './escpos-decoder';

/** What the fake printer reports to DLE EOT, as a real Epson would. */
export type FakeState = 'online' | 'near_end' | 'paper_out' | 'cover_open' | 'error' | 'offline';
/** Which error bit DLE EOT 3 reports in the `error` state. */
export type FakeError = 'autocutter' | 'unrecoverable' | 'auto_recoverable';

/** A copy as it came out of the fake printer: the commands from the job's start up to its cut. */
export interface ReceivedJob {
  bytes: Buffer;
  commands: Command[];
  receivedAt: number;
}

const ERROR_BITS: Record<FakeError, number> = { autocutter: 0x08, unrecoverable: 0x20, auto_recoverable: 0x40 };

/** The byte a real Epson answers to DLE EOT n in a state (fixed bits 1 and 4 set). */
export function statusByte(n: number, state: FakeState, error: FakeError = 'autocutter'): number {
  const stopped = state !== 'online' && state !== 'near_end';
  if (n === 1) return 0x12 | (stopped ? 0x08 : 0);
  if (n === 2) return 0x12 | (state === 'cover_open' ? 0x04 : 0) | (state === 'paper_out' ? 0x20 : 0) | (state === 'error' ? 0x40 : 0);
  if (n === 3) return 0x12 | (state === 'error' ? ERROR_BITS[error] : 0);
  return 0x12 | (state === 'near_end' ? 0x0c : 0) | (state === 'paper_out' ? 0x6c : 0);
}

/**
 * A loopback ESC/POS printer on port 0. It decodes what arrives as it arrives, answers every DLE EOT status request
 * in order like an Epson, and prints a copy at each cut received while it can print (counted in `jobs`). It can go
 * down (refuse connections), never answer, answer late, reset a connection mid-job or right after the cut, and run
 * out of paper or jam its cutter on the ticket it is printing.
 */
export async function startFakePrinter() {
  let state: FakeState = 'online';
  let error: FakeError = 'autocutter';
  let resetAfter: number | null = null;
  let resetAfterCut = false;
  /** What the printer runs into on the next ticket (it does not come out whole). */
  let failNext: { state: FakeState; error: FakeError } | null = null;
  let delayMs = 0;
  let jobDelayMs = 0;
  let silent = false;
  const jobs: ReceivedJob[] = [];
  /** Cuts received while the printer could not print (nothing came out). */
  const refused: Command[][] = [];
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];
  let statusQueries = 0;

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    let buf = Buffer.alloc(0);
    let handled = 0;
    let jobStart = 0;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);

    const handle = () => {
      if (socket.destroyed) return;
      const { commands } = decode(buf);
      const answers: number[] = [];
      for (; handled < commands.length; handled++) {
        const c = commands[handled] as Command;
        if (c.op === 'status') {
          statusQueries++;
          answers.push(statusByte(c.n, state, error));
        } else if (c.op === 'cut') {
          const copy = commands.slice(jobStart, handled + 1);
          jobStart = handled + 1;
          if (failNext) {
            ({ state, error } = failNext);
            failNext = null;
            refused.push(copy);
          } else if (state === 'online' || state === 'near_end') {
            jobs.push({ bytes: buf, commands: copy, receivedAt: performance.now() });
            waiters.splice(0).forEach((w) => w());
          } else refused.push(copy);
          if (resetAfterCut) {
            resetAfterCut = false;
            socket.resetAndDestroy();
            return;
          }
        }
      }
      if (answers.length && !silent) {
        const send = () => !socket.destroyed && socket.write(Buffer.from(answers));
        // A busy printer answers a job's requests late (its health checks stay quick).
        if (jobDelayMs > 0 && commands.some((c) => c.op === 'raster')) setTimeout(send, jobDelayMs);
        else send();
      }
    };

    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (resetAfter !== null && buf.length >= resetAfter && decode(buf).commands.some((c) => c.op === 'raster')) {
        resetAfter = null;
        socket.resetAndDestroy();
        return;
      }
      if (delayMs > 0) setTimeout(handle, delayMs);
      else handle();
    });
  };

  let server: Server = createServer(onConnection);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;

  return {
    port,
    address: `tcp://127.0.0.1:${port}`,
    /** Copies printed (one per cut received while printable). */
    jobs,
    refused,
    get statusQueries() {
      return statusQueries;
    },
    get state() {
      return state;
    },
    setState(next: FakeState, kind: FakeError = 'autocutter') {
      state = next;
      error = kind;
    },
    /** The next job connection is reset once it has received this many bytes (printer rebooted mid-job). */
    resetNextJobAfter(bytes: number) {
      resetAfter = bytes;
    },
    /** The next connection that delivers a cut is reset right after it, before answering what follows. */
    resetAfterNextCut() {
      resetAfterCut = true;
    },
    /** The roll ends on the next ticket: it does not come out whole, and the printer reports paper end. */
    runOutOfPaperOnNextJob() {
      failNext = { state: 'paper_out', error };
    },
    /** The autocutter jams on the next ticket: the printer reports an autocutter error (DLE EOT 3 bit 3). */
    jamCutterOnNextJob() {
      failNext = { state: 'error', error: 'autocutter' };
    },
    /** Never answers status queries (many clones and Star printers in Star mode). */
    setSilent(on: boolean) {
      silent = on;
    },
    /** Answers the status requests of connections carrying a job this late. */
    setJobAnswerDelay(ms: number) {
      jobDelayMs = ms;
    },
    /** Handles every chunk this late. */
    setDelay(ms: number) {
      delayMs = ms;
    },
    /** Resolves when `n` copies have been printed in total. */
    async waitForJobs(n: number, timeoutMs = 8000): Promise<void> {
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
