import { createHash } from 'node:crypto';
import { createCanvas, Image, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { PAPER_DOTS, type PaperWidth, type TicketItem, type TicketLayout } from '@shared/schemas/printer';
import { waitText } from '@shared/wait-text';
import { bitmapToPng, stack, toBitmap, type Bitmap } from './bitmap';
import { qrCellDots } from './escpos';
import { ticketFontFamily } from './fonts';
import type { TicketPrint } from './ticket-print';

/** How the QR code reaches the paper: the printer's own QR command, or drawn into the image. */
export type QrMode = 'native' | 'raster';

/** A rendered ticket: the image above the QR code, the image below it, and the QR text (native mode). */
export interface RenderedTicket {
  width: number;
  top: Bitmap;
  bottom: Bitmap;
  /** Set in native mode: the printer draws this QR code between `top` and `bottom`. */
  qr: string | null;
}

/** Everything the renderer needs besides the ticket. */
export interface RenderOptions {
  paperWidth: PaperWidth;
  layout: TicketLayout;
  logo?: Buffer | null;
  qrMode: QrMode;
}

const MAX_HEIGHT = 2400;
let logoCache: { key: string; image: Image } | null = null;

function decodeLogo(bytes: Buffer): Image | null {
  const key = createHash('sha1').update(bytes).digest('hex');
  if (logoCache?.key === key) return logoCache.image;
  const image = new Image();
  image.src = bytes;
  if (!image.complete || image.width === 0) return null;
  logoCache = { key, image };
  return image;
}

/**
 * Splits text into lines no wider than `max` at the current font, breaking at ordinary spaces (a no-break space keeps
 * its words together). A last line of one word takes the word before it along when that fits ("… loa gọi / số." on
 * 58 mm paper reads "… loa / gọi số.").
 */
export function wrap(ctx: { measureText(text: string): { width: number } }, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n\r]+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  const last = lines.at(-1) ?? '';
  const before = lines.at(-2)?.split(' ') ?? [];
  if (!/[ \u00a0]/.test(last) && before.length > 1) {
    const moved = `${before.at(-1)} ${last}`;
    if (ctx.measureText(moved).width <= max) lines.splice(-2, 2, before.slice(0, -1).join(' '), moved);
  }
  return lines;
}

/** No-break spaces between words: the phrase wraps as one ("khoảng 2 giờ 48 phút" is never split on paper). */
const unbroken = (phrase: string): string => phrase.replace(/ /g, '\u00a0');

