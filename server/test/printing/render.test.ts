import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_LAYOUT } from '@shared/schemas/printer';
import QRCode from 'qrcode';
import { bitmapToPng, rowBytes, stack, type Bitmap } from '../../src/printing/bitmap';
import { encodeTicket, encodeTicketParts, guardRealtime, qrCellDots } from '../../src/printing/escpos';
import type { TicketPrint } from '../../src/printing/ticket-print';
import { ticketFontFamily } from '../../src/printing/fonts';
import { renderTicket, wrap } from '../../src/printing/ticket-renderer';
import { decode } from './escpos-decoder';

const OUT = resolve('test-output/printing');
const SNAPSHOTS = resolve(import.meta.dirname, 'snapshots');

const TICKET: TicketPrint = {
  officeName: 'Trung tâm Phục vụ hành chính công phường Hòa Bình',
  serviceName: 'Chứng thực bản sao, chữ ký, hợp đồng',
  number: 'B027',
  priorityLabel: 'Người khuyết tật',
  peopleAhead: 4,
  estimatedWaitMinutes: 168,
  issuedAt: '23/11/2026 09:05',
  trackingUrl: 'http://192.168.1.20:8080/t/AbCdEfGhIjKlMnOp',
};

/** Compares with the reviewed snapshot (written on first run, then reviewed by a person); saves the render for people. */
function compare(name: string, png: Buffer): number {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/${name}.png`, png);
  const file = `${SNAPSHOTS}/${name}.png`;
  if (!existsSync(file)) writeFileSync(file, png);
  const want = PNG.sync.read(readFileSync(file));
  const got = PNG.sync.read(png);
  expect([got.width, got.height]).toEqual([want.width, want.height]);
  return pixelmatch(got.data, want.data, undefined, got.width, got.height, { threshold: 0.1 }) / (got.width * got.height);
}

describe('ticket renderer', () => {
  it('renders the 80 mm ticket at 576 dots like the reviewed snapshot (Vietnamese, priority, QR)', async () => {
    const r = await renderTicket(TICKET, { paperWidth: 80, layout: { ...DEFAULT_TICKET_LAYOUT, headerText: 'ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH' }, qrMode: 'raster' });
    expect(r.width).toBe(576);
    expect(r.qr).toBeNull();
    expect(r.bottom.height).toBe(0);
    expect(r.top.height).toBeGreaterThan(700);
    expect(compare('ticket-80mm', bitmapToPng(r.top))).toBeLessThan(0.005);
  });

  it('renders 58 mm at 384 dots, and hides what the layout hides', async () => {
    const layout = { ...DEFAULT_TICKET_LAYOUT, hidden: ['estimatedWait', 'qr'] as const };
    const full = await renderTicket(TICKET, { paperWidth: 58, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'raster' });
    const r = await renderTicket(TICKET, { paperWidth: 58, layout: { ...layout, hidden: [...layout.hidden] }, qrMode: 'raster' });
    expect(r.width).toBe(384);
    expect(r.top.height).toBeLessThan(full.top.height - 150);
    expect(compare('ticket-58mm-no-qr', bitmapToPng(r.top))).toBeLessThan(0.005);
  });

  it('wraps 58 mm lines without a lone last word, and never splits the wait (reviewed snapshot)', async () => {
    // The renderer's text at 58 mm: 17 dots, weight 500, 368 dots between the margins.
    const ctx = createCanvas(384, 40).getContext('2d');
    ctx.font = `500 17px ${ticketFontFamily()}`;
    expect(wrap(ctx, DEFAULT_TICKET_LAYOUT.footerText, 368)).toEqual(['Mời ông/bà theo dõi màn hình và loa', 'gọi số.']);
    const wait = 'khoảng 2 giờ 48 phút'.replace(/ /g, '\u00a0');
    expect(wrap(ctx, `Thời gian chờ dự kiến: ${wait}`, 368)).toEqual(['Thời gian chờ dự kiến:', wait]);
    // Measured in characters: the word before a lone last word goes down with it, when the pair fits.
    const chars = { measureText: (t: string) => ({ width: t.length }) };
    expect(wrap(chars, 'aaa bbb c', 7)).toEqual(['aaa', 'bbb c']);
    expect(wrap(chars, 'aaaaaaa c', 7)).toEqual(['aaaaaaa', 'c']);
    expect(wrap(chars, 'aaa bbbbbbb c', 7)).toEqual(['aaa', 'bbbbbbb', 'c']);
    const r = await renderTicket(TICKET, { paperWidth: 58, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'raster' });
    expect(compare('ticket-58mm', bitmapToPng(r.top))).toBeLessThan(0.005);
  });

  it('prints the office logo above the name, unless the layout hides it', async () => {
    const canvas = createCanvas(200, 100);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#000';
    ctx.fillRect(50, 10, 100, 80);
    const logo = canvas.toBuffer('image/png');
    const plain = await renderTicket(TICKET, { paperWidth: 80, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'raster' });
    const withLogo = await renderTicket(TICKET, { paperWidth: 80, layout: DEFAULT_TICKET_LAYOUT, logo, qrMode: 'raster' });
    const hidden = await renderTicket(TICKET, { paperWidth: 80, layout: { ...DEFAULT_TICKET_LAYOUT, hidden: ['logo'] }, logo, qrMode: 'raster' });
    expect(withLogo.top.height - plain.top.height).toBeGreaterThan(100);
    expect(hidden.top.height).toBe(plain.top.height);
    // The logo's black block is centred: the middle dot of row 40 is black, the left edge white.
    const stride = 576 / 8;
    expect(withLogo.top.data[40 * stride + 36]).toBe(0xff);
    expect(withLogo.top.data[40 * stride]).toBe(0);
  });

  it('native QR mode splits the image around the QR code and encodes a cut', async () => {
    const r = await renderTicket(TICKET, { paperWidth: 80, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'native' });
    expect(r.qr).toBe(TICKET.trackingUrl);
    const { commands, rest } = decode(encodeTicket('epson', r));
    expect(rest).toBe(0);
    const bands = commands.filter((c) => c.op === 'raster');
    expect(bands.reduce((h, b) => h + (b.op === 'raster' ? b.height : 0), 0)).toBe(r.top.height + r.bottom.height);
    expect(commands.filter((c) => c.op === 'cut')).toHaveLength(1);
    expect(bitmapToPng(stack([r.top, r.bottom])).length).toBeGreaterThan(1000);
  });

  it('Star printers get the Star image command and cut instead of GS v 0', async () => {
    const r = await renderTicket(TICKET, { paperWidth: 58, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'native' });
    const bytes = encodeTicket('star', r);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect(bytes.includes(Buffer.from([0x1d, 0x76, 0x30]))).toBe(false);
    expect(bytes.includes(Buffer.from([0x1b, 0x6b]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x1b, 0x64, 0x02]))).toBe(true);
    expect(bytes.includes(Buffer.from(TICKET.trackingUrl))).toBe(true);
  });

  it('leaves a quiet zone of 4 modules around the QR code, drawn by the printer or into the image', async () => {
    for (const paperWidth of [80, 58] as const) {
      const native = await renderTicket(TICKET, { paperWidth, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'native' });
      const raster = await renderTicket(TICKET, { paperWidth, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'raster' });
      const quiet = 4 * qrCellDots(native.width);
      const white = (b: Bitmap, from: number, to: number) => b.data.subarray(from * rowBytes(b.width), to * rowBytes(b.width)).every((x) => x === 0);
      // Printer's QR: the image above ends, and the image below starts, with 4 modules of white rows.
      expect(white(native.top, native.top.height - quiet, native.top.height)).toBe(true);
      expect(white(native.bottom, 0, quiet)).toBe(true);
      // Drawn QR: it starts right where the printer's would; white above and below, and its first row is dark.
      const qrTop = native.top.height;
      const modules = QRCode.create(TICKET.trackingUrl, { errorCorrectionLevel: 'M' }).modules.size;
      const size = modules * qrCellDots(native.width);
      expect(white(raster.top, qrTop - quiet, qrTop)).toBe(true);
      expect(white(raster.top, qrTop, qrTop + 1)).toBe(false);
      expect(white(raster.top, qrTop + size - 1, qrTop + size)).toBe(false);
      expect(white(raster.top, qrTop + size, qrTop + size + quiet)).toBe(true);
      // Left and right of the code: nothing within 4 modules on its rows.
      const left = Math.round((native.width - size) / 2);
      const stride = rowBytes(native.width);
      for (let y = qrTop; y < qrTop + size; y++) {
        for (const x of [left - quiet, left - 1, left + size, left + size + quiet - 1]) expect(raster.top.data[y * stride + (x >> 3)]! & (0x80 >> (x & 7))).toBe(0);
      }
      // Readable with exactly that margin: the code and its 4 quiet modules, cut out of the ticket, decode.
      const ticket = PNG.sync.read(bitmapToPng(raster.top));
      const side = size + 2 * quiet;
      const crop = new Uint8ClampedArray(side * side * 4);
      for (let y = 0; y < side; y++) {
        const from = ((qrTop - quiet + y) * ticket.width + left - quiet) * 4;
        crop.set(ticket.data.subarray(from, from + side * 4), y * side * 4);
      }
      expect(jsQR(crop, side, side)?.data, `${paperWidth} mm`).toBe(TICKET.trackingUrl);
    }
  });

  it('never encodes an image wider or narrower than the printer head', async () => {
    const wide = await renderTicket(TICKET, { paperWidth: 80, layout: DEFAULT_TICKET_LAYOUT, qrMode: 'native' });
    expect(() => encodeTicketParts('epson', wide, 384)).toThrow(/576 dots for a 384-dot printer/);
    expect(encodeTicketParts('epson', wide, 576).body.length).toBeGreaterThan(1000);
  });

  it('never lets image bytes form a real-time command (DLE EOT/ENQ/DC4)', () => {
    const guarded = guardRealtime(Uint8Array.from([0x10, 0x04, 0x01, 0x10, 0x14, 0x02, 0x10, 0x05, 0x10, 0x10, 0x33]));
    expect([...guarded]).toEqual([0x00, 0x04, 0x01, 0x00, 0x14, 0x02, 0x00, 0x05, 0x10, 0x10, 0x33]);
  });
});
