import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TICKET_LAYOUT } from '@shared/schemas/printer';
import { createRenderPool, renderBytes, type Rendered, type RenderRequest } from '../../src/printing/render-worker';
import type { TicketPrint } from '../../src/printing/ticket-print';
import { buildTestApp } from '../helper';
import { decode } from './escpos-decoder';

const TICKET: TicketPrint = {
  officeName: 'UBND phường Hòa Bình',
  serviceName: 'Hộ tịch — đăng ký khai sinh',
  number: 'A042',
  priorityLabel: 'Người cao tuổi (từ 60 tuổi)',
  peopleAhead: 7,
  estimatedWaitMinutes: 21,
  issuedAt: '23/11/2026 09:00',
  trackingUrl: 'http://hub.test/t/AbCdEfGhIjKlMnOp',
};
const escpos: RenderRequest = { ticket: TICKET, options: { paperWidth: 80, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'native' }, output: { escpos: 'epson', paperDots: 576 } };
/** The ESC/POS answer as one stream (body, then the cut), or the PNG. */
const bytes = (r: Rendered): Buffer => (Buffer.isBuffer(r) ? r : Buffer.concat([r.body, r.cut]));
const png: RenderRequest = { ticket: TICKET, options: { paperWidth: 58, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'raster' }, output: { png: true } };

describe('ticket rendering in worker threads', { timeout: 60_000 }, () => {
  const pool = createRenderPool(2);
  afterAll(() => pool.close());

  it('renders in another thread exactly the bytes the main thread would (ESC/POS and PNG)', async () => {
    const [fromWorker, fromWorkerPng] = (await Promise.all([pool.render(escpos), pool.render(png)])).map(bytes) as [Buffer, Buffer];
    expect(Buffer.compare(fromWorker, bytes(await renderBytes(escpos)))).toBe(0);
    expect(Buffer.compare(fromWorkerPng, bytes(await renderBytes(png)))).toBe(0);
    const ops = decode(fromWorker).commands.map((c) => c.op);
    expect(ops).toContain('qr-store');
    expect(ops).toContain('cut');
    const image = PNG.sync.read(fromWorkerPng);
    expect(image.width).toBe(384);
    expect(image.height).toBeGreaterThan(300);
  });

  it('a failing render rejects its own job only; the pool keeps rendering', async () => {
    const bad = { ...escpos, options: { ...escpos.options, paperWidth: 99 as 80 } };
    const [failed, ok] = await Promise.allSettled([pool.render(bad), pool.render(escpos)]);
    expect(failed.status).toBe('rejected');
    expect(ok.status).toBe('fulfilled');
    expect(Buffer.compare(bytes(await pool.render(escpos)), bytes(await renderBytes(escpos)))).toBe(0);
  });

  it('after close, a render is refused instead of hanging', async () => {
    const closed = createRenderPool(1);
    closed.warm();
    await closed.close();
    await expect(closed.render(escpos)).rejects.toThrow(/closed/);
  });

  it('tickets issued together (one group commit) each get one print job and are printed once (print-to-file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-prints-'));
    const t = await buildTestApp({ config: { printing: { defaultPrinter: `file:${dir}`, retryBaseMs: 40, pollMs: 0, timeoutMs: 2000 } } });
    try {
      const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 + (i % 3) }) }).then(
            async (r) => ({ status: r.status, body: (await r.json()) as { id: number; number: string } }),
          ),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(12).fill(201));
      const jobs = () => t.app.db.prepare("SELECT ticket_id, status FROM print_jobs WHERE kind = 'ticket' ORDER BY ticket_id").all() as { ticket_id: number; status: string }[];
      await vi.waitFor(() => expect(jobs().filter((j) => j.status === 'done')).toHaveLength(12), { timeout: 30_000, interval: 20 });
      expect(jobs().map((j) => j.ticket_id)).toEqual(replies.map((r) => r.body.id).sort((a, b) => a - b));
      const files = readdirSync(dir).filter((f) => f.endsWith('.png'));
      expect(files).toHaveLength(12);
      for (const r of replies) expect(files.filter((f) => f.includes(`-${r.body.number}-ticket-`))).toHaveLength(1);
      expect(PNG.sync.read(readFileSync(join(dir, files[0] as string))).width).toBe(576);
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
