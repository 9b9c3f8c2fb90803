// Ticket rendering off the main thread: a small pool of worker_threads, each drawing the ticket image (canvas, then
// 1-bit threshold) and encoding it to ESC/POS bytes or a PNG. The image is the costliest step of printing a ticket
// (about 10 ms of CPU); on the main thread it delayed every issue reply and call queued behind it.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { PrinterType } from '@shared/schemas/printer';
import { bitmapToPng, stack } from './bitmap';
import { encodeTicketParts } from './escpos';
import type { TicketPrint } from './ticket-print';
import { renderTicket, type RenderOptions } from './ticket-renderer';

/**
 * One ticket to render, and what to make of the image: a PNG (print-to-file), or the ESC/POS bytes of a printer whose
 * head is `paperDots` wide (the encoder refuses an image of another width).
 */
export interface RenderRequest {
  ticket: TicketPrint;
  options: RenderOptions;
  output: { png: true } | { escpos: PrinterType; paperDots: number };
}

/** What a worker answers: the PNG, or the ticket's bytes up to the cut and the cut (sent in two steps, see transport). */
export type Rendered = Buffer | { body: Buffer; cut: Buffer };

/** Renders and encodes one ticket (what a worker runs). */
export async function renderBytes(r: RenderRequest): Promise<Rendered> {
  // A Buffer crosses to a worker as a plain Uint8Array.
  const options = r.options.logo ? { ...r.options, logo: Buffer.from(r.options.logo) } : r.options;
  const rendered = await renderTicket(r.ticket, options);
  return 'png' in r.output ? bitmapToPng(stack([rendered.top, rendered.bottom])) : encodeTicketParts(r.output.escpos, rendered, r.output.paperDots);
}

const toBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

const WORKER_MARK = 'motcua-render-worker';

if (!isMainThread && workerData === WORKER_MARK && parentPort) {
  const port = parentPort;
  port.on('message', (m: { id: number; request: RenderRequest }) => {
    renderBytes(m.request).then(
      (bytes) => port.postMessage({ id: m.id, bytes }),
      (err: unknown) => port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}

/**
 * The worker's entry: an ES module (data: URL) that loads this TypeScript file through tsx's scoped loader with the
 * server's tsconfig (its `@shared` paths), whatever runs the hub (the tsx CLI, `node --import tsx`, vitest).
 */
function bootstrap(): URL {
  const self = import.meta.url;
  const tsxApi = pathToFileURL(join(dirname(createRequire(self).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const tsconfig = join(dirname(fileURLToPath(self)), '../../tsconfig.json');
  const code = `import { tsImport } from ${JSON.stringify(tsxApi)};\nawait tsImport(${JSON.stringify(self)}, { parentURL: ${JSON.stringify(self)}, tsconfig: ${JSON.stringify(tsconfig)} });\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>;
}

/** Workers in the pool: one on a 2-core machine (the main thread keeps the other), at most two. */
export const RENDER_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));

/**
 * A pool of render workers, started on first use (or `warm()`), each unref'd while idle so it never keeps the process
 * alive. A worker that dies fails its jobs (the print queue retries them) and is replaced on the next render.
 */
export function createRenderPool(size = RENDER_WORKERS) {
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(bootstrap(), { workerData: WORKER_MARK });
    const slot: Slot = { worker, pending: new Map() };
    const fail = (err: Error) => {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
    };
    worker.on('message', (m: { id: number; bytes?: Uint8Array | { body: Uint8Array; cut: Uint8Array }; error?: string }) => {
      const p = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      if (slot.pending.size === 0) worker.unref();
      if (!m.bytes) p?.reject(new Error(m.error ?? 'render failed'));
      else p?.resolve(m.bytes instanceof Uint8Array ? toBuffer(m.bytes) : { body: toBuffer(m.bytes.body), cut: toBuffer(m.bytes.cut) });
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`render worker exited (${code})`)));
    worker.unref();
    slots.push(slot);
    return slot;
  }

  /** The idlest worker, spawning one while the pool is not full. */
  function pick(): Slot {
    const idlest = slots.reduce<Slot | undefined>((a, s) => (!a || s.pending.size < a.pending.size ? s : a), undefined);
    return idlest && (idlest.pending.size === 0 || slots.length >= size) ? idlest : spawn();
  }

  return {
    /** Renders in a worker; resolves with the bytes to write or send. */
    render(request: RenderRequest): Promise<Rendered> {
      if (closed) return Promise.reject(new Error('render pool closed'));
      const slot = pick();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, request });
      });
    },
    /** Starts the workers now, so the first ticket does not wait for their start-up. */
    warm(): void {
      while (!closed && slots.length < size) spawn();
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

export type RenderPool = ReturnType<typeof createRenderPool>;
