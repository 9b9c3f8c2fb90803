import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import type { PrinterType } from '@shared/schemas/printer';
import { rowBytes, type Bitmap } from './bitmap';
import type { RenderedTicket } from './ticket-renderer';

/** Rows per raster command: well under the 1,000-row limit and small enough for a printer's receive buffer. */
export const BAND_ROWS = 256;

const STAR_BAND_ROWS = 240;

/** Real-time status request, ESC/POS `DLE EOT n` (n = 1 printer, 2 offline cause, 4 paper sensor). */
export const statusQuery = (n: 1 | 2 | 4): Buffer => Buffer.from([0x10, 0x04, n]);

/** A command builder of node-thermal-printer for the dialect, without a transport. */
export function commandBuilder(type: PrinterType): ThermalPrinter {
  return new ThermalPrinter({ type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: '' });
}

/** Rows [from, to) of a bitmap as a bitmap. */
function band(b: Bitmap, from: number, to: number): Bitmap {
  const stride = rowBytes(b.width);
  return { width: b.width, height: to - from, data: b.data.subarray(from * stride, to * stride) };
}

/**
 * Printers act on real-time commands (DLE EOT status, DLE ENQ, DLE DC4 pulse/power-off) even inside image data. A
 * byte 0x10 followed by 0x04, 0x05 or 0x14 loses one dot (0x10 → 0x00): invisible, and no spurious command runs.
 */
export function guardRealtime(data: Uint8Array): Buffer {
  const out = Buffer.from(data);
  for (let i = 0; i < out.length - 1; i++) {
    if (out[i] === 0x10 && (out[i + 1] === 0x04 || out[i + 1] === 0x05 || out[i + 1] === 0x14)) out[i] = 0x00;
  }
  return out;
}

/** ESC/POS `GS v 0` raster bit image of one band. */
function gsv0(b: Bitmap): Buffer {
  const x = rowBytes(b.width);
  return Buffer.concat([Buffer.from([0x1d, 0x76, 0x30, 0x00, x & 0xff, x >> 8, b.height & 0xff, b.height >> 8]), guardRealtime(b.data)]);
}

/** RGBA pixels of a band (for node-thermal-printer's Star image command). */
function rgba(b: Bitmap): Buffer {
  const out = Buffer.alloc(b.width * b.height * 4, 255);
  const stride = rowBytes(b.width);
  for (let y = 0; y < b.height; y++) {
    for (let xx = 0; xx < b.width; xx++) {
      if (((b.data[y * stride + (xx >> 3)] as number) & (0x80 >> (xx & 7))) !== 0) out.fill(0, (y * b.width + xx) * 4, (y * b.width + xx) * 4 + 3);
    }
  }
  return out;
}

/** Appends an image in bands of at most BAND_ROWS rows. */
function appendImage(p: ThermalPrinter, type: PrinterType, image: Bitmap): void {
  // Star prints images in 24-dot strips: a band of a multiple of 24 rows leaves no blank seam between bands.
  const rows = type === 'star' ? STAR_BAND_ROWS : BAND_ROWS;
  for (let from = 0; from < image.height; from += rows) {
    const part = band(image, from, Math.min(image.height, from + rows));
    if (type === 'star') {
      // Star line mode has no GS v 0: the library's Star image command (ESC k, 24-dot strips) does it.
      const printer = (p as unknown as { printer: { printImageBuffer(w: number, h: number, d: Buffer): Buffer } }).printer;
      p.append(printer.printImageBuffer(part.width, part.height, rgba(part)));
    } else p.append(gsv0(part));
  }
}

/**
 * The bytes of one ticket: initialise, centre, the image above the QR code, the printer's own QR command (crisp at
 * the head's resolution, ~60 bytes instead of a ~9 KB raster), the image below it, feed and cut.
 */
export function encodeTicket(type: PrinterType, ticket: RenderedTicket): Buffer {
  const p = commandBuilder(type);
  p.append(Buffer.from([0x1b, 0x40])); // ESC @: initialise (same in Star and Epson modes)
  p.alignCenter();
  appendImage(p, type, ticket.top);
  if (ticket.qr !== null) {
    p.printQR(ticket.qr, { cellSize: ticket.width >= 576 ? 8 : 6, correction: 'M', model: 2 });
    p.newLine();
  }
  appendImage(p, type, ticket.bottom);
  p.cut();
  return p.getBuffer();
}