function star(ctx: SKRSContext2D, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 === 0 ? r : r * 0.45;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(cx + rad * Math.cos(a), cy + rad * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
}

/**
 * Renders a ticket at the printer's dot width (576 dots on 80 mm paper, 384 on 58 mm) with the bundled Be Vietnam Pro:
 * Vietnamese text is printed as an image because printer code pages (WPC1258/TCVN) mangle tone marks.
 */
export async function renderTicket(t: TicketPrint, o: RenderOptions): Promise<RenderedTicket> {
  const width = PAPER_DOTS[o.paperWidth];
  const s = width / 576;
  const family = ticketFontFamily();
  const canvas = createCanvas(width, MAX_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, MAX_HEIGHT);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const margin = Math.round(12 * s);
  const inner = width - 2 * margin;
  const shown = (item: TicketItem) => !o.layout.hidden.includes(item);
  let y = Math.round(8 * s);

  const text = (value: string, px: number, weight: 500 | 700 | 800, gap = 0.3): void => {
    // Never below 17 dots (about 2 mm at 203 dpi): smaller is unreadable on thermal paper.
    const size = Math.max(17, Math.round(px * s));
    ctx.font = `${weight} ${size}px ${family}`;
    for (const line of wrap(ctx, value, inner)) {
      y += size;
      ctx.fillText(line, width / 2, y);
      y += Math.round(size * gap);
    }
  };
  const rule = (): void => {
    y += Math.round(8 * s);
    ctx.fillRect(margin, y, inner, Math.max(2, Math.round(3 * s)));
    y += Math.round(14 * s);
  };

  if (shown('logo') && o.logo) {
    const logo = decodeLogo(o.logo);
    if (logo) {
      const h = Math.min(Math.round(110 * s), logo.height);
      const w = Math.min(inner, Math.round((logo.width * h) / logo.height));
      ctx.drawImage(logo, (width - w) / 2, y, w, Math.round((logo.height * w) / logo.width));
      y += Math.round((logo.height * w) / logo.width) + Math.round(8 * s);
    }
  }
  if (o.layout.headerText.trim()) text(o.layout.headerText.trim(), 22, 500);
  if (shown('officeName')) text(t.officeName, 28, 700);
  rule();
  text('SỐ THỨ TỰ CỦA BẠN', 24, 700);
  // The number as large as the paper allows (up to 190 px): read from across the waiting room.
  let numberPx = Math.round(190 * s);
  ctx.font = `800 ${numberPx}px ${family}`;
  const measured = ctx.measureText(t.number).width;
  if (measured > inner) numberPx = Math.floor((numberPx * inner) / measured);
  ctx.font = `800 ${numberPx}px ${family}`;
  y += Math.round(numberPx * 0.78);
  ctx.fillText(t.number, width / 2, y);
  y += Math.round(numberPx * 0.14);

  if (t.priorityLabel && shown('priority')) {
    // Priority: a black band with a star and the word, never a colour alone.
    const bandH = Math.round(52 * s);
    ctx.fillRect(margin, y, inner, bandH);
    ctx.fillStyle = '#fff';
    ctx.font = `800 ${Math.round(32 * s)}px ${family}`;
    const word = 'ƯU TIÊN';
    const ww = ctx.measureText(word).width;
    const r = Math.round(16 * s);
    star(ctx, width / 2 - ww / 2 - r - Math.round(6 * s), y + bandH / 2, r);
    star(ctx, width / 2 + ww / 2 + r + Math.round(6 * s), y + bandH / 2, r);
    ctx.fillText(word, width / 2, y + Math.round(38 * s));
    ctx.fillStyle = '#000';
    y += bandH;
    text(t.priorityLabel, 22, 700);
  }
  if (shown('serviceName')) text(t.serviceName, 28, 700);
  rule();
  if (shown('peopleAhead')) text(`Số người chờ trước bạn: ${t.peopleAhead}`, 24, 500);
  if (shown('estimatedWait')) text(`Thời gian chờ dự kiến: ${unbroken(t.estimatedWaitMinutes > 0 ? waitText(t.estimatedWaitMinutes) : 'sắp đến lượt')}`, 24, 500);

  // A QR code needs a quiet zone of 4 modules on every side to scan reliably (ISO/IEC 18004); the sides are wide
  // open, above and below are white rows of the image (the printer's own QR command adds none).
  const cell = qrCellDots(width);
  const quiet = 4 * cell;
  const qrTop = y + quiet;
  let qr: string | null = null;
  if (shown('qr')) {
    if (o.qrMode === 'native') {
      qr = t.trackingUrl;
      y = qrTop + quiet;
    } else {
      const code = QRCode.create(t.trackingUrl, { errorCorrectionLevel: 'M' });
      const size = code.modules.size * cell;
      const left = Math.round((width - size) / 2);
      for (let r = 0; r < code.modules.size; r++) {
        for (let c = 0; c < code.modules.size; c++) if (code.modules.get(r, c)) ctx.fillRect(left + c * cell, qrTop + r * cell, cell, cell);
      }
      y = qrTop + size + quiet;
    }
    text('Quét mã QR để theo dõi lượt của bạn', 20, 500);
  }
  if (shown('issuedAt')) text(`Lấy số lúc: ${t.issuedAt}`, 22, 500);
  if (o.layout.footerText.trim()) text(o.layout.footerText.trim(), 20, 500);
  if (t.reprint) text('— BẢN IN LẠI —', 20, 700);
  if (t.test) text('— IN THỬ, KHÔNG CÓ GIÁ TRỊ —', 20, 700);
  y = Math.min(MAX_HEIGHT, y + Math.round(12 * s));

  const splitAt = qr === null ? y : qrTop;
  return { width, top: toBitmap(ctx, 0, splitAt), bottom: qr === null ? toBitmap(ctx, y, y) : toBitmap(ctx, qrTop, y), qr };
}

/** The whole ticket as one PNG with the QR code drawn in (previews, print-to-file, the kiosk's print page). */
export async function renderTicketPng(t: TicketPrint, o: Omit<RenderOptions, 'qrMode'>): Promise<{ png: Buffer; width: number; height: number }> {
  const r = await renderTicket(t, { ...o, qrMode: 'raster' });
  const image = stack([r.top, r.bottom]);
  return { png: bitmapToPng(image), width: image.width, height: image.height };
}
